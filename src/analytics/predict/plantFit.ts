import { num } from "../format.js";
import { MS_PER_MINUTE } from "../point.js";
import { columnsFromPoints, isColumns, type ReadingColumns, type Readings } from "../readingColumns.js";
import { changesById, onShares, type ActuatorChange, type ActuatorKind, type ActuatorState, type PlantQuantity } from "./actuators.js";
import { PredictionInputError } from "./errors.js";
import { leastSquares } from "./leastSquares.js";
import { physicalFrom, type PlantModel, type PlantParameter, type UnidentifiedActuator } from "./plantModel.js";
import { predicted, unavailable, type Prediction } from "./result.js";

export interface PlantHistory {
  /** Readings of the quantity at one location, any order (points or columns). */
  readonly points: Readings;
  /** State changes of the location's actuators (from acks). */
  readonly actuators: readonly ActuatorChange[];
  readonly quantity: PlantQuantity;
  /** The location's actuators, so one that never changed state is reported, not silently left out. */
  readonly knownActuators?: ReadonlyArray<{ readonly actuatorId: string; readonly kind: ActuatorKind }>;
  /** State of each actuator before its first logged change (default OFF, as nodes boot). */
  readonly initialStates?: Readonly<Record<string, ActuatorState>>;
  /** Fit grid, minutes (default 1). */
  readonly stepMinutes?: number;
}

/** Minutes an actuator must have spent ON and OFF for its gain to be identified. */
const MIN_STATE_MINUTES = 5;
/** Transitions (pairs of consecutive grid slots) needed at least, and per parameter. */
const MIN_ROWS = 30;
const ROWS_PER_PARAMETER = 10;
/** The decay must exceed this many standard errors for τ to mean anything. */
const MIN_DECAY_T = 2;
/** A τ under this many grid steps is reading noise (white noise "relaxes" within one step), not a room. */
const MIN_TAU_STEPS = 2;

/**
 * Fits a first-order ("Newton's law of cooling") plant to one location's history:
 *   dx/dt = (ambient − x)/τ + Σ gain_i·on_i(t).
 * Readings are averaged per grid step (default 1 min: smoothing before anything else), and the
 * step-to-step change is regressed by ordinary least squares on [1, x, share of the step each
 * actuator was ON] — the exact discretisation of the ODE over the step (x' = φx + (1 − φ)·x∞,
 * φ = e^(−Δ/τ)), so there is no Euler error to correct and no derivative of noisy readings.
 * τ, ambient and the gains follow from the coefficients; their standard errors from the
 * regression covariance by the delta method. The residuals' lag-1 autocovariance separates
 * the process disturbance from reading noise (what a simulation's band needs).
 *
 * Honest about thin history: an actuator that never changed state while readings were taken
 * (or was ON or OFF for under 5 min) gets no gain — it is listed in `unidentified` with the
 * state it held, and the model is valid only while it keeps that state. Unavailable (with the
 * reason) when there are too few readings, actuators always switched together, no settling
 * towards an ambient level is visible (τ not identifiable), or the readings are only noise
 * around a level (τ under two steps).
 */
