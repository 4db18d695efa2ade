import type { Point } from "./point.js";

/**
 * A time-ordered run of readings as two parallel typed arrays — 16 bytes a reading and no
 * object per reading — the form the predictive models scan (a day at 1 Hz is 86,400 readings:
 * as `Point` objects that is megabytes of garbage per question). `timestampsMs` is
 * non-decreasing (readings with equal timestamps keep arrival order) and both arrays have the
 * same length. Consumers never write to them, so a view (`subarray`) can be shared.
 */
export interface ReadingColumns {
  readonly timestampsMs: Float64Array;
  readonly values: Float64Array;
  /**
   * Set by a producer that guarantees finite numbers in time order (the live `SeriesWindow`
   * refuses anything else), so consumers need not check every reading again.
   */
  readonly checked?: boolean;
}

/** What the models accept: readings as objects (time-ordered) or as columns. */
export type Readings = readonly Point[] | ReadingColumns;

export function isColumns(readings: Readings): readings is ReadingColumns {
  return !Array.isArray(readings);
}

/** Columns of points in time order: copied as they are when sorted, else after a stable sort by time. */
export function columnsFromPoints(points: readonly Point[]): ReadingColumns {
  let sorted = true;
  for (let i = 1; i < points.length && sorted; i++) sorted = (points[i] as Point).timestampMs >= (points[i - 1] as Point).timestampMs;
  const ordered = sorted ? points : [...points].sort((a, b) => a.timestampMs - b.timestampMs);
  const timestampsMs = new Float64Array(ordered.length);
  const values = new Float64Array(ordered.length);
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i] as Point;
    timestampsMs[i] = p.timestampMs;
    values[i] = p.value;
  }
  return { timestampsMs, values };
}

/** Columns of either form (points are converted as `columnsFromPoints` does). */
export function asColumns(readings: Readings): ReadingColumns {
  return isColumns(readings) ? readings : columnsFromPoints(readings);
}

/** The readings with index in [from, to), as views (no copy). */
export function sliceColumns(columns: ReadingColumns, from: number, to: number): ReadingColumns {
  if (from === 0 && to === columns.timestampsMs.length) return columns;
  const slice = { timestampsMs: columns.timestampsMs.subarray(from, to), values: columns.values.subarray(from, to) };
  return columns.checked === true ? { ...slice, checked: true } : slice;
}

/** First index in [lo, hi) whose timestamp is > t (hi if none): a binary search of time-ordered timestamps. */
export function firstAfter(timestampsMs: Float64Array, t: number, lo = 0, hi = timestampsMs.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timestampsMs[mid] as number) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `before` (time-ordered, all older than the columns' first reading) followed by `columns`, as new columns. */
export function prependPoints(before: readonly Point[], columns: ReadingColumns): ReadingColumns {
  if (before.length === 0) return columns;
  const n = before.length + columns.timestampsMs.length;
  const timestampsMs = new Float64Array(n);
  const values = new Float64Array(n);
  before.forEach((p, i) => {
    timestampsMs[i] = p.timestampMs;
    values[i] = p.value;
  });
  timestampsMs.set(columns.timestampsMs, before.length);
  values.set(columns.values, before.length);
  return { timestampsMs, values };
}

/**
 * Median of the last (up to 64) positive intervals among the first `count` timestamps; null
 * with fewer than two — what `typicalIntervalOf` answers for the same readings as points.
 */
export function typicalIntervalOfTimes(timestampsMs: Float64Array, count = timestampsMs.length): number | null {
  const gaps: number[] = [];
  for (let i = count - 1; i > 0 && gaps.length < 64; i--) {
    const gap = (timestampsMs[i] as number) - (timestampsMs[i - 1] as number);
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const k = gaps.length;
  return k % 2 === 1 ? (gaps[(k - 1) / 2] as number) : ((gaps[k / 2 - 1] as number) + (gaps[k / 2] as number)) / 2;
}
