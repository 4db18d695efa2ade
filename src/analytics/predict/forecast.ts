import { num } from "../format.js";
import { MS_PER_MINUTE, type Point } from "../point.js";
import { quantileOfSorted } from "../quantiles.js";
import { firstAfter, isColumns, sliceColumns, typicalIntervalOfTimes, type ReadingColumns, type Readings } from "../readingColumns.js";
import { PredictionInputError, requireAsOf } from "./errors.js";
import { sampleGrid } from "./grid.js";
import { dampedSteps, type HoltParams } from "./holt.js";
import { fitAndRunHolt, type HoltFitMemo } from "./holtMemo.js";
import { predicted, unavailable, type Prediction } from "./result.js";

/** The longest horizon a forecast answers: 7 days. */
export const MAX_HORIZON_MINUTES = 7 * 24 * 60;
/** Grid slots fitted at most (the newest kept): bounds the cost whatever the history. */
const MAX_SLOTS = 6000;
/** The grid is coarsened so a horizon spans at most this many steps. */
const MAX_HORIZON_STEPS = 30;
/** Backtested errors the interval needs at least (an empirical 5 % tail from fewer is a guess). */
const MIN_CALIBRATION_ERRORS = 30;
/** The interval is calibrated on the errors of origins in the most recent span only: the sensor's current behaviour. */
const CALIBRATION_SPAN_MS = 48 * 3_600_000;
const COVERAGE = 0.9;

/**
 * How far back a forecast at this horizon needs readings to calibrate its interval: the grid
 * is coarsened to horizon / 30 per step, and calibration wants 30 errors of origins that are
 * each followed by the horizon and preceded by 10 warm-up steps — (30 + 10 + 30) steps, 2⅓
 * horizons; with a margin, 2.5 horizons. Short horizons are met by the default day.
 */
export function forecastHistoryMs(horizonMinutes: number): number {
  return 2.5 * horizonMinutes * MS_PER_MINUTE;
}

/** The grid step a forecast at this horizon uses on a long history (at least): horizon / 30. */
export function forecastStepMs(horizonMinutes: number): number {
  return (horizonMinutes * MS_PER_MINUTE) / MAX_HORIZON_STEPS;
}

export interface ForecastOptions {
  readonly horizonMinutes: number;
  readonly asOfMs: number;
  readonly threshold?: number | null;
  /** Reuses the Holt fit of an identical grid (the sensor asked about again without a new reading): same answer, less work. */
  readonly memo?: HoltFitMemo | null;
}

export interface Forecast {
  readonly horizonMinutes: number;
  /** Forecast value at asOf + horizon. */
  readonly value: number;
  /** 90 % interval: the sensor's own backtested errors at this horizon around `value`. */
  readonly lower: number;
  readonly upper: number;
  /** The smoothed trend now, units per minute (it decays with φ along the forecast). */
  readonly ratePerMinute: number;
  /** Minutes from asOf until the forecast path reaches `threshold`; null if not within 7 days (or no threshold). */
  readonly minutesToThreshold: number | null;
  readonly threshold: number | null;
  readonly method: string;
  readonly parameters: HoltParams & { readonly stepMinutes: number };
  /** Backtested errors the interval was calibrated on. */
  readonly calibrationErrors: number;
  /** The newest reading at or before asOf: the forecast starts there. */
  readonly lastReadingMs: number;
}

