import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/analytics/random.js";
import { ScoreFeatures, STREAM_INDEX, type StreamName } from "../../../src/analytics/scoreFeatures.js";
import { SeasonalProfile } from "../../../src/analytics/seasonalProfile.js";
import { SlidingSorted } from "../../../src/analytics/slidingSorted.js";
import { TailCalibration } from "../../../src/analytics/tailCalibration.js";
import { DAY, HOUR, MINUTE, T0 } from "./support/series.js";

describe("SlidingSorted", () => {
  it("keeps the latest values sorted: median, counts and the value n pushes ago, as a brute force says", () => {
    const random = new SeededRandom(1);
    const window = new SlidingSorted(9);
    const all: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x = Math.round(random.gaussian(0, 5)) + 0; // ties on purpose (+ 0: no −0)
      window.push(x);
      all.push(x);
      const latest = all.slice(-9).sort((a, b) => a - b);
      const m = latest.length;
      expect(window.median()).toBe(m % 2 === 1 ? latest[m >> 1] : ((latest[m / 2 - 1] as number) + (latest[m / 2] as number)) / 2);
      expect(window.countAtLeast(2)).toBe(latest.filter((v) => v >= 2).length);
      expect(window.recent(0)).toBe(x);
      expect(window.at(0)).toBe(latest[0]);
    }
    expect(window.size).toBe(9);
    expect(() => new SlidingSorted(0)).toThrow(/capacity=0/);
  });
});

describe("TailCalibration: a score's tail probability under its own history", () => {
  const options = { historyReadings: 4000, blockReadings: 8, tailShare: 0.1, minReadings: 200 };

  it("says nothing (1) before 200 readings, then follows the true tail of exponential scores (within a factor of 3 to 1e-3 of it)", () => {
    const random = new SeededRandom(2);
    const tail = new TailCalibration(options);
    const draw = (): number => -Math.log(1 - random.next());
    for (let i = 0; i < 199; i++) tail.observe(draw());
    expect(tail.probability(50, 0)).toBe(1);
    for (let i = 0; i < 8000; i++) tail.observe(draw());
    // P(Exp(1) ≥ s) = e^(−s), per reading.
    // Counted where there are block maxima to count; extrapolated beyond, a little short of it.
    for (const [s, low] of [
      [2, 0.9],
      [4, 0.7],
      [7, 0.33],
    ] as const) {
      const p = tail.probability(s, 0);
      expect(p / Math.exp(-s)).toBeGreaterThan(low);
      expect(p / Math.exp(-s)).toBeLessThan(1.1);
    }
  });

  it("extrapolates beyond the largest score before, conservatively for Gaussian noise", () => {
    const random = new SeededRandom(3);
    const tail = new TailCalibration(options);
    for (let i = 0; i < 8000; i++) tail.observe(Math.abs(random.gaussian(0, 1)));
    expect(tail.largest).toBeLessThan(5);
    // |N(0,1)| ≥ 6 has probability 2·10⁻⁹ per reading; the exponential tail says more, but still tiny.
    const p6 = tail.probability(6, 0);
    expect(p6).toBeGreaterThan(2e-9);
    expect(p6).toBeLessThan(1e-5);
    expect(tail.probability(10, 0)).toBeLessThan(p6 / 100);
    // The tail's scale is floored: a stream that never moved does not make a tiny change extreme.
    const flat = new TailCalibration(options);
    for (let i = 0; i < 4000; i++) flat.observe(0);
    expect(flat.probability(0.01, 0.01)).toBeGreaterThan(1e-3);
    expect(flat.probability(0.01, 1e-9)).toBeLessThan(1e-9);
  });
});

describe("SeasonalProfile", () => {
  it("answers the median level at this time of day on the previous days, and of the week on the previous weeks", () => {
    const profile = new SeasonalProfile();
    // Hourly readings for 22 days: day d at hour h reads 100·d + h (so each day differs).
    for (let d = 0; d < 22; d++) for (let h = 0; h < 24; h++) profile.add(T0 + d * DAY + h * HOUR, 100 * d + h);
    const at = T0 + 22 * DAY + 5 * HOUR; // day 22, 05:00
    // The last 7 days at 05:00 read 1505 … 2105; their median is day 18's.
    expect(profile.reference(at, 1, 1, 7, 2)).toEqual({ level: 1805, days: 7 });
    // Days 15 and 8 (7 and 14 back).
    expect(profile.reference(at, 7, 7, 14, 1)).toEqual({ level: 1155, days: 2 });
    // An hourly sensor fills one 15-min slot in four: 05:20 is answered by its neighbour.
    expect(profile.reference(at + 20 * MINUTE, 1, 1, 7, 2)?.level).toBe(1805);
    expect(new SeasonalProfile().reference(at, 1, 1, 7, 2)).toBeNull();
  });
});

