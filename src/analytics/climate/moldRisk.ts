import { num } from "../format.js";
import { PredictionInputError } from "../predict/errors.js";
import { predicted, unavailable, type Prediction } from "../predict/result.js";
import { hoursUntilIndex, runMold, runRepeated, type SurfaceStep } from "./moldRun.js";
import { conditionsAt, describeSurface, type SurfaceSetting } from "./surface.js";
import { INITIAL_MOLD_STATE, MOLD_CLASSES, checkModel, criticalHumidity, isFavourable, maxIndex, type MoldModel, type MoldState, type SensitivityClass } from "./vttMold.js";

const HOUR_MS = 3_600_000;
/** The index is run from 0 over this much history before asOf. */
export const MOLD_HISTORY_HOURS = 30 * 24;
/** The conditions "now" must be this fresh. */
const MAX_CONDITIONS_AGE_HOURS = 2;
/** The longest forecast asked for: as long as the history the index runs over (@alias of MOLD_HISTORY_HOURS for knip). */
export const MAX_FORECAST_HOURS = MOLD_HISTORY_HOURS;

/** One stretch of the room's history (usually a clock hour; the newest ends at asOf): mean air temperature and humidity, null without readings. */
export interface ClimateHour {
  readonly startMs: number;
  readonly endMs: number;
  readonly celsius: number | null;
  readonly relativeHumidity: number | null;
}

export interface MoldRiskRequest {
  readonly asOfMs: number;
  /** The forecast repeats the conditions of the last `hours` hours (1–720). */
  readonly hours: number;
  readonly model: MoldModel;
  readonly surface: SurfaceSetting;
  /** The sensors the temperature and the humidity come from, for messages. */
  readonly names: { readonly temperature: string; readonly humidity: string };
}

export interface MoldRiskAssessment {
  readonly index: number;
  /** The index `hours` after asOf if the last `hours` repeat. */
  readonly indexForecast: number;
  /** Hours until index 1 under the newest hour's conditions held; 0 when reached; null: never. */
  readonly hoursToIndex1: number | null;
  /** The same while the last `hours` repeat. */
  readonly hoursToIndex1Forecast: number | null;
  readonly sensitivityClass: SensitivityClass;
  readonly drivers: readonly string[];
  readonly method: string;
  /** The surface conditions of the newest hour and the critical humidity there. */
  readonly current: { readonly celsius: number; readonly relativeHumidity: number; readonly criticalHumidity: number };
}

export function moldMethod(model: MoldModel): string {
  const cls = MOLD_CLASSES[model.sensitivity];
  return (
    `VTT mold growth model (Hukka & Viitanen 1999; sensitivity classes and decline of Ojanen et al. 2010), class ${model.sensitivity} ` +
    `(${cls.materials}), decline coefficient ${num(model.declineCoefficient)}; hourly steps over the ${MOLD_HISTORY_HOURS / 24} days before asOf from index 0`
  );
}

/**
 * The mold index of a room now and where it is heading, from its hourly climate (oldest first,
 * covering the 30 days before asOf): each hour with both readings becomes the conditions at the
 * judged surface (`conditionsAt`) and steps the VTT model (`vttMold`); hours missing either are
 * skipped (the index holds). "Now" is the newest such hour, which must end within 2 h of asOf.
 * The forecast repeats the hours of the last `hours` hours in their order. Unavailable without
 * usable hours, or when a value is out of the formulas' range (the reason names the hour).
 */
export function assessMoldRisk(history: readonly ClimateHour[], request: MoldRiskRequest): Prediction<MoldRiskAssessment> {
  const { asOfMs, hours, model, surface, names } = request;
  checkForecastHours(hours);
  checkModel(model);
  const converted = surfaceSteps(
    history.filter((h) => h.endMs <= asOfMs),
    surface,
    names,
  );
  if (!converted.ok) return unavailable(converted.reason);
  const steps = converted.steps;
  const newest = steps.at(-1);
  if (newest === undefined) {
    return unavailable(`no hour of the ${MOLD_HISTORY_HOURS / 24} days before asOf has both a temperature (${names.temperature}) and a humidity (${names.humidity}) reading`);
  }
  const ageHours = (asOfMs - newest.endMs) / HOUR_MS;
  if (ageHours > MAX_CONDITIONS_AGE_HOURS) {
    return unavailable(
      `the newest hour with both ${names.temperature} and ${names.humidity} readings ended ${num(ageHours)} h before asOf; the conditions now need readings of both within ${MAX_CONDITIONS_AGE_HOURS} h`,
    );
  }
  const state = runMold(INITIAL_MOLD_STATE, steps, model);
  const cycle = forecastCycle(steps, asOfMs, hours);
  const measures = moldMeasures(state, cycle, hours, model, ALL_MEASURES);
  const critical = criticalHumidity(newest.celsius, model.sensitivity);
  const assessment: MoldRiskAssessment = {
    index: state.index,
    indexForecast: measures.indexForecast as number,
    hoursToIndex1: measures.hoursToIndex1 as number | null,
    hoursToIndex1Forecast: measures.hoursToIndex1Forecast as number | null,
    sensitivityClass: model.sensitivity,
    drivers: [],
    method: moldMethod(model),
    current: { celsius: newest.celsius, relativeHumidity: newest.relativeHumidity, criticalHumidity: critical },
  };
  return predicted({ ...assessment, drivers: driversOf(assessment, cycle, steps.length, history.length, request) });
}

function checkForecastHours(hours: number): void {
  if (!(Number.isInteger(hours) && hours >= 1 && hours <= MAX_FORECAST_HOURS)) {
    throw new PredictionInputError(`hours must be a whole number from 1 to ${MAX_FORECAST_HOURS} (30 days), got ${hours}`);
  }
}

