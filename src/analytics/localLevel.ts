/** Readings per half-window: the local fit uses the latest 2 × HALF readings. */
const DEFAULT_HALF = 8;
/** σ of Gaussian noise from the MAD of consecutive differences: 1.4826 / √2. */
const MAD_OF_DIFFS_TO_SIGMA = 1.0484;

/**
 * Where a stream's next reading is expected from its neighbours — the latest 2m readings
 * (m = `half`, 8) — so a reading can be judged against them rather than against the past day:
 * a level that moves smoothly (a drifting sensor, a room warming with the heater on) is
 * predicted, a lone reading far from it is not.
 *
 * Three predictions of the reading at time t, and the interval [low, high] they span:
 * - the robust line through the two halves of the window: slope = (median of the newer m −
 *   median of the older m) / (time between their middle readings), extrapolated from the newer
 *   half's median to t — a ramp's next value; a lone spike in the window moves neither median;
 * - the last reading carried on at the full local slope, and at half of it: the line lags
 *   where the slope changes (a ramp starting from flat, a ramp stopping at its setpoint) and the
 *   last reading does not; half the slope covers a ramp that has just stopped.
 * On a steady signal the three agree up to noise; on a ramp the interval is about half a
 * reading-to-reading step wide, so a spike against a steep ramp's direction is measured from
 * that far edge. `noise()` is the neighbours' own σ, for a caller that must not trust an older
 * estimate alone. Two medians of m values per `expect`, a MAD of 2m − 1 differences per
 * `noise()` (insertion sorts: O(1) for a fixed m, a fraction of a microsecond at m = 8), and a
 * few hundred bytes.
 */
export class LocalLevel {
  private readonly ts: Float64Array;
  private readonly vs: Float64Array;
  private readonly scratch: Float64Array;
  private readonly cap: number;
  private count = 0;
  private next = 0;
  /** Bounds of the expected interval set by the last successful `expect`. */
  low = 0;
  high = 0;
  /** Local slope (units per ms) from the last successful `expect`. */
  slope = 0;

  constructor(readonly half = DEFAULT_HALF) {
    if (!(Number.isInteger(half) && half >= 2)) throw new RangeError(`LocalLevel half=${half} must be an integer ≥ 2`);
    this.cap = 2 * half;
    this.ts = new Float64Array(this.cap);
    this.vs = new Float64Array(this.cap);
    this.scratch = new Float64Array(this.cap);
  }

  /** Readings the window spans when full. */
  get readings(): number {
    return this.cap;
  }

  get memoryBytes(): number {
    return this.ts.byteLength + this.vs.byteLength + this.scratch.byteLength;
  }

  /** Forgets the neighbours (after a silence they say nothing about the next reading). */
  reset(): void {
    this.count = 0;
    this.next = 0;
  }

  /**
   * Sets `low`/`high` to the interval the reading at `t` is expected in, from the readings added
   * so far; false (and nothing set) until the window is full.
   */
  expect(t: number): boolean {
    const m = this.half;
    if (this.count < this.cap) return false;
    const newer = this.median(1, m);
    const older = this.median(m + 1, m);
    const tNewer = this.middleTime(1, m);
    const tOlder = this.middleTime(m + 1, m);
    const slope = tNewer > tOlder ? (newer - older) / (tNewer - tOlder) : 0;
    const line = newer + slope * (t - tNewer);
    const last = this.vs[this.at(1)] as number;
    const dt = t - (this.ts[this.at(1)] as number);
    const full = last + slope * dt;
    const halfway = last + 0.5 * slope * dt;
    this.low = Math.min(line, full, halfway);
    this.high = Math.max(line, full, halfway);
    this.slope = slope;
    return true;
  }

  /**
   * Robust σ of the neighbours' own noise: the MAD of their consecutive differences /
   * (0.6745·√2) — a trend shifts every difference alike and drops out. 0 until the window is full.
   */
  noise(): number {
    if (this.count < this.cap) return 0;
    const n = this.cap - 1;
    const s = this.scratch;
    for (let i = 1; i <= n; i++) s[i - 1] = (this.vs[this.at(i)] as number) - (this.vs[this.at(i + 1)] as number);
    const center = sortedMedian(s, n);
    for (let i = 0; i < n; i++) s[i] = Math.abs((s[i] as number) - center);
    return sortedMedian(s, n) * MAD_OF_DIFFS_TO_SIGMA;
  }

  /** Adds a reading (in time order). */
  add(t: number, x: number): void {
    this.ts[this.next] = t;
    this.vs[this.next] = x;
    this.next = (this.next + 1) % this.cap;
    if (this.count < this.cap) this.count += 1;
  }

  /** Slot of the i-th newest reading (1 = newest). */
  private at(i: number): number {
    return (this.next - i + this.cap) % this.cap;
  }

  /** Median of the values of the i-th newest readings, i = from..from+n−1. */
  private median(from: number, n: number): number {
    for (let k = 0; k < n; k++) this.scratch[k] = this.vs[this.at(from + k)] as number;
    return sortedMedian(this.scratch, n);
  }

  /** Median timestamp of the same readings (already in time order). */
  private middleTime(from: number, n: number): number {
    const a = this.ts[this.at(from + Math.floor((n - 1) / 2))] as number;
    const b = this.ts[this.at(from + Math.ceil((n - 1) / 2))] as number;
    return (a + b) / 2;
  }
}

/** Median of the first n values of a, sorted in place (insertion sort: n is small). */
function sortedMedian(a: Float64Array, n: number): number {
  for (let k = 1; k < n; k++) {
    const v = a[k] as number;
    let j = k - 1;
    while (j >= 0 && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j -= 1;
    }
    a[j + 1] = v;
  }
  return n % 2 === 1 ? (a[(n - 1) / 2] as number) : ((a[n / 2 - 1] as number) + (a[n / 2] as number)) / 2;
}
