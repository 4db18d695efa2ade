import { describe, expect, it } from "vitest";
import type { Point } from "../../../src/analytics/point.js";
import { failureRisk } from "../../../src/analytics/predict/failureRisk.js";
import { forecast } from "../../../src/analytics/predict/forecast.js";
import { maintenance } from "../../../src/analytics/predict/maintenance.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { resolveThresholds } from "../../../src/analytics/thresholds.js";
import { silentLogger } from "../../../src/log.js";
import type { ActuatorStore } from "../../../src/store/actuatorStore.js";
import type { AlertStore } from "../../../src/store/alertStore.js";
import type { CalibrationStore } from "../../../src/store/calibrationStore.js";
import type { ReadingStore } from "../../../src/store/readingStore.js";
import { Diagnostics } from "../../../src/twin/diagnostics.js";
import { LiveAnalytics } from "../../../src/live/liveAnalytics.js";
import { Predictions } from "../../../src/twin/predictions.js";
import { SampledHistory } from "../../../src/history/sampledHistory.js";
import type { CatalogEntry, SensorCatalog } from "../../../src/twin/sensorCatalog.js";
import { HOUR, T0 } from "../analytics/support/series.js";

const END = T0 + 12 * HOUR;
const DAY = 24 * HOUR;

/** A reading every 10 s for 12 h before END: a slow wave with noise. */
function readings(seed: number): Point[] {
  const random = new SeededRandom(seed);
  const out: Point[] = [];
  for (let t = T0 + 10_000; t <= END; t += 10_000) out.push({ timestampMs: t, value: 21 + Math.sin((t - T0) / (2 * HOUR)) + random.gaussian(0, 0.05) });
  return out;
}

/** Predictions over stub stores; `live` sensors are held in memory, the others answered by the "database" (`stored`). */
function twin(live: Record<string, Point[]>, stored: Record<string, Point[]> = {}) {
  let now = END + 500;
  const clock = (): number => now;
  const analytics = new LiveAnalytics({ retentionMs: DAY, log: silentLogger, onAnomalies: () => undefined });
  for (const [sensorId, points] of Object.entries(live)) for (const p of points) analytics.accept({ sensorId, ...p, seq: null });
  const entries = new Map<string, CatalogEntry>(
    [...Object.keys(live), ...Object.keys(stored)].map((sensorId) => [sensorId, { sensorId, kind: "TEMPERATURE", overrides: [], targetMin: 18, targetMax: 22 }]),
  );
  const catalog = { get: async (id: string) => entries.get(id), all: async () => entries } as unknown as SensorCatalog;
  const windowCalls: Array<{ sensorId: string; spanMs: number }> = [];
  const bucketCalls: Array<{ sensorId: string; count: number }> = [];
  const readingStore = {
    window: async (sensorId: string, from: number, to: number) => {
      windowCalls.push({ sensorId, spanMs: to - from });
      return (stored[sensorId] ?? []).filter((p) => p.timestampMs > from && p.timestampMs <= to);
    },
    recentBefore: async (sensorId: string, asOf: number, limit: number) => (stored[sensorId] ?? []).filter((p) => p.timestampMs <= asOf).slice(-limit),
    newestPerBucket: async (sensorId: string, to: number, bucketMs: number, count: number) => {
      bucketCalls.push({ sensorId, count });
      const out: Point[] = [];
      for (let k = count - 1; k >= 0; k--) {
        const inBucket = (stored[sensorId] ?? []).filter((p) => p.timestampMs > to - (k + 1) * bucketMs && p.timestampMs <= to - k * bucketMs);
        const newest = inBucket.at(-1);
        if (newest !== undefined) out.push(newest);
      }
      return out;
    },
  } as unknown as ReadingStore;
  const alerts = { openAt: async () => [], raisedBetween: async () => [], historyOf: async () => [], episodeCounts: async () => new Map() } as unknown as AlertStore;
  const actuators = { locations: async () => [], locationOf: async () => null, history: async () => ({ changes: [], before: {} }) } as unknown as ActuatorStore;
  const calibrations = { latest: async () => null, latestFor: async () => new Map() } as unknown as CalibrationStore;
  const diagnostics = new Diagnostics(analytics, readingStore, alerts, catalog, clock);
  const make = (): Predictions => new Predictions(diagnostics, analytics, alerts, actuators, calibrations, new SampledHistory(readingStore, clock), clock);
  return {
    predictions: make(),
    make,
    diagnostics,
    windowCalls,
    bucketCalls,
    setNow: (ms: number) => void (now = ms),
    accept: (sensorId: string, p: Point) => analytics.accept({ sensorId, ...p, seq: null }),
  };
}