/**
 * Forecasts a sensor's value `horizonMinutes` after `asOfMs` from its own history (points or
 * columns, time-ordered; readings after asOf are ignored).
 *
 * Method: Holt's linear exponential smoothing with a damped trend on a regular grid (step = the
 * typical reading interval, coarsened by whole intervals so the horizon spans ≤ 30 steps and
 * the history ≤ 6000 slots; each slot takes its newest reading, empty slots are gaps the
 * smoother predicts through). α, β, φ are chosen on the sensor's own history by the smallest
 * mean |h-step error| at this very horizon, from a grid that contains the last-value forecast.
 * A level-plus-trend smoother rather than a windowed regression: it adapts to level shifts
 * without a window length to tune, damping keeps long horizons from running away, and one pass
 * over the history both scores a parameter set and yields the errors to calibrate on.
 *
 * Interval: the 5 % and 95 % empirical quantiles (finite-sample corrected) of the same model's
 * backtested h-step errors, from the origins of the most recent 48 h (at least 30), added to the
 * point forecast — no Gaussian or iid assumption; skewed or heavy-tailed errors give an
 * asymmetric interval, a noisy day a wide one.
 *
 * The forecast starts at the newest reading, so a sensor silent for a while gets the longer
 * effective horizon and its wider interval. For horizons shorter than one grid step (hourly
 * data, 10 min ahead) the interval of one step is used: the shortest error that can be measured.
 *
 * Throws `PredictionInputError` for a horizon outside (0, 7 days] or unusable points; returns
 * `unavailable` when the history is too short to backtest 30 errors at this horizon.
 */
export function forecast(points: Readings, options: ForecastOptions): Prediction<Forecast> {
  const { horizonMinutes, asOfMs } = options;
  const threshold = options.threshold ?? null;
  requireAsOf(asOfMs);
  if (!(horizonMinutes > 0 && horizonMinutes <= MAX_HORIZON_MINUTES)) {
    throw new PredictionInputError(
      `horizonMinutes must be more than 0 and at most ${MAX_HORIZON_MINUTES} (7 days), got ${horizonMinutes}; ask for a horizon in that range (further out, errors cannot be calibrated on a sensor's history)`,
    );
  }
  if (threshold !== null && !Number.isFinite(threshold)) throw new PredictionInputError(`threshold must be a finite number or null, got ${threshold}`);
  const history = upTo(points, asOfMs);
  const times = history.timestampsMs;
  const count = times.length;
  const interval = typicalIntervalOfTimes(times);
  if (count === 0 || interval === null || count < MIN_CALIBRATION_ERRORS) {
    return unavailable(`too little history to forecast: ${count} readings at or before asOf; need at least ${MIN_CALIBRATION_ERRORS} plus the horizon`);
  }
  const lastMs = times[count - 1] as number;
  const spanMs = lastMs - (times[0] as number);
  // A whole number of reading intervals, so every slot samples alike.
  const stepMs = interval * Math.ceil(Math.max(1, (horizonMinutes * MS_PER_MINUTE) / MAX_HORIZON_STEPS / interval, spanMs / (MAX_SLOTS - 1) / interval));
  const stepMinutes = stepMs / MS_PER_MINUTE;
  const steps = (asOfMs + horizonMinutes * MS_PER_MINUTE - lastMs) / stepMs;
  const h = Math.max(1, Math.round(steps));
  const resetAfter = Math.max(10, h);
  const grid = sampleGrid(history, lastMs, stepMs, MAX_SLOTS);
  const { params, run } = options.memo?.fit(grid.values, h, resetAfter) ?? fitAndRunHolt(grid.values, h, resetAfter);
  const errors = run?.errors ?? null;
  if (params === null || run === null || errors === null || errors.length < MIN_CALIBRATION_ERRORS) {
    return unavailable(
      `too little history to calibrate a ${num(horizonMinutes)}-min forecast: ${errors?.length ?? 0} backtested errors from ${count} readings ` +
        `over ${num(spanMs / 3_600_000)} h; need ${MIN_CALIBRATION_ERRORS}, i.e. about ${num(((h + 10 + MIN_CALIBRATION_ERRORS) * stepMinutes) / 60)} h of regular readings`,
    );
  }
  const value = run.level + run.trend * dampedSteps(params.phi, steps);
  const keep = Math.max(MIN_CALIBRATION_ERRORS, Math.ceil(CALIBRATION_SPAN_MS / stepMs));
  const recent = Float64Array.from(errors.subarray(Math.max(0, errors.length - keep))).sort();
  const n = recent.length;
  const upperLevel = Math.min(1, (0.5 + COVERAGE / 2) * (1 + 1 / n));
  const lower = value + quantileOfSorted(recent, 1 - upperLevel);
  const upper = value + quantileOfSorted(recent, upperLevel);
  const ratePerMinute = run.trend / stepMinutes;
  const minutesToThreshold = threshold === null ? null : minutesUntil(run.level, run.trend, params.phi, threshold, stepMinutes, (asOfMs - lastMs) / MS_PER_MINUTE);
  return predicted({
    horizonMinutes,
    value,
    lower,
    upper,
    ratePerMinute,
    minutesToThreshold,
    threshold,
    method:
      `damped Holt (α=${params.alpha}, β=${params.beta}, φ=${params.phi}) on a ${num(stepMinutes)}-min grid, fitted by mean |${h}-step error|; ` +
      `90 % interval from the 5–95 % quantiles of ${n} backtested errors at this horizon` +
      (steps < 1 ? ` (horizon shorter than one ${num(stepMinutes)}-min step: one step's errors used)` : ""),
    parameters: { ...params, stepMinutes },
    calibrationErrors: n,
    lastReadingMs: lastMs,
  });
}

