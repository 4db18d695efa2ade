/**
 * The latest `capacity` values of a stream, also kept in sorted order: a new value evicts the
 * oldest once full. Insertion and eviction are a binary search and a shift of the sorted array
 * (O(capacity) copying, a fraction of a microsecond for the few hundred values used here);
 * median, quantiles and "how many are at least x" are O(1) or O(log capacity).
 */
export class SlidingSorted {
  private readonly ring: Float64Array;
  private readonly sorted: Float64Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`SlidingSorted capacity=${capacity} must be a positive integer`);
    this.ring = new Float64Array(capacity);
    this.sorted = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  get memoryBytes(): number {
    return this.ring.byteLength + this.sorted.byteLength;
  }

  push(x: number): void {
    if (this.count === this.capacity) {
      const i = this.lowerBound(this.ring[this.head] as number);
      this.sorted.copyWithin(i, i + 1, this.count);
      this.count -= 1;
    }
    this.ring[this.head] = x;
    this.head = (this.head + 1) % this.capacity;
    const j = this.lowerBound(x);
    this.sorted.copyWithin(j + 1, j, this.count);
    this.sorted[j] = x;
    this.count += 1;
  }

  /** The value `back` pushes ago (0: the newest). */
  recent(back: number): number {
    return this.ring[(this.head - 1 - back + 2 * this.capacity) % this.capacity] as number;
  }

  /** The i-th smallest value (0-based). */
  at(i: number): number {
    return this.sorted[i] as number;
  }

  median(): number {
    const n = this.count;
    if (n === 0) return Number.NaN;
    const m = n >> 1;
    return n % 2 === 1 ? (this.sorted[m] as number) : ((this.sorted[m - 1] as number) + (this.sorted[m] as number)) / 2;
  }

  /** How many of the values are ≥ x. */
  countAtLeast(x: number): number {
    return this.count - this.lowerBound(x);
  }

  clear(): void {
    this.count = 0;
    this.head = 0;
  }

  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
