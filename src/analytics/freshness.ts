import type { Point } from "./point.js";

export type Freshness = "FRESH" | "STALE" | "OFFLINE";

export interface StalenessRule {
  /** A fixed stale limit (per-sensor/per-kind threshold); null derives it from the reporting interval. */
  readonly staleAfterMs: number | null;
  /** Floor of the derived limit. */
  readonly minStaleMs: number;
  /** The derived limit is this many typical intervals. */
  readonly staleIntervals: number;
  /** OFFLINE once silent for this many stale limits. */
  readonly offlineFactor: number;
}

export const DEFAULT_STALENESS: StalenessRule = Object.freeze({
  staleAfterMs: null,
  minStaleMs: 5_000,
  staleIntervals: 3,
  offlineFactor: 10,
});

/**
 * How long a sensor may be silent before it is STALE: the fixed `staleAfterMs` if set, else
 * `max(5 s, 3 × typical interval)` — three missed readings in a row, whatever the sampling
 * rate (5 s for a 1 Hz node, 3 min for a node that reports once a minute). Unknown interval
 * (fewer than two readings): the 5 s floor.
 */
export function staleLimitMs(typicalIntervalMs: number | null, rule: StalenessRule = DEFAULT_STALENESS): number {
  if (rule.staleAfterMs !== null) return rule.staleAfterMs;
  return Math.max(rule.minStaleMs, rule.staleIntervals * (typicalIntervalMs ?? 0));
}

/** FRESH up to the stale limit, STALE up to `offlineFactor` stale limits, then OFFLINE; never reported is OFFLINE. */
export function classifyFreshness(ageMs: number | null, staleLimit: number, rule: StalenessRule = DEFAULT_STALENESS): Freshness {
  if (ageMs === null) return "OFFLINE";
  if (ageMs <= staleLimit) return "FRESH";
  if (ageMs <= staleLimit * rule.offlineFactor) return "STALE";
  return "OFFLINE";
}

/** Median of the last (up to 64) positive intervals of time-ordered points; null with fewer than two. */
export function typicalIntervalOf(points: readonly Point[]): number | null {
  const gaps: number[] = [];
  for (let i = points.length - 1; i > 0 && gaps.length < 64; i--) {
    const gap = (points[i] as Point).timestampMs - (points[i - 1] as Point).timestampMs;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const k = gaps.length;
  return k % 2 === 1 ? (gaps[(k - 1) / 2] as number) : ((gaps[k / 2 - 1] as number) + (gaps[k / 2] as number)) / 2;
}
