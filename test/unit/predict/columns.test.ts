import { describe, expect, it } from "vitest";
import type { Point } from "../../../src/analytics/point.js";
import { failureRisk } from "../../../src/analytics/predict/failureRisk.js";
import { forecast } from "../../../src/analytics/predict/forecast.js";
import { sampleGrid } from "../../../src/analytics/predict/grid.js";
import { HoltFitMemo, fitAndRunHolt } from "../../../src/analytics/predict/holtMemo.js";
import { maintenance } from "../../../src/analytics/predict/maintenance.js";
import { fitPlant } from "../../../src/analytics/predict/plantFit.js";
import { hourlyStability } from "../../../src/analytics/predict/stabilityHistory.js";
import { columnsFromPoints } from "../../../src/analytics/readingColumns.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { SeriesWindow } from "../../../src/analytics/seriesWindow.js";
import { resolveThresholds } from "../../../src/analytics/thresholds.js";
import { traitsFromColumns, traitsFromPoints } from "../../../src/analytics/traits.js";
import { HOUR, MINUTE, T0 } from "../analytics/support/series.js";

/** A wandering sensor read every ~`everyMs` (jittered), with repeated timestamps and an outage. */
function sensor(seed: number, hours: number, everyMs: number): Point[] {
  const random = new SeededRandom(seed);
  const out: Point[] = [];
  let level = 21;
  for (let t = T0, i = 0; t < T0 + hours * HOUR; i++) {
    t += Math.max(0, Math.round(everyMs + random.gaussian(0, everyMs / 10)));
    if (i === 400) t += 2 * HOUR;
    level += random.gaussian(0, 0.02);
    out.push({ timestampMs: t, value: level + random.gaussian(0, 0.05 + 0.01 * (i % 50 === 0 ? 20 : 0)) });
    if (i % 31 === 0) out.push({ timestampMs: t, value: level + 0.5 });
  }
  return out;
}

/** The grid as it was sampled reading by reading (the reference the search must agree with). */
function referenceGrid(points: readonly Point[], endMs: number, stepMs: number, maxSlots: number): { values: number[]; observed: number } {
  const first = points.find((p) => p.timestampMs <= endMs);
  if (first === undefined) return { values: [], observed: 0 };
  const n = Math.min(maxSlots, Math.floor((endMs - first.timestampMs) / stepMs) + 1);
  const values = new Array<number>(n).fill(Number.NaN);
  let observed = 0;
  for (const p of points) {
    if (p.timestampMs > endMs) break;
    const back = Math.floor((endMs - p.timestampMs) / stepMs);
    if (back >= n) continue;
    if (Number.isNaN(values[n - 1 - back])) observed += 1;
    values[n - 1 - back] = p.value;
  }
  return { values, observed };
}

const POINTS = sensor(1, 30, 10_000);
const COLUMNS = columnsFromPoints(POINTS);
const LAST = (POINTS[POINTS.length - 1] as Point).timestampMs;

