import { AnomalyDetector } from "../analytics/anomalyDetector.js";
import type { Point } from "../analytics/point.js";
import { forecast, forecastHistoryMs } from "../analytics/predict/forecast.js";
import { SeriesWindow } from "../analytics/seriesWindow.js";
import type { SensorKind } from "../domain/sensorKind.js";
import type { Observation } from "./observation.js";
import type { Rule } from "../domain/ruleTypes.js";

const DRIFT_WINDOW_MS = 300_000;
const FORECAST_EVERY_MS = 10 * 60_000;
const DAY_MS = 24 * 3_600_000;

/** How far before `fromMs` a dry run of this rule needs the sensor's readings: a day, or what its forecast needs to calibrate. */
export function historyNeededMs(rule: Rule): number {
  return rule.condition.type === "FORECAST" ? Math.max(DAY_MS, forecastHistoryMs(rule.condition.horizonMinutes)) : DAY_MS;
}

/**
 * What the rule would have observed over recorded history: one observation per reading in
 * (fromMs, toMs], built the way the engine builds them live (drift over 5 min, active anomaly
 * types from a detector replayed over the history before `fromMs`, a forecast refreshed every
 * 10 min of data), plus an observation where a silence passed the stale limit. `points` is the
 * sensor's history in time order, starting `historyNeededMs(rule)` before `fromMs` (a FORECAST
 * rule past a 10 h horizon needs more than a day, as the live forecast does).
 */
export function historyObservations(rule: Rule, kind: SensorKind, points: readonly Point[], fromMs: number, toMs: number): Observation[] {
  const type = rule.condition.type;
  const historyMs = historyNeededMs(rule);
  const window = new SeriesWindow({ retentionMs: historyMs });
  const detector = type === "ANOMALY" ? new AnomalyDetector(rule.sensorId, kind) : null;
  const out: Observation[] = [];
  let forecastValue: number | null = null;
  let forecastAt = Number.NEGATIVE_INFINITY;
  let previous: Point | null = null;
  for (const p of points) {
    if (p.timestampMs > toMs) break;
    const inRange = p.timestampMs > fromMs;
    if (detector !== null) {
      if (inRange) detector.push(p.timestampMs, p.value);
      else detector.warm(p.timestampMs, p.value);
    }
    if (inRange && type === "STALE" && previous !== null) {
      const limit = Math.max(5_000, 3 * (window.typicalIntervalMs(previous.timestampMs) ?? 1_000));
      if (p.timestampMs - previous.timestampMs > limit) {
        out.push({ atMs: previous.timestampMs + limit + 1, value: previous.value, driftPerMinute: null, forecastValue: null, anomalyTypesActive: [], stale: true });
      }
    }
    window.append(p.timestampMs, p.value);
    previous = p;
    if (!inRange) continue;
    if (rule.condition.type === "FORECAST" && p.timestampMs - forecastAt >= FORECAST_EVERY_MS) {
      forecastAt = p.timestampMs;
      const result = forecast(window.columns(p.timestampMs - historyMs, p.timestampMs), { horizonMinutes: rule.condition.horizonMinutes, asOfMs: p.timestampMs });
      forecastValue = result.ok ? result.value.value : null;
    }
    out.push({
      atMs: p.timestampMs,
      value: p.value,
      driftPerMinute: type === "DRIFT" ? window.stats(p.timestampMs - DRIFT_WINDOW_MS, p.timestampMs).slopePerMinute : null,
      forecastValue,
      anomalyTypesActive: detector === null ? [] : detector.activeEpisodes().map((e) => e.type),
      stale: false,
    });
  }
  return out;
}
