import { ANOMALY_TYPES, type AnomalyType } from "../domain/anomalyTypes.js";
import { absent, isRecord, oneOf, show, unknownFields } from "./inputChecks.js";
import { COMPARISONS, CONDITION_TYPES, MOLD_MEASURES, type ClearBand, type Comparison, type Condition, type MoldMeasure } from "../domain/ruleTypes.js";

const HORIZON_MINUTES_RANGE = { min: 1, max: 10_080 } as const;
/** MOLD_RISK's forecast basis, as `moldRisk(hours)` takes it. */
const FORECAST_HOURS_RANGE = { min: 1, max: 720, default: 24 } as const;
/** The mold index's scale. */
const MOLD_INDEX_RANGE = { min: 0, max: 6 } as const;

const CONDITION_FIELDS = ["type", "comparison", "threshold", "horizonMinutes", "anomalyTypes", "measure", "forecastHours"];

/** The condition, or null with its problems pushed. */
export function checkCondition(value: unknown, problems: string[]): Condition | null {
  if (absent(value)) {
    problems.push("condition is required");
    return null;
  }
  if (!isRecord(value)) {
    problems.push(`condition must be an object, got ${show(value)}`);
    return null;
  }
  const before = problems.length;
  problems.push(...unknownFields(value, CONDITION_FIELDS, "condition.", "a condition"));
  if (!oneOf(value.type, CONDITION_TYPES, "condition.type", problems, "every condition")) return null;
  const type = value.type;
  const compared = type === "VALUE" || type === "DRIFT" || type === "FORECAST" || type === "MOLD_RISK";

  let comparison: Comparison | null = null;
  let threshold: number | null = null;
  if (compared) {
    if (oneOf(value.comparison, COMPARISONS, "condition.comparison", problems, type)) comparison = value.comparison;
    if (absent(value.threshold)) problems.push(`condition.threshold is required for ${type}`);
    else if (typeof value.threshold !== "number" || !Number.isFinite(value.threshold)) problems.push(`condition.threshold must be a finite number, got ${show(value.threshold)}`);
    else threshold = value.threshold;
  } else {
    if (!absent(value.comparison)) problems.push(`condition.comparison does not apply to ${type}; leave it out`);
    if (!absent(value.threshold)) problems.push(`condition.threshold does not apply to ${type}; leave it out`);
  }

  const horizon = value.horizonMinutes;
  const { min, max } = HORIZON_MINUTES_RANGE;
  if (type !== "FORECAST") {
    if (!absent(horizon)) problems.push(`condition.horizonMinutes applies only to FORECAST; leave it out`);
  } else if (absent(horizon)) problems.push(`condition.horizonMinutes is required for FORECAST (${min}..${max} minutes)`);
  else if (typeof horizon !== "number" || !Number.isInteger(horizon) || horizon < min || horizon > max) {
    problems.push(`condition.horizonMinutes must be an integer in ${min}..${max} (minutes, up to 7 days), got ${show(horizon)}`);
  }

  const mold = checkMold(value, type === "MOLD_RISK", threshold, problems);

  const anomalyTypes = type === "ANOMALY" ? checkAnomalyTypes(value.anomalyTypes, problems) : null;
  if (type !== "ANOMALY" && !absent(value.anomalyTypes)) problems.push(`condition.anomalyTypes applies only to ANOMALY; leave it out`);

  if (problems.length > before) return null;
  switch (type) {
    case "VALUE":
    case "DRIFT":
      return { type, comparison: comparison as Comparison, threshold: threshold as number };
    case "FORECAST":
      return { type, comparison: comparison as Comparison, threshold: threshold as number, horizonMinutes: horizon as number };
    case "ANOMALY":
      return { type, anomalyTypes: anomalyTypes ?? ANOMALY_TYPES };
    case "STALE":
      return { type };
    case "MOLD_RISK":
      return { type, comparison: comparison as Comparison, threshold: threshold as number, ...(mold as { measure: MoldMeasure; forecastHours: number }) };
  }
}

