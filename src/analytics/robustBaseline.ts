import { normalQuantile, quantileOfSorted, weightedMedian, weightedQuantile } from "./quantiles.js";

// Per-bucket summary fields, stored with this stride in one Float64Array ring.
const END = 0;
const COUNT = 1;
const MEDIAN = 2;
const SPREAD = 3; // robust σ of the bucket's readings around their level
const NOISE = 4; // median |Δ − median Δ| of consecutive readings' differences Δ (a trend drops out)
const QUANTUM = 5; // smallest positive |Δ|
const REPEATS = 6;
const PAIRS = 7;
const MAX_RUN = 8; // longest normal run of equal values that ended during the bucket
const MODE_SHARE = 9; // share of the bucket's readings equal to its most common value (0 if none repeat)
const FIELDS = 10;

/**
 * Runs are remembered for two days: a sensor that sits flat every night must still have last
 * night's run on record when tonight's run reaches the same length, even if tonight is later.
 */
const RUN_MEMORY_MS = 2 * 86_400_000;

/** A bucket also closes at this many readings, which bounds the open bucket's buffers. */
const MAX_BUCKET_READINGS = 4096;
/** While fewer buckets than this are closed, a bucket closes after `YOUNG_READINGS` readings… */
const YOUNG_BUCKETS = 8;
/** …so a fresh sensor gets a baseline within minutes instead of after a whole bucket span. */
const YOUNG_READINGS = 16;
/** Buckets with fewer readings say nothing about the spread within a bucket. */
const MIN_IQR_READINGS = 4;
/** σ of Gaussian noise from the MAD of consecutive readings' differences: 1 / (0.6745·√2). */
const NOISE_FROM_MEDIAN_DIFF = 1.0484;
/** σ of Gaussian noise from an interquartile range. */
const IQR_TO_SIGMA = 1 / 1.349;

/** The baseline's current view of "normal" for one sensor. */
export interface BaselineView {
  /** Readings summarised by the buckets inside the baseline span. */
  readonly readings: number;
  /** Robust centre: count-weighted median of the bucket medians. */
  readonly center: number;
  /** Lowest and highest bucket median: the band the level moved in (a daily cycle, a weekly dip). */
  readonly low: number;
  readonly high: number;
  /** The central part of the bucket medians (without the `bandQuantile` share at each end): the usual range. */
  readonly innerLow: number;
  readonly innerHigh: number;
  /**
   * Robust σ: the spread of readings within a bucket (IQR/1.349, or from the share at the
   * mode when over half the readings sit on one quantisation step) of the noisier quarter of
   * buckets, combined with how far the level wanders from one bucket to the next.
   */
  readonly scale: number;
  /**
   * Robust σ of reading-to-reading noise, from the MAD of the differences Δ of consecutive
   * readings (median |Δ − median Δ|): a level moving steadily within a bucket shifts every Δ
   * alike and does not count as noise.
   */
  readonly noise: number;
  /** Typical smallest step between different readings (the quantisation), 0 if none seen. */
  readonly quantum: number;
  /** Share of consecutive pairs with equal values. */
  readonly repeatRate: number;
  /** Typical share of a bucket's readings equal to its most common value: how often a quantised, noisy reading repeats at its mode. */
  readonly modeShare: number;
  /** Longest normal run of equal values over the last two days (a flat night, a quiet weekend day). */
  readonly usualRun: number;
}

/**
 * A streaming robust baseline over a sliding span (24 h by default) in O(1) amortised per
 * reading and a few kilobytes: readings collect in an open bucket (span / 48, 30 min); when it
 * closes, its median, spread, noise (MAD of Δ), quantum, mode share, repeat counts and
 * longest normal run are kept and its readings dropped — an exact per-bucket median, then
 * medians and quantiles across buckets, instead of a P² sketch. The baseline combines the
 * summaries inside the span with count-weighted medians and quantiles, so a single bad
 * bucket (an outage, a burst of spikes) cannot move it, and refreshes when a bucket closes
 * (it lags the newest readings by at most one bucket). Sorting a closing bucket is
 * O(b log b) once per b readings.
 */
export class RobustBaseline {
  private readonly bucketMs: number;
  private ring: Float64Array;
  private ringCap = 64;
  private head = 0;
  private size = 0;
  private closedEver = 0;
  private readonly open = { startMs: 0, count: 0, diffs: 0, repeats: 0, pairs: 0, maxRun: 0, stuck: 0 };
  private values = new Float64Array(64);
  private diffs = new Float64Array(64);
  private view: BaselineView = { readings: 0, center: 0, low: 0, high: 0, innerLow: 0, innerHigh: 0, scale: 0, noise: 0, quantum: 0, repeatRate: 0, modeShare: 0, usualRun: 0 };
  // Scratch for the weighted medians (grown with the ring).
  private wv = new Float64Array(64);
  private ww = new Float64Array(64);

