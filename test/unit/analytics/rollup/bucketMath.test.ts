import { describe, expect, it } from "vitest";
import type { Point } from "../../../../src/analytics/point.js";
import { bucketize, mergeAll, mergeStats, momentsOf, pointStats, stdDevOf } from "../../../../src/analytics/rollup/bucketMath.js";
import { bucketStartOf, chooseResolution, DAY_MS, HOUR_MS, MINUTE_MS, type KeptFrom } from "../../../../src/analytics/rollup/resolution.js";
import { trendFromRollups, windowFromRollups } from "../../../../src/analytics/rollup/rollupTrend.js";
import { computeTrend } from "../../../../src/analytics/trend.js";
import { statsFromMoments, statsOf } from "../../../../src/analytics/windowStats.js";

const T0 = Date.parse("2026-03-01T00:00:00Z");

/** A drifting noisy series, one reading every `stepMs`, with an irregular gap. */
function series(count: number, stepMs: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 97 > 90) continue;
    out.push({ timestampMs: T0 + (i + 1) * stepMs, value: 20 + i * 0.001 + Math.sin(i * 1.7) * 0.4 });
  }
  return out;
}

const close = (a: number | null, b: number | null, rel = 1e-9): void => {
  if (a === null || b === null) return expect(a).toBe(b);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(a), Math.abs(b)));
};

describe("bucketStartOf", () => {
  it("puts a time on a boundary in the bucket it ends, like the chart buckets (start, end]", () => {
    expect(bucketStartOf(T0, MINUTE_MS)).toBe(T0 - MINUTE_MS);
    expect(bucketStartOf(T0 + 1, MINUTE_MS)).toBe(T0);
    expect(bucketStartOf(T0 + MINUTE_MS, MINUTE_MS)).toBe(T0);
    expect(bucketStartOf(T0 + 61_000, HOUR_MS)).toBe(T0);
  });
});

describe("mergeStats (Chan's parallel formula)", () => {
  it("gives the two-pass stats of the union, whatever the split and order", () => {
    const points = series(5_000, 1_000);
    const direct = statsOf(points);
    const halves = [points.slice(0, 1234), points.slice(1234)].map((part) => mergeAll(part.map((p) => pointStats(p.timestampMs, p.value))));
    const merged = mergeStats(halves[1] ?? null, halves[0] ?? null);
    const stats = statsFromMoments(momentsOf(merged));
    expect(stats.count).toBe(direct.count);
    close(stats.mean, direct.mean);
    close(stats.variance, direct.variance, 1e-7);
    close(stats.slopePerMinute, direct.slopePerMinute, 1e-7);
    close(stats.residualStdDev, direct.residualStdDev, 1e-7);
    expect(merged?.min).toBe(Math.min(...points.map((p) => p.value)));
    expect(merged?.max).toBe(Math.max(...points.map((p) => p.value)));
    expect(merged?.last).toBe(points.at(-1)?.timestampMs);
    expect(merged?.lastValue).toBe(points.at(-1)?.value);
  });

  it("treats null and empty as nothing, and a single reading has no spread", () => {
    const one = pointStats(T0, 3);
    expect(mergeStats(null, one)).toBe(one);
    expect(mergeStats(one, null)).toBe(one);
    expect(stdDevOf(one)).toBeNull();
    const two = mergeStats(one, pointStats(T0 + 1000, 5));
    expect(two?.mean).toBe(4);
    expect(stdDevOf(two!)).toBeCloseTo(Math.SQRT2, 12);
  });
});

describe("bucketize", () => {
  it("gives the same buckets for readings in any order (late and out-of-order readings)", () => {
    const points = series(3_000, 1_000);
    const shuffled = [...points].sort((a, b) => Math.sin(a.timestampMs) - Math.sin(b.timestampMs));
    const inOrder = bucketize(points, MINUTE_MS);
    const outOfOrder = bucketize(shuffled, MINUTE_MS);
    expect([...outOfOrder.keys()].sort()).toEqual([...inOrder.keys()].sort());
    for (const [start, s] of inOrder) {
      const o = outOfOrder.get(start)!;
      expect(o.count).toBe(s.count);
      close(o.mean, s.mean);
      close(o.m2, s.m2, 1e-7);
      expect(o.min).toBe(s.min);
      expect(o.max).toBe(s.max);
    }
    expect([...inOrder.values()].reduce((n, s) => n + s.count, 0)).toBe(points.length);
  });
});

