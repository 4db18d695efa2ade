import type { SensorKind } from "../domain/sensorKind.js";
import { classifyDirection, type Direction } from "./direction.js";
import { atLevel, kindProfile } from "./kindProfiles.js";
import { arraySource, type Point, type PointSource } from "./point.js";
import { OnlineMoments, statsFromMoments } from "./windowStats.js";

export const MAX_TREND_BUCKETS = 10_000;

export type TargetStatus = "ABOVE_TARGET" | "BELOW_TARGET" | "IN_RANGE";

/** One bucket (startMs, startMs + width]; an empty bucket has count 0 and null stats. */
export interface TrendBucket {
  readonly startMs: number;
  readonly endMs: number;
  readonly count: number;
  readonly avg: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export interface Trend {
  readonly readingCount: number;
  readonly avgValue: number | null;
  readonly minValue: number | null;
  readonly maxValue: number | null;
  readonly slopePerMinute: number | null;
  /** Judged on the latest non-empty bucket's average; null without readings. */
  readonly status: TargetStatus | null;
  readonly direction: Direction;
  readonly series: readonly TrendBucket[];
}

export interface TrendRequest {
  /** The window is (windowStartMs, windowEndMs]. */
  readonly windowStartMs: number;
  readonly windowEndMs: number;
  /** 1..10,000 equal buckets. */
  readonly buckets: number;
  readonly targetMin?: number | null;
  readonly targetMax?: number | null;
  /** Sets the smallest change that counts as a direction; OTHER when absent. */
  readonly kind?: SensorKind;
}

/**
 * Summarises a window into equal buckets plus overall avg/min/max, direction and target status.
 *
 * - direction: the traits' rule (`classifyDirection`): a least-squares slope significant
 *   against the noise and large enough over the span for the kind.
 * - status: the average of the latest non-empty bucket compared with [targetMin, targetMax]
 *   (either bound may be absent) — "where it is now", without letting one odd reading decide.
 *
 * `source` is a time-ordered array or any `PointSource` (a `SeriesWindow` is scanned in place).
 */
export function computeTrend(source: readonly Point[] | PointSource, request: TrendRequest): Trend {
  const { windowStartMs: start, windowEndMs: end, buckets } = request;
  if (!Number.isFinite(start) || !Number.isFinite(end) || !(end > start)) {
    throw new RangeError(`trend window (${start}, ${end}] is empty or not finite; windowEndMs must be after windowStartMs`);
  }
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > MAX_TREND_BUCKETS) {
    throw new RangeError(`buckets=${buckets} is not an integer in 1..${MAX_TREND_BUCKETS}; ask for fewer buckets or a shorter window`);
  }
  const { targetMin = null, targetMax = null } = request;
  if (targetMin !== null && targetMax !== null && targetMin > targetMax) {
    throw new RangeError(`targetMin ${targetMin} is above targetMax ${targetMax}; swap them`);
  }
  const width = (end - start) / buckets;
  const count = new Float64Array(buckets);
  const sum = new Float64Array(buckets);
  const min = new Float64Array(buckets).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(buckets).fill(Number.NEGATIVE_INFINITY);
  const moments = new OnlineMoments();
  const points = Array.isArray(source) ? arraySource(source as readonly Point[]) : (source as PointSource);
  points.scan(start, end, (t, v) => {
    const i = Math.min(buckets - 1, Math.max(0, Math.ceil((t - start) / width) - 1));
    count[i] = (count[i] as number) + 1;
    sum[i] = (sum[i] as number) + v;
    if (v < (min[i] as number)) min[i] = v;
    if (v > (max[i] as number)) max[i] = v;
    moments.add(t, v);
  });

  const series: TrendBucket[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let latestAvg: number | null = null;
  for (let i = 0; i < buckets; i++) {
    const n = count[i] as number;
    const avg = n > 0 ? (sum[i] as number) / n : null;
    if (n > 0) {
      lo = Math.min(lo, min[i] as number);
      hi = Math.max(hi, max[i] as number);
      latestAvg = avg;
    }
    series.push({
      startMs: start + i * width,
      endMs: i === buckets - 1 ? end : start + (i + 1) * width,
      count: n,
      avg,
      min: n > 0 ? (min[i] as number) : null,
      max: n > 0 ? (max[i] as number) : null,
    });
  }
  const stats = statsFromMoments(moments.moments());
  const kind = request.kind ?? "OTHER";
  return {
    readingCount: stats.count,
    avgValue: stats.mean,
    minValue: stats.count > 0 ? lo : null,
    maxValue: stats.count > 0 ? hi : null,
    slopePerMinute: stats.slopePerMinute,
    status: latestAvg === null ? null : targetStatus(latestAvg, targetMin, targetMax),
    direction: classifyDirection(stats, atLevel(kindProfile(kind).trendMinChange, stats.mean)),
    series,
  };
}

/** ABOVE_TARGET above targetMax, BELOW_TARGET below targetMin, else IN_RANGE (absent bounds never trigger). */
export function targetStatus(value: number, targetMin: number | null, targetMax: number | null): TargetStatus {
  if (targetMax !== null && value > targetMax) return "ABOVE_TARGET";
  if (targetMin !== null && value < targetMin) return "BELOW_TARGET";
  return "IN_RANGE";
}