/** A surface step with the time it ends. */
export type TimedStep = SurfaceStep & { readonly endMs: number };

/**
 * The hours with both readings as conditions at the judged surface, oldest first; the others
 * left out. Not ok when a value is out of the formulas' range: the reason names the hour.
 */
export function surfaceSteps(history: readonly ClimateHour[], surface: SurfaceSetting, names: MoldRiskRequest["names"]): { ok: true; steps: TimedStep[] } | { ok: false; reason: string } {
  const steps: TimedStep[] = [];
  for (const h of history) {
    if (h.celsius === null || h.relativeHumidity === null || h.endMs <= h.startMs) continue;
    try {
      const at = conditionsAt(h.celsius, h.relativeHumidity, surface, names);
      steps.push({ hours: (h.endMs - h.startMs) / HOUR_MS, celsius: at.celsius, relativeHumidity: at.relativeHumidity, endMs: h.endMs });
    } catch (error) {
      if (!(error instanceof PredictionInputError)) throw error;
      return { ok: false, reason: `refused: the hour to ${new Date(h.endMs).toISOString()}: ${error.message}` };
    }
  }
  return { ok: true, steps };
}

/**
 * The steps the forecast repeats: those of the last `hours` before asOf, the oldest cut to the
 * part inside them (so a cycle is `hours` long when no hour is missing); at least the newest.
 */
export function forecastCycle(steps: readonly TimedStep[], asOfMs: number, hours: number): TimedStep[] {
  const fromMs = asOfMs - hours * HOUR_MS;
  const recent = steps.filter((s) => s.endMs > fromMs && s.endMs <= asOfMs).map((s) => (s.endMs - s.hours * HOUR_MS < fromMs ? { ...s, hours: (s.endMs - fromMs) / HOUR_MS } : s));
  const newest = steps.at(-1);
  return recent.length > 0 || newest === undefined ? recent : [newest];
}

export type MoldMeasureName = "index" | "indexForecast" | "hoursToIndex1" | "hoursToIndex1Forecast";
const ALL_MEASURES: readonly MoldMeasureName[] = ["index", "indexForecast", "hoursToIndex1", "hoursToIndex1Forecast"];

/**
 * The measures asked for, from the state now and the forecast cycle (its newest step is "now"):
 * the index, the index `hours` ahead with the cycle repeating, and the hours to index 1 with the
 * newest conditions held and with the cycle repeating (null: never). Measures not asked are left out.
 */
export function moldMeasures(state: MoldState, cycle: readonly SurfaceStep[], hours: number, model: MoldModel, wanted: readonly MoldMeasureName[]): Partial<Record<MoldMeasureName, number | null>> {
  const out: Partial<Record<MoldMeasureName, number | null>> = {};
  const newest = cycle.at(-1);
  for (const name of wanted) {
    if (name === "index") out.index = state.index;
    else if (name === "indexForecast") out.indexForecast = runRepeated(state, cycle, hours, model).index;
    else if (name === "hoursToIndex1Forecast") out.hoursToIndex1Forecast = hoursUntilIndex(state, cycle, 1, model);
    else out.hoursToIndex1 = newest === undefined ? null : hoursUntilIndex(state, [{ hours: 1, celsius: newest.celsius, relativeHumidity: newest.relativeHumidity }], 1, model);
  }
  return out;
}

function driversOf(a: MoldRiskAssessment, cycle: readonly SurfaceStep[], usable: number, total: number, request: MoldRiskRequest): string[] {
  const { model, hours, surface } = request;
  const { celsius, relativeHumidity, criticalHumidity: critical } = a.current;
  const favourableNow = isFavourable(celsius, relativeHumidity, model.sensitivity);
  const drivers = [
    `now at ${describeSurface(surface)}: ${num(celsius)} °C and ${num(relativeHumidity)} % RH, critical ${num(critical)} % there: ${favourableNow ? "mold can grow" : "too dry (or cold) for mold to grow"}`,
  ];
  const ceiling = maxIndex(celsius, relativeHumidity, model.sensitivity);
  if (favourableNow && ceiling < 1) drivers.push(`held at these conditions growth stalls at index ${num(ceiling)} (M_max), short of 1`);
  const growing = cycle.filter((s) => isFavourable(s.celsius, s.relativeHumidity, model.sensitivity));
  const growingHours = growing.reduce((sum, s) => sum + s.hours, 0);
  if (growing.length > 0) {
    drivers.push(`favourable for growth ${num(growingHours)} of the last ${hours} h`);
  } else {
    const peak = cycle.reduce(
      (best, s) => (s.relativeHumidity - criticalHumidity(s.celsius, model.sensitivity) > best.relativeHumidity - criticalHumidity(best.celsius, model.sensitivity) ? s : best),
      cycle[0] as SurfaceStep,
    );
    drivers.push(
      `not favourable for growth in any of the last ${hours} h (closest: ${num(peak.relativeHumidity)} % RH against a critical ${num(criticalHumidity(peak.celsius, model.sensitivity))} %)`,
    );
  }
  if (a.index >= 1) drivers.push(`index ${num(a.index)}: microscopic growth (index 1) is expected already`);
  else if (a.index > 0) drivers.push(`index ${num(a.index)} from growth in the last ${MOLD_HISTORY_HOURS / 24} days`);
  if (usable < total) drivers.push(`${total - usable} of ${total} hours lack a reading of either sensor and were skipped (the index holds through them)`);
  return drivers;
}
