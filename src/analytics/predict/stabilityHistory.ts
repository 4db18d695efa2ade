import type { SensorKind } from "../../twin/sensorKind.js";
import type { Point } from "../point.js";
import { slopeIsSignificant } from "../direction.js";
import { stabilityPercent } from "../stability.js";
import { statsOf } from "../windowStats.js";

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
 * trend in what health will judge.
 */
export function hourlyStability(points: readonly Point[], asOfMs: number, hours: number, kind: SensorKind, sigmaMax: number | null = null): HourlyStability[] {
  const buckets: Point[][] = Array.from({ length: hours }, () => []);
  const from = asOfMs - hours * HOUR_MS;
  for (const p of points) {
    if (p.timestampMs <= from || p.timestampMs > asOfMs) continue;
    const k = Math.min(hours - 1, Math.ceil((p.timestampMs - from) / HOUR_MS) - 1);
    (buckets[k] as Point[]).push(p);
  }
  return buckets.map((bucket, k) => {
    const enough = bucket.length >= MIN_READINGS_PER_HOUR;
    const stats = statsOf(enough ? bucket : []);
    return {
      startMs: from + k * HOUR_MS,
      endMs: from + (k + 1) * HOUR_MS,
      readings: bucket.length,
      stabilityPercent: enough ? stabilityPercent(stats, kind, sigmaMax) : null,
      driftPerMinute: stats.slopePerMinute,
      driftSignificant: slopeIsSignificant(stats),
    };
  });
}
