import type { Logger } from "../log.js";
import type { RetentionSensor, RollupStore } from "../store/rollupStore.js";
import type { RetentionPolicy } from "./retentionPolicy.js";
import type { RollupService } from "./rollupService.js";

/** Delete transactions per sensor and pass at most: one sensor's backlog does not hold up the others' for long. */
const MAX_BATCHES_PER_SENSOR = 50;

export interface RetentionPass {
  readonly rawDeleted: number;
  readonly minutesDeleted: number;
  /** Sensors whose old readings were rolled up first (written before rollups existed). */
  readonly backfilled: number;
  readonly seconds: number;
}

export interface SensorRetentionPlan {
  readonly sensorId: string;
  readonly rawDays: number;
  readonly rawCutoffMs: number | null;
  readonly rawReadings: number;
  readonly minuteRollups: number;
  /** Why nothing of it is deleted yet; null when the counts will go. */
  readonly heldBack: string | null;
}

export interface RetentionPlan {
  readonly asOfMs: number;
  readonly minuteCutoffMs: number | null;
  readonly rawReadings: number;
  readonly minuteRollups: number;
  readonly sensors: readonly SensorRetentionPlan[];
}

/**
 * Deletes what retention no longer keeps, in the background: raw readings past each sensor's
 * raw retention and minute rollups past RETENTION_MINUTE_DAYS, in transactions of
 * RETENTION_BATCH that take turns with the batch writer (the rollup lock is first come, first
 * served), so ingest waits at most one small delete. A sensor's raw readings go only once its
 * rollups hold all of them: a sensor from before rollups is backfilled first.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RetentionPass> | null = null;
  private stopped = false;

  constructor(
    private readonly store: RollupStore,
    private readonly rollups: RollupService,
    private readonly policy: RetentionPolicy,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {}

  /** Runs a pass every RETENTION_INTERVAL_SECONDS, each that long after the previous one ended (the first that long after start). */
  start(): void {
    const loop = (): void => {
      if (this.stopped) return;
      void this.runOnce()
        .catch((error: unknown) => this.log.warn("a retention pass failed; the next one retries", { error }))
        .finally(() => {
          if (this.stopped) return;
          this.timer = setTimeout(loop, this.policy.settings.intervalMs);
          this.timer.unref();
        });
    };
    this.timer = setTimeout(loop, this.policy.settings.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over every sensor (one at a time; a second call waits for the running one). */
  runOnce(): Promise<RetentionPass> {
    if (this.running !== null) return this.running;
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** What a pass at `asOfMs` would delete, without deleting anything. */
  async dryRun(asOfMs = this.clock()): Promise<RetentionPlan> {
    const sensors = await this.sensors();
    const minuteCutoffMs = this.policy.minuteCutoff(asOfMs);
    const plans: SensorRetentionPlan[] = [];
    for (const s of sensors) {
      const rawCutoffMs = this.policy.rawCutoff(s.sensorId, asOfMs);
      const counts = await this.store.countBefore(s.sensorId, rawCutoffMs, minuteCutoffMs);
      plans.push({
        sensorId: s.sensorId,
        rawDays: this.policy.rawDays(s.sensorId),
        rawCutoffMs,
        rawReadings: counts.raw,
        minuteRollups: counts.minutes,
        heldBack: s.rollupsComplete ? null : "its readings predate rollups: they are rolled up first, then deleted",
      });
    }
    return {
      asOfMs,
      minuteCutoffMs,
      rawReadings: plans.reduce((n, p) => n + p.rawReadings, 0),
      minuteRollups: plans.reduce((n, p) => n + p.minuteRollups, 0),
      sensors: plans,
    };
  }

  private async sensors(): Promise<RetentionSensor[]> {
    const sensors = await this.store.sensors();
    this.policy.setOverrides(new Map(sensors.filter((s) => s.retentionDays !== null).map((s) => [s.sensorId, s.retentionDays as number])));
    return sensors;
  }

  private async pass(): Promise<RetentionPass> {
    const started = performance.now();
    let rawDeleted = 0;
    let minutesDeleted = 0;
    let backfilled = 0;
    const batch = this.policy.settings.batchSize;
    for (const s of await this.sensors()) {
      if (this.stopped) break;
      if (!s.rollupsComplete) {
        const outcome = await this.rollups.backfill(s.sensorId);
        backfilled += 1;
        this.log.info(`rolled up ${s.sensorId}'s readings from before rollups existed; retention applies to it from now on`, { readings: outcome?.readings ?? 0 });
        continue;
      }
      const now = this.clock();
      const rawCutoff = this.policy.rawCutoff(s.sensorId, now);
      if (rawCutoff !== null) {
        // Said before anything goes, so a rebuild never recomputes a day from what is left of it.
        await this.store.markRawIncompleteBefore(s.sensorId, rawCutoff);
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may run while a batch is deleted
        for (let k = 0; k < MAX_BATCHES_PER_SENSOR && !this.stopped; k++) {
          const n = await this.store.deleteRawBefore(s.sensorId, rawCutoff, batch);
          rawDeleted += n;
          if (n < batch) break;
        }
      }
      const minuteCutoff = this.policy.minuteCutoff(now);
      if (minuteCutoff !== null) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may run while a batch is deleted
        for (let k = 0; k < MAX_BATCHES_PER_SENSOR && !this.stopped; k++) {
          const n = await this.store.deleteMinutesBefore(s.sensorId, minuteCutoff, batch);
          minutesDeleted += n;
          if (n < batch) break;
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    if (rawDeleted + minutesDeleted > 0) this.log.info(`retention: deleted ${rawDeleted} raw readings and ${minutesDeleted} minute rollups`, { seconds: Math.round(seconds * 10) / 10 });
    return { rawDeleted, minutesDeleted, backfilled, seconds };
  }
}
