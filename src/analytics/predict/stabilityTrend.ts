import regression from "regression";
import { studentTCdf, studentTQuantile } from "./distributions.js";
import { HOUR_MS, type HourlyStability } from "./stabilityHistory.js";

/** Hours with a stability the trend needs at least. */
export const MIN_TREND_HOURS = 6;
/** Two-sided level at which a slope counts as real. */
const SIGNIFICANCE = 0.05;

/** A straight line through hourly stability: where it is now, where it goes, and how sure that is. */
export interface StabilityTrend {
  /** Change of stability per hour (percentage points; negative: degrading). */
  readonly slopePerHour: number;
  readonly slopeStdError: number;
  /** The line's value at asOf and its standard error. */
  readonly levelNow: number;
  readonly levelNowStdError: number;
  /** Scatter of single hours around the line. */
  readonly residualStdDev: number;
  readonly hoursUsed: number;
  readonly degreesOfFreedom: number;
  /** Mean of the hours' times (hours relative to asOf, negative) and Σ(x − x̄)²: for prediction errors. */
  readonly meanHours: number;
  readonly sumSquaresHours: number;
  /** |slope| > t(0.975, n − 2)·SE. */
  readonly significant: boolean;
}

/**
 * Fits stability against time (hours before asOf, at each hour's middle) by least squares —
 * the `regression` package's linear fit, with the standard errors computed here from its
 * residuals (the package gives none). Equal weights: every hour counted needs ≥ 6 readings,
 * and the noise of a σ estimate varies far less between such hours than the trend itself.
 * Null with fewer than 6 usable hours.
 */
export function fitStabilityTrend(hours: readonly HourlyStability[], asOfMs: number): StabilityTrend | null {
  const data: Array<[number, number]> = [];
  for (const h of hours) {
    if (h.stabilityPercent !== null) data.push([((h.startMs + h.endMs) / 2 - asOfMs) / HOUR_MS, h.stabilityPercent]);
  }
  const n = data.length;
  if (n < MIN_TREND_HOURS) return null;
  const [slope, intercept] = regression.linear(data, { precision: 12 }).equation as [number, number];
  let meanX = 0;
  for (const [x] of data) meanX += x / n;
  let sxx = 0;
  let ssr = 0;
  for (const [x, y] of data) {
    sxx += (x - meanX) ** 2;
    ssr += (y - (intercept + slope * x)) ** 2;
  }
  const df = n - 2;
  const s2 = ssr / df;
  const slopeStdError = Math.sqrt(s2 / sxx);
  return {
    slopePerHour: slope,
    slopeStdError,
    levelNow: intercept,
    levelNowStdError: Math.sqrt(s2 * (1 / n + meanX ** 2 / sxx)),
    residualStdDev: Math.sqrt(s2),
    hoursUsed: n,
    degreesOfFreedom: df,
    meanHours: meanX,
    sumSquaresHours: sxx,
    significant: Math.abs(slope) > studentTQuantile(1 - SIGNIFICANCE / 2, df) * slopeStdError,
  };
}

/**
 * P(the stability of the hour `hoursAhead` after asOf is below `limit`) on the extrapolated
 * line: a t tail (n − 2 degrees of freedom) around level + slope·h with the standard error of a
 * new hour, s·√(1 + 1/n + (h − x̄)²/Sxx) — the line's uncertainty (growing with the distance
 * extrapolated) plus one hour's own scatter s.
 */
export function probabilityBelow(trend: StabilityTrend, limit: number, hoursAhead: number): number {
  const mean = trend.levelNow + trend.slopePerHour * hoursAhead;
  const sd = predictionStdError(trend, hoursAhead);
  if (!(sd > 0)) return mean < limit ? 1 : 0;
  return studentTCdf((limit - mean) / sd, trend.degreesOfFreedom);
}

/** Standard error of one future hour's stability `hoursAhead` after asOf. */
function predictionStdError(trend: StabilityTrend, hoursAhead: number): number {
  const x = hoursAhead - trend.meanHours;
  return trend.residualStdDev * Math.sqrt(1 + 1 / trend.hoursUsed + (x * x) / trend.sumSquaresHours);
}

/** Hours after asOf until the line reaches `limit` (0 if it is below already); null if it never does (flat or rising). */
export function hoursUntilBelow(trend: StabilityTrend, limit: number): number | null {
  if (trend.levelNow <= limit) return 0;
  if (!(trend.slopePerHour < 0)) return null;
  return (limit - trend.levelNow) / trend.slopePerHour;
}