export function fitPlant(history: PlantHistory): Prediction<PlantModel> {
  const stepMinutes = history.stepMinutes ?? 1;
  if (!(stepMinutes > 0)) throw new PredictionInputError(`stepMinutes must be a positive number of minutes, got ${stepMinutes}`);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the request may come from JSON, not only from typed callers
  if (history.quantity !== "temperature" && history.quantity !== "humidity") {
    throw new PredictionInputError(`quantity must be "temperature" or "humidity", got ${String(history.quantity)}`);
  }
  const points = inTimeOrder(history.points);
  const count = points.timestampsMs.length;
  for (let i = 0; i < count && points.checked !== true; i++) {
    const t = points.timestampsMs[i] as number;
    const v = points.values[i] as number;
    if (!Number.isFinite(t) || !Number.isFinite(v)) throw new PredictionInputError(`points[${i}] is not a finite reading: ${t}, ${v}`);
  }
  if (count === 0) return unavailable("no readings to fit a plant on");
  const firstMs = points.timestampsMs[0] as number;
  const lastMs = points.timestampsMs[count - 1] as number;
  const stepMs = stepMinutes * MS_PER_MINUTE;
  const slots = Math.floor((lastMs - firstMs) / stepMs) + 1;
  if (slots > 1_000_000) throw new PredictionInputError(`the history spans ${slots} steps of ${stepMinutes} min; pass at most a few weeks or a coarser stepMinutes`);

  const { x, centres, readingNoise: withinNoise } = slotMeans(points, stepMs, slots);
  const rows: number[] = [];
  for (let k = 0; k + 1 < slots; k++) if (!Number.isNaN(x[k]) && !Number.isNaN(x[k + 1])) rows.push(k);
  const byId = changesById(history.actuators);
  for (const known of history.knownActuators ?? []) if (!byId.has(known.actuatorId)) byId.set(known.actuatorId, { kind: known.kind, changes: [] });
  const { identified, unidentified } = classifyActuators(byId, history.initialStates ?? {}, centres, rows, stepMinutes);

  const p = 2 + identified.length;
  if (rows.length < Math.max(MIN_ROWS, ROWS_PER_PARAMETER * p)) {
    return unavailable(
      `too little history to fit a plant: ${rows.length} consecutive ${num(stepMinutes)}-min steps with readings; need ${Math.max(MIN_ROWS, ROWS_PER_PARAMETER * p)} for ${p} parameters`,
    );
  }
  let reference = 0;
  for (const k of rows) reference += (x[k] as number) / rows.length;
  const design = new Float64Array(rows.length * p);
  const y = new Float64Array(rows.length);
  rows.forEach((k, r) => {
    design[r * p] = 1;
    design[r * p + 1] = (x[k] as number) - reference;
    identified.forEach((a, i) => (design[r * p + 2 + i] = a.share[k] as number));
    y[r] = (x[k + 1] as number) - (x[k] as number);
  });
  const solved = leastSquares(design, y, p);
  if (!solved.ok) {
    const column = solved.dependentColumn;
    return unavailable(
      column < 2
        ? `the readings barely change (${num(reference)} throughout): no dynamics to fit a plant on`
        : `the effect of ${identified[column - 2]?.actuatorId} cannot be told apart from the others' (it switched together with them); record periods where it runs alone`,
    );
  }
  const fit = solved.fit;
  const coefficients = Array.from(fit.coefficients);
  const covariance = Array.from(fit.covariance);
  const b = coefficients[1] as number;
  const seB = Math.sqrt(covariance[p + 1] as number);
  const physical = physicalFrom(coefficients, reference, stepMinutes);
  if (physical === null || !(-b > MIN_DECAY_T * seB)) {
    return unavailable(
      `no settling towards an ambient level is visible (decay per ${num(stepMinutes)} min b = ${num(b)} ± ${num(seB)}): ` +
        `τ cannot be identified from ${num((rows.length * stepMinutes) / 60)} h; record a longer history in which the ${history.quantity} moves away from ambient and back`,
    );
  }
  if (physical.tau < MIN_TAU_STEPS * stepMinutes) {
    return unavailable(
      `the readings behave like noise around ${num(physical.ambient)}: τ would be ${num(physical.tau)} min, under ${MIN_TAU_STEPS} steps of ${num(stepMinutes)} min, ` +
        `so there are no dynamics to model; record a history in which the ${history.quantity} moves (actuators switching, doors, weather)`,
    );
  }
  const gainNames = identified.map((a) => `gain:${a.actuatorId}`);
  const parameters = physicalWithErrors(physical.tau, physical.ambient, physical.gains, gainNames, coefficients, covariance, stepMinutes);

  const { processNoise, slotNoise } = splitNoise(fit.residuals, rows, 1 + b);
  const readingNoise = withinNoise ?? slotNoise;

  return predicted({
    kind: "first-order-newton",
    quantity: history.quantity,
    parameters,
    fittedOn: count,
    rmse: Math.sqrt(fit.residualVariance),
    simulationRmse: freeRunRmse(
      x,
      coefficients,
      reference,
      identified.map((a) => a.share),
    ),
    fittedFromMs: firstMs,
    fittedToMs: lastMs,
    actuators: identified.map(({ actuatorId, kind }) => ({ actuatorId, kind })),
    unidentified,
    regression: { stepMinutes, reference, coefficients, covariance, processNoise, readingNoise },
  });
}

interface SlotMeans {
  /** Mean reading per slot (NaN: none). */
  readonly x: Float64Array;
  /** Each slot's mean reading time: where its mean "is" (a lone reading's own timestamp). */
  readonly centres: Float64Array;
  /** σ of one reading around its slot's own line; null when slots hold too few readings to tell. */
  readonly readingNoise: number | null;
}