/** MOLD_RISK's measure and forecast basis (null with problems pushed, or for another type). */
function checkMold(value: Readonly<Record<string, unknown>>, isMold: boolean, threshold: number | null, problems: string[]): { measure: MoldMeasure; forecastHours: number } | null {
  if (!isMold) {
    if (!absent(value.measure)) problems.push("condition.measure applies only to MOLD_RISK; leave it out");
    if (!absent(value.forecastHours)) problems.push("condition.forecastHours applies only to MOLD_RISK; leave it out");
    return null;
  }
  const before = problems.length;
  const measure = oneOf(value.measure, MOLD_MEASURES, "condition.measure", problems, "MOLD_RISK") ? value.measure : null;
  const hours = value.forecastHours;
  const { min, max } = FORECAST_HOURS_RANGE;
  if (!absent(hours) && (typeof hours !== "number" || !Number.isInteger(hours) || hours < min || hours > max)) {
    problems.push(`condition.forecastHours must be an integer in ${min}..${max} (hours of history the forecast repeats), got ${show(hours)}`);
  }
  if (measure !== null && threshold !== null) {
    if (measure.startsWith("INDEX") && (threshold < MOLD_INDEX_RANGE.min || threshold > MOLD_INDEX_RANGE.max)) {
      problems.push(`condition.threshold for ${measure} is a mold index, ${MOLD_INDEX_RANGE.min}..${MOLD_INDEX_RANGE.max}; got ${threshold}`);
    }
    if (measure.startsWith("HOURS") && threshold < 0) problems.push(`condition.threshold for ${measure} is a number of hours, at least 0; got ${threshold}`);
  }
  if (problems.length > before || measure === null) return null;
  return { measure, forecastHours: absent(hours) ? FORECAST_HOURS_RANGE.default : (hours as number) };
}

function checkAnomalyTypes(value: unknown, problems: string[]): AnomalyType[] | null {
  if (absent(value)) return null;
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`condition.anomalyTypes must be a non-empty list of ${ANOMALY_TYPES.join(", ")}; leave it out for all of them`);
    return null;
  }
  const types: AnomalyType[] = [];
  value.forEach((t: unknown, i) => {
    const field = `condition.anomalyTypes[${i}]`;
    if (!oneOf(t, ANOMALY_TYPES, field, problems, "each entry")) return;
    if (types.includes(t)) problems.push(`${field} repeats ${t}`);
    else types.push(t);
  });
  return types;
}

/** The clear band (null: none), with its problems pushed; `condition` null skips the hysteresis check. */
export function checkClear(value: unknown, condition: Condition | null, problems: string[]): ClearBand | null {
  if (absent(value)) return null;
  if (condition?.type === "ANOMALY") {
    problems.push("clear does not apply to ANOMALY: the rule clears when none of its anomaly types is active; set clear to null");
    return null;
  }
  if (condition?.type === "STALE") {
    problems.push("clear does not apply to STALE: the rule clears when the sensor is fresh again; set clear to null");
    return null;
  }
  if (!isRecord(value)) {
    problems.push(`clear must be an object {comparison, threshold} or null, got ${show(value)}`);
    return null;
  }
  const before = problems.length;
  problems.push(...unknownFields(value, ["comparison", "threshold"], "clear.", "a clear band"));
  oneOf(value.comparison, COMPARISONS, "clear.comparison", problems, "a clear band");
  if (absent(value.threshold)) problems.push("clear.threshold is required for a clear band");
  else if (typeof value.threshold !== "number" || !Number.isFinite(value.threshold)) problems.push(`clear.threshold must be a finite number, got ${show(value.threshold)}`);
  if (problems.length > before) return null;
  const band: ClearBand = { comparison: value.comparison as Comparison, threshold: value.threshold as number };
  if (condition !== null) {
    const problem = clearBandProblem(condition, band);
    if (problem !== null) {
      problems.push(problem);
      return null;
    }
  }
  return band;
}

const isUp = (c: Comparison): boolean => c === "GT" || c === "GTE";
const isInclusive = (c: Comparison): boolean => c === "GTE" || c === "LTE";

/**
 * Null if the clear band lies wholly outside the condition (no value both fires and clears),
 * else why not. A gap between the two is the hysteresis: there the rule keeps its phase.
 */
export function clearBandProblem(condition: { readonly comparison: Comparison; readonly threshold: number }, clear: ClearBand): string | null {
  const { comparison: cmp, threshold: t } = condition;
  const up = isUp(cmp);
  const rule = `a clear band for ${cmp} must be ${up ? "below" : "above"} the threshold`;
  if (isUp(clear.comparison) === up) {
    return `clear.comparison ${clear.comparison} ${clear.threshold} does not leave the condition ${cmp} ${t}: ${rule} (use ${up ? "LT or LTE" : "GT or GTE"})`;
  }
  const c = clear.threshold;
  if (up ? c > t : c < t) {
    return `clear.threshold ${c} does not leave the condition ${cmp} ${t}: ${rule} (values between ${Math.min(c, t)} and ${Math.max(c, t)} would both fire and clear)`;
  }
  if (c === t && isInclusive(cmp) && isInclusive(clear.comparison)) {
    return `clear.threshold ${c} does not leave the condition ${cmp} ${t}: ${rule} (the value ${t} itself would both fire and clear; use ${up ? "LT" : "GT"} ${t})`;
  }
  return null;
}
