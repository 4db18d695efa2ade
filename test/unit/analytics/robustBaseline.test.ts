import { describe, expect, it } from "vitest";
import { RobustBaseline } from "../../../src/analytics/robustBaseline.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { DAY, HOUR, T0 } from "./support/series.js";

function feed(baseline: RobustBaseline, count: number, intervalMs: number, value: (i: number) => number): void {
  let previous: number | null = null;
  for (let i = 0; i < count; i++) {
    const v = value(i);
    baseline.add(T0 + i * intervalMs, v, previous === null ? null : v - previous, true);
    previous = v;
  }
}

describe("RobustBaseline", () => {
  it("finds the centre, σ and noise of Gaussian readings, untroubled by spikes", () => {
    const baseline = new RobustBaseline(DAY, 48, 0.05);
    const random = new SeededRandom(1);
    feed(baseline, 2 * 86_400, 1000, (i) => (i % 997 === 0 ? 1e6 : random.gaussian(50, 2)));
    const view = baseline.current();
    expect(view.center).toBeCloseTo(50, 1);
    expect(view.scale).toBeGreaterThan(1.9);
    expect(view.scale).toBeLessThan(2.2);
    expect(view.noise).toBeCloseTo(2, 0);
    expect(view.high - view.low).toBeLessThan(0.5); // bucket medians of 1800 readings barely move
    expect(view.repeatRate).toBe(0);
  });

  it("keeps a σ for a quantised signal whose noise is below its step", () => {
    const baseline = new RobustBaseline(DAY, 48, 0.05);
    const random = new SeededRandom(2);
    feed(baseline, 86_400, 1000, () => Math.round(random.gaussian(21, 0.05) * 10) / 10);
    const view = baseline.current();
    expect(view.quantum).toBeCloseTo(0.1, 9);
    expect(view.scale).toBeGreaterThan(0.04);
    expect(view.scale).toBeLessThan(0.065);
    expect(view.modeShare).toBeCloseTo(0.68, 1);
  });

  it("spans a daily cycle with its band and forgets what is older than the span", () => {
    const baseline = new RobustBaseline(DAY, 48, 0.05);
    feed(baseline, 3 * 1440, 60_000, (i) => (i < 1440 ? 1000 : 20 + 5 * Math.sin((2 * Math.PI * i) / 1440)));
    const view = baseline.current();
    expect(view.low).toBeGreaterThan(14);
    expect(view.high).toBeLessThan(26);
    expect(view.high - view.low).toBeGreaterThan(9);
    expect(view.readings).toBeGreaterThan(1380);
    expect(view.readings).toBeLessThanOrEqual(1440 + 30); // whole buckets: up to one bucket more than the span
  });

  it("is usable after minutes, not after a whole bucket span", () => {
    const baseline = new RobustBaseline(DAY, 48, 0.05);
    feed(baseline, 130, 1000, (i) => i % 5);
    expect(baseline.current().readings).toBeGreaterThanOrEqual(120);
    expect(HOUR).toBeGreaterThan(130_000);
  });
});
