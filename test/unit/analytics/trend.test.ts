import { describe, expect, it } from "vitest";
import { SeriesWindow } from "../../../src/analytics/seriesWindow.js";
import { computeTrend } from "../../../src/analytics/trend.js";
import { HOUR, MINUTE, T0, noisy, series } from "./support/series.js";

describe("computeTrend", () => {
  it("buckets a window into equal (start, end] slices with avg/min/max/count", () => {
    const points = series(60, MINUTE, (i) => i, T0 + MINUTE); // 0..59 at T0+1 min .. T0+60 min
    const trend = computeTrend(points, { windowStartMs: T0, windowEndMs: T0 + HOUR, buckets: 4 });
    expect(trend.readingCount).toBe(60);
    expect(trend.avgValue).toBeCloseTo(29.5, 12);
    expect([trend.minValue, trend.maxValue]).toEqual([0, 59]);
    expect(trend.series.map((b) => b.count)).toEqual([15, 15, 15, 15]);
    expect(trend.series[0]).toEqual({ startMs: T0, endMs: T0 + 15 * MINUTE, count: 15, avg: 7, min: 0, max: 14 });
    expect(trend.series[3]!.endMs).toBe(T0 + HOUR);
    expect(trend.direction).toBe("RISING");
  });

  it("handles an empty window, one reading, and more buckets than readings", () => {
    const empty = computeTrend([], { windowStartMs: T0, windowEndMs: T0 + HOUR, buckets: 3 });
    expect(empty).toMatchObject({ readingCount: 0, avgValue: null, minValue: null, maxValue: null, status: null, direction: "STABLE" });
    expect(empty.series.every((b) => b.count === 0 && b.avg === null && b.min === null && b.max === null)).toBe(true);

    const one = computeTrend([{ timestampMs: T0 + 10 * MINUTE, value: 5 }], { windowStartMs: T0, windowEndMs: T0 + HOUR, buckets: 6, targetMax: 4 });
    expect(one).toMatchObject({ readingCount: 1, avgValue: 5, minValue: 5, maxValue: 5, status: "ABOVE_TARGET", direction: "STABLE" });
    expect(one.series.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0]);

    const sparse = computeTrend(
      series(3, 20 * MINUTE, (i) => i, T0 + 20 * MINUTE),
      { windowStartMs: T0, windowEndMs: T0 + HOUR, buckets: 12 },
    );
    expect(sparse.series).toHaveLength(12);
    expect(sparse.series.filter((b) => b.count > 0).map((b) => b.avg)).toEqual([0, 1, 2]);
  });

  it("judges the target on the latest non-empty bucket, not on one odd reading or the old average", () => {
    // Cold for most of the hour, back in range in the last quarter.
    const points = series(60, MINUTE, (i) => (i < 45 ? 17 : 21), T0 + MINUTE);
    const request = { windowStartMs: T0, windowEndMs: T0 + HOUR, buckets: 4, targetMin: 19, targetMax: 23 };
    expect(computeTrend(points, request).status).toBe("IN_RANGE");
    expect(computeTrend(points.slice(0, 45), request).status).toBe("BELOW_TARGET");
    expect(computeTrend(points, { ...request, targetMin: null, targetMax: null }).status).toBe("IN_RANGE");
  });

  it("uses the same significance rule as traits: noise alone is STABLE", () => {
    const noise = series(600, 6000, noisy(9, 21, 0.5));
    expect(computeTrend(noise, { windowStartMs: T0 - 1, windowEndMs: T0 + HOUR, buckets: 10, kind: "TEMPERATURE" }).direction).toBe("STABLE");
    const falling = series(600, 6000, noisy(9, 21, 0.05, -0.02));
    expect(computeTrend(falling, { windowStartMs: T0 - 1, windowEndMs: T0 + HOUR, buckets: 10, kind: "TEMPERATURE" }).direction).toBe("FALLING");
  });

  it("reads a SeriesWindow in place and matches the array path", () => {
    const points = series(5000, 1000, noisy(10, 50, 2, 0.01));
    const window = new SeriesWindow({ retentionMs: 2 * HOUR });
    for (const p of points) window.append(p.timestampMs, p.value);
    const request = { windowStartMs: T0 + 1000 * 100, windowEndMs: T0 + 1000 * 4000, buckets: 37, targetMax: 50 };
    expect(computeTrend(window, request)).toEqual(computeTrend(points, request));
  });

  it("refuses impossible requests with what to change", () => {
    expect(() => computeTrend([], { windowStartMs: T0, windowEndMs: T0, buckets: 1 })).toThrow(/windowEndMs must be after/);
    expect(() => computeTrend([], { windowStartMs: T0, windowEndMs: T0 + 1, buckets: 10_001 })).toThrow(/1\.\.10000/);
    expect(() => computeTrend([], { windowStartMs: T0, windowEndMs: T0 + 1, buckets: 2.5 })).toThrow(/buckets=2\.5/);
    expect(() => computeTrend([], { windowStartMs: T0, windowEndMs: T0 + 1, buckets: 1, targetMin: 5, targetMax: 1 })).toThrow(/swap/);
  });
});
