import { describe, expect, it } from "vitest";
import { LevelRate } from "../../../src/analytics/levelRate.js";
import { LocalLevel } from "../../../src/analytics/localLevel.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { T0 } from "./support/series.js";

/** Feeds readings i = from..to−1 valued by `value(i)`, one a second. */
function feed(local: LocalLevel, from: number, to: number, value: (i: number) => number): void {
  for (let i = from; i < to; i++) local.add(T0 + i * 1000, value(i));
}

describe("LocalLevel", () => {
  it("says nothing until it holds 2m readings, then predicts a ramp's next value, give or take half a step", () => {
    const local = new LocalLevel(8);
    const ramp = (i: number): number => 20 + 0.05 * i;
    feed(local, 0, 15, ramp);
    expect(local.expect(T0 + 15_000)).toBe(false);
    feed(local, 15, 16, ramp);
    expect(local.expect(T0 + 16_000)).toBe(true);
    expect(local.slope * 60_000).toBeCloseTo(3, 9); // units per minute
    // The line and the last reading carried on at the slope agree; at half the slope it lags half a step.
    expect(local.high).toBeCloseTo(ramp(16), 9);
    expect(local.low).toBeCloseTo(ramp(16) - 0.025, 9);
    const flat = new LocalLevel(8);
    feed(flat, 0, 16, () => 7);
    expect(flat.expect(T0 + 16_000)).toBe(true);
    expect([flat.low, flat.high]).toEqual([7, 7]);
  });

  it("is barely moved by a lone spike among the neighbours", () => {
    const local = new LocalLevel(8);
    const ramp = (i: number): number => 20 + 0.01 * i;
    feed(local, 0, 40, (i) => (i === 35 ? 1000 : ramp(i)));
    expect(local.expect(T0 + 40_000)).toBe(true);
    // Within two ramp steps of the truth, for a spike 980 away.
    expect(local.low).toBeGreaterThan(ramp(40) - 0.02);
    expect(local.high).toBeLessThan(ramp(40) + 0.02);
  });

  it("keeps the readings after a ramp stops within half a step of the interval their neighbours give", () => {
    const value = (i: number): number => 30 - 0.05 * Math.min(i, 30); // 3 units/min, flat at 28.5 from reading 30
    let worst = 0;
    for (let i = 30; i < 50; i++) {
      const local = new LocalLevel(8);
      feed(local, 0, i, value);
      expect(local.expect(T0 + i * 1000)).toBe(true);
      worst = Math.max(worst, value(i) - local.high, local.low - value(i));
    }
    // The line alone keeps falling for a while after the stop; the last reading does not.
    expect(worst).toBeLessThanOrEqual(0.025 + 1e-9);
  });

  it("measures the neighbours' own noise, whatever their trend, and forgets them on reset", () => {
    const random = new SeededRandom(1);
    const local = new LocalLevel(8);
    let sum = 0;
    const rounds = 2000;
    for (let r = 0; r < rounds; r++) {
      feed(local, r * 16, (r + 1) * 16, (i) => 5 + 0.2 * i + random.gaussian(0, 0.1));
      sum += local.noise();
    }
    expect(sum / rounds).toBeGreaterThan(0.09);
    expect(sum / rounds).toBeLessThan(0.11);
    local.reset();
    expect(local.expect(T0)).toBe(false);
    expect(local.noise()).toBe(0);
  });
});

describe("LevelRate", () => {
  it("measures a steep noisy ramp's rate within the noise of a median of differences", () => {
    const random = new SeededRandom(2);
    const rate = new LevelRate(60_000);
    let worst = 0;
    for (let i = 0; i < 600; i++) {
      const change = rate.add(T0 + i * 1000, 30 - 0.05 * i + random.gaussian(0, 0.05), 1000);
      if (change !== null) worst = Math.max(worst, Math.abs(change.ratePerMinute + 3));
    }
    // σ of the rate: 1.2533·0.05·√(2/60) per minute ≈ 0.011/min; a difference of two group
    // medians would be off by a single reading's noise (≈ 0.07/min) on a ramp this steep.
    expect(worst).toBeLessThan(0.05);
  });

  it("is not moved by a lone spike", () => {
    const rate = new LevelRate(60_000);
    let last = null;
    for (let i = 0; i < 200; i++) last = rate.add(T0 + i * 1000, i === 150 ? 500 : 21, 1000) ?? last;
    expect(last).toMatchObject({ delta: 0, ratePerMinute: 0, n: 60 });
  });
});
