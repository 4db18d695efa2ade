import { DAY_MS, HOUR_MS, type KeptFrom } from "../analytics/rollup/resolution.js";
import type { RollupPolicy } from "../store/rollupWrites.js";

/** How long history is kept (see docs/history.md); 0 days: kept for ever. */
export interface RetentionSettings {
  /** Raw readings older than this are deleted (a sensor's own Sensor.retentionDays overrides it). */
  readonly rawDays: number;
  /** Minute rollups older than this are deleted; hour and day rollups are kept. */
  readonly minuteDays: number;
  /** Pause between retention passes (ms). */
  readonly intervalMs: number;
  /** Readings or rollups deleted per transaction. */
  readonly batchSize: number;
}

/**
 * A reading this much older than raw retention goes to the rollups only; one between is stored
 * raw and deleted by the next pass. The margin keeps the ingest answer (which counts
 * rollup-only readings when it is given) and the write (a moment later) in agreement.
 */
const LATE_MARGIN_MS = HOUR_MS;

/** How long each sensor's history is kept: RETENTION_* with each sensor's own Sensor.retentionDays. */
export class RetentionPolicy implements RollupPolicy {
  private overrides = new Map<string, number>();

  constructor(
    readonly settings: RetentionSettings,
    /** Raw days the features need at least: an override below it is raised to it (the start refuses one stored). */
    private readonly minimumRawDays = 0,
  ) {}

  /** Sensor.retentionDays of every sensor that has one. */
  setOverrides(overrides: ReadonlyMap<string, number>): void {
    this.overrides = new Map(overrides);
  }

  /** Days of raw readings kept for a sensor; 0: for ever. */
  rawDays(sensorId: string): number {
    const own = this.overrides.get(sensorId);
    if (own === undefined) return this.settings.rawDays;
    return own === 0 ? 0 : Math.max(own, this.minimumRawDays);
  }

  /** Raw readings of the sensor at or before this are deleted; null: none are. */
  rawCutoff(sensorId: string, nowMs: number): number | null {
    const days = this.rawDays(sensorId);
    return days === 0 ? null : nowMs - days * DAY_MS;
  }

  /** Minute rollups ending at or before this are deleted; null: none are. */
  minuteCutoff(nowMs: number): number | null {
    return this.settings.minuteDays === 0 ? null : nowMs - this.settings.minuteDays * DAY_MS;
  }

  rollupOnlyBefore(sensorId: string, nowMs: number): number | null {
    const cutoff = this.rawCutoff(sensorId, nowMs);
    return cutoff === null ? null : cutoff - LATE_MARGIN_MS;
  }

  /** True when the ingest answer should say the reading went to the rollups only. */
  isPastRaw(sensorId: string, timestampMs: number, nowMs: number): boolean {
    const cutoff = this.rawCutoff(sensorId, nowMs);
    return cutoff !== null && timestampMs <= cutoff;
  }

  minuteKeptFrom(nowMs: number): number | null {
    return this.minuteCutoff(nowMs);
  }

  /** From when each resolution is still kept for a sensor. */
  kept(sensorId: string, nowMs: number): KeptFrom {
    return { raw: this.rawCutoff(sensorId, nowMs), minute: this.minuteCutoff(nowMs) };
  }
}

/** Keeps everything (no RETENTION_* configured: tests, benchmarks' baselines). */
export const KEEP_FOREVER: RetentionSettings = Object.freeze({ rawDays: 0, minuteDays: 0, intervalMs: 60_000, batchSize: 2_000 });
