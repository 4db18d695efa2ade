import { MS_PER_MINUTE } from "./point.js";

const MIN_GROUP = 3;
const MAX_GROUP = 64;
const CAP = 2 * MAX_GROUP;

/** A level change between the two most recent groups of n readings. */
export interface LevelChange {
  /** Median of the latest n readings minus the median of the n before them. */
  readonly delta: number;
  /** delta divided by the time between the two groups' middle readings (units/min). */
  readonly ratePerMinute: number;
  /** Readings per group. */
  readonly n: number;
}

/**
 * How fast a stream's level moves: medians of the latest n readings and of the n before them,
 * n chosen so a group spans about `spanMs` at the typical interval (3 ≤ n ≤ 64). Medians of
 * groups rather than single differences, so a 1 Hz sensor's noise does not look like a fast
 * change and a lone spike does not move the level at all. The medians are recomputed every
 * ⌈n/8⌉ readings (O(1) amortised, a change is seen within an eighth of the span).
 */
export class LevelRate {
  private readonly ts = new Float64Array(CAP);
  private readonly vs = new Float64Array(CAP);
  private readonly scratch = new Float64Array(MAX_GROUP);
  private count = 0;
  private next = 0;
  private sinceUpdate = 0;
  private last: LevelChange | null = null;

  constructor(private readonly spanMs: number) {}

  get memoryBytes(): number {
    return this.ts.byteLength + this.vs.byteLength + this.scratch.byteLength;
  }

  /** Adds a reading and returns the current change, once 2n readings are known. */
  add(timestampMs: number, value: number, typicalIntervalMs: number | null): LevelChange | null {
    this.ts[this.next] = timestampMs;
    this.vs[this.next] = value;
    this.next = (this.next + 1) % CAP;
    this.count = Math.min(CAP, this.count + 1);
    if (typicalIntervalMs === null) return null;
    const n = Math.max(MIN_GROUP, Math.min(MAX_GROUP, Math.round(this.spanMs / typicalIntervalMs)));
    if (this.count < 2 * n) return null;
    this.sinceUpdate += 1;
    if (this.last !== null && this.last.n === n && this.sinceUpdate < Math.ceil(n / 8)) return this.last;
    this.sinceUpdate = 0;
    // Group A: the i-th newest readings for i = 1..n; group B: i = n+1..2n.
    const dtMinutes = ((this.ts[this.at(Math.ceil(n / 2))] as number) - (this.ts[this.at(n + Math.ceil(n / 2))] as number)) / MS_PER_MINUTE;
    if (!(dtMinutes > 0)) return (this.last = null);
    const delta = this.median(1, n) - this.median(n + 1, n);
    this.last = { delta, ratePerMinute: delta / dtMinutes, n };
    return this.last;
  }

  /** Slot of the i-th newest reading (1 = newest). */
  private at(i: number): number {
    return (this.next - i + CAP) % CAP;
  }

  private median(from: number, n: number): number {
    for (let k = 0; k < n; k++) this.scratch[k] = this.vs[this.at(from + k)] as number;
    const sorted = this.scratch.subarray(0, n).sort();
    return n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  }
}
