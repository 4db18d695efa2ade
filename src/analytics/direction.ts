import type { WindowStats } from "./windowStats.js";

export type Direction = "RISING" | "FALLING" | "STABLE";

/** How many standard errors a slope must exceed to count as real (conservative: sensor noise is autocorrelated). */
export const SLOPE_T_CRITICAL = 3;

/**
 * RISING/FALLING only when the least-squares slope is both significant against the noise
 * (|b| > 3·SE(b)) and large in absolute terms: |b| × (span of the readings, minutes) ≥
 * `minChange` (the kind's smallest meaningful change). Otherwise, and with < 3 readings, STABLE.
 */
export function classifyDirection(stats: WindowStats, minChange: number, tCritical = SLOPE_T_CRITICAL): Direction {
  const b = stats.slopePerMinute;
  const se = stats.slopeStdError;
  if (b === null || se === null || stats.firstTimestampMs === null || stats.lastTimestampMs === null) return "STABLE";
  const spanMinutes = (stats.lastTimestampMs - stats.firstTimestampMs) / 60_000;
  if (Math.abs(b) <= tCritical * se) return "STABLE";
  if (Math.abs(b) * spanMinutes < minChange) return "STABLE";
  return b > 0 ? "RISING" : "FALLING";
}

/** True when the slope is significantly different from zero (|b| > 3·SE(b)). */
export function slopeIsSignificant(stats: WindowStats, tCritical = SLOPE_T_CRITICAL): boolean {
  const b = stats.slopePerMinute;
  const se = stats.slopeStdError;
  return b !== null && se !== null && Math.abs(b) > tCritical * se;
}
