import { describe, expect, it } from "vitest";
import { OnlineMoments, statsFromMoments, statsOf } from "../../../src/analytics/windowStats.js";
import { MINUTE, T0, noisy, relativeError, series } from "./support/series.js";

describe("statsOf", () => {
  it("computes mean, sample variance, slope per minute and residual σ on known data", () => {
    const points = [0, 1, 2, 3].map((k) => ({ timestampMs: T0 + k * MINUTE, value: 10 + 2 * k + (k % 2 === 0 ? 0.5 : -0.5) }));
    const s = statsOf(points);
    expect(s.count).toBe(4);
    expect(s.mean).toBe(13);
    expect(s.variance).toBeCloseTo(17 / 3, 12); // deviations −2.5, −1.5, 1.5, 2.5
    expect(s.slopePerMinute).toBeCloseTo(9 / 5, 12); // Σ(t − t̄)(v − v̄) / Σ(t − t̄)²
    expect(s.residualStdDev).toBeCloseTo(Math.sqrt((17 - 1.8 * 9) / 2), 12);
    expect(s.firstTimestampMs).toBe(T0);
    expect(s.lastTimestampMs).toBe(T0 + 3 * MINUTE);
    expect(s.lastValue).toBe(15.5);
  });

  it("gives no slope when every reading has the same timestamp", () => {
    const s = statsOf([1, 2, 3].map((value) => ({ timestampMs: T0, value })));
    expect(s).toMatchObject({ count: 3, mean: 2, variance: 1, slopePerMinute: null, slopeStdError: null, residualStdDev: 1 });
  });

  it("agrees with the one-pass OnlineMoments", () => {
    const points = series(5000, 777, noisy(1, 1000, 0.01, 0.003));
    const online = new OnlineMoments();
    for (const p of points) online.add(p.timestampMs, p.value);
    const a = statsFromMoments(online.moments());
    const b = statsOf(points);
    for (const key of ["mean", "variance", "slopePerMinute", "residualStdDev"] as const) expect(relativeError(a[key], b[key]), key).toBeLessThan(1e-9);
  });
});
