import { SeasonalProfile } from "./seasonalProfile.js";
import { SlidingSorted } from "./slidingSorted.js";

/** The raw scores, one per stream, in this order (see `SCORERS` for what each means). */
export const STREAMS = ["spike", "step", "shift", "slowShift", "volatility", "calm", "noiseShift", "daily", "weekly", "high1", "low1", "high16", "low16", "high64", "low64"] as const;
export type StreamName = (typeof STREAMS)[number];
export const STREAM_INDEX: Readonly<Record<StreamName, number>> = Object.fromEntries(STREAMS.map((s, i) => [s, i])) as Record<StreamName, number>;

/** Readings each window spans. */
export const WINDOWS = { spike: 32, shiftRecent: 8, shiftBefore: 64, slowRecent: 32, slowBefore: 256, volatility: 16, noiseBefore: 256, mean16: 16, mean64: 64 } as const;
const HISTORY = WINDOWS.slowRecent + WINDOWS.slowBefore;

/** What the latest reading's scores were measured against, for messages. */
export interface FeatureContext {
  /** Where the 32 readings before this one predict it (spike). */
  spikeMedian: number;
  previous: number;
  recentMedian: number;
  beforeMedian: number;
  slowRecentMedian: number;
  slowBeforeMedian: number;
  volatility: number;
  volatilityBefore: number;
  mean16: number;
  mean64: number;
  dailyLevel: number;
  dailyDays: number;
  weeklyLevel: number;
  weeklyDays: number;
}

/**
 * The raw scores of one reading, each a plain number in the sensor's unit that grows with one
 * kind of strangeness — no thresholds here (`TailCalibration` judges each against its own
 * history):
 * - spike: |x − where the previous 32 readings predict it| — the robust line through the medians
 *   of their two halves (a reading far from its neighbours, on a steady signal or on a ramp);
 * - step: |x − previous reading|;
 * - shift: |median of the latest 8 − median of the 64 before them|; slowShift: the same for 32
 *   against the 256 before (a level that moved and stayed);
 * - volatility: median |Δ| of the latest 16 consecutive differences (noise grew); calm: its
 *   negative (noise vanished: a signal gone flat); noiseShift: |ln| of the ratio of that median to
 *   the median |Δ| of the 256 before them, each floored at the sensor's step (the noise changed,
 *   whichever way — a second view of it, so that the two-stream evidence can see it at all);
 * - daily: |x − the median level at this time of day on the last 7 days| (needs 2 of them);
 *   weekly: the same against this time of week one and two weeks before (needs 1);
 * - high1/low1, high16/low16, high64/low64: the reading, and the means of the latest 16 and 64,
 *   and their negatives (a level beyond its own range, up or down, at three time scales).
 * A score that needs more readings than seen is NaN. O(1) per reading: sorted windows of at
 * most 256 readings, running sums and a 96-slot × 21-day profile. `noiseFloor` must be set before
 * each `add` (the ensemble does).
 */
export class ScoreFeatures {
  readonly scores = new Float64Array(STREAMS.length).fill(Number.NaN);
  readonly context: FeatureContext = {
    spikeMedian: 0,
    previous: 0,
    recentMedian: 0,
    beforeMedian: 0,
    slowRecentMedian: 0,
    slowBeforeMedian: 0,
    volatility: 0,
    volatilityBefore: 0,
    mean16: 0,
    mean64: 0,
    dailyLevel: 0,
    dailyDays: 0,
    weeklyLevel: 0,
    weeklyDays: 0,
  };
  private readonly history = new Float64Array(HISTORY);
  private seen = 0;
  private readonly newerHalf = new SlidingSorted(WINDOWS.spike / 2);
  private readonly olderHalf = new SlidingSorted(WINDOWS.spike / 2);
  private readonly recent = new SlidingSorted(WINDOWS.shiftRecent);
  private readonly before = new SlidingSorted(WINDOWS.shiftBefore);
  private readonly slowRecent = new SlidingSorted(WINDOWS.slowRecent);
  private readonly slowBefore = new SlidingSorted(WINDOWS.slowBefore);
  private readonly steps = new SlidingSorted(WINDOWS.volatility);
  private readonly stepsBefore = new SlidingSorted(WINDOWS.noiseBefore);
  private readonly stepHistory = new Float64Array(WINDOWS.volatility);
  private readonly profile = new SeasonalProfile();
  private sum16 = 0;
  private sum64 = 0;

  get memoryBytes(): number {
    return (
      this.history.byteLength +
      this.newerHalf.memoryBytes +
      this.olderHalf.memoryBytes +
      this.recent.memoryBytes +
      this.before.memoryBytes +
      this.slowRecent.memoryBytes +
      this.slowBefore.memoryBytes +
      this.steps.memoryBytes +
      this.stepsBefore.memoryBytes +
      this.stepHistory.byteLength +
      this.profile.memoryBytes
    );
  }

  /** The smallest meaningful change between readings (the sensor's resolution), set per reading. */
  noiseFloor = Number.MIN_VALUE;

