import { MOLD_HISTORY_HOURS } from "../analytics/climate/moldRisk.js";
import { forecastHistoryMs, MAX_HORIZON_MINUTES } from "../analytics/predict/forecast.js";
import { LEVELS_SPAN_MS } from "../analytics/predict/operatingBand.js";
import { DAY_MS, HOUR_MS } from "../analytics/rollup/resolution.js";
import { historyNeededMs } from "./historyObservations.js";
import { MOLD_DRY_RUN_HISTORY_MS } from "./moldObservations.js";
import type { Rule } from "../domain/ruleTypes.js";

/** A feature that reads raw readings this far back. */
export interface HistoryNeed {
  readonly feature: string;
  readonly ms: number;
  /** The one sensor it concerns (a rule), or null for every sensor. */
  readonly sensorId: string | null;
}

/** The longest simulate() training history (trainingHours ≤ 720). */
const MAX_TRAINING_MS = 30 * DAY_MS;

/**
 * What the twin's features read from raw readings, and how far back: the predictions for every
 * sensor, the live analytics' warm-up, and each stored rule for its own sensor.
 */
export function historyNeeds(rules: ReadonlyArray<{ readonly ruleId: string; readonly rule: Rule }>, liveWindowMs: number): HistoryNeed[] {
  const needs: HistoryNeed[] = [
    { feature: `the live analytics window (ANALYTICS_RETENTION_HOURS=${liveWindowMs / HOUR_MS}), filled from raw readings at start`, ms: liveWindowMs, sensorId: null },
    { feature: `forecast up to ${MAX_HORIZON_MINUTES / 1440} days ahead (its interval calibrates on 2.5 horizons of history)`, ms: forecastHistoryMs(MAX_HORIZON_MINUTES), sensorId: null },
    { feature: "failureRisk (its operating band learns from two weeks of hourly levels)", ms: LEVELS_SPAN_MS, sensorId: null },
    { feature: `moldRisk (the VTT index runs over the last ${MOLD_HISTORY_HOURS / 24} days)`, ms: MOLD_HISTORY_HOURS * HOUR_MS, sensorId: null },
    { feature: "simulate (trainingHours up to 720)", ms: MAX_TRAINING_MS, sensorId: null },
  ];
  for (const { ruleId, rule } of rules) {
    const ms = rule.condition.type === "MOLD_RISK" ? MOLD_DRY_RUN_HISTORY_MS : historyNeededMs(rule);
    needs.push({ feature: `rule "${rule.name}" (${ruleId}, ${rule.condition.type} on ${rule.sensorId})`, ms, sensorId: rule.sensorId });
  }
  return needs;
}

/** Days of raw readings the features need at least (whole days, rounded up). */
export function minimumRawDays(needs: readonly HistoryNeed[], sensorId: string | null = null): number {
  const ms = Math.max(0, ...needs.filter((n) => n.sensorId === null || n.sensorId === sensorId).map((n) => n.ms));
  return Math.ceil(ms / DAY_MS);
}

/**
 * Why a retention setting cannot be used, or null: the global raw retention and each sensor's
 * own (Sensor.retentionDays, or its kind's KindThresholds.retentionDays) against what the features need. 0 days keeps raw readings for ever.
 */
export function retentionProblem(
  rawDays: number,
  overrides: ReadonlyMap<string, number>,
  needs: readonly HistoryNeed[],
  /** Where a sensor's override is set, as the message names it. */
  setOn: (sensorId: string) => string = (sensorId) => `Sensor ${sensorId}`,
): string | null {
  const problems: string[] = [];
  const short = (days: number, sensorId: string | null): HistoryNeed[] =>
    needs.filter((n) => (sensorId === null ? n.sensorId === null : n.sensorId === null || n.sensorId === sensorId) && days * DAY_MS < n.ms);
  const describe = (list: HistoryNeed[]): string => list.map((n) => `${n.feature} needs ${Math.ceil((n.ms / DAY_MS) * 10) / 10} days`).join("; ");
  if (rawDays > 0) {
    const global = [...short(rawDays, null), ...needs.filter((n) => n.sensorId !== null && !overrides.has(n.sensorId) && rawDays * DAY_MS < n.ms)];
    if (global.length > 0) problems.push(`RETENTION_RAW_DAYS=${rawDays} keeps raw readings too briefly: ${describe(global)}. Raise RETENTION_RAW_DAYS to at least ${minimumRawDays(global)}`);
  }
  for (const [sensorId, days] of overrides) {
    if (days <= 0) continue;
    const list = short(days, sensorId);
    if (list.length > 0) problems.push(`${setOn(sensorId)} has retentionDays=${days}: ${describe(list)}. Raise its retentionDays to at least ${minimumRawDays(list, sensorId)} or unset it`);
  }
  return problems.length === 0 ? null : problems.join(". ");
}
