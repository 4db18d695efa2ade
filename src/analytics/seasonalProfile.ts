import { medianBySelection } from "./quantiles.js";

const DAY_MS = 86_400_000;

/**
 * A sensor's level by time of day over its last `days` days: the mean of each day's readings in
 * each of `buckets` slots of the day (UTC), in a ring of days. Answers "what did this sensor read
 * at this time on the previous days" — the reference of the seasonal scores — in O(days) per
 * question and a fixed 2 × buckets × days numbers, whatever the sampling rate. A slot without
 * readings (a sensor reporting hourly fills one slot in four) is answered by its nearest
 * neighbour slot on that day.
 */
export class SeasonalProfile {
  private readonly sums: Float64Array;
  private readonly counts: Float64Array;
  /** The day number (days since the epoch) each ring row holds; −1: none yet. */
  private readonly dayOfRow: Float64Array;
  private readonly scratch: Float64Array;

  constructor(
    readonly buckets = 96,
    readonly days = 21,
  ) {
    this.sums = new Float64Array(buckets * days);
    this.counts = new Float64Array(buckets * days);
    this.dayOfRow = new Float64Array(days).fill(-1);
    this.scratch = new Float64Array(days);
  }

  get memoryBytes(): number {
    return this.sums.byteLength + this.counts.byteLength + this.dayOfRow.byteLength + this.scratch.byteLength;
  }

  add(timestampMs: number, value: number): void {
    const day = Math.floor(timestampMs / DAY_MS);
    const row = ((day % this.days) + this.days) % this.days;
    if (this.dayOfRow[row] !== day) {
      this.dayOfRow[row] = day;
      this.sums.fill(0, row * this.buckets, (row + 1) * this.buckets);
      this.counts.fill(0, row * this.buckets, (row + 1) * this.buckets);
    }
    const i = row * this.buckets + this.bucketOf(timestampMs);
    this.sums[i] = (this.sums[i] as number) + value;
    this.counts[i] = (this.counts[i] as number) + 1;
  }

  /**
   * Median over the days `first`, `first + step`, … (up to `last` days back) of the level at this
   * time of day; null with fewer than `minDays` of them known. (1, 1, 7): the last week's days;
   * (7, 7, 14): the same weekday of the last two weeks.
   */
  reference(timestampMs: number, first: number, step: number, last: number, minDays: number): { level: number; days: number } | null {
    const today = Math.floor(timestampMs / DAY_MS);
    const bucket = this.bucketOf(timestampMs);
    let n = 0;
    for (let back = first; back <= Math.min(last, this.days - 1); back += step) {
      const day = today - back;
      const row = ((day % this.days) + this.days) % this.days;
      if (this.dayOfRow[row] !== day) continue;
      const level = this.levelNear(row, bucket);
      if (level !== null) this.scratch[n++] = level;
    }
    if (n < minDays) return null;
    return { level: medianBySelection(this.scratch, n), days: n };
  }

  private levelNear(row: number, bucket: number): number | null {
    const base = row * this.buckets;
    for (const b of [bucket, bucket - 1, bucket + 1]) {
      if (b < 0 || b >= this.buckets) continue;
      const c = this.counts[base + b] as number;
      if (c > 0) return (this.sums[base + b] as number) / c;
    }
    return null;
  }

  private bucketOf(timestampMs: number): number {
    const inDay = ((timestampMs % DAY_MS) + DAY_MS) % DAY_MS;
    return Math.min(this.buckets - 1, Math.floor((inDay / DAY_MS) * this.buckets));
  }
}