describe("models over columns", () => {
  it("sample the same grid as a reading-by-reading pass, whatever the step, end and slot limit", () => {
    for (const [endMs, stepMs, maxSlots] of [
      [LAST, 10_000, 6000],
      [LAST, 60_000, 6000],
      [LAST - 7 * HOUR + 1234, 137_000, 6000],
      [LAST, 30_000, 500],
      [LAST, 1_000, 6000],
      [T0 - 1, 60_000, 6000],
    ] as const) {
      const grid = sampleGrid(COLUMNS, endMs, stepMs, maxSlots);
      const reference = referenceGrid(POINTS, endMs, stepMs, maxSlots);
      expect(Array.from(grid.values)).toEqual(reference.values);
      expect(grid.observed).toBe(reference.observed);
      expect(sampleGrid(POINTS, endMs, stepMs, maxSlots)).toEqual(grid);
    }
  });

  it("give the same forecasts, maintenance, failure risk, traits, hourly stability and plant from columns as from points", () => {
    const thresholds = resolveThresholds("TEMPERATURE");
    for (const asOfMs of [LAST, LAST + 20 * MINUTE, LAST - 5 * HOUR - 777, T0 + 3 * HOUR]) {
      for (const horizonMinutes of [5, 30, 120, 24 * 60]) {
        expect(forecast(COLUMNS, { horizonMinutes, asOfMs, threshold: 21 })).toEqual(forecast(POINTS, { horizonMinutes, asOfMs, threshold: 21 }));
      }
      const options = { asOfMs, kind: "TEMPERATURE" as const, calibration: null, sigmaMax: null };
      expect(maintenance(COLUMNS, options)).toEqual(maintenance(POINTS, options));
      expect(hourlyStability(COLUMNS, asOfMs, 24, "TEMPERATURE")).toEqual(hourlyStability(POINTS, asOfMs, 24, "TEMPERATURE"));
      const context = { asOfMs, hours: 24, kind: "TEMPERATURE" as const, thresholds, alertHistory: [] };
      expect(failureRisk(COLUMNS, context)).toEqual(failureRisk(POINTS, context));
      const traits = { kind: "TEMPERATURE" as const, asOfMs, windowMs: HOUR };
      expect(traitsFromColumns(COLUMNS, traits)).toEqual(traitsFromPoints(POINTS, traits));
    }
    const plant = { actuators: [], quantity: "temperature" as const };
    expect(fitPlant({ ...plant, points: COLUMNS })).toEqual(fitPlant({ ...plant, points: POINTS }));
  });

  it("give the same hourly stability, maintenance and failure risk from the live window's range statistics as from a scan", () => {
    // Readings every ~2 s: each hour holds more than the 512 the window sums directly, so its checkpointed prefix sums answer.
    const dense = sensor(2, 30, 2_000);
    const columns = columnsFromPoints(dense);
    const window = new SeriesWindow({ retentionMs: 40 * HOUR });
    for (const p of dense) window.append(p.timestampMs, p.value);
    const LAST = (dense[dense.length - 1] as Point).timestampMs;
    const thresholds = resolveThresholds("TEMPERATURE");
    const close = (a: number | null, b: number | null): boolean => (a === null ? b === null : b !== null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));
    for (const asOfMs of [LAST, LAST + 20 * MINUTE, LAST - 5 * HOUR - 777, T0 + 3 * HOUR]) {
      const scanned = hourlyStability(columns, asOfMs, 24, "TEMPERATURE");
      const ranged = hourlyStability(window, asOfMs, 24, "TEMPERATURE");
      expect(ranged.map((h) => [h.startMs, h.endMs, h.readings, h.driftSignificant])).toEqual(scanned.map((h) => [h.startMs, h.endMs, h.readings, h.driftSignificant]));
      for (const [i, h] of ranged.entries()) {
        expect(close(h.stabilityPercent, scanned[i]!.stabilityPercent), `stability of hour ${i}`).toBe(true);
        expect(close(h.driftPerMinute, scanned[i]!.driftPerMinute), `drift of hour ${i}`).toBe(true);
      }
      expect(scanned.filter((h) => h.stabilityPercent !== null).length).toBeGreaterThan(0);
      const options = { asOfMs, kind: "TEMPERATURE" as const, calibration: null, sigmaMax: null };
      const viaWindow = maintenance(columns, { ...options, rangeStats: window });
      const viaScan = maintenance(columns, options);
      expect(viaWindow.ok).toBe(viaScan.ok);
      if (viaWindow.ok && viaScan.ok) {
        expect(viaWindow.value.status).toBe(viaScan.value.status);
        expect(close(viaWindow.value.currentStability, viaScan.value.currentStability)).toBe(true);
        expect(close(viaWindow.value.degradationRatePerHour, viaScan.value.degradationRatePerHour)).toBe(true);
      }
      const context = { asOfMs, hours: 24, kind: "TEMPERATURE" as const, thresholds, alertHistory: [] };
      const riskWindow = failureRisk(columns, { ...context, rangeStats: window });
      const riskScan = failureRisk(columns, context);
      expect(riskWindow.ok && riskScan.ok && close(riskWindow.value.probability, riskScan.value.probability)).toBe(true);
    }
  });

  it("a forecast from points out of order equals one from the same points in order", () => {
    // The newest 1000 readings first (cut between distinct timestamps: equal ones keep their order).
    let cut = POINTS.length - 1000;
    while ((POINTS[cut] as Point).timestampMs === (POINTS[cut - 1] as Point).timestampMs) cut += 1;
    const rotated = [...POINTS.slice(cut), ...POINTS.slice(0, cut)];
    expect(forecast(rotated, { horizonMinutes: 30, asOfMs: LAST })).toEqual(forecast(POINTS, { horizonMinutes: 30, asOfMs: LAST }));
  });

  it("checks columns that do not come checked from a live window: a non-finite reading is refused", () => {
    const values = Float64Array.from(COLUMNS.values);
    values[10] = Number.NaN;
    expect(() => forecast({ timestampsMs: COLUMNS.timestampsMs, values }, { horizonMinutes: 30, asOfMs: LAST })).toThrow(/points\[10\]/);
  });
});