describe("ScoreFeatures: each scorer's raw score on a constructed series", () => {
  /** Feeds `values` one a minute; returns each reading's score of `stream`. */
  const scoresOf = (values: readonly number[], stream: StreamName): number[] => {
    const features = new ScoreFeatures();
    return values.map((v, i) => {
      features.add(T0 + i * MINUTE, v);
      return features.scores[STREAM_INDEX[stream]] as number;
    });
  };
  const ramp = Array.from({ length: 400 }, (_, i) => 0.5 * i);

  it("spike: the distance from where the neighbours' robust line puts a reading — 0 on a clean ramp, the spike's size on it", () => {
    const spiked = ramp.map((v, i) => (i === 300 ? v + 7 : v));
    const spike = scoresOf(spiked, "spike");
    expect(spike[100]).toBeCloseTo(0, 9);
    expect(spike[300]).toBeCloseTo(7, 9);
    expect(Number.isNaN(spike[10]!)).toBe(true); // fewer than 32 neighbours yet
  });

  it("step, shift and slowShift: the move from the previous reading and between medians of windows", () => {
    const jump = Array.from({ length: 400 }, (_, i) => (i >= 350 ? 14 : 10));
    expect(scoresOf(jump, "step")[350]).toBe(4);
    expect(scoresOf(jump, "shift")[353]).toBe(2); // 4 of the latest 8 moved: the median is half way
    expect(scoresOf(jump, "shift")[354]).toBe(4);
    expect(scoresOf(jump, "slowShift")[366]).toBe(4);
    expect(scoresOf(jump, "slowShift")[360]).toBe(0);
  });

  it("volatility, calm and noiseShift: the median step of the latest 16, and its ratio to the 256 before", () => {
    const random = new SeededRandom(4);
    const quiet = Array.from({ length: 600 }, (_, i) => 5 + random.gaussian(0, i >= 500 ? 0.01 : 1));
    const volatility = scoresOf(quiet, "volatility");
    expect(volatility[400]).toBeGreaterThan(0.5);
    expect(volatility[550]).toBeLessThan(0.05);
    expect(scoresOf(quiet, "calm")[550]).toBe(-volatility[550]!);
    expect(scoresOf(quiet, "noiseShift")[550]).toBeGreaterThan(Math.log(20));
    expect(scoresOf(quiet, "noiseShift")[400]).toBeLessThan(Math.log(2));
  });

  it("daily and weekly: the distance from this time of day on the last days, and of the week on the last weeks", () => {
    const features = new ScoreFeatures();
    const level = (t: number): number => 10 + 3 * Math.sin((2 * Math.PI * (t - T0)) / DAY);
    for (let t = T0; t < T0 + 15 * DAY; t += 10 * MINUTE) features.add(t, level(t));
    const t = T0 + 15 * DAY + 6 * HOUR;
    features.add(t, level(t) + 2);
    expect(features.scores[STREAM_INDEX.daily]).toBeCloseTo(2, 1);
    expect(features.scores[STREAM_INDEX.weekly]).toBeCloseTo(2, 1);
    expect(features.context.dailyDays).toBe(7);
    expect(features.context.weeklyDays).toBe(2);
  });

  it("levels: the reading and the means of the latest 16 and 64, and their negatives", () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    expect(scoresOf(values, "high1")[99]).toBe(99);
    expect(scoresOf(values, "low1")[99]).toBe(-99);
    expect(scoresOf(values, "high16")[99]).toBeCloseTo(91.5, 9);
    expect(scoresOf(values, "low64")[99]).toBeCloseTo(-67.5, 9);
    expect(Number.isNaN(scoresOf(values, "high64")[62]!)).toBe(true);
  });
});
