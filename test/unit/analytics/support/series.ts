import type { Point } from "../../../../src/analytics/point.js";
import { SeededRandom } from "../../../../src/analytics/random.js";

export const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** `count` readings every `intervalMs` from `startMs`, valued by `value(i, t)`. */
export function series(count: number, intervalMs: number, value: (i: number, t: number) => number, startMs = T0): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const timestampMs = startMs + i * intervalMs;
    return { timestampMs, value: value(i, timestampMs) };
  });
}

/** A value function: mean + slope·minutes + N(0, sigma) noise from a seeded generator. */
export function noisy(seed: number, mean: number, sigma: number, slopePerMinute = 0, startMs = T0): (i: number, t: number) => number {
  const random = new SeededRandom(seed);
  return (_i, t) => mean + slopePerMinute * ((t - startMs) / MINUTE) + random.gaussian(0, sigma);
}

/** |a − b| / |b|, treating two nulls as equal. */
export function relativeError(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : Number.POSITIVE_INFINITY;
  if (b === 0) return Math.abs(a);
  return Math.abs(a - b) / Math.abs(b);
}
