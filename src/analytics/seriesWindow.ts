import { MS_PER_MINUTE, type Point, type PointSource } from "./point.js";
import type { ReadingColumns } from "./readingColumns.js";
import { EMPTY_STATS, statsFromMoments, twoPassMoments, type WindowStats } from "./windowStats.js";

/** Readings per checkpoint: sums are stored once per block, the rest of a block is scanned. */
const BLOCK = 32;
/** Windows this small are computed directly (two passes), which is exact and still cheap. */
const DIRECT_MAX = 512;
/** How many recent inter-arrival times `typicalIntervalMs` takes the median of. */
const INTERVAL_SAMPLE = 64;
const GROWTH = 1.5;
const SUMS = 5; // Σdt, Σdv, Σdt², Σdv², Σdt·dv

export interface SeriesWindowOptions {
  /** Readings older than (newest − retentionMs) are evicted. */
  readonly retentionMs: number;
  /** Slots to allocate up front (rounded up to a block); the ring grows by half when full. */
  readonly initialCapacity?: number;
}

const roundToBlock = (n: number): number => Math.max(BLOCK, Math.ceil(n / BLOCK) * BLOCK);

/**
 * One sensor's recent readings in time order, in typed arrays (16 bytes a reading plus 40 per
 * 32-reading block), answering count/mean/variance/slope over any window inside the retention
 * in O(log n): a binary search finds the window, checkpointed prefix sums give its moments.
 *
 * Precision: sums use times (minutes) and values re-centred on a reference taken at each
 * re-base (the middle time and mean value of what is held), so a window's variance is not the
 * small difference of two huge sums; re-basing happens after every `size` appends and on
 * growth, which keeps it amortised O(1). Windows of ≤ 512 readings are computed directly by
 * two passes, so short windows far from the reference are exact too.
 *
 * Appends are expected in time order; an out-of-order reading is inserted at its place (a
 * shift of the newer readings, fine because it is rare and recent). Readings with equal
 * timestamps keep arrival order.
 */
export class SeriesWindow implements PointSource {
  readonly retentionMs: number;
  private cap: number;
  private ts: Float64Array;
  private vs: Float64Array;
  /** Absolute indices: stored slots are [storeStart, end), retained readings [base, end). */
  private storeStart = 0;
  private base = 0;
  private end = 0;
  /** Checkpoint k holds the sums over absolute [cpOrigin, k·BLOCK), at slot k mod cpCap. */
  private cpCap: number;
  private cp: Float64Array;
  private cpOrigin = 0;
  private tRef = 0;
  private vRef = 0;
  private appendsSinceRebase = 0;
  private readonly sumA = new Float64Array(SUMS);
  private readonly sumB = new Float64Array(SUMS);
  private readonly intervals = new Float64Array(INTERVAL_SAMPLE);

  constructor(options: SeriesWindowOptions) {
    if (!(options.retentionMs > 0)) {
      throw new RangeError(`retentionMs must be a positive number of milliseconds, got ${options.retentionMs}`);
    }
    this.retentionMs = options.retentionMs;
    this.cap = roundToBlock(options.initialCapacity ?? 1024);
    this.ts = new Float64Array(this.cap);
    this.vs = new Float64Array(this.cap);
    this.cpCap = this.cap / BLOCK + 1;
    this.cp = new Float64Array(this.cpCap * SUMS);
  }

  /** Readings currently retained. */
  get size(): number {
    return this.end - this.base;
  }

  get oldestTimestampMs(): number | null {
    return this.size === 0 ? null : this.timeAt(this.base);
  }

  get newestTimestampMs(): number | null {
    return this.size === 0 ? null : this.timeAt(this.end - 1);
  }

  /** The value of the newest reading (by timestamp). */
  get lastValue(): number | null {
    return this.size === 0 ? null : this.valueAt(this.end - 1);
  }

  /** Bytes held by the typed arrays (what the retention costs). */
  get memoryBytes(): number {
    return this.ts.byteLength + this.vs.byteLength + this.cp.byteLength + this.intervals.byteLength;
  }

  /**
   * Adds a reading; returns false (and keeps nothing) if it is older than the retention allows
   * relative to the newest reading. Evicts what falls out of the retention.
   */
  append(timestampMs: number, value: number): boolean {
    if (!Number.isFinite(timestampMs) || !Number.isFinite(value)) {
      throw new RangeError(`append needs finite numbers, got timestamp ${timestampMs} and value ${value}`);
    }
    const newest = this.newestTimestampMs;
    if (newest !== null && timestampMs < newest - this.retentionMs) return false;
    if (newest === null) this.restart(timestampMs, value);
    if (this.end - this.storeStart === this.cap) this.grow();
    if (newest === null || timestampMs >= newest) {
      this.put(this.end, timestampMs, value);
      this.end += 1;
      if (this.end % BLOCK === 0) this.closeBlock(this.end / BLOCK);
    } else {
      this.insertSorted(timestampMs, value);
    }
    this.evictOlderThan((this.newestTimestampMs as number) - this.retentionMs);
    this.appendsSinceRebase += 1;
    if (this.appendsSinceRebase > Math.max(1024, this.end - this.storeStart)) this.rebase();
    return true;
  }