/**
 * Averages readings per grid slot (smoothing before anything else) and measures the noise of
 * single readings as their scatter around each slot's own least-squares line — a plain
 * within-slot variance would count the change during the slot as noise.
 */
function slotMeans(points: ReadingColumns, stepMs: number, slots: number): SlotMeans {
  const { timestampsMs, values } = points;
  const origin = timestampsMs[0] as number;
  const count = new Float64Array(slots);
  const mean = new Float64Array(slots);
  const meanT = new Float64Array(slots);
  const stt = new Float64Array(slots);
  const svv = new Float64Array(slots);
  const stv = new Float64Array(slots);
  for (let i = 0; i < timestampsMs.length; i++) {
    const value = values[i] as number;
    const offset = (timestampsMs[i] as number) - origin;
    const k = Math.floor(offset / stepMs);
    const t = (offset - k * stepMs) / stepMs - 0.5;
    const n = ((count[k] as number) += 1);
    // Centred running sums (as OnlineMoments keeps them), so large values lose no precision.
    const dt = t - (meanT[k] as number);
    const dv = value - (mean[k] as number);
    meanT[k] = (meanT[k] as number) + dt / n;
    mean[k] = (mean[k] as number) + dv / n;
    stt[k] = (stt[k] as number) + dt * (t - meanT[k]);
    svv[k] = (svv[k] as number) + dv * (value - mean[k]);
    stv[k] = (stv[k] as number) + dt * (value - mean[k]);
  }
  const x = new Float64Array(slots);
  const centres = new Float64Array(slots);
  let within = 0;
  let withinDf = 0;
  let observed = 0;
  for (let k = 0; k < slots; k++) {
    const n = count[k] as number;
    x[k] = n > 0 ? (mean[k] as number) : Number.NaN;
    centres[k] = origin + (k + 0.5 + (n > 0 ? (meanT[k] as number) : 0)) * stepMs;
    if (n > 0) observed += 1;
    if (n >= 3 && (stt[k] as number) > 0) {
      within += Math.max(0, (svv[k] as number) - (stv[k] as number) ** 2 / (stt[k] as number));
      withinDf += n - 2;
    }
  }
  return { x, centres, readingNoise: withinDf >= observed ? Math.sqrt(within / withinDf) : null };
}

/**
 * Splits actuators into those with enough time both ON and OFF during the usable transitions
 * (their ON share per transition is a regressor) and those that held one state (no gain).
 */
function classifyActuators(
  byId: ReadonlyMap<string, { kind: ActuatorKind; changes: ActuatorChange[] }>,
  initialStates: Readonly<Record<string, ActuatorState>>,
  centres: Float64Array,
  rows: readonly number[],
  stepMinutes: number,
): { identified: Array<{ actuatorId: string; kind: ActuatorKind; share: Float64Array }>; unidentified: UnidentifiedActuator[] } {
  const identified: Array<{ actuatorId: string; kind: ActuatorKind; share: Float64Array }> = [];
  const unidentified: UnidentifiedActuator[] = [];
  for (const [actuatorId, { kind, changes }] of byId) {
    const share = onShares(changes, initialStates[actuatorId] ?? "OFF", centres);
    let on = 0;
    for (const k of rows) on += share[k] as number;
    const onMinutes = on * stepMinutes;
    const offMinutes = (rows.length - on) * stepMinutes;
    if (onMinutes >= MIN_STATE_MINUTES && offMinutes >= MIN_STATE_MINUTES) {
      identified.push({ actuatorId, kind, share });
      continue;
    }
    const heldState: ActuatorState = onMinutes > offMinutes ? "ON" : "OFF";
    unidentified.push({
      actuatorId,
      kind,
      heldState,
      reason:
        `${actuatorId} was ${heldState} for all but ${num(Math.min(onMinutes, offMinutes))} min of the history, so its gain cannot be identified` +
        (heldState === "ON" ? " (its effect is folded into the ambient level)" : "") +
        `; record at least ${MIN_STATE_MINUTES} min with it ${heldState === "ON" ? "OFF" : "ON"}`,
    });
  }
  return { identified, unidentified };
}

