import { classifyDirection } from "../direction.js";
import { atLevel, kindProfile } from "../kindProfiles.js";
import { MAX_TREND_BUCKETS, targetStatus, type Trend, type TrendBucket, type TrendRequest } from "../trend.js";
import { statsFromMoments } from "../windowStats.js";
import { mergeStats, momentsOf, type RollupStats } from "./bucketMath.js";

/** A stored rollup bucket (start, start + widthMs] with its stats. */
export interface RollupBucket {
  readonly startMs: number;
  readonly stats: RollupStats;
}

/**
 * `computeTrend` from rollup buckets instead of readings: each rollup bucket counts where it
 * ends, so when the window's ends and the chart's bucket edges lie on the rollup grid every
 * figure (counts, averages, extremes, slope, direction, status) equals the raw answer up to
 * rounding. Rollup buckets ending outside (windowStartMs, windowEndMs] are left out.
 */
export function trendFromRollups(rollups: readonly RollupBucket[], widthMs: number, request: TrendRequest): Trend {
  const { windowStartMs: start, windowEndMs: end, buckets } = request;
  if (!Number.isFinite(start) || !Number.isFinite(end) || !(end > start)) {
    throw new RangeError(`trend window (${start}, ${end}] is empty or not finite; windowEndMs must be after windowStartMs`);
  }
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > MAX_TREND_BUCKETS) {
    throw new RangeError(`buckets=${buckets} is not an integer in 1..${MAX_TREND_BUCKETS}; ask for fewer buckets or a shorter window`);
  }
  const width = (end - start) / buckets;
  const acc: Array<RollupStats | null> = new Array<RollupStats | null>(buckets).fill(null);
  let all: RollupStats | null = null;
  for (const r of rollups) {
    const at = r.startMs + widthMs;
    if (!(at > start && at <= end) || r.stats.count === 0) continue;
    const i = Math.min(buckets - 1, Math.max(0, Math.ceil((at - start) / width) - 1));
    acc[i] = mergeStats(acc[i] ?? null, r.stats);
    all = mergeStats(all, r.stats);
  }
  const series: TrendBucket[] = acc.map((s, i) => ({
    startMs: start + i * width,
    endMs: i === buckets - 1 ? end : start + (i + 1) * width,
    count: s?.count ?? 0,
    avg: s === null ? null : s.mean,
    min: s === null ? null : s.min,
    max: s === null ? null : s.max,
  }));
  const latest = [...acc].reverse().find((s) => s !== null) ?? null;
  const stats = statsFromMoments(momentsOf(all));
  const { targetMin = null, targetMax = null } = request;
  return {
    readingCount: stats.count,
    avgValue: stats.mean,
    minValue: all === null ? null : all.min,
    maxValue: all === null ? null : all.max,
    slopePerMinute: stats.slopePerMinute,
    status: latest === null ? null : targetStatus(latest.mean, targetMin, targetMax),
    direction: classifyDirection(stats, atLevel(kindProfile(request.kind ?? "OTHER").trendMinChange, stats.mean)),
    series,
  };
}

/** The merged stats of the rollup buckets ending in (fromMs, toMs] (a traits window). */
export function windowFromRollups(rollups: readonly RollupBucket[], widthMs: number, fromMs: number, toMs: number): RollupStats | null {
  let all: RollupStats | null = null;
  for (const r of rollups) {
    const at = r.startMs + widthMs;
    if (at > fromMs && at <= toMs) all = mergeStats(all, r.stats);
  }
  return all;
}
