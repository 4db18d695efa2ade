import { typicalIntervalOf } from "../freshness.js";
import { formatDuration } from "../format.js";
import { MS_PER_MINUTE, type Point } from "../point.js";
import { forecast } from "./forecast.js";

export interface BacktestOptions {
  readonly horizonsMinutes: readonly number[];
  /** History handed to each forecast: the readings in (origin − historyMs, origin]. */
  readonly historyMs: number;
  /** Origins are the first readings at or after every `originEveryMs` step. */
  readonly originEveryMs: number;
  /** No origin before the first reading + this (default `historyMs`). */
  readonly warmUpMs?: number;
}

/** How a forecast did at one horizon over a rolling-origin backtest. */
export interface HorizonScore {
  readonly horizonMinutes: number;
  readonly origins: number;
  /** Origins with a forecast and an actual reading at origin + horizon. */
  readonly scored: number;
  /** Origins where forecast answered "too little history". */
  readonly unavailable: number;
  /** Share of scored actuals inside the 90 % interval. */
  readonly coverage: number | null;
  readonly mae: number | null;
  /** MAE of the last value at the origin, on the same origins. */
  readonly naiveMae: number | null;
  readonly meanIntervalWidth: number | null;
  /** Why this horizon was not scored at all, if it was not. */
  readonly skipped: string | null;
}

/**
 * Rolling-origin backtest: at each origin the forecast sees only the readings up to it, and is
 * scored against the reading nearest origin + horizon (within half the typical interval; none
 * there, e.g. in a gap: not scored). A horizon shorter than the reading interval is skipped —
 * no reading lies there, and an interpolated "actual" would score the interpolation.
 */
export function backtestForecast(points: readonly Point[], options: BacktestOptions): HorizonScore[] {
  const interval = typicalIntervalOf(points.slice(0, 1000)) ?? Number.POSITIVE_INFINITY;
  const tolerance = interval / 2;
  return options.horizonsMinutes.map((horizonMinutes): HorizonScore => {
    const horizonMs = horizonMinutes * MS_PER_MINUTE;
    if (horizonMs < interval) {
      return {
        horizonMinutes,
        origins: 0,
        scored: 0,
        unavailable: 0,
        coverage: null,
        mae: null,
        naiveMae: null,
        meanIntervalWidth: null,
        skipped: `horizon shorter than the ${formatDuration(interval)} reading interval: no reading lies ${horizonMinutes} min after an origin to score against`,
      };
    }
    let origins = 0;
    let scored = 0;
    let missing = 0;
    let inside = 0;
    let absError = 0;
    let naiveError = 0;
    let width = 0;
    let start = 0;
    const first = points[0]?.timestampMs ?? 0;
    let next = first + (options.warmUpMs ?? options.historyMs);
    for (let i = 0; i < points.length; i++) {
      const origin = points[i] as Point;
      if (origin.timestampMs < next) continue;
      next = origin.timestampMs + options.originEveryMs;
      const actual = nearest(points, i, origin.timestampMs + horizonMs, tolerance);
      if (actual === null) continue;
      origins += 1;
      while ((points[start] as Point).timestampMs <= origin.timestampMs - options.historyMs) start += 1;
      const result = forecast(points.slice(start, i + 1), { horizonMinutes, asOfMs: origin.timestampMs });
      if (!result.ok) {
        missing += 1;
        continue;
      }
      const f = result.value;
      scored += 1;
      if (actual >= f.lower && actual <= f.upper) inside += 1;
      absError += Math.abs(actual - f.value);
      naiveError += Math.abs(actual - origin.value);
      width += f.upper - f.lower;
    }
    const per = (x: number): number | null => (scored > 0 ? x / scored : null);
    return {
      horizonMinutes,
      origins,
      scored,
      unavailable: missing,
      coverage: per(inside),
      mae: per(absError),
      naiveMae: per(naiveError),
      meanIntervalWidth: per(width),
      skipped: null,
    };
  });
}

/** Value of the reading nearest `targetMs` (searching forward from index `from`), if within `tolerance`. */
function nearest(points: readonly Point[], from: number, targetMs: number, tolerance: number): number | null {
  let lo = from;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as Point).timestampMs < targetMs) lo = mid + 1;
    else hi = mid;
  }
  let best: Point | null = null;
  for (const k of [lo - 1, lo]) {
    const p = points[k];
    if (p !== undefined && k > from && (best === null || Math.abs(p.timestampMs - targetMs) < Math.abs(best.timestampMs - targetMs))) best = p;
  }
  return best !== null && Math.abs(best.timestampMs - targetMs) <= tolerance ? best.value : null;
}

/** The evaluation `eval:forecast` runs: 10/30/60-min horizons, 3 days of history per origin, an origin every 30 min. */
export const FORECAST_EVALUATION: BacktestOptions = Object.freeze({
  horizonsMinutes: [10, 30, 60],
  historyMs: 72 * 3_600_000,
  originEveryMs: 30 * MS_PER_MINUTE,
});

/** One series' backtest as printed by `eval:forecast`. */
export interface SeriesEvaluation {
  readonly series: string;
  readonly unit: string;
  readonly readings: number;
  readonly horizons: ReadonlyArray<HorizonScore & { readonly maeVsNaive: number | null; readonly withinTarget: boolean | null }>;
}

/** Coverage of the 90 % interval counts as calibrated inside this band. */
export const COVERAGE_TARGET = Object.freeze({ min: 0.8, max: 0.97 });

/** Backtests one series and judges each horizon against the targets (coverage 80–97 %, MAE ≤ naive). */
export function evaluateSeries(name: string, unit: string, points: readonly Point[], options: BacktestOptions = FORECAST_EVALUATION): SeriesEvaluation {
  const horizons = backtestForecast(points, options).map((h) => ({
    ...h,
    maeVsNaive: h.mae !== null && h.naiveMae !== null && h.naiveMae > 0 ? h.mae / h.naiveMae : null,
    withinTarget: h.coverage === null || h.mae === null || h.naiveMae === null ? null : h.coverage >= COVERAGE_TARGET.min && h.coverage <= COVERAGE_TARGET.max && h.mae <= h.naiveMae,
  }));
  return { series: name, unit, readings: points.length, horizons };
}
