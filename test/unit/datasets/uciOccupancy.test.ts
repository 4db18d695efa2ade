import { describe, expect, it } from "vitest";
import { classifyFreshness, staleLimitMs } from "../../../src/analytics/freshness.js";
import { kindProfile } from "../../../src/analytics/kindProfiles.js";
import type { Point } from "../../../src/analytics/point.js";
import { rankByReliability } from "../../../src/analytics/reliability.js";
import { SeriesWindow } from "../../../src/analytics/seriesWindow.js";
import { traitsFromWindow } from "../../../src/analytics/traits.js";
import { computeTrend } from "../../../src/analytics/trend.js";
import { fixtures } from "../../support/requirements.js";
import { readDatasetText } from "../../../src/datasets/files.js";
import { parseUciOccupancy } from "../../../src/datasets/uciOccupancy.js";
import type { SensorKind } from "../../../src/domain/sensorKind.js";

const HOUR = 3_600_000;

describe("UCI occupancy parsing", () => {
  it("reads quoted and bare timestamps into one series per column", () => {
    const header = '"date","Temperature","Humidity","Light","CO2","HumidityRatio","Occupancy"';
    const text = [header, '"1","2015-02-04 17:51:00",23.18,27.272,426,721.25,0.0047929,1', '"2",2015-02-04 17:51:59,23.15,27.2675,429.5,714,0.0047834,0', ""].join("\n");
    const { value, problems } = parseUciOccupancy(text);
    expect(problems).toEqual([]);
    expect(value.Temperature).toEqual([
      { timestampMs: Date.UTC(2015, 1, 4, 17, 51, 0), value: 23.18 },
      { timestampMs: Date.UTC(2015, 1, 4, 17, 51, 59), value: 23.15 },
    ]);
    expect(value.Occupancy.map((p) => p.value)).toEqual([1, 0]);
  });

  it("skips and reports malformed rows by line number", () => {
    const header = '"date","Temperature","Humidity","Light","CO2","HumidityRatio","Occupancy"';
    const text = [header, '"1","2015-02-04 17:51:00",23.18,27.272,426,721.25,0.0047,1', '"2","yesterday",1,2,3,4,5,0', '"3","2015-02-04 17:53:00",x,2,3,4,5,0', '"4","2015-02-04 17:54:00",1,2,3'].join(
      "\n",
    );
    const { value, problems } = parseUciOccupancy(text);
    expect(value.CO2).toHaveLength(1);
    expect(problems).toEqual([
      { line: 3, message: 'timestamp "yesterday" is not YYYY-MM-DD HH:MM:SS' },
      { line: 4, message: 'Temperature "x" is not a finite number' },
      { line: 5, message: "expected 8 fields (row number, date and 6 values), found 5" },
    ]);
    expect(parseUciOccupancy("a,b\n1,2").problems[0]).toMatchObject({ line: 1 });
  });
});

// ----- an independent, straightforward recomputation (no shared code with src/analytics) -----

interface Plain {
  count: number;
  mean: number;
  sd: number;
  slope: number;
  residualSd: number;
  slopeSe: number;
}

function plainStats(points: readonly Point[]): Plain {
  const n = points.length;
  const tMin = points.map((p) => p.timestampMs / 60_000);
  const v = points.map((p) => p.value);
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const tMean = tMin.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (tMin[i]! - tMean) ** 2;
    sxy += (tMin[i]! - tMean) * (v[i]! - mean);
    syy += (v[i]! - mean) ** 2;
  }
  const slope = sxy / sxx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) ssRes += (v[i]! - (mean + slope * (tMin[i]! - tMean))) ** 2;
  return { count: n, mean, sd: Math.sqrt(syy / (n - 1)), slope, residualSd: Math.sqrt(ssRes / (n - 2)), slopeSe: Math.sqrt(ssRes / (n - 2) / sxx) };
}

function plainDirection(s: Plain, spanMinutes: number, minChange: number): string {
  if (Math.abs(s.slope) <= 3 * s.slopeSe || Math.abs(s.slope) * spanMinutes < minChange) return "STABLE";
  return s.slope > 0 ? "RISING" : "FALLING";
}

const close = (a: number | null, b: number, what: string, tol = 1e-9): void => {
  expect(a, what).not.toBeNull();
  expect(Math.abs((a as number) - b), what).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
};

