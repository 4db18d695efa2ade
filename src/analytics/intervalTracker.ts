const SAMPLE = 32;
const REFRESH_EVERY = 8;
const MIN_INTERVALS = 5;

/**
 * The typical reporting interval of a stream: the median of the last 32 positive
 * inter-arrival times, refreshed every 8 readings (O(1) amortised); null until 5 are known.
 */
export class IntervalTracker {
  private readonly ring = new Float64Array(SAMPLE);
  private readonly scratch = new Float64Array(SAMPLE);
  private count = 0;
  private next = 0;
  private sinceRefresh = 0;
  private median: number | null = null;

  /** Records the time between two consecutive readings. */
  add(intervalMs: number): void {
    if (!(intervalMs > 0)) return;
    this.ring[this.next] = intervalMs;
    this.next = (this.next + 1) % SAMPLE;
    this.count = Math.min(SAMPLE, this.count + 1);
    this.sinceRefresh += 1;
    if (this.count >= MIN_INTERVALS && (this.median === null || this.sinceRefresh >= REFRESH_EVERY)) this.refresh();
  }

  get memoryBytes(): number {
    return this.ring.byteLength + this.scratch.byteLength;
  }

  get typicalMs(): number | null {
    return this.median;
  }

  private refresh(): void {
    this.sinceRefresh = 0;
    this.scratch.set(this.ring.subarray(0, this.count));
    const sorted = this.scratch.subarray(0, this.count).sort();
    const k = this.count;
    this.median = k % 2 === 1 ? (sorted[(k - 1) / 2] as number) : ((sorted[k / 2 - 1] as number) + (sorted[k / 2] as number)) / 2;
  }
}