  /** Drops readings with timestamps before `cutoffMs` (e.g. asOf − retention when a sensor falls silent). */
  evictOlderThan(cutoffMs: number): void {
    while (this.base < this.end && this.timeAt(this.base) < cutoffMs) this.base += 1;
    this.storeStart = Math.floor(this.base / BLOCK) * BLOCK;
  }

  /** Count, mean, variance, slope and ends of the readings in (fromExclusiveMs, toInclusiveMs]. */
  stats(fromExclusiveMs: number, toInclusiveMs: number): WindowStats {
    const a1 = this.firstAfter(fromExclusiveMs);
    const a2 = this.firstAfter(toInclusiveMs);
    const n = a2 - a1;
    if (n <= 0) return EMPTY_STATS;
    if (n <= DIRECT_MAX) {
      return statsFromMoments(
        twoPassMoments(
          n,
          (i) => this.timeAt(a1 + i),
          (i) => this.valueAt(a1 + i),
        ),
      );
    }
    this.prefix(a2, this.sumB);
    this.prefix(a1, this.sumA);
    const b = this.sumB;
    const a = this.sumA;
    const st = (b[0] as number) - (a[0] as number);
    const sv = (b[1] as number) - (a[1] as number);
    const stt = (b[2] as number) - (a[2] as number);
    const svv = (b[3] as number) - (a[3] as number);
    const stv = (b[4] as number) - (a[4] as number);
    const meanT = st / n;
    const meanD = sv / n;
    return statsFromMoments({
      count: n,
      meanValue: this.vRef + meanD,
      stt: stt - st * meanT,
      svv: svv - sv * meanD,
      stv: stv - st * meanD,
      firstTimestampMs: this.timeAt(a1),
      lastTimestampMs: this.timeAt(a2 - 1),
      lastValue: this.valueAt(a2 - 1),
    });
  }

  /** Visits the readings in (fromExclusiveMs, toInclusiveMs] in time order. */
  scan(fromExclusiveMs: number, toInclusiveMs: number, visit: (timestampMs: number, value: number) => void): void {
    const a2 = this.firstAfter(toInclusiveMs);
    for (let a = this.firstAfter(fromExclusiveMs); a < a2; a++) visit(this.timeAt(a), this.valueAt(a));
  }

  /** The readings in (fromExclusiveMs, toInclusiveMs] as an array (for callers that need one). */
  points(fromExclusiveMs: number, toInclusiveMs: number): Point[] {
    const out: Point[] = [];
    this.scan(fromExclusiveMs, toInclusiveMs, (timestampMs, value) => out.push({ timestampMs, value }));
    return out;
  }

  /**
   * The readings in (fromExclusiveMs, toInclusiveMs] as typed columns: a copy (two block copies
   * of the ring), no object per reading, unaffected by later appends; `checked` (finite, in order).
   */
  columns(fromExclusiveMs: number, toInclusiveMs: number): ReadingColumns {
    const a1 = this.firstAfter(fromExclusiveMs);
    const n = Math.max(0, this.firstAfter(toInclusiveMs) - a1);
    const timestampsMs = new Float64Array(n);
    const values = new Float64Array(n);
    if (n > 0) {
      const start = a1 % this.cap;
      const head = Math.min(n, this.cap - start);
      timestampsMs.set(this.ts.subarray(start, start + head));
      values.set(this.vs.subarray(start, start + head));
      if (head < n) {
        timestampsMs.set(this.ts.subarray(0, n - head), head);
        values.set(this.vs.subarray(0, n - head), head);
      }
    }
    return { timestampsMs, values, checked: true }; // append refuses non-finite readings and keeps time order
  }

  /** The newest reading at or before `timestampMs`, or null. */
  latestAtOrBefore(timestampMs: number): Point | null {
    const a = this.firstAfter(timestampMs) - 1;
    return a < this.base ? null : { timestampMs: this.timeAt(a), value: this.valueAt(a) };
  }

  /**
   * Median of the last (up to 64) positive inter-arrival times among readings at or before
   * `asOfMs` (default: all); null with fewer than two readings.
   */
  typicalIntervalMs(asOfMs = Number.POSITIVE_INFINITY): number | null {
    let k = 0;
    for (let a = this.firstAfter(asOfMs) - 1; a > this.base && k < INTERVAL_SAMPLE; a--) {
      const gap = this.timeAt(a) - this.timeAt(a - 1);
      if (gap > 0) this.intervals[k++] = gap;
    }
    if (k === 0) return null;
    const sorted = this.intervals.subarray(0, k).sort();
    return k % 2 === 1 ? (sorted[(k - 1) / 2] as number) : ((sorted[k / 2 - 1] as number) + (sorted[k / 2] as number)) / 2;
  }