  constructor(
    private readonly baselineMs: number,
    buckets: number,
    private readonly bandQuantile = 0.05,
  ) {
    this.bucketMs = baselineMs / buckets;
    this.ring = new Float64Array(this.ringCap * FIELDS);
  }

  /** The current summary of the baseline span. */
  current(): BaselineView {
    return this.view;
  }

  /**
   * Adds a reading (in time order). `diff` is value − previous value or null for the first
   * reading; `countRepeat` false keeps it out of the repeat statistics (a run judged STUCK), and
   * a bucket mostly made of such readings has no say in the noise and spread either: a frozen
   * day must not make the recovered sensor's ordinary noise look like spikes.
   */
  add(timestampMs: number, value: number, diff: number | null, countRepeat: boolean): void {
    const o = this.open;
    if (o.count > 0 && timestampMs - o.startMs >= this.bucketMs) this.close(timestampMs);
    if (o.count === 0) o.startMs = timestampMs;
    if (o.count === this.values.length) this.values = grow(this.values);
    this.values[o.count] = value;
    o.count += 1;
    if (diff !== null) {
      if (o.diffs === this.diffs.length) this.diffs = grow(this.diffs);
      this.diffs[o.diffs++] = diff;
      if (countRepeat) {
        o.pairs += 1;
        if (diff === 0) o.repeats += 1;
      } else {
        o.stuck += 1;
      }
    }
    const young = this.closedEver < YOUNG_BUCKETS && o.count >= YOUNG_READINGS;
    if (young || o.count >= MAX_BUCKET_READINGS) this.close(timestampMs);
  }

  /**
   * Records a run of equal values that ended without being judged STUCK. Only ended runs count:
   * a run still going must not raise the bar it is being judged against.
   */
  noteRun(length: number): void {
    if (length > this.open.maxRun) this.open.maxRun = length;
  }

  /** Bytes held by the typed arrays. */
  get memoryBytes(): number {
    return this.ring.byteLength + this.values.byteLength + this.diffs.byteLength + this.wv.byteLength + this.ww.byteLength;
  }

  private close(nowMs: number): void {
    const o = this.open;
    if (o.count === 0) return;
    const sorted = this.values.subarray(0, o.count).sort();
    const diffs = this.diffs.subarray(0, o.diffs);
    let mode = 1;
    for (let i = 1, run = 1; i < sorted.length; i++) {
      run = sorted[i] === sorted[i - 1] ? run + 1 : 1;
      if (run > mode) mode = run;
    }
    let quantum = 0;
    for (const d of diffs) {
      const step = Math.abs(d);
      if (step > 0 && (quantum === 0 || step < quantum)) quantum = step;
    }
    if (this.size === this.ringCap) this.growRing();
    const at = ((this.head + this.size) % this.ringCap) * FIELDS;
    const r = this.ring;
    r[at + END] = nowMs;
    r[at + COUNT] = o.count;
    r[at + MEDIAN] = quantileOfSorted(sorted, 0.5);
    const frozen = 2 * o.stuck > o.count;
    r[at + SPREAD] = o.count >= MIN_IQR_READINGS && !frozen ? spreadOf(sorted, mode / o.count, quantum) : Number.NaN;
    r[at + NOISE] = o.diffs > 0 && !frozen ? medianAbsoluteDeviation(diffs) : Number.NaN;
    r[at + QUANTUM] = quantum;
    r[at + REPEATS] = o.repeats;
    r[at + PAIRS] = o.pairs;
    r[at + MAX_RUN] = o.maxRun;
    r[at + MODE_SHARE] = mode > 1 ? mode / o.count : 0;
    this.size += 1;
    this.closedEver += 1;
    Object.assign(o, { startMs: 0, count: 0, diffs: 0, repeats: 0, pairs: 0, maxRun: 0, stuck: 0 });
    const memoryMs = Math.max(this.baselineMs, RUN_MEMORY_MS);
    while (this.size > 0 && (this.ring[this.head * FIELDS + END] as number) < nowMs - memoryMs) {
      this.head = (this.head + 1) % this.ringCap;
      this.size -= 1;
    }
    this.refresh(nowMs);
  }

