import { SlidingSorted } from "./slidingSorted.js";

export interface TailCalibrationOptions {
  /** Readings of score history the calibration spans. */
  readonly historyReadings: number;
  /** Readings per block: the history keeps each block's largest score, not every score. */
  readonly blockReadings: number;
  /** The exponential tail is fitted to this share of the largest block maxima. */
  readonly tailShare: number;
  /** No judgement (probability 1) until this many readings are summarised. */
  readonly minReadings: number;
}

/**
 * Turns a raw anomaly score into the probability that an ordinary reading of this stream scores
 * at least as high — the tail probability of the stream's own recent score history, so every
 * score means the same whatever the sensor's scale or noise (the idea of HTM's "anomaly
 * likelihood": judge a score by the history of scores, not by a fixed scale).
 *
 * The history holds the maxima of blocks of `blockReadings` scores over the last
 * `historyReadings` readings (500 numbers for the defaults, whatever the sampling rate). For a
 * score s, the share of block maxima ≥ s is P(a block's maximum ≥ s); above the
 * (1 − tailShare) quantile u of the block maxima, where few or none are left to count, the tail is
 * extrapolated as exponential: P = tailShare · exp(−(s − u)/β), β the mean excess of the block
 * maxima above u (floored at the sensor's resolution, so a stream that never moved still has a
 * scale). The larger of the counted and the extrapolated probability is kept. Per reading,
 * P(one score ≥ s) = 1 − (1 − P_block)^(1/blockReadings). The block maxima also make the
 * extrapolation conservative for Gaussian noise (its tail is thinner than exponential).
 *
 * O(log n) per reading; once per block, a sorted insertion of one number and a refit of u and β.
 */
export class TailCalibration {
  private readonly blocks: SlidingSorted;
  private blockMax = Number.NEGATIVE_INFINITY;
  private inBlock = 0;
  private fitted = false;
  private u = 0;
  private excess = 0;
  private tailCount = 0;

  constructor(private readonly o: TailCalibrationOptions) {
    this.blocks = new SlidingSorted(Math.max(1, Math.ceil(o.historyReadings / o.blockReadings)));
  }

  /** True once enough readings are summarised for `probability` to judge. */
  get ready(): boolean {
    return this.blocks.size * this.o.blockReadings >= this.o.minReadings && this.blocks.size > 5;
  }

  get memoryBytes(): number {
    return this.blocks.memoryBytes;
  }

  /** The largest block maximum in the history (−∞ when empty): "the largest score before". */
  get largest(): number {
    return this.blocks.size === 0 ? Number.NEGATIVE_INFINITY : this.blocks.at(this.blocks.size - 1);
  }

  /** Median block maximum: a typical block's largest score. */
  get typical(): number {
    return this.blocks.median();
  }

  /** P(an ordinary reading scores ≥ score); 1 while not ready. `floor` bounds the tail's scale from below. */
  probability(score: number, floor: number): number {
    if (!this.ready) return 1;
    if (!this.fitted) this.fit();
    const n = this.blocks.size;
    const counted = this.blocks.countAtLeast(score) / n;
    let block = counted;
    if (score > this.u) {
      const beta = Math.max(this.excess, floor, Number.MIN_VALUE);
      block = Math.max(counted, (this.tailCount / n) * Math.exp(-(score - this.u) / beta));
    }
    return block >= 1 ? 1 : -Math.expm1(Math.log1p(-block) / this.o.blockReadings);
  }

  /** Adds a reading's score to the history (after judging it). */
  observe(score: number): void {
    if (score > this.blockMax) this.blockMax = score;
    this.inBlock += 1;
    if (this.inBlock < this.o.blockReadings) return;
    this.blocks.push(this.blockMax);
    this.blockMax = Number.NEGATIVE_INFINITY;
    this.inBlock = 0;
    this.fitted = false;
  }

  clear(): void {
    this.blocks.clear();
    this.blockMax = Number.NEGATIVE_INFINITY;
    this.inBlock = 0;
    this.fitted = false;
  }

  private fit(): void {
    const n = this.blocks.size;
    const k = Math.min(n - 1, Math.max(5, Math.ceil(this.o.tailShare * n)));
    this.u = this.blocks.at(n - k - 1);
    let sum = 0;
    for (let i = n - k; i < n; i++) sum += this.blocks.at(i) - this.u;
    this.excess = sum / k;
    this.tailCount = k;
    this.fitted = true;
  }
}
