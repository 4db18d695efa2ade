import { formatDuration, num } from "../analytics/format.js";
import type { Observation } from "./observation.js";
import type { Comparison, Condition, MoldMeasure, Rule } from "../domain/ruleTypes.js";

/**
 * Where an observation puts a rule: FIRE — the condition holds; CLEAR — the clear band holds
 * (without a band: the condition does not); BAND — between the two (hysteresis: keep the
 * phase); UNKNOWN — the observation cannot tell (no drift or forecast yet, or a stale
 * reading for anything but a STALE rule), so nothing moves.
 */
export type Zone = "FIRE" | "CLEAR" | "BAND" | "UNKNOWN";

/** x compared with t. */
function compare(x: number, comparison: Comparison, t: number): boolean {
  switch (comparison) {
    case "GT":
      return x > t;
    case "GTE":
      return x >= t;
    case "LT":
      return x < t;
    case "LTE":
      return x <= t;
  }
}

/** The number a comparing condition looks at, or null if the observation lacks it. */
function measureOf(condition: Condition, o: Observation): number | null {
  switch (condition.type) {
    case "VALUE":
      return o.value;
    case "DRIFT":
      return o.driftPerMinute;
    case "FORECAST":
      return o.forecastValue;
    case "MOLD_RISK":
      return o.moldValue ?? null;
    default:
      return null;
  }
}

/** The zone of `o` for `rule`; allocation-free, it runs for every reading. */
export function zoneOf(rule: Rule, o: Observation): Zone {
  const c = rule.condition;
  if (c.type === "STALE") return o.stale ? "FIRE" : "CLEAR";
  // A stale observation repeats an old reading: acting on it would act on the past.
  if (o.stale) return "UNKNOWN";
  if (c.type === "ANOMALY") {
    for (const t of o.anomalyTypesActive) if ((c.anomalyTypes as readonly string[]).includes(t)) return "FIRE";
    return "CLEAR";
  }
  const x = measureOf(c, o);
  // +∞ is a real answer (a mold index never reached); NaN is none.
  if (x === null || Number.isNaN(x)) return "UNKNOWN";
  if (compare(x, c.comparison, c.threshold)) return "FIRE";
  if (rule.clear === null) return "CLEAR";
  return compare(x, rule.clear.comparison, rule.clear.threshold) ? "CLEAR" : "BAND";
}

/** "temp_1 value 72.3 GT 70", "temp_1 has SPIKE", … — what made the rule fire. */
export function describeFiring(rule: Rule, o: Observation, heldMs: number): string {
  const c = rule.condition;
  const held = heldMs > 0 ? ` for ${formatDuration(heldMs)}` : "";
  switch (c.type) {
    case "STALE":
      return `${rule.sensorId} is stale${held}`;
    case "ANOMALY":
      return `${rule.sensorId} has ${o.anomalyTypesActive.filter((t) => (c.anomalyTypes as readonly string[]).includes(t)).join(", ")}${held}`;
    default:
      return `${rule.sensorId} ${measureName(c)} ${shown(measureOf(c, o))} ${c.comparison} ${num(c.threshold)}${held}`;
  }
}

/** What made the rule clear. */
export function describeClearing(rule: Rule, o: Observation, heldMs: number): string {
  const c = rule.condition;
  const held = heldMs > 0 ? ` for ${formatDuration(heldMs)}` : "";
  switch (c.type) {
    case "STALE":
      return `${rule.sensorId} is fresh again${held}`;
    case "ANOMALY":
      return `${rule.sensorId} has no ${c.anomalyTypes.join("/")} anomaly${held}`;
    default: {
      const x = shown(measureOf(c, o));
      const band = rule.clear === null ? `no longer ${c.comparison} ${num(c.threshold)}` : `${rule.clear.comparison} ${num(rule.clear.threshold)}`;
      return `${rule.sensorId} ${measureName(c)} ${x} ${band}${held}`;
    }
  }
}

function measureName(c: Condition): string {
  if (c.type === "DRIFT") return "drift per minute";
  if (c.type === "FORECAST") return `forecast in ${c.horizonMinutes} min`;
  if (c.type === "MOLD_RISK") return `room's mold ${MOLD_MEASURE_NAMES[c.measure]}${c.measure.endsWith("FORECAST") ? ` (the last ${c.forecastHours} h repeating)` : ""}`;
  return "value";
}

const MOLD_MEASURE_NAMES: Readonly<Record<MoldMeasure, string>> = {
  INDEX: "index",
  INDEX_FORECAST: "index forecast",
  HOURS_TO_INDEX1: "hours to index 1",
  HOURS_TO_INDEX1_FORECAST: "hours to index 1",
};

/** A measure for a message: "never" for +∞ (an index never reached). */
function shown(x: number | null): string {
  return x === Number.POSITIVE_INFINITY ? "never" : num(x ?? Number.NaN);
}
