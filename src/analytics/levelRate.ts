import { MS_PER_MINUTE } from "./point.js";

const MIN_GROUP = 3;
const MAX_GROUP = 64;
const CAP = 2 * MAX_GROUP;

/** A level change between the two most recent groups of n readings. */
export interface LevelChange {
  /** Median over i = 1..n of (i-th newest reading − the reading n before it). */
  readonly delta: number;
  /** delta divided by the time between the two groups' middle readings (units/min). */
  readonly ratePerMinute: number;
  /** That time (min). */
  readonly minutes: number;
  /** Readings per group. */
  readonly n: number;
}

/**
 * How fast a stream's level moves: the median of the n differences between each of the latest
 * n readings and the reading n before it, n chosen so a group spans about `spanMs` at the
 * typical interval (3 ≤ n ≤ 64). A median of lagged differences rather than single differences,
 * so a 1 Hz sensor's noise does not look like a fast change and a lone spike (one pair of n)
 * does not move it; and differences of pairs rather than a difference of two group medians, so
 * its noise stays 1.2533·σ·√(2/n) on a steep ramp too (the median of a group on a ramp is about
 * one reading, with a single reading's noise). Recomputed every ⌈n/8⌉ readings (O(1)
 * amortised, a change is seen within an eighth of the span).
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
    // Pairs: the i-th newest reading and the (i + n)-th, for i = 1..n, over the time between the
    // two groups' middle readings.
    const dtMinutes = ((this.ts[this.at(Math.ceil(n / 2))] as number) - (this.ts[this.at(n + Math.ceil(n / 2))] as number)) / MS_PER_MINUTE;
    if (!(dtMinutes > 0)) return (this.last = null);
    for (let i = 1; i <= n; i++) this.scratch[i - 1] = (this.vs[this.at(i)] as number) - (this.vs[this.at(i + n)] as number);
    const delta = medianOf(this.scratch, n);
    this.last = { delta, ratePerMinute: delta / dtMinutes, minutes: dtMinutes, n };
    return this.last;
  }

  /** Slot of the i-th newest reading (1 = newest). */
  private at(i: number): number {
    return (this.next - i + CAP) % CAP;
  }
}

/** Median of the first n values of a (sorts them in place). */
function medianOf(a: Float64Array, n: number): number {
  const sorted = a.subarray(0, n).sort();
  return n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
}