describe("trendFromRollups", () => {
  it("equals computeTrend over the readings when the window lies on the rollup grid", () => {
    const points = series(6 * 3_600, 1_000); // 6 h at 1 Hz, with gaps
    const minutes = [...bucketize(points, MINUTE_MS)].map(([startMs, stats]) => ({ startMs, stats }));
    const request = { windowStartMs: T0, windowEndMs: T0 + 6 * HOUR_MS, buckets: 12, targetMin: 20, targetMax: 23.5, kind: "TEMPERATURE" as const };
    const raw = computeTrend(points, request);
    const rolled = trendFromRollups(minutes, MINUTE_MS, request);
    expect(rolled.readingCount).toBe(raw.readingCount);
    close(rolled.avgValue, raw.avgValue);
    expect(rolled.minValue).toBe(raw.minValue);
    expect(rolled.maxValue).toBe(raw.maxValue);
    close(rolled.slopePerMinute, raw.slopePerMinute, 1e-7);
    expect(rolled.direction).toBe(raw.direction);
    expect(rolled.status).toBe(raw.status);
    rolled.series.forEach((b, i) => {
      const r = raw.series[i]!;
      expect([b.startMs, b.endMs, b.count, b.min, b.max]).toEqual([r.startMs, r.endMs, r.count, r.min, r.max]);
      close(b.avg, r.avg);
    });
  });

  it("leaves out rollup buckets that end outside the window", () => {
    const points = series(600, 1_000);
    const minutes = [...bucketize(points, MINUTE_MS)].map(([startMs, stats]) => ({ startMs, stats }));
    const inside = windowFromRollups(minutes, MINUTE_MS, T0 + 2 * MINUTE_MS, T0 + 5 * MINUTE_MS);
    expect(inside?.count).toBe(points.filter((p) => p.timestampMs > T0 + 2 * MINUTE_MS && p.timestampMs <= T0 + 5 * MINUTE_MS).length);
    expect(inside?.count).toBeGreaterThan(150);
    expect(windowFromRollups(minutes, MINUTE_MS, T0 + 20 * MINUTE_MS, T0 + 30 * MINUTE_MS)).toBeNull();
  });
});

describe("chooseResolution", () => {
  const now = T0 + 400 * DAY_MS;
  const kept: KeptFrom = { raw: now - 30 * DAY_MS, minute: now - 180 * DAY_MS };
  const ask = (windowMs: number, buckets: number, extra: Partial<Parameters<typeof chooseResolution>[0]> = {}): string =>
    chooseResolution({ requested: null, startMs: now - windowMs, endMs: now, buckets, live: false, kept, ...extra });

  it("answers from memory or raw readings for short windows, else the coarsest rollup fitting the buckets", () => {
    expect(ask(2 * DAY_MS, 60, { live: true })).toBe("RAW");
    expect(ask(6 * HOUR_MS, 60)).toBe("RAW");
    expect(ask(30 * DAY_MS, 60)).toBe("HOUR"); // 12 h buckets
    expect(ask(30 * DAY_MS, 30)).toBe("DAY");
    expect(ask(3 * DAY_MS, 3 * 24 * 60)).toBe("MINUTE");
    expect(ask(365 * DAY_MS, 60)).toBe("DAY");
  });

  it("never picks what retention no longer keeps for the window", () => {
    // 200 days ago, 1-minute chart buckets: minute rollups are gone, hours are the finest left.
    expect(chooseResolution({ requested: null, startMs: now - 200 * DAY_MS, endMs: now - 199 * DAY_MS, buckets: 1440, live: false, kept })).toBe("HOUR");
    expect(() => chooseResolution({ requested: "RAW", startMs: now - 40 * DAY_MS, endMs: now - 39 * DAY_MS, buckets: 10, live: false, kept })).toThrow(
      /RAW history .* kept only from .* ask for resolution MINUTE/,
    );
    const forever: KeptFrom = { raw: null, minute: null };
    expect(chooseResolution({ requested: "MINUTE", startMs: now - 400 * DAY_MS, endMs: now, buckets: 10, live: false, kept: forever })).toBe("MINUTE");
    expect(() => chooseResolution({ requested: "RAW", startMs: now - 400 * DAY_MS, endMs: now, buckets: 10, live: false, kept: forever })).toThrow(/RAW covers windows up to 30 days/);
  });
});