  private refresh(nowMs: number): void {
    const from = nowMs - this.baselineMs;
    const r = this.ring;
    let k = 0;
    let readings = 0;
    let repeats = 0;
    let pairs = 0;
    let usualRun = 0;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    const medians = new Float64Array(this.size);
    const counts = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const at = ((this.head + i) % this.ringCap) * FIELDS;
      usualRun = Math.max(usualRun, r[at + MAX_RUN] as number);
      if ((r[at + END] as number) < from) continue;
      medians[k] = r[at + MEDIAN] as number;
      low = Math.min(low, medians[k] as number);
      high = Math.max(high, medians[k] as number);
      counts[k] = r[at + COUNT] as number;
      readings += counts[k] as number;
      repeats += r[at + REPEATS] as number;
      pairs += r[at + PAIRS] as number;
      k += 1;
    }
    if (k === 0) {
      this.view = { ...this.view, readings: 0, usualRun };
      return;
    }
    const center = weightedMedian(medians, counts, k);
    const innerLow = weightedQuantile(medians, counts, k, this.bandQuantile);
    const innerHigh = weightedQuantile(medians, counts, k, 1 - this.bandQuantile);
    // The noisier quarter: a day/night signal is noisier by day, and day readings are normal too.
    const within = orZero(this.quantileOverBuckets(from, (at) => r[at + SPREAD] as number, COUNT, 0.75));
    // How much the level itself wanders from one bucket to the next (0 for a steady signal).
    let previous = Number.NaN;
    const wander =
      NOISE_FROM_MEDIAN_DIFF *
      orZero(
        this.quantileOverBuckets(
          from,
          (at) => {
            const step = Math.abs((r[at + MEDIAN] as number) - previous);
            previous = r[at + MEDIAN] as number;
            return step;
          },
          COUNT,
          0.5,
        ),
      );
    const noise = NOISE_FROM_MEDIAN_DIFF * orZero(this.quantileOverBuckets(from, (at) => r[at + NOISE] as number, PAIRS, 0.5));
    const quantum = orZero(this.quantileOverBuckets(from, (at) => ((r[at + QUANTUM] as number) > 0 ? (r[at + QUANTUM] as number) : Number.NaN), PAIRS, 0.5));
    this.view = {
      readings,
      center,
      low,
      high,
      innerLow,
      innerHigh,
      scale: Math.hypot(within, wander),
      noise,
      quantum,
      repeatRate: pairs > 0 ? repeats / pairs : 0,
      modeShare: orZero(this.quantileOverBuckets(from, (at) => r[at + MODE_SHARE] as number, COUNT, 0.5)),
      usualRun,
    };
  }

  /** Weighted q-quantile over the buckets inside the span of a per-bucket quantity (NaN = no opinion). */
  private quantileOverBuckets(from: number, quantity: (at: number) => number, weightField: number, q: number): number {
    let k = 0;
    for (let i = 0; i < this.size; i++) {
      const at = ((this.head + i) % this.ringCap) * FIELDS;
      if ((this.ring[at + END] as number) < from) continue;
      this.wv[k] = quantity(at);
      this.ww[k] = this.ring[at + weightField] as number;
      k += 1;
    }
    return weightedQuantile(this.wv, this.ww, k, q);
  }

  private growRing(): void {
    const next = new Float64Array(this.ringCap * 2 * FIELDS);
    for (let i = 0; i < this.size; i++) {
      const from = ((this.head + i) % this.ringCap) * FIELDS;
      next.set(this.ring.subarray(from, from + FIELDS), i * FIELDS);
    }
    this.ring = next;
    this.head = 0;
    this.ringCap *= 2;
    this.wv = new Float64Array(this.ringCap);
    this.ww = new Float64Array(this.ringCap);
  }
}

/**
 * Robust σ of a sorted bucket: IQR/1.349; when over half the readings share one value (a
 * quantised signal whose noise is below its step) the IQR is 0 and σ follows from that share
 * instead: a Gaussian rounded to steps q keeps a share m on one step when q/2 = σ·Φ⁻¹((1+m)/2).
 */
function spreadOf(sorted: Float64Array, modeShare: number, quantum: number): number {
  const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
  if (iqr > 0) return iqr * IQR_TO_SIGMA;
  if (quantum > 0 && modeShare < 1) return quantum / 2 / normalQuantile((1 + modeShare) / 2);
  return 0;
}

/** Median |x − median x| of `values` (reorders them). */
function medianAbsoluteDeviation(values: Float64Array): number {
  const center = quantileOfSorted(values.sort(), 0.5);
  for (let i = 0; i < values.length; i++) values[i] = Math.abs((values[i] as number) - center);
  return quantileOfSorted(values.sort(), 0.5);
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const next = new Float64Array(a.length * 2);
  next.set(a);
  return next;
}

const orZero = (x: number): number => (Number.isNaN(x) ? 0 : x);