const notFinite = (i: number, timestampMs: number, value: number): PredictionInputError =>
  new PredictionInputError(`points[${i}] has timestamp ${timestampMs} and value ${value}; every reading needs finite numbers`);

/**
 * Readings at or before asOf in time order (a stable sort if they were not), as columns —
 * views of time-ordered columns, no copy; throws on a reading that is not a finite number.
 */
function upTo(readings: Readings, asOfMs: number): ReadingColumns {
  if (isColumns(readings)) {
    const { timestampsMs: ts, values: vs } = readings;
    if (readings.checked === true) return sliceColumns(readings, 0, firstAfter(ts, asOfMs));
    let sorted = true;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as number;
      const v = vs[i] as number;
      if (!Number.isFinite(t) || !Number.isFinite(v)) throw notFinite(i, t, v);
      if (i > 0 && t < (ts[i - 1] as number)) sorted = false;
    }
    if (sorted) return sliceColumns(readings, 0, firstAfter(ts, asOfMs));
    return upTo(
      Array.from(ts, (timestampMs, i) => ({ timestampMs, value: vs[i] as number })),
      asOfMs,
    );
  }
  const ts = new Float64Array(readings.length);
  const vs = new Float64Array(readings.length);
  let n = 0;
  let sorted = true;
  for (let i = 0; i < readings.length; i++) {
    const p = readings[i] as Point;
    if (!Number.isFinite(p.timestampMs) || !Number.isFinite(p.value)) throw notFinite(i, p.timestampMs, p.value);
    if (p.timestampMs > asOfMs) continue;
    if (n > 0 && p.timestampMs < (ts[n - 1] as number)) sorted = false;
    ts[n] = p.timestampMs;
    vs[n] = p.value;
    n += 1;
  }
  if (sorted) return { timestampsMs: ts.subarray(0, n), values: vs.subarray(0, n) };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ts[a] as number) - (ts[b] as number)); // stable
  return { timestampsMs: Float64Array.from(order, (i) => ts[i] as number), values: Float64Array.from(order, (i) => vs[i] as number) };
}

/**
 * Minutes after asOf at which level + trend·Σφ^j reaches `threshold` (from where the level is
 * now, in the trend's direction); 0 if the path reached it between the last reading and asOf;
 * null when it moves away, levels off short of it (damping) or gets there after 7 days.
 */
function minutesUntil(level: number, trend: number, phi: number, threshold: number, stepMinutes: number, staleMinutes: number): number | null {
  const gap = threshold - level;
  let steps: number | null;
  if (gap === 0) steps = 0;
  else if (trend === 0 || Math.sign(gap) !== Math.sign(trend)) steps = null;
  else {
    const need = gap / trend;
    if (phi === 1) steps = need;
    else if (need >= phi / (1 - phi)) steps = null;
    else steps = Math.log(1 - (need * (1 - phi)) / phi) / Math.log(phi);
  }
  if (steps === null) return null;
  const minutes = Math.max(0, steps * stepMinutes - staleMinutes);
  return minutes > MAX_HORIZON_MINUTES ? null : minutes;
}
