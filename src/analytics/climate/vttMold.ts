import { PredictionInputError } from "../predict/errors.js";

/**
 * The VTT mold growth model: Hukka & Viitanen (1999), "A mathematical model of mould growth on
 * wooden material", Wood Sci. Technol. 33, 475–485, with the sensitivity classes and the
 * material-dependent decline of Ojanen et al. (2010), "Mold growth modeling of building
 * structures using sensitivity classes of materials", Buildings XI, ASHRAE (also Viitanen et al.
 * 2010). The mold index M runs from 0 (no growth) over 1 (first microscopic growth) and 3
 * (growth visible to the eye) to 6 (heavy, tight cover). Time is in hours here; the papers give
 * the rates per day.
 *
 *   growth:  dM/dt = k1·k2 / (7·exp(−0.68 ln T − 13.9 ln RH + 66.02))   per day, while T > 0 °C and RH ≥ RH_crit
 *   k2 = max(0, 1 − exp(2.3·(M − M_max))),  M_max = A + B·x − C·x²,  x = (RH_crit − RH)/(RH_crit − 100)
 *   RH_crit = max(RH_min, −0.00267·T³ + 0.160·T² − 3.13·T + 100)
 *   decline: dM/dt = C_mat · (−0.032 per day for the first 6 h of unfavourable conditions,
 *            0 from 6 to 24 h, −0.016 per day after that)
 *
 * The 2010 version drops the wood-species and surface-quality terms (W, SQ) of 1999's growth
 * rate: the sensitivity class stands for the material; VERY_SENSITIVE with C_mat = 1 is 1999's
 * pine sapwood, the model's reference.
 */
export const SENSITIVITY_CLASSES = ["VERY_SENSITIVE", "SENSITIVE", "MEDIUM_RESISTANT", "RESISTANT"] as const;
export type SensitivityClass = (typeof SENSITIVITY_CLASSES)[number];

export interface MoldClassParameters {
  /** Growth coefficient below index 1 and from index 1 on. */
  readonly k1Below1: number;
  readonly k1From1: number;
  /** M_max = A + B·x − C·x². */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** The lowest relative humidity that lets mold grow (%). */
  readonly rhMin: number;
  /** Typical materials (Ojanen et al. 2010). */
  readonly materials: string;
}

/** Ojanen et al. (2010), table of the sensitivity classes. */
export const MOLD_CLASSES: Readonly<Record<SensitivityClass, MoldClassParameters>> = Object.freeze({
  VERY_SENSITIVE: { k1Below1: 1, k1From1: 2, a: 1, b: 7, c: 2, rhMin: 80, materials: "pine sapwood" },
  SENSITIVE: { k1Below1: 0.578, k1From1: 0.386, a: 0.3, b: 6, c: 1, rhMin: 80, materials: "glued wooden boards, PUR with paper surface, spruce" },
  MEDIUM_RESISTANT: { k1Below1: 0.072, k1From1: 0.097, a: 0, b: 5, c: 1.5, rhMin: 85, materials: "concrete, aerated and cellular concrete, glass wool, polyester wool" },
  RESISTANT: { k1Below1: 0.033, k1From1: 0.014, a: 0, b: 3, c: 1, rhMin: 85, materials: "PUR polished surface, glass, metals" },
});

/** The published relative decline coefficients C_mat (Ojanen et al. 2010): 1 is the reference (pine). */
export const DECLINE_COEFFICIENTS = Object.freeze([1, 0.5, 0.25, 0.1]);

export interface MoldModel {
  readonly sensitivity: SensitivityClass;
  /** C_mat, 0 < C_mat ≤ 1: how fast mold declines on this material in dry conditions, relative to pine. */
  readonly declineCoefficient: number;
}

export const REFERENCE_MODEL: MoldModel = Object.freeze({ sensitivity: "VERY_SENSITIVE", declineCoefficient: 1 });

/** Where the model stands: the index and how long unfavourable conditions have lasted (0 while favourable). */
export interface MoldState {
  readonly index: number;
  readonly dryHours: number;
}

export const INITIAL_MOLD_STATE: MoldState = Object.freeze({ index: 0, dryHours: 0 });

/** Decline rates per hour over the dry spell: the papers' 0.032 and 0.016 per day. */
const EARLY_DECLINE_PER_HOUR = 0.032 / 24;
const LATE_DECLINE_PER_HOUR = 0.016 / 24;
const EARLY_DECLINE_HOURS = 6;
const NO_DECLINE_UNTIL_HOURS = 24;
/** Growth only above freezing and below 50 °C (the regressions' data lie within 5–40 °C). */
const GROWTH_MIN_C = 0;
const GROWTH_MAX_C = 50;
const MAX_INDEX = 6;