/**
 * Separates the random disturbance of the room from reading noise: with slot-mean noise v, the
 * residual is e = w + v' − φv, so γ0 = σw² + (1 + φ²)σv² and the lag-1 autocovariance γ1 = −φσv².
 */
function splitNoise(residuals: Float64Array, rows: readonly number[], phi: number): { processNoise: number; slotNoise: number } {
  let g0 = 0;
  let g1 = 0;
  let pairs = 0;
  for (let r = 0; r < rows.length; r++) {
    const e = residuals[r] as number;
    g0 += e * e;
    if (r > 0 && rows[r] === (rows[r - 1] as number) + 1) {
      g1 += e * (residuals[r - 1] as number);
      pairs += 1;
    }
  }
  g0 /= rows.length;
  g1 = pairs > 0 ? g1 / pairs : 0;
  const slotNoise2 = Math.max(0, -g1 / phi);
  return { processNoise: Math.sqrt(Math.max(0, g0 - (1 + phi * phi) * slotNoise2)), slotNoise: Math.sqrt(slotNoise2) };
}

/** tau, ambient and gains with standard errors by the delta method from the covariance of [a, b, d…]. */
function physicalWithErrors(tau: number, ambient: number, gains: readonly number[], gainNames: readonly string[], c: readonly number[], cov: readonly number[], stepMinutes: number): PlantParameter[] {
  const p = c.length;
  const a = c[0] as number;
  const b = c[1] as number;
  const l = Math.log1p(b);
  const dTau = stepMinutes / ((1 + b) * l * l);
  const h = b * tau; // d_i = −h·g_i
  const dH = tau + b * dTau;
  const se = (gradient: readonly number[]): number => {
    let v = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) v += (gradient[i] ?? 0) * (gradient[j] ?? 0) * (cov[i * p + j] as number);
    return Math.sqrt(Math.max(0, v));
  };
  const unit = (index: number, value: number): number[] => Array.from({ length: p }, (_, i) => (i === index ? value : 0));
  const out: PlantParameter[] = [
    { name: "tau", value: tau, stdErr: se(unit(1, dTau)) },
    { name: "ambient", value: ambient, stdErr: se([-1 / b, a / (b * b), ...new Array<number>(p - 2).fill(0)]) },
  ];
  gains.forEach((g, i) => {
    const d = c[2 + i] as number;
    const gradient = unit(2 + i, -1 / h);
    gradient[1] = (d * dH) / (h * h);
    out.push({ name: gainNames[i] as string, value: g, stdErr: se(gradient) });
  });
  return out;
}

/** Empty slots after which a free run restarts from the next reading (separate recording sessions). */
const RESTART_AFTER_EMPTY = 5;

/**
 * RMS error of the model run freely over the slots with the logged actuators, against the
 * observed means; it starts from the first reading and restarts after long gaps (a run across
 * a missing day would score the gap, not the model).
 */
function freeRunRmse(x: Float64Array, c: readonly number[], reference: number, shares: readonly Float64Array[]): number {
  let state = Number.NaN;
  let empty = 0;
  let ss = 0;
  let n = 0;
  for (let k = 0; k < x.length; k++) {
    const observed = x[k] as number;
    if (Number.isNaN(state) || (empty > RESTART_AFTER_EMPTY && !Number.isNaN(observed))) {
      state = observed;
      empty = 0;
    } else if (!Number.isNaN(observed)) {
      ss += (observed - state) ** 2;
      n += 1;
    }
    empty = Number.isNaN(observed) ? empty + 1 : 0;
    if (Number.isNaN(state) || k + 1 >= x.length) continue;
    let step = (c[0] as number) + (c[1] as number) * (state - reference);
    shares.forEach((s, i) => (step += (c[2 + i] as number) * (s[k] as number)));
    state += step;
  }
  return n > 0 ? Math.sqrt(ss / n) : Number.NaN;
}

/** The readings sorted by time (stably): columns as they are when already in order. */
function inTimeOrder(readings: Readings): ReadingColumns {
  if (!isColumns(readings)) return columnsFromPoints(readings);
  if (readings.checked === true) return readings;
  const { timestampsMs: ts, values: vs } = readings;
  let sorted = true;
  for (let i = 1; i < ts.length && sorted; i++) sorted = (ts[i] as number) >= (ts[i - 1] as number);
  return sorted ? readings : columnsFromPoints(Array.from(ts, (timestampMs, i) => ({ timestampMs, value: vs[i] as number })));
}