describe("UCI occupancy through the incremental structures", () => {
  const columns: Array<["Temperature" | "Humidity" | "CO2", SensorKind]> = [
    ["Temperature", "TEMPERATURE"],
    ["Humidity", "HUMIDITY"],
    ["CO2", "CO2"],
  ];

  it("gives the traits, trend and ranking a direct recomputation gives", async () => {
    const { value: uci, problems } = parseUciOccupancy(await readDatasetText(fixtures, "uci-occupancy", "datatest2.txt"));
    expect(problems).toEqual([]);
    const windows = new Map(columns.map(([column]) => [column, new SeriesWindow({ retentionMs: 24 * HOUR, initialCapacity: 256 })]));
    const all = uci.Temperature;
    const checkpoints = [all[1500]!.timestampMs, all[4000]!.timestampMs + 30_000, all[9751]!.timestampMs];
    let checked = 0;
    for (let i = 0; i < all.length; i++) {
      for (const [column] of columns) windows.get(column)!.append(uci[column][i]!.timestampMs, uci[column][i]!.value);
      const t = all[i]!.timestampMs;
      const asOfMs = checkpoints.find((c) => c >= t && (i + 1 === all.length || all[i + 1]!.timestampMs > c));
      if (asOfMs === undefined) continue;

      const ranking = [];
      for (const [column, kind] of columns) {
        const window = windows.get(column)!;
        const history = uci[column].filter((p) => p.timestampMs <= asOfMs);
        for (const windowMs of [HOUR, 6 * HOUR]) {
          const inWindow = history.filter((p) => p.timestampMs > asOfMs - windowMs);
          const traits = traitsFromWindow(window, { kind, asOfMs, windowMs });
          const plain = plainStats(inWindow);
          const what = `${column} ${windowMs / HOUR} h at ${new Date(asOfMs).toISOString()}`;
          expect(traits.readingCount, what).toBe(plain.count);
          close(traits.mean, plain.mean, `${what} mean`);
          close(traits.stdDev, plain.sd, `${what} sd`);
          close(traits.driftPerMinute, plain.slope, `${what} slope`, 1e-8);
          const sigmaMax = Math.max(kindProfile(kind).sigmaMax.abs, kindProfile(kind).sigmaMax.rel * Math.abs(plain.mean));
          close(traits.stabilityPercent, Math.min(100, Math.max(0, 100 * (1 - plain.residualSd / sigmaMax))), `${what} stability`, 1e-7);
          const last = history[history.length - 1]!;
          expect(traits.current).toBe(last.value);
          expect(traits.freshnessSeconds).toBe((asOfMs - last.timestampMs) / 1000);
          const gaps = history
            .slice(-65)
            .flatMap((p, k, a) => (k === 0 ? [] : [p.timestampMs - a[k - 1]!.timestampMs]))
            .filter((g) => g > 0)
            .sort((a, b) => a - b);
          const typical = gaps.length % 2 ? gaps[(gaps.length - 1) / 2]! : (gaps[gaps.length / 2 - 1]! + gaps[gaps.length / 2]!) / 2;
          expect(traits.typicalIntervalMs).toBe(typical);
          expect(traits.freshness).toBe(classifyFreshness(asOfMs - last.timestampMs, Math.max(5000, 3 * typical)));
          const span = (inWindow[inWindow.length - 1]!.timestampMs - inWindow[0]!.timestampMs) / 60_000;
          const minChange = Math.max(kindProfile(kind).trendMinChange.abs, kindProfile(kind).trendMinChange.rel * Math.abs(plain.mean));
          expect(traits.trend, what).toBe(plainDirection(plain, span, minChange));

          // Trend buckets against a direct bucketing of the same readings.
          const buckets = 12;
          const trend = computeTrend(window, { windowStartMs: asOfMs - windowMs, windowEndMs: asOfMs, buckets, kind });
          const width = windowMs / buckets;
          for (let b = 0; b < buckets; b++) {
            const lo = asOfMs - windowMs + b * width;
            const inBucket = inWindow.filter((p) => p.timestampMs > lo && p.timestampMs <= lo + width).map((p) => p.value);
            const bucket = trend.series[b]!;
            expect(bucket.count, `${what} bucket ${b}`).toBe(inBucket.length);
            if (inBucket.length > 0) {
              close(bucket.avg, inBucket.reduce((x, y) => x + y, 0) / inBucket.length, `${what} bucket ${b} avg`);
              expect([bucket.min, bucket.max]).toEqual([Math.min(...inBucket), Math.max(...inBucket)]);
            }
          }
          expect(trend.direction).toBe(traits.trend);
          close(trend.avgValue, plain.mean, `${what} trend avg`);
        }
        const dayStats = window.stats(asOfMs - 6 * HOUR, asOfMs);
        ranking.push({
          sensorId: column,
          kind,
          stats: dayStats,
          windowStartMs: asOfMs - 6 * HOUR,
          asOfMs,
          typicalIntervalMs: window.typicalIntervalMs(asOfMs),
          firstSeenMs: uci[column][0]!.timestampMs,
          stuckEpisodes: 0,
          alertEpisodes: 0,
        });
      }
      // Ranking: the same order and scores as the formula applied to the direct numbers.
      const ranked = rankByReliability(ranking);
      const expected = ranking
        .map((r) => {
          const inWindow = uci[r.sensorId as "CO2"].filter((p) => p.timestampMs > r.windowStartMs && p.timestampMs <= asOfMs);
          const plain = plainStats(inWindow);
          const sigmaMax = Math.max(kindProfile(r.kind).sigmaMax.abs, kindProfile(r.kind).sigmaMax.rel * Math.abs(plain.mean));
          const stability = Math.min(100, Math.max(0, 100 * (1 - plain.residualSd / sigmaMax)));
          const expectedCount = Math.floor((asOfMs - Math.max(r.windowStartMs, r.firstSeenMs)) / r.typicalIntervalMs!);
          const missing = Math.max(0, Math.min(1, 1 - inWindow.length / expectedCount));
          return { sensorId: r.sensorId, score: Math.max(0, Math.min(100, 100 - 40 * (1 - stability / 100) - 30 * missing)) };
        })
        .sort((a, b) => b.score - a.score || a.sensorId.localeCompare(b.sensorId));
      expect(ranked.map((r) => r.sensorId)).toEqual(expected.map((r) => r.sensorId));
      ranked.forEach((r, k) => close(r.score, expected[k]!.score, `score of ${r.sensorId}`, 1e-7));
      checked += 1;
    }
    expect(checked).toBe(checkpoints.length);
    expect(staleLimitMs(60_000)).toBe(180_000);
  }, 30_000);
});