/** Refuses a decline coefficient outside (0, 1]. */
export function checkModel(model: MoldModel): void {
  const c = model.declineCoefficient;
  if (!(c > 0 && c <= 1)) throw new PredictionInputError(`the decline coefficient must lie in (0, 1] (published: ${DECLINE_COEFFICIENTS.join(", ")}), got ${c}`);
  if (!(SENSITIVITY_CLASSES as readonly string[]).includes(model.sensitivity)) {
    throw new PredictionInputError(`the sensitivity class must be one of ${SENSITIVITY_CLASSES.join(", ")}, got ${model.sensitivity}`);
  }
}

/** RH_crit (%): the relative humidity above which mold can grow at `celsius` on this class. */
export function criticalHumidity(celsius: number, sensitivity: SensitivityClass): number {
  const t = celsius;
  return Math.max(MOLD_CLASSES[sensitivity].rhMin, -0.00267 * t ** 3 + 0.16 * t ** 2 - 3.13 * t + 100);
}

/** Whether conditions let mold grow (the model grows it only then; otherwise it declines). */
export function isFavourable(celsius: number, relativeHumidity: number, sensitivity: SensitivityClass): boolean {
  return celsius > GROWTH_MIN_C && celsius < GROWTH_MAX_C && relativeHumidity >= criticalHumidity(celsius, sensitivity);
}

/** The index growth stalls at under these conditions (0 when they are not favourable). */
export function maxIndex(celsius: number, relativeHumidity: number, sensitivity: SensitivityClass): number {
  if (!isFavourable(celsius, relativeHumidity, sensitivity)) return 0;
  const p = MOLD_CLASSES[sensitivity];
  const crit = criticalHumidity(celsius, sensitivity);
  const x = crit >= 100 ? 1 : (crit - relativeHumidity) / (crit - 100);
  return Math.max(0, p.a + p.b * x - p.c * x * x);
}

/**
 * The time (hours) the 1999 regressions put the first microscopic growth (index 1) at on pine
 * sapwood under constant conditions: t_m = exp(−0.68 ln T − 13.9 ln RH + 66.02) weeks (Hukka &
 * Viitanen 1999, from Viitanen's 1997 experiments; W = SQ = 0). The growth rate is 1/(7·t_m) per day.
 */
export function weeksToIndex1Regression(celsius: number, relativeHumidity: number): number {
  return Math.exp(-0.68 * Math.log(celsius) - 13.9 * Math.log(relativeHumidity) + 66.02);
}

/** dM/dt (per hour) under favourable conditions at index `index`. */
function growthPerHour(celsius: number, relativeHumidity: number, index: number, sensitivity: SensitivityClass): number {
  const p = MOLD_CLASSES[sensitivity];
  const k1 = index < 1 ? p.k1Below1 : p.k1From1;
  const k2 = Math.max(0, 1 - Math.exp(2.3 * (index - maxIndex(celsius, relativeHumidity, sensitivity))));
  return (k1 * k2) / (7 * weeksToIndex1Regression(celsius, relativeHumidity) * 24);
}

/** How much the index falls over the dry hours (from, to] of a spell, before C_mat. */
function declineBetween(fromHours: number, toHours: number): number {
  const overlap = (lo: number, hi: number): number => Math.max(0, Math.min(toHours, hi) - Math.max(fromHours, lo));
  return EARLY_DECLINE_PER_HOUR * overlap(0, EARLY_DECLINE_HOURS) + LATE_DECLINE_PER_HOUR * overlap(NO_DECLINE_UNTIL_HOURS, Number.POSITIVE_INFINITY);
}

/**
 * Advances the model by `hours` of constant conditions (an explicit step, as the papers run it
 * on hourly data; the decline schedule is integrated exactly). Inputs are the conditions at the
 * surface the mold would grow on, already checked for range.
 */
export function stepMold(state: MoldState, celsius: number, relativeHumidity: number, hours: number, model: MoldModel): MoldState {
  if (hours <= 0) return state;
  if (isFavourable(celsius, relativeHumidity, model.sensitivity)) {
    const index = Math.min(MAX_INDEX, state.index + growthPerHour(celsius, relativeHumidity, state.index, model.sensitivity) * hours);
    return { index, dryHours: 0 };
  }
  const dryHours = state.dryHours + hours;
  const index = Math.max(0, state.index - model.declineCoefficient * declineBetween(state.dryHours, dryHours));
  return { index, dryHours };
}