  /** Scores reading (t, x) into `scores` and learns it. */
  add(t: number, x: number): void {
    const s = this.scores;
    const c = this.context;
    const n = this.seen;
    s.fill(Number.NaN);
    const back = (k: number): number => this.history[(n - 1 - k + 2 * HISTORY) % HISTORY] as number;

    if (n >= WINDOWS.spike) {
      // The robust line through the two halves of the previous 32 readings, carried to this one:
      // on a steady signal their median, on a ramp where the ramp has got to.
      const half = WINDOWS.spike / 2;
      const newer = this.newerHalf.median();
      const slope = (newer - this.olderHalf.median()) / half;
      c.spikeMedian = newer + slope * (half / 2 + 0.5);
      s[STREAM_INDEX.spike] = Math.abs(x - c.spikeMedian);
    }
    if (n >= 1) {
      c.previous = back(0);
      s[STREAM_INDEX.step] = Math.abs(x - c.previous);
      this.steps.push(Math.abs(x - c.previous));
      const step = Math.abs(x - c.previous);
      // The steps before the latest 16 feed the "before" window as they leave the latest.
      if (n > WINDOWS.volatility) this.stepsBefore.push(this.stepHistory[n % WINDOWS.volatility] as number);
      this.stepHistory[n % WINDOWS.volatility] = step;
    }
    // The latest 8 include this reading; the 64 before them are the readings 8..71 back from it.
    this.recent.push(x);
    if (n >= WINDOWS.shiftRecent) this.before.push(back(WINDOWS.shiftRecent - 1));
    if (n >= WINDOWS.shiftRecent + WINDOWS.shiftBefore + 8) {
      c.recentMedian = this.recent.median();
      c.beforeMedian = this.before.median();
      s[STREAM_INDEX.shift] = Math.abs(c.recentMedian - c.beforeMedian);
    }
    this.slowRecent.push(x);
    if (n >= WINDOWS.slowRecent) this.slowBefore.push(back(WINDOWS.slowRecent - 1));
    if (n + 1 >= HISTORY) {
      c.slowRecentMedian = this.slowRecent.median();
      c.slowBeforeMedian = this.slowBefore.median();
      s[STREAM_INDEX.slowShift] = Math.abs(c.slowRecentMedian - c.slowBeforeMedian);
    }
    if (n >= WINDOWS.volatility) {
      c.volatility = this.steps.median();
      s[STREAM_INDEX.volatility] = c.volatility;
      s[STREAM_INDEX.calm] = -c.volatility;
    }
    if (n >= WINDOWS.volatility + 64) {
      c.volatilityBefore = this.stepsBefore.median();
      s[STREAM_INDEX.noiseShift] = Math.abs(Math.log((c.volatility + this.noiseFloor) / (c.volatilityBefore + this.noiseFloor)));
    }
    const daily = this.profile.reference(t, 1, 1, 7, 2);
    if (daily !== null) {
      c.dailyLevel = daily.level;
      c.dailyDays = daily.days;
      s[STREAM_INDEX.daily] = Math.abs(x - daily.level);
    }
    const weekly = this.profile.reference(t, 7, 7, 14, 1);
    if (weekly !== null) {
      c.weeklyLevel = weekly.level;
      c.weeklyDays = weekly.days;
      s[STREAM_INDEX.weekly] = Math.abs(x - weekly.level);
    }
    s[STREAM_INDEX.high1] = x;
    s[STREAM_INDEX.low1] = -x;
    this.sum16 += x - (n >= WINDOWS.mean16 ? back(WINDOWS.mean16 - 1) : 0);
    this.sum64 += x - (n >= WINDOWS.mean64 ? back(WINDOWS.mean64 - 1) : 0);
    if (n + 1 >= WINDOWS.mean16) {
      c.mean16 = this.sum16 / WINDOWS.mean16;
      s[STREAM_INDEX.high16] = c.mean16;
      s[STREAM_INDEX.low16] = -c.mean16;
    }
    if (n + 1 >= WINDOWS.mean64) {
      c.mean64 = this.sum64 / WINDOWS.mean64;
      s[STREAM_INDEX.high64] = c.mean64;
      s[STREAM_INDEX.low64] = -c.mean64;
    }

    this.newerHalf.push(x);
    if (n >= WINDOWS.spike / 2) this.olderHalf.push(back(WINDOWS.spike / 2 - 1));
    this.profile.add(t, x);
    this.history[n % HISTORY] = x;
    this.seen = n + 1;
    // Running sums drift by rounding over millions of readings: recompute them now and then.
    if (this.seen % 65_536 === 0) this.resum();
  }

  private resum(): void {
    const n = this.seen;
    const back = (k: number): number => this.history[(n - 1 - k + 2 * HISTORY) % HISTORY] as number;
    this.sum16 = 0;
    this.sum64 = 0;
    for (let k = 0; k < WINDOWS.mean64; k++) {
      if (k < WINDOWS.mean16) this.sum16 += back(k);
      this.sum64 += back(k);
    }
  }
}
