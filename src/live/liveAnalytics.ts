import { AnomalyDetector } from "../analytics/anomalyDetector.js";
import type { ActiveEpisode, AnomalyEvent } from "../domain/anomalyTypes.js";
import type { Point } from "../analytics/point.js";
import { SeriesWindow } from "../analytics/seriesWindow.js";
import type { Logger } from "../log.js";
import type { Reading } from "../domain/reading.js";
import { kindFromId, SENSOR_KINDS, type SensorKind } from "../domain/sensorKind.js";

interface SensorLiveAnalytics {
  kind: SensorKind;
  readonly window: SeriesWindow;
  detector: AnomalyDetector;
  /** False until its recent history has been loaded; readings meanwhile wait in `pending`. */
  warm: boolean;
  pending: Reading[];
  /** The window holds every reading after this time (−∞: all since the sensor's first). */
  completeAfterMs: number;
}

export interface LiveAnalyticsOptions {
  /** How much history each sensor keeps in memory (the live path's reach). */
  readonly retentionMs: number;
  readonly log: Logger;
  /** Receives the anomaly episode edges every reading (or gap check) causes. */
  readonly onAnomalies: (events: readonly AnomalyEvent[]) => void;
}

export const asSensorKind = (kind: string, sensorId: string): SensorKind => ((SENSOR_KINDS as readonly string[]).includes(kind) ? (kind as SensorKind) : kindFromId(sensorId));

/**
 * Per-sensor rolling state updated on every accepted reading in O(1): a typed-array series
 * window (traits, trend, ranking over any window inside the retention) and a streaming anomaly
 * detector. Warmed from Neo4j at start-up; until a sensor is warm its queries take the history
 * path and its new readings wait, so nothing is judged twice or out of order.
 */
export class LiveAnalytics {
  private readonly sensors = new Map<string, SensorLiveAnalytics>();

  constructor(private readonly options: LiveAnalyticsOptions) {}

  /** Registers sensors whose history will be loaded (start-up); new sensors are warm at once. */
  expect(sensors: ReadonlyArray<{ readonly sensorId: string; readonly kind: SensorKind }>): void {
    for (const { sensorId, kind } of sensors) {
      if (!this.sensors.has(sensorId)) this.sensors.set(sensorId, this.create(kind, sensorId, false));
    }
  }

  /** Feeds a reading accepted by the ingest pipeline. */
  accept(reading: Reading): void {
    let state = this.sensors.get(reading.sensorId);
    if (state === undefined) {
      state = this.create(kindFromId(reading.sensorId), reading.sensorId, true);
      state.completeAfterMs = Number.NEGATIVE_INFINITY;
      this.sensors.set(reading.sensorId, state);
    }
    if (!state.warm) {
      state.pending.push(reading);
      return;
    }
    this.apply(state, reading.timestampMs, reading.value);
  }

  /** Loads a sensor's recent history (oldest first), then releases the readings that waited. */
  warmUp(sensorId: string, history: readonly Point[], completeAfterMs: number): void {
    const state = this.sensors.get(sensorId);
    if (state === undefined || state.warm) return;
    for (const p of history) {
      state.window.append(p.timestampMs, p.value);
      state.detector.warm(p.timestampMs, p.value);
    }
    state.completeAfterMs = completeAfterMs;
    state.warm = true;
    const newest = history.at(-1)?.timestampMs ?? Number.NEGATIVE_INFINITY;
    const waiting = state.pending.filter((r) => r.timestampMs > newest).sort((a, b) => a.timestampMs - b.timestampMs);
    state.pending = [];
    for (const r of waiting) this.apply(state, r.timestampMs, r.value);
  }

  /** A device declared a sensor's kind: detection limits follow the kind, so relearn them. */
  setKind(sensorId: string, kind: SensorKind): void {
    const state = this.sensors.get(sensorId);
    if (state === undefined) {
      this.sensors.set(sensorId, { ...this.create(kind, sensorId, true), completeAfterMs: Number.NEGATIVE_INFINITY });
      return;
    }
    if (state.kind === kind) return;
    state.kind = kind;
    state.detector = new AnomalyDetector(sensorId, kind);
    state.window.scan(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, (t, v) => state.detector.warm(t, v));
  }

  /** Raises GAP for sensors silent past their limit (periodic); long-silent sensors are left alone. */
  checkGaps(nowMs: number): void {
    for (const state of this.sensors.values()) {
      const newest = state.window.newestTimestampMs;
      if (!state.warm || newest === null || newest < nowMs - this.options.retentionMs) continue;
      const events = state.detector.checkGap(nowMs);
      if (events.length > 0) this.options.onAnomalies(events);
    }
  }

  /**
   * After a warm-up: lets the detector notice a silence that began while the twin was down,
   * without announcing it (reconciliation with the stored alerts decides what is new).
   */
  noteSilence(sensorId: string, nowMs: number): void {
    const state = this.sensors.get(sensorId);
    const newest = state?.window.newestTimestampMs ?? null;
    if (state === undefined || !state.warm || newest === null || newest < nowMs - this.options.retentionMs) return;
    state.detector.checkGap(nowMs);
  }

  /** The live window if it holds every reading of (fromExclusiveMs, toInclusiveMs], else null. */
  windowFor(sensorId: string, fromExclusiveMs: number): SeriesWindow | null {
    const state = this.sensors.get(sensorId);
    if (!state?.warm) return null;
    const newest = state.window.newestTimestampMs;
    const evictedBefore = newest === null ? Number.NEGATIVE_INFINITY : newest - this.options.retentionMs;
    return fromExclusiveMs >= Math.max(state.completeAfterMs, evictedBefore) ? state.window : null;
  }

  /** Open anomaly episodes of a sensor, when its live state is warm. */
  activeEpisodes(sensorId: string): ActiveEpisode[] | null {
    const state = this.sensors.get(sensorId);
    return !state?.warm ? null : state.detector.activeEpisodes();
  }

  /** The newest reading's timestamp held for a sensor (its own clock), or null. */
  newestTimestampMs(sensorId: string): number | null {
    return this.sensors.get(sensorId)?.window.newestTimestampMs ?? null;
  }

  kindOf(sensorId: string): SensorKind | undefined {
    return this.sensors.get(sensorId)?.kind;
  }

  isWarm(sensorId: string): boolean {
    return this.sensors.get(sensorId)?.warm ?? false;
  }

  sensorIds(): string[] {
    return [...this.sensors.keys()];
  }

  /** Bytes held by all windows and detectors. */
  memoryBytes(): number {
    let total = 0;
    for (const s of this.sensors.values()) total += s.window.memoryBytes + s.detector.memoryBytes;
    return total;
  }

  private create(kind: SensorKind, sensorId: string, warm: boolean): SensorLiveAnalytics {
    return {
      kind,
      window: new SeriesWindow({ retentionMs: this.options.retentionMs }),
      detector: new AnomalyDetector(sensorId, kind),
      warm,
      pending: [],
      completeAfterMs: Number.NEGATIVE_INFINITY,
    };
  }

  private apply(state: SensorLiveAnalytics, timestampMs: number, value: number): void {
    state.window.append(timestampMs, value);
    const events = state.detector.push(timestampMs, value);
    if (events.length > 0) this.options.onAnomalies(events);
  }
}
