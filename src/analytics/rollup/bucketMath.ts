import { MS_PER_MINUTE, type Point } from "../point.js";
import type { Moments } from "../windowStats.js";
import { bucketStartOf } from "./resolution.js";

/**
 * What a rollup bucket keeps of its readings: enough to merge buckets exactly (Chan et al.'s
 * parallel formula) and to give the same count, mean, min, max, variance, least-squares slope
 * and residual noise as a scan of the readings. `m2` = Σ(v − mean)²; time enters as the mean
 * timestamp and the centred moments in minutes, as the traits compute them.
 */
export interface RollupStats {
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
  readonly min: number;
  readonly max: number;
  /** Mean timestamp, epoch ms. */
  readonly tMean: number;
  /** Σ(t − t̄)² and Σ(t − t̄)(v − mean), t in minutes. */
  readonly stt: number;
  readonly stv: number;
  readonly first: number;
  readonly last: number;
  readonly lastValue: number;
}

/** The stats of one reading. */
export function pointStats(timestampMs: number, value: number): RollupStats {
  return { count: 1, mean: value, m2: 0, min: value, max: value, tMean: timestampMs, stt: 0, stv: 0, first: timestampMs, last: timestampMs, lastValue: value };
}

/** The stats of the union of two disjoint sets of readings (Chan, Golub & LeVeque's pairwise update). */
export function mergeStats(a: RollupStats | null, b: RollupStats | null): RollupStats | null {
  if (a === null || a.count === 0) return b;
  if (b === null || b.count === 0) return a;
  const n = a.count + b.count;
  const dv = b.mean - a.mean;
  const dt = (b.tMean - a.tMean) / MS_PER_MINUTE;
  const w = (a.count * b.count) / n;
  const later = b.last >= a.last ? b : a;
  return {
    count: n,
    mean: a.mean + (dv * b.count) / n,
    m2: a.m2 + b.m2 + dv * dv * w,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    tMean: a.tMean + ((b.tMean - a.tMean) * b.count) / n,
    stt: a.stt + b.stt + dt * dt * w,
    stv: a.stv + b.stv + dt * dv * w,
    first: Math.min(a.first, b.first),
    last: later.last,
    lastValue: later.lastValue,
  };
}

/** Merges any number of stats (null for none). */
export function mergeAll(parts: Iterable<RollupStats>): RollupStats | null {
  let acc: RollupStats | null = null;
  for (const p of parts) acc = mergeStats(acc, p);
  return acc;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Adds one reading to a bucket in place: `mergeStats` with a one-reading side (Welford's update), without an object per reading. */
function addReading(s: Mutable<RollupStats>, t: number, v: number): void {
  const n = s.count + 1;
  const dv = v - s.mean;
  const dt = (t - s.tMean) / MS_PER_MINUTE;
  const w = s.count / n;
  s.count = n;
  s.mean += dv / n;
  s.m2 += dv * dv * w;
  s.tMean += (t - s.tMean) / n;
  s.stt += dt * dt * w;
  s.stv += dt * dv * w;
  if (v < s.min) s.min = v;
  if (v > s.max) s.max = v;
  if (t < s.first) s.first = t;
  if (t >= s.last) {
    s.last = t;
    s.lastValue = v;
  }
}

/** The readings' stats per bucket of `widthMs` (keyed by bucket start), readings in any order. */
export function bucketize(points: Iterable<Point>, widthMs: number): Map<number, RollupStats> {
  const out = new Map<number, Mutable<RollupStats>>();
  for (const p of points) {
    const start = bucketStartOf(p.timestampMs, widthMs);
    const acc = out.get(start);
    if (acc === undefined) out.set(start, pointStats(p.timestampMs, p.value));
    else addReading(acc, p.timestampMs, p.value);
  }
  return out;
}

/** The centred moments `statsFromMoments` turns into window stats (the traits' and trend's numbers). */
export function momentsOf(s: RollupStats | null): Moments {
  if (s === null || s.count === 0) return { count: 0, meanValue: 0, stt: 0, svv: 0, stv: 0, firstTimestampMs: 0, lastTimestampMs: 0, lastValue: 0 };
  return { count: s.count, meanValue: s.mean, stt: s.stt, svv: s.m2, stv: s.stv, firstTimestampMs: s.first, lastTimestampMs: s.last, lastValue: s.lastValue };
}

/** Sample standard deviation of a bucket; null below two readings. */
export function stdDevOf(s: RollupStats): number | null {
  return s.count > 1 ? Math.sqrt(Math.max(0, s.m2) / (s.count - 1)) : null;
}