describe("Predictions", () => {
  it("answers from the live window's columns exactly what the models answer from the same readings as points", async () => {
    const t = twin({ temp_a: readings(1) });
    const asOfMs = END + 500;
    const points = await t.diagnostics.series("temp_a", asOfMs - DAY, asOfMs);
    const thresholds = resolveThresholds("TEMPERATURE");
    const f = await t.predictions.forecast("temp_a", 30, 21.5, asOfMs);
    expect(f.forecast).not.toBeNull();
    const direct = forecast(points, { horizonMinutes: 30, asOfMs, threshold: 21.5 });
    expect(direct.ok && f.forecast).toEqual(direct.ok && direct.value);
    const m = await t.predictions.maintenance("temp_a", asOfMs);
    const directM = maintenance(points, { asOfMs, kind: "TEMPERATURE", calibration: null, sigmaMax: thresholds.sigmaMax });
    expect(directM.ok && m.maintenance).toEqual(directM.ok && directM.value);
    const r = await t.predictions.failureRisk("temp_a", 24, asOfMs);
    const directR = failureRisk(points, { asOfMs, hours: 24, kind: "TEMPERATURE", thresholds, alertHistory: [] });
    expect(directR.ok && { ...directR.value, sensorId: "temp_a", resolution: "RAW" }).toEqual(r);
  });

  it("gives the same answer when asked again, and a new reading's answer at once when one arrives (no stale fit)", async () => {
    const t = twin({ temp_a: readings(2) });
    const first = await t.predictions.forecast("temp_a", 60, 22);
    t.setNow(END + 900);
    const again = await t.predictions.forecast("temp_a", 60, 22);
    expect(again).toEqual(await t.make().forecast("temp_a", 60, 22)); // a fresh instance: no memo
    t.accept("temp_a", { timestampMs: END + 800, value: 25 });
    const moved = await t.predictions.forecast("temp_a", 60, 22);
    expect(moved.forecast?.lastReadingMs).toBe(END + 800);
    expect(moved).toEqual(await t.make().forecast("temp_a", 60, 22));
    expect(moved.forecast?.value).not.toBe(first.forecast?.value);
    const risk = await t.predictions.failureRisk("temp_a", 24);
    expect(risk).toEqual(await t.make().failureRisk("temp_a", 24));
  });

  it("recommendations read each sensor's 24 h history once, and match a fresh instance's", async () => {
    const t = twin({ temp_live: readings(3) }, { temp_db1: readings(4), temp_db2: readings(5) });
    const recommendations = await t.predictions.recommendations();
    const day = t.windowCalls.filter((c) => c.spanMs === DAY).map((c) => c.sensorId);
    expect(day.sort()).toEqual(["temp_db1", "temp_db2"]); // maintenance and the forecast share one read
    expect(new Set(recommendations.map((r) => r.sensorId))).toEqual(new Set(["temp_live", "temp_db1", "temp_db2"]));
    expect(await t.predictions.recommendations()).toEqual(await t.make().recommendations());
  });

  it("recommendations judge the alerts open at asOf, not the ones open now", async () => {
    // An impossible reading just now opens an OUT_OF_RANGE alert in the live detector.
    const t = twin({ temp_a: [...readings(6), { timestampMs: END + 200, value: 200 }] });
    const inspect = (recs: ReadonlyArray<{ action: string; reason: string }>) => recs.filter((r) => r.action === "INSPECT" && r.reason.includes("OUT_OF_RANGE"));
    expect(inspect(await t.predictions.recommendations())).toHaveLength(1);
    // An hour ago the store (the stub here) held no open alert for it: nothing to inspect then.
    expect(inspect(await t.predictions.recommendations(END - HOUR))).toEqual([]);
  });

  it("forecasts a day ahead from the days before the live one, sampled on the forecast's grid", async () => {
    // Three days of 1-min readings with a daily cycle: a 24 h horizon needs 2.5 days to calibrate.
    const random = new SeededRandom(8);
    const long: Point[] = [];
    for (let t = END - 3 * DAY + 60_000; t <= END; t += 60_000) long.push({ timestampMs: t, value: 21 + 2 * Math.sin((2 * Math.PI * (t - T0)) / DAY) + random.gaussian(0, 0.1) });
    const t = twin({}, { temp_long: long, temp_day: long.filter((p) => p.timestampMs > END - DAY) });
    const asOfMs = END + 500;
    const f = await t.predictions.forecast("temp_long", 1440, null, asOfMs);
    expect(f.unavailableReason).toBeNull();
    // One read of the 1.5 days before the live one, in 12-min buckets (the 48-min grid step / 4).
    expect(t.bucketCalls).toEqual([{ sensorId: "temp_long", count: 180 }]);
    // Sampling changes which readings the grid sees only at bucket edges: the answer is the one
    // the model gives on every reading, to within a fraction of the interval.
    const direct = forecast(long, { horizonMinutes: 1440, asOfMs });
    if (!direct.ok || f.forecast === null) throw new Error("expected both forecasts");
    expect(Math.abs(f.forecast.value - direct.value.value)).toBeLessThan(0.1 * (direct.value.upper - direct.value.lower));
    expect(f.forecast.upper - f.forecast.lower).toBeCloseTo(direct.value.upper - direct.value.lower, 0);
    // Asked again within the minute: the sampled days come from memory.
    await t.predictions.forecast("temp_long", 1440, null, asOfMs + 1_000);
    expect(t.bucketCalls).toHaveLength(1);
    // A sensor with one day of history says so instead of guessing.
    const short = await t.predictions.forecast("temp_day", 1440, null, asOfMs);
    expect(short.forecast).toBeNull();
    expect(short.unavailableReason).toMatch(/too little history to calibrate a 1440-min forecast/);
  });

  it("finds the newest reading in a window without fetching the window, from memory and from the database", async () => {
    const t = twin({ temp_live: readings(6) }, { temp_db: readings(6) });
    for (const sensorId of ["temp_live", "temp_db"]) {
      for (const [from, to] of [
        [END - DAY, END + 500],
        [END - DAY, END - 5_001],
        [END - 20_000, END - 15_000],
        [END - 4_000, END - 1_000],
        [T0 - DAY, T0],
      ]) {
        const expected = (await t.diagnostics.series(sensorId, from as number, to as number)).at(-1) ?? null;
        expect(await t.diagnostics.latestReading(sensorId, from as number, to as number)).toEqual(expected);
      }
    }
  });
});
