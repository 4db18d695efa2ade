import type { SensorKind } from "../../domain/sensorKind.js";
import { slopeIsSignificant } from "../direction.js";
import { asColumns, firstAfter, type Readings } from "../readingColumns.js";
import { stabilityPercent } from "../stability.js";
import { EMPTY_STATS, rangeMoments, statsFromMoments, type WindowStats } from "../windowStats.js";

export const HOUR_MS = 3_600_000;
/** Readings an hour needs before its stability counts: σ from fewer is too rough to trend. */
export const MIN_READINGS_PER_HOUR = 6;

/** Statistics of any time range (fromExclusiveMs, toInclusiveMs], as the live `SeriesWindow` gives them in O(log n). */
export interface RangeStats {
  stats(fromExclusiveMs: number, toInclusiveMs: number): WindowStats;
}

const isRangeStats = (source: Readings | RangeStats): source is RangeStats => typeof (source as Partial<RangeStats>).stats === "function";

/** The stability of one hour (startMs, endMs], as health computes it. */
export interface HourlyStability {
  readonly startMs: number;
  readonly endMs: number;
  readonly readings: number;
  /** Null when the hour has fewer than `MIN_READINGS_PER_HOUR` readings. */
  readonly stabilityPercent: number | null;
  /** The hour's least-squares slope (units/min) and whether it is significant (|b| > 3·SE), as traits judge drift. */
  readonly driftPerMinute: number | null;
  readonly driftSignificant: boolean;
}

/**
 * Stability per hour over the `hours` hours before asOf, oldest first: each hour's readings
 * through the same `stabilityPercent` that traits and health use (noise around the hour's own
 * least-squares line against the kind's scale, or `sigmaMax`), so a trend in these numbers is a
 * trend in what health will judge. From time-ordered points or columns (one pass), or in
 * O(hours·log n) from a source of range statistics such as the live window.
 */
export function hourlyStability(source: Readings | RangeStats, asOfMs: number, hours: number, kind: SensorKind, sigmaMax: number | null = null): HourlyStability[] {
  const from = asOfMs - hours * HOUR_MS;
  const hourStats = isRangeStats(source) ? (k: number): WindowStats => source.stats(from + k * HOUR_MS, from + (k + 1) * HOUR_MS) : statsPerHour(source, from, asOfMs, hours);
  const out: HourlyStability[] = [];
  for (let k = 0; k < hours; k++) {
    const all = hourStats(k);
    const enough = all.count >= MIN_READINGS_PER_HOUR;
    const stats = enough ? all : EMPTY_STATS;
    out.push({
      startMs: from + k * HOUR_MS,
      endMs: from + (k + 1) * HOUR_MS,
      readings: all.count,
      stabilityPercent: enough ? stabilityPercent(stats, kind, sigmaMax) : null,
      driftPerMinute: stats.slopePerMinute,
      driftSignificant: slopeIsSignificant(stats),
    });
  }
  return out;
}

/**
 * Each hour's statistics from time-ordered readings, hours asked in order 0, 1, …: each hour is
 * a run of the columns found by binary search, its moments taken in place (no per-hour copies).
 */
function statsPerHour(points: Readings, from: number, asOfMs: number, hours: number): (k: number) => WindowStats {
  const { timestampsMs: ts, values: vs } = asColumns(points);
  /** The hour a reading in (from, asOf] belongs to; non-decreasing in time. */
  const hourOf = (i: number): number => Math.min(hours - 1, Math.ceil(((ts[i] as number) - from) / HOUR_MS) - 1);
  const end = firstAfter(ts, asOfMs);
  let start = Math.min(firstAfter(ts, from), end);
  return (k) => {
    // This hour's readings: [start, next), next the first reading of a later hour.
    let next = start;
    let hi = end;
    while (next < hi) {
      const mid = (next + hi) >>> 1;
      if (hourOf(mid) > k) hi = mid;
      else next = mid + 1;
    }
    const stats = next - start >= MIN_READINGS_PER_HOUR ? statsFromMoments(rangeMoments(ts, vs, start, next)) : { ...EMPTY_STATS, count: next - start };
    start = next;
    return stats;
  };
}
