import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/analytics/random.js";
import { SeriesWindow } from "../../../src/analytics/seriesWindow.js";
import { EMPTY_STATS, statsOf, type WindowStats } from "../../../src/analytics/windowStats.js";
import type { Point } from "../../../src/analytics/point.js";
import { HOUR, MINUTE, T0, noisy, relativeError, series } from "./support/series.js";

const inWindow = (points: readonly Point[], from: number, to: number): Point[] => points.filter((p) => p.timestampMs > from && p.timestampMs <= to);

function expectAgree(live: WindowStats, direct: WindowStats, tolerance = 1e-9): void {
  expect(live.count).toBe(direct.count);
  expect(live.firstTimestampMs).toBe(direct.firstTimestampMs);
  expect(live.lastTimestampMs).toBe(direct.lastTimestampMs);
  expect(live.lastValue).toBe(direct.lastValue);
  for (const key of ["mean", "variance", "stdDev", "slopePerMinute", "residualStdDev", "slopeStdError"] as const) {
    expect(relativeError(live[key], direct[key]), key).toBeLessThan(tolerance);
  }
}

describe("SeriesWindow", () => {
  it("agrees with the two-pass statsOf to 1e-9 on values ~1000 with noise 0.01, after many evictions and re-bases", () => {
    const window = new SeriesWindow({ retentionMs: HOUR, initialCapacity: 64 });
    const random = new SeededRandom(42);
    const all: Point[] = [];
    let t = T0;
    // 30 h at 1 Hz with a slow wander: the 1 h retention evicts and re-bases about 30 times.
    for (let i = 0; i < 30 * 3600; i++) {
      t += 1000;
      const value = 1000 + 0.5 * Math.sin(i / 5000) + random.gaussian(0, 0.01);
      window.append(t, value);
      all.push({ timestampMs: t, value });
    }
    expect(window.size).toBe(3601);
    for (const [from, to] of [
      [t - HOUR, t], // the whole retention (prefix sums)
      [t - 40 * MINUTE, t - 5 * MINUTE], // a large inner window
      [t - 9 * MINUTE, t], // ≤ 512 readings: direct path
      [t - 30 * MINUTE - 500, t - 20 * MINUTE + 500],
      [t - 60_000, t], // the last minute
    ] as const) {
      expectAgree(window.stats(from, to), statsOf(inWindow(all, from, to)));
    }
  });

  it("recovers a known drift and noise", () => {
    const window = new SeriesWindow({ retentionMs: 6 * HOUR });
    const points = series(3 * 3600, 1000, noisy(7, 1000, 0.2, 0.05));
    for (const p of points) window.append(p.timestampMs, p.value);
    const end = points[points.length - 1]!.timestampMs;
    const stats = window.stats(end - 3 * HOUR, end);
    expect(stats.slopePerMinute).toBeCloseTo(0.05, 3);
    expect(stats.residualStdDev).toBeCloseTo(0.2, 2);
    expect(stats.count).toBe(3 * 3600);
  });

  it("inserts an out-of-order reading at its place and answers as if it had come in order", () => {
    const window = new SeriesWindow({ retentionMs: HOUR });
    const points = series(2000, 1000, noisy(3, 20, 0.1));
    const late = points.splice(1500, 1)[0]!;
    for (const p of points) window.append(p.timestampMs, p.value);
    expect(window.append(late.timestampMs, late.value)).toBe(true);
    const ordered = [...points, late].sort((a, b) => a.timestampMs - b.timestampMs);
    const end = ordered[ordered.length - 1]!.timestampMs;
    for (const from of [end - HOUR, end - 600_000, end - 100_000]) {
      expectAgree(window.stats(from, end), statsOf(inWindow(ordered, from, end)));
    }
    expect(window.points(late.timestampMs - 1, late.timestampMs)).toEqual([late]);
  });

  it("refuses a reading older than the retention and evicts what falls out of it", () => {
    const window = new SeriesWindow({ retentionMs: 10_000 });
    for (let i = 0; i <= 20; i++) window.append(T0 + i * 1000, i);
    expect(window.size).toBe(11);
    expect(window.oldestTimestampMs).toBe(T0 + 10_000);
    expect(window.append(T0 + 5_000, 99)).toBe(false);
    window.evictOlderThan(T0 + 18_000);
    expect(window.size).toBe(3);
    expect(window.stats(0, T0 + 100_000).mean).toBe(19);
  });

  it("answers empty and single-reading windows without inventing numbers", () => {
    const window = new SeriesWindow({ retentionMs: HOUR });
    expect(window.stats(0, T0)).toEqual(EMPTY_STATS);
    window.append(T0, 21.5);
    const one = window.stats(T0 - 1, T0);
    expect(one).toMatchObject({ count: 1, mean: 21.5, variance: null, stdDev: null, slopePerMinute: null, residualStdDev: null, lastValue: 21.5 });
    expect(window.stats(T0, T0 + 1000)).toEqual(EMPTY_STATS);
    expect(window.latestAtOrBefore(T0 - 1)).toBeNull();
    expect(window.latestAtOrBefore(T0 + 5)).toEqual({ timestampMs: T0, value: 21.5 });
  });

  it("reports the typical interval as the median of recent inter-arrival times", () => {
    const window = new SeriesWindow({ retentionMs: 10 * HOUR });
    let t = T0;
    for (let i = 0; i < 100; i++) {
      t += i % 10 === 9 ? 300_000 : 60_000 + (i % 3) * 1000; // an occasional 5-minute hole
      window.append(t, i);
    }
    expect(window.typicalIntervalMs()).toBe(61_000);
    expect(window.typicalIntervalMs(T0)).toBeNull();
  });

  it("scans a window in time order for min/max and charts", () => {
    const window = new SeriesWindow({ retentionMs: HOUR });
    for (const [t, v] of [
      [3, 30],
      [1, 10],
      [2, 20],
      [5, 50],
      [4, 40],
    ] as const)
      window.append(T0 + t * 1000, v);
    const seen: number[] = [];
    window.scan(T0 + 1000, T0 + 4000, (_t, v) => seen.push(v));
    expect(seen).toEqual([20, 30, 40]);
  });

  it("holds 12 h at 1 Hz in about a megabyte", () => {
    const window = new SeriesWindow({ retentionMs: 12 * HOUR });
    for (let i = 0; i < 43_200; i++) window.append(T0 + i * 1000, i % 7);
    expect(window.size).toBe(43_200);
    expect(window.memoryBytes).toBeLessThan(1.5e6);
  });

  it("rejects non-finite input with a clear message", () => {
    const window = new SeriesWindow({ retentionMs: HOUR });
    expect(() => window.append(T0, Number.NaN)).toThrow(/finite/);
    expect(() => new SeriesWindow({ retentionMs: 0 })).toThrow(/retentionMs/);
  });
});
