import { describe, expect, it } from "vitest";
import { typicalIntervalOf } from "../../../src/analytics/freshness.js";
import type { Point } from "../../../src/analytics/point.js";
import { columnsFromPoints, firstAfter, sliceColumns, typicalIntervalOfTimes } from "../../../src/analytics/readingColumns.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { SeriesWindow } from "../../../src/analytics/seriesWindow.js";
import { rangeMoments, statsFromMoments, statsOf } from "../../../src/analytics/windowStats.js";
import { HOUR, MINUTE, T0 } from "./support/series.js";

/** Irregular readings (jittered intervals, some repeated timestamps, a few long gaps). */
function irregular(seed: number, count: number): Point[] {
  const random = new SeededRandom(seed);
  const out: Point[] = [];
  let t = T0;
  for (let i = 0; i < count; i++) {
    t += i % 17 === 0 ? 0 : Math.max(0, Math.round(1000 + random.gaussian(0, 200))) + (i % 211 === 0 ? 30 * MINUTE : 0);
    out.push({ timestampMs: t, value: 20 + random.gaussian(0, 0.3) });
  }
  return out;
}

const pointsOf = (timestampsMs: Float64Array, values: Float64Array): Point[] => Array.from(timestampsMs, (timestampMs, i) => ({ timestampMs, value: values[i] as number }));

describe("ReadingColumns", () => {
  it("copies time-ordered points as they are and sorts others stably by time", () => {
    const points = irregular(1, 500);
    const sorted = columnsFromPoints(points);
    expect(pointsOf(sorted.timestampsMs, sorted.values)).toEqual(points);
    const shuffled = [...points].reverse();
    const resorted = columnsFromPoints(shuffled);
    expect(pointsOf(resorted.timestampsMs, resorted.values)).toEqual([...shuffled].sort((a, b) => a.timestampMs - b.timestampMs));
  });

  it("finds windows by binary search and answers the typical interval as typicalIntervalOf does", () => {
    const points = irregular(2, 2000);
    const { timestampsMs } = columnsFromPoints(points);
    for (const t of [T0 - 1, T0, (points[700] as Point).timestampMs, (points[1999] as Point).timestampMs, T0 + 10 * HOUR]) {
      expect(firstAfter(timestampsMs, t)).toBe(points.filter((p) => p.timestampMs <= t).length);
    }
    for (const count of [0, 1, 2, 40, 700, 2000]) expect(typicalIntervalOfTimes(timestampsMs, count)).toBe(typicalIntervalOf(points.slice(0, count)));
  });

  it("takes a range's moments exactly as statsOf does for the same readings", () => {
    const points = irregular(3, 3000);
    const c = columnsFromPoints(points);
    for (const [from, to] of [
      [0, 3000],
      [100, 3000],
      [512, 1024],
      [5, 7],
      [9, 9],
    ] as const) {
      expect(statsFromMoments(rangeMoments(c.timestampsMs, c.values, from, to))).toEqual(statsOf(points.slice(from, to)));
    }
    const slice = sliceColumns(c, 100, 200);
    expect(pointsOf(slice.timestampsMs, slice.values)).toEqual(points.slice(100, 200));
  });

  it("SeriesWindow.columns holds what points() holds, across ring wrap-around, growth, eviction and late readings", () => {
    const window = new SeriesWindow({ retentionMs: HOUR, initialCapacity: 64 });
    const random = new SeededRandom(4);
    let t = T0;
    for (let i = 0; i < 3 * 3600; i++) {
      t += 1000;
      window.append(t, random.gaussian(20, 1));
      if (i % 500 === 0) window.append(t - 3500, 99); // out of order: inserted at its place
      if (i % 997 === 0) {
        for (const [from, to] of [
          [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
          [t - 20 * MINUTE, t - 5 * MINUTE + 300],
          [t, t + 1],
          [t + 1, t + 2],
        ] as const) {
          const c = window.columns(from, to);
          expect(c.checked).toBe(true);
          expect(pointsOf(c.timestampsMs, c.values)).toEqual(window.points(from, to));
        }
      }
    }
  });
});