describe("HoltFitMemo", () => {
  it("returns the fit of an identical grid, and recomputes when a reading changes the grid", () => {
    const memo = new HoltFitMemo();
    const asOfMs = LAST + 30_000;
    const first = forecast(COLUMNS, { horizonMinutes: 30, asOfMs, memo });
    expect(memo.misses).toBe(1);
    // Asked again (a little later, a different threshold): the same grid, so a hit — and the same answer as without a memo.
    for (const [later, threshold] of [
      [asOfMs + 500, null],
      [asOfMs + 1_000, 22],
    ] as const) {
      expect(forecast(COLUMNS, { horizonMinutes: 30, asOfMs: later, threshold, memo })).toEqual(forecast(COLUMNS, { horizonMinutes: 30, asOfMs: later, threshold }));
    }
    expect(memo.hits).toBe(2);
    // A new reading: the grid ends there, so the fit is made afresh and the answer moves with it.
    const withNew = [...POINTS, { timestampMs: LAST + 20_000, value: 30 }];
    const fresh = forecast(withNew, { horizonMinutes: 30, asOfMs, memo });
    expect(memo.misses).toBe(2);
    expect(fresh).toEqual(forecast(withNew, { horizonMinutes: 30, asOfMs }));
    expect(fresh).not.toEqual(first);
  });

  it("tells grids apart by every bit, and forgets the least recently used beyond its capacity", () => {
    const memo = new HoltFitMemo(2);
    const grid = sampleGrid(COLUMNS, LAST, 60_000, 6000).values;
    const changed = Float64Array.from(grid);
    changed[changed.length - 5] = (changed[changed.length - 5] as number) + 1e-12;
    expect(memo.fit(grid, 10, 10)).toEqual(fitAndRunHolt(grid, 10, 10));
    expect(memo.fit(changed, 10, 10)).toEqual(fitAndRunHolt(changed, 10, 10));
    expect(memo.misses).toBe(2);
    memo.fit(grid, 10, 10); // a hit: grid is now the most recently used
    memo.fit(grid, 12, 12); // a third entry evicts `changed`
    expect(memo.size).toBe(2);
    memo.fit(grid, 10, 10);
    memo.fit(changed, 10, 10);
    expect([memo.hits, memo.misses]).toEqual([2, 4]);
  });

  it("a live window's columns forecast as its points do", () => {
    const window = new SeriesWindow({ retentionMs: 24 * HOUR });
    for (const p of POINTS) window.append(p.timestampMs, p.value);
    const from = LAST - 24 * HOUR;
    const options = { horizonMinutes: 60, asOfMs: LAST + 1000, threshold: 21.2 };
    expect(forecast(window.columns(from, LAST + 1000), options)).toEqual(forecast(window.points(from, LAST + 1000), options));
  });
});