  private timeAt(a: number): number {
    return this.ts[a % this.cap] as number;
  }

  private valueAt(a: number): number {
    return this.vs[a % this.cap] as number;
  }

  private put(a: number, timestampMs: number, value: number): void {
    this.ts[a % this.cap] = timestampMs;
    this.vs[a % this.cap] = value;
  }

  /** First retained absolute index whose timestamp is > t (binary search). */
  private firstAfter(t: number): number {
    let lo = this.base;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private insertSorted(timestampMs: number, value: number): void {
    const at = this.firstAfter(timestampMs);
    for (let a = this.end; a > at; a--) this.put(a, this.timeAt(a - 1), this.valueAt(a - 1));
    this.put(at, timestampMs, value);
    this.end += 1;
    for (let k = Math.floor(at / BLOCK) + 1; k * BLOCK <= this.end; k++) this.closeBlock(k);
  }

  /** Writes checkpoint k from checkpoint k − 1 plus block k − 1. */
  private closeBlock(k: number): void {
    const from = ((k - 1) % this.cpCap) * SUMS;
    const to = (k % this.cpCap) * SUMS;
    this.sumA.fill(0);
    this.accumulate((k - 1) * BLOCK, k * BLOCK, this.sumA);
    for (let i = 0; i < SUMS; i++) this.cp[to + i] = (this.cp[from + i] as number) + (this.sumA[i] as number);
  }

  /** Adds the re-centred sums of absolute [from, to) into `out`. */
  private accumulate(from: number, to: number, out: Float64Array): void {
    let st = 0;
    let sv = 0;
    let stt = 0;
    let svv = 0;
    let stv = 0;
    for (let a = from; a < to; a++) {
      const dt = (this.timeAt(a) - this.tRef) / MS_PER_MINUTE;
      const dv = this.valueAt(a) - this.vRef;
      st += dt;
      sv += dv;
      stt += dt * dt;
      svv += dv * dv;
      stv += dt * dv;
    }
    out[0] = (out[0] as number) + st;
    out[1] = (out[1] as number) + sv;
    out[2] = (out[2] as number) + stt;
    out[3] = (out[3] as number) + svv;
    out[4] = (out[4] as number) + stv;
  }

  /** Sums over absolute [cpOrigin, a) into `out`: a checkpoint plus the scanned rest of its block. */
  private prefix(a: number, out: Float64Array): void {
    const k = Math.floor(a / BLOCK);
    const at = (k % this.cpCap) * SUMS;
    for (let i = 0; i < SUMS; i++) out[i] = this.cp[at + i] as number;
    this.accumulate(k * BLOCK, a, out);
  }

  /** Starts from empty with references at the first reading, so sums stay small from the start. */
  private restart(timestampMs: number, value: number): void {
    this.base = this.end = this.storeStart = this.cpOrigin = 0;
    this.tRef = timestampMs;
    this.vRef = value;
    this.cp.fill(0, 0, SUMS);
    this.appendsSinceRebase = 0;
  }

  /** Re-centres the references on what is held and rebuilds the checkpoints from zero. */
  private rebase(): void {
    this.appendsSinceRebase = 0;
    this.cpOrigin = this.storeStart;
    const n = this.end - this.base;
    if (n > 0) {
      this.tRef = this.timeAt(this.base + (n >>> 1));
      let sum = 0;
      for (let a = this.base; a < this.end; a++) sum += this.valueAt(a);
      this.vRef = sum / n;
    }
    const k0 = this.cpOrigin / BLOCK;
    this.cp.fill(0, (k0 % this.cpCap) * SUMS, (k0 % this.cpCap) * SUMS + SUMS);
    for (let k = k0 + 1; k * BLOCK <= this.end; k++) this.closeBlock(k);
  }

  private grow(): void {
    const oldTs = this.ts;
    const oldVs = this.vs;
    const oldCap = this.cap;
    this.cap = roundToBlock(oldCap * GROWTH);
    this.ts = new Float64Array(this.cap);
    this.vs = new Float64Array(this.cap);
    for (let a = this.storeStart; a < this.end; a++) {
      this.ts[a % this.cap] = oldTs[a % oldCap] as number;
      this.vs[a % this.cap] = oldVs[a % oldCap] as number;
    }
    this.cpCap = this.cap / BLOCK + 1;
    this.cp = new Float64Array(this.cpCap * SUMS);
    this.rebase();
  }
}
