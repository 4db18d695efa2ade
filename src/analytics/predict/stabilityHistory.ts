import type { SensorKind } from "../../twin/sensorKind.js";
import { slopeIsSignificant } from "../direction.js";
import { asColumns, firstAfter, type Readings } from "../readingColumns.js";
import { stabilityPercent } from "../stability.js";
import { EMPTY_STATS, rangeMoments, statsFromMoments } from "../windowStats.js";

export const HOUR_MS = 3_600_000;
/** Readings an hour needs before its stability counts: σ from fewer is too rough to trend. */
export const MIN_READINGS_PER_HOUR = 6;

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
 * trend in what health will judge. Readings: time-ordered points or columns; each hour is a
 * run of the columns found by binary search, its moments taken in place (no per-hour copies).
 */
export function hourlyStability(points: Readings, asOfMs: number, hours: number, kind: SensorKind, sigmaMax: number | null = null): HourlyStability[] {
  const { timestampsMs: ts, values: vs } = asColumns(points);
  const from = asOfMs - hours * HOUR_MS;
  /** The hour a reading in (from, asOf] belongs to; non-decreasing in time. */
  const hourOf = (i: number): number => Math.min(hours - 1, Math.ceil(((ts[i] as number) - from) / HOUR_MS) - 1);
  const end = firstAfter(ts, asOfMs);
  let start = Math.min(firstAfter(ts, from), end);
  const out: HourlyStability[] = [];
  for (let k = 0; k < hours; k++) {
    // This hour's readings: [start, next), next the first reading of a later hour.
    let next = start;
    let hi = end;
    while (next < hi) {
      const mid = (next + hi) >>> 1;
      if (hourOf(mid) > k) hi = mid;
      else next = mid + 1;
    }
    const count = next - start;
    const enough = count >= MIN_READINGS_PER_HOUR;
    const stats = enough ? statsFromMoments(rangeMoments(ts, vs, start, next)) : EMPTY_STATS;
    out.push({
      startMs: from + k * HOUR_MS,
      endMs: from + (k + 1) * HOUR_MS,
      readings: count,
      stabilityPercent: enough ? stabilityPercent(stats, kind, sigmaMax) : null,
      driftPerMinute: stats.slopePerMinute,
      driftSignificant: slopeIsSignificant(stats),
    });
    start = next;
  }
  return out;
}
