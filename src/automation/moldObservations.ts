import type { ClimateSetup } from "../analytics/climate/climateSetup.js";
import { forecastCycle, moldMeasures, surfaceSteps, type ClimateHour, type MoldMeasureName } from "../analytics/climate/moldRisk.js";
import { INITIAL_MOLD_STATE, stepMold } from "../analytics/climate/vttMold.js";
import { InvalidInputError } from "../errors.js";
import { moldMeasureValue } from "./moldMeasure.js";
import type { Observation } from "./observation.js";
import type { MoldMeasure, Rule } from "../domain/ruleTypes.js";

const HOUR_MS = 3_600_000;
/** A dry run of a MOLD_RISK rule starts the index this long before its range, as `moldRisk` does. */
export const MOLD_DRY_RUN_HISTORY_MS = 30 * 24 * HOUR_MS;

const NEEDED: Readonly<Record<MoldMeasure, readonly MoldMeasureName[]>> = {
  INDEX: ["index"],
  INDEX_FORECAST: ["indexForecast"],
  HOURS_TO_INDEX1: ["hoursToIndex1"],
  HOURS_TO_INDEX1_FORECAST: ["hoursToIndex1Forecast"],
};

/**
 * What a MOLD_RISK rule would have observed over recorded history: one observation at the end
 * of each hour in (fromMs, toMs] that has both readings, with the measure `moldRisk` would have
 * answered then — the index run from 0 over the hours before (the history should start
 * `MOLD_DRY_RUN_HISTORY_MS` before fromMs), its forecast repeating the last `forecastHours`.
 * Throws `InvalidInputError` when a reading is out of the model's range (naming the hour).
 */
export function moldObservations(rule: Rule, setup: ClimateSetup, history: readonly ClimateHour[], fromMs: number, toMs: number): Observation[] {
  const c = rule.condition;
  if (c.type !== "MOLD_RISK") return [];
  const converted = surfaceSteps(
    history.filter((h) => h.endMs <= toMs),
    setup.surface,
    { temperature: setup.temperatureSensorId, humidity: setup.humiditySensorId },
  );
  if (!converted.ok) throw new InvalidInputError(`dry run of "${rule.name}": ${converted.reason}`);
  const steps = converted.steps;
  const out: Observation[] = [];
  let state = INITIAL_MOLD_STATE;
  steps.forEach((s, k) => {
    state = stepMold(state, s.celsius, s.relativeHumidity, s.hours, setup.model);
    if (s.endMs <= fromMs) return;
    // Steps last at most an hour, so the last 2·forecastHours of them hold the forecast's hours.
    const cycle = forecastCycle(steps.slice(Math.max(0, k + 1 - c.forecastHours * 2), k + 1), s.endMs, c.forecastHours);
    const measures = moldMeasures(state, cycle, c.forecastHours, setup.model, NEEDED[c.measure]);
    const risk = { index: state.index, indexForecast: measures.indexForecast ?? 0, hoursToIndex1: measures.hoursToIndex1 ?? null, hoursToIndex1Forecast: measures.hoursToIndex1Forecast ?? null };
    out.push({ atMs: s.endMs, value: null, driftPerMinute: null, forecastValue: null, anomalyTypesActive: [], stale: false, moldValue: moldMeasureValue(risk, c.measure) });
  });
  return out;
}
