import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../../src/analytics/rollup/resolution.js";
import { createApp } from "../../src/app.js";
import { silentLogger } from "../../src/log.js";
import { ReadingStore } from "../../src/store/readingStore.js";
import type { Reading } from "../../src/domain/reading.js";
import { gql, startTestTwin, testDriver, type TestTwin } from "../support/testApp.js";

const NOW = Date.parse("2026-06-01T00:00:00Z");
const RETENTION = { rawDays: 30, minuteDays: 180, intervalMs: 3_600_000, batchSize: 500 };

let twin: TestTwin;
/** Writes the way a twin with longer retention did before: raw readings and their rollups. */
let earlier: ReadingStore;

beforeAll(async () => {
  twin = await startTestTwin({ clock: () => NOW, retention: RETENTION });
  earlier = new ReadingStore(twin.driver);
});
afterAll(async () => {
  await twin?.close();
});

/** One reading every `stepMs` for `count` steps ending at `endMs`, a slow wave with some noise. */
function series(sensorId: string, endMs: number, count: number, stepMs: number): Reading[] {
  return Array.from({ length: count }, (_, k) => {
    const i = count - k;
    return { sensorId, value: 20 + 2 * Math.sin(i / 300) + Math.sin(i * 12.9898) * 0.3 + (i % 5) * 0.01, timestampMs: endMs - i * stepMs + stepMs, seq: k };
  });
}

async function writeEarlier(readings: readonly Reading[]): Promise<void> {
  for (let i = 0; i < readings.length; i += 5_000) await earlier.writeBatch(readings.slice(i, i + 5_000));
}

const TREND = `query ($id: ID!, $w: Int!, $b: Int!, $asOf: DateTime, $res: Resolution) {
  trend(sensorId: $id, windowSeconds: $w, buckets: $b, asOf: $asOf, resolution: $res, targetMin: 19, targetMax: 21) {
    readingCount avgValue minValue maxValue slopePerMinute direction status resolution series { start end count avg min max }
  }
}`;
const TRAITS = `query ($id: ID!, $w: Int!, $asOf: DateTime, $res: Resolution) {
  traits(sensorId: $id, windowSeconds: $w, asOf: $asOf, resolution: $res) { readingCount mean stdDev stabilityPercent driftPerMinute trend current resolution }
}`;

type Row = Record<string, unknown>;
function expectClose(a: Row, b: Row, skip: readonly string[] = ["resolution"]): void {
  for (const [k, v] of Object.entries(b)) {
    if (skip.includes(k)) continue;
    if (typeof v === "number") expect(a[k] as number, k).toBeCloseTo(v, 6);
    else if (Array.isArray(v)) (v as Row[]).forEach((item, i) => expectClose((a[k] as Row[])[i] as Row, item, skip));
    else expect(a[k], k).toEqual(v);
  }
}

describe("answers from rollups", () => {
  it("equal the raw answers where both exist (trend, traits, export), and say which resolution they used", async () => {
    const id = `temp_${twin.prefix}_cmp`;
    const asOf = NOW - 2 * DAY_MS; // on the day grid, outside memory
    await writeEarlier(series(id, asOf, 2 * 24 * 360, 10_000)); // two days, one reading every 10 s
    const vars = { id, w: 2 * 86_400, b: 48, asOf: new Date(asOf).toISOString() };
    const raw = await gql<{ trend: Row }>(twin.url, TREND, { ...vars, res: "RAW" });
    const hour = await gql<{ trend: Row }>(twin.url, TREND, { ...vars, res: "HOUR" });
    const chosen = await gql<{ trend: Row }>(twin.url, TREND, vars);
    expect(raw.errors).toBeUndefined();
    expect(raw.data!.trend["resolution"]).toBe("RAW");
    expect(hour.data!.trend["resolution"]).toBe("HOUR");
    expect(chosen.data!.trend["resolution"]).toBe("HOUR"); // 2 days in 48 one-hour chart buckets
    expect(raw.data!.trend["readingCount"]).toBe(2 * 24 * 360);
    expectClose(hour.data!.trend, raw.data!.trend);
    const day = await gql<{ trend: Row }>(twin.url, TREND, { ...vars, b: 2, res: "DAY" });
    expectClose(day.data!.trend, (await gql<{ trend: Row }>(twin.url, TREND, { ...vars, b: 2, res: "RAW" })).data!.trend);

    const tRaw = await gql<{ traits: Row }>(twin.url, TRAITS, { id, w: 6 * 3600, asOf: vars.asOf, res: "RAW" });
    const tMinute = await gql<{ traits: Row }>(twin.url, TRAITS, { id, w: 6 * 3600, asOf: vars.asOf, res: "MINUTE" });
    expect(tMinute.data!.traits["resolution"]).toBe("MINUTE");
    expectClose(tMinute.data!.traits, tRaw.data!.traits);
    const tLong = await gql<{ traits: Row }>(twin.url, TRAITS, { id, w: 2 * 86_400, asOf: vars.asOf });
    expect(tLong.data!.traits["resolution"]).toBe("MINUTE"); // ≥ 100 buckets in two days
    expectClose(tLong.data!.traits, (await gql<{ traits: Row }>(twin.url, TRAITS, { id, w: 2 * 86_400, asOf: vars.asOf, res: "RAW" })).data!.traits);

    const RANKING = `query ($w: Int!, $asOf: DateTime, $res: Resolution) {
      ranking(windowSeconds: $w, asOf: $asOf, resolution: $res) { sensorId readingCount mean stdDev reliabilityScore stabilityPercent missingFraction resolution }
    }`;
    const rankedAt = async (res: string | null, w = 2 * 86_400): Promise<Row> => {
      const answer = await gql<{ ranking: Row[] }>(twin.url, RANKING, { w, asOf: vars.asOf, res });
      expect(answer.errors).toBeUndefined();
      return answer.data!.ranking.find((r) => r["sensorId"] === id)!;
    };
    const rRaw = await rankedAt("RAW");
    expect(rRaw["readingCount"]).toBe(2 * 24 * 360);
    expect(rRaw["resolution"]).toBe("RAW");
    const rHour = await rankedAt("HOUR");
    expect(rHour["resolution"]).toBe("HOUR");
    expectClose(rHour, rRaw);
    const rChosen = await rankedAt(null);
    expect(rChosen["resolution"]).toBe("MINUTE"); // ≥ 100 buckets in two days, as for traits
    expectClose(rChosen, rRaw);
    expect((await rankedAt(null, 6 * 3600))["resolution"]).toBe("RAW"); // raw readings cover a window up to a day

    const EXPORT = `query ($id: ID!, $from: DateTime!, $to: DateTime!, $res: Resolution) { exportSeries(sensorId: $id, from: $from, to: $to, resolution: $res) { resolution rows csv } }`;
    const range = { id, from: new Date(asOf - 3 * HOUR_MS).toISOString(), to: vars.asOf };
    const rawCsv = await gql<{ exportSeries: { resolution: string; rows: number; csv: string } }>(twin.url, EXPORT, range);
    expect(rawCsv.data!.exportSeries.resolution).toBe("RAW"); // the finest kept that fits in 100,000 rows
    const hourly = await gql<{ exportSeries: { resolution: string; rows: number; csv: string } }>(twin.url, EXPORT, { ...range, res: "HOUR" });
    const lines = hourly.data!.exportSeries.csv.trimEnd().split("\n");
    expect(lines[0]).toBe("start,end,count,mean,min,max,stdDev");
    const values = rawCsv
      .data!.exportSeries.csv.trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => Number(l.split(",")[1]));
    const lastHour = values.slice(-360);
    const [, end, count, mean, min, max] = lines[3]!.split(",");
    expect(end).toBe(vars.asOf);
    expect(Number(count)).toBe(360);
    expect(Number(mean)).toBeCloseTo(lastHour.reduce((s, v) => s + v, 0) / 360, 9);
    expect([Number(min), Number(max)]).toEqual([Math.min(...lastHour), Math.max(...lastHour)]);
  });
});

describe("maintenance from rollups", () => {
  it("reads the hour rollups once raw retention no longer keeps the day, and equals the raw answer on the same readings", async () => {
    // The same 26 h of readings (noise growing hour by hour) twice: ending 2 days ago (raw kept)
    // and 40 days ago (past the 30 days of raw retention). Both ends lie on the hour grid.
    const shape = (sensorId: string, endMs: number): Reading[] => series(sensorId, endMs, 26 * 360, 10_000).map((r, k) => ({ ...r, value: r.value + Math.sin(k * 78.233) * 0.02 * (k / 360) }));
    const recent = `temp_${twin.prefix}_mr`;
    const old = `temp_${twin.prefix}_mo`;
    const recentAsOf = NOW - 2 * DAY_MS;
    const oldAsOf = NOW - 40 * DAY_MS;
    await writeEarlier([...shape(recent, recentAsOf), ...shape(old, oldAsOf)]);
    const MAINTENANCE = `query ($id: ID!, $asOf: DateTime) { maintenance(sensorId: $id, asOf: $asOf) {
      currentStability degradationRatePerHour hoursUntilMaintenance status recommendedAction reasons unavailableReason resolution } }`;
    const ask = async (id: string, asOfMs: number): Promise<Row> => {
      const res = await gql<{ maintenance: Row }>(twin.url, MAINTENANCE, { id, asOf: new Date(asOfMs).toISOString() });
      expect(res.errors).toBeUndefined();
      return res.data!.maintenance;
    };
    const raw = await ask(recent, recentAsOf);
    const fromHours = await ask(old, oldAsOf);
    expect(raw["resolution"]).toBe("RAW");
    expect(fromHours["resolution"]).toBe("HOUR");
    expect(raw["unavailableReason"]).toBeNull();
    expect(raw["degradationRatePerHour"] as number).toBeGreaterThan(0); // the growing noise costs stability
    expectClose(fromHours, raw);
    // Retention deletes the old raw readings: the answer stands on the rollups alone.
    await twin.app.services.retention!.runOnce();
    expect(await earlier.countReadings(old)).toBe(0);
    expectClose(await ask(old, oldAsOf), raw);
  });
});

describe("retention", () => {
  it("dry-runs, then deletes only raw readings past retention and old minute rollups, keeping what the rollups absorbed", async () => {
    const id = `temp_${twin.prefix}_ret`;
    const old = series(id, NOW - 31 * DAY_MS, 3 * 360, 10_000); // three hours just past the 30 days
    const kept = series(id, NOW - 29 * DAY_MS, 360, 10_000);
    const ancient = series(id, NOW - 200 * DAY_MS, 360, 10_000); // past the minute rollups' 180 days too
    await writeEarlier([...ancient, ...old, ...kept]);
    const oldTrend = `query ($id: ID!, $asOf: DateTime) { trend(sensorId: $id, windowSeconds: 10800, buckets: 3, asOf: $asOf, resolution: HOUR) { readingCount avgValue series { count avg } } }`;
    const before = await gql<{ trend: Row }>(twin.url, oldTrend, { id, asOf: new Date(NOW - 31 * DAY_MS).toISOString() });
    expect(before.data!.trend["readingCount"]).toBe(3 * 360);

    const plan = await gql<{
      retentionDryRun: { rawReadings: number; minuteRollups: number; sensors: Array<{ sensorId: string; rawReadings: number; minuteRollups: number; rawDays: number; heldBack: string | null }> };
    }>(twin.url, `{ retentionDryRun { rawReadings minuteRollups sensors { sensorId rawDays rawReadings minuteRollups heldBack } } }`);
    expect(plan.errors).toBeUndefined();
    const mine = plan.data!.retentionDryRun.sensors.find((s) => s.sensorId === id)!;
    expect(mine).toEqual({ sensorId: id, rawDays: 30, rawReadings: 4 * 360, minuteRollups: 60, heldBack: null });
    expect(await earlier.countReadings(id)).toBe(5 * 360); // a dry run deletes nothing

    await twin.app.services.retention!.runOnce();
    expect(await earlier.countReadings(id)).toBe(360);
    const rollups = await earlier.rollups!.countRollups(id);
    expect(rollups).toEqual({ MINUTE: 4 * 60, HOUR: 5, DAY: 3 });
    const after = await gql<{ trend: Row }>(twin.url, oldTrend, { id, asOf: new Date(NOW - 31 * DAY_MS).toISOString() });
    expect(after.data!.trend).toEqual(before.data!.trend);
    // Raw history that is gone is refused, not answered as empty.
    const gone = await gql(twin.url, `query ($id: ID!, $asOf: DateTime) { trend(sensorId: $id, windowSeconds: 3600, asOf: $asOf, resolution: RAW) { readingCount } }`, {
      id,
      asOf: new Date(NOW - 31 * DAY_MS).toISOString(),
    });
    expect(gone.errors?.[0]?.message).toMatch(/RAW history of this sensor is kept only from .*ask for resolution MINUTE/);
  });

  it("keeps a kind's sensors as long as its KindThresholds.retentionDays says, unless the sensor says otherwise", async () => {
    // LIGHT: a kind no other test gives retention; 60 days is above every feature's need, so
    // twins starting meanwhile on the shared database are not refused.
    const byKind = `light_${twin.prefix}_kind`;
    const own = `light_${twin.prefix}_own`;
    for (const id of [byKind, own]) await writeEarlier([...series(id, NOW - 70 * DAY_MS, 60, 60_000), ...series(id, NOW - 50 * DAY_MS, 60, 60_000)]);
    await twin.driver.executeQuery("MATCH (s:Sensor {sensorId: $id}) SET s.retentionDays = 90", { id: own });
    const { records } = await twin.driver.executeQuery("MERGE (k:KindThresholds {kind: 'LIGHT'}) ON CREATE SET k.createdByTest = true SET k.retentionDays = 60 RETURN k.createdByTest AS created");
    const created = records[0]?.get("created") === true;
    try {
      const plan = await gql<{ retentionDryRun: { sensors: Array<{ sensorId: string; rawDays: number; rawReadings: number }> } }>(
        twin.url,
        `{ retentionDryRun { sensors { sensorId rawDays rawReadings } } }`,
      );
      expect(plan.errors).toBeUndefined();
      const mine = plan.data!.retentionDryRun.sensors.filter((s) => s.sensorId === byKind || s.sensorId === own);
      expect(mine).toEqual([
        { sensorId: byKind, rawDays: 60, rawReadings: 60 },
        { sensorId: own, rawDays: 90, rawReadings: 0 },
      ]);
    } finally {
      await twin.driver.executeQuery(created ? "MATCH (k:KindThresholds {kind: 'LIGHT'}) DELETE k" : "MATCH (k:KindThresholds {kind: 'LIGHT'}) REMOVE k.retentionDays");
    }
  });

  it("rolls up a sensor from before rollups existed before deleting any of its readings", async () => {
    const id = `temp_${twin.prefix}_legacy`;
    const plain = new ReadingStore(twin.driver, { rollups: null });
    await plain.writeBatch([...series(id, NOW - 35 * DAY_MS, 360, 10_000), ...series(id, NOW - DAY_MS, 360, 10_000)]);
    await twin.driver.executeQuery("MATCH (s:Sensor {sensorId: $id}) REMOVE s.rollupsComplete", { id });
    const plan = await twin.app.services.retention!.dryRun();
    expect(plan.sensors.find((s) => s.sensorId === id)?.heldBack).toMatch(/predate rollups/);
    await twin.app.services.retention!.runOnce();
    expect(await plain.countReadings(id)).toBe(720); // backfilled, nothing deleted yet
    expect((await earlier.rollups!.countRollups(id)).HOUR).toBe(2);
    await twin.app.services.retention!.runOnce();
    expect(await plain.countReadings(id)).toBe(360);
  });

  it("keeps a late reading past raw retention in the rollups only, and says so in the answer", async () => {
    const id = `temp_${twin.prefix}_late`;
    const at = new Date(NOW - 40 * DAY_MS).toISOString();
    const RECORD = `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted rollupOnly note } }`;
    const readings = [
      { sensorId: id, value: 5, timestamp: at, seq: 1 },
      { sensorId: id, value: 7, timestamp: new Date(NOW - 1000).toISOString(), seq: 2 },
    ];
    const res = await gql<{ recordReadings: { accepted: number; rollupOnly: number; note: string } }>(twin.url, RECORD, { r: readings });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordReadings.accepted).toBe(2);
    expect(res.data!.recordReadings.rollupOnly).toBe(1);
    expect(res.data!.recordReadings.note).toMatch(/1 reading is older than raw retention \(30 days.*added to the hour and day rollups/);
    await gql(twin.url, RECORD, { r: readings.slice(0, 1) }); // sent again: counted once
    await twin.app.writer.flush();
    expect(await earlier.countReadings(id)).toBe(1);
    expect(await earlier.rollups!.countRollups(id)).toEqual({ MINUTE: 2, HOUR: 2, DAY: 2 }); // 40 days: minute rollups are still kept
    const day = await earlier.rollups!.range(id, "DAY", NOW - 41 * DAY_MS, NOW - 39 * DAY_MS);
    expect(day.map((d) => [d.stats.count, d.stats.mean])).toEqual([[1, 5]]);
  });
});

describe("rebuildRollups", () => {
  it("recomputes whole days from the raw readings, and answers a range without readings with an empty rebuild", async () => {
    const id = `temp_${twin.prefix}_rebuild`;
    await writeEarlier(series(id, NOW - 3 * DAY_MS + 6 * HOUR_MS, 360, 10_000));
    await twin.driver.executeQuery("MATCH (r:Rollup {sensorId: $id, resolution: 'HOUR'}) SET r.count = 1", { id });
    const REBUILD = `mutation ($id: ID!, $from: DateTime!, $to: DateTime!) { rebuildRollups(sensorId: $id, from: $from, to: $to) { from to days readings buckets } }`;
    const res = await gql<{ rebuildRollups: Row }>(twin.url, REBUILD, { id, from: new Date(NOW - 3 * DAY_MS + HOUR_MS).toISOString(), to: new Date(NOW - 3 * DAY_MS + 2 * HOUR_MS).toISOString() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.rebuildRollups).toEqual({ from: new Date(NOW - 3 * DAY_MS).toISOString(), to: new Date(NOW - 2 * DAY_MS).toISOString(), days: 1, readings: 360, buckets: 1 + 1 + 60 });
    const hours = await earlier.rollups!.range(id, "HOUR", NOW - 4 * DAY_MS, NOW);
    expect(hours.map((h) => h.stats.count)).toEqual([360]);
    const empty = await gql<{ rebuildRollups: Row }>(twin.url, REBUILD, { id, from: new Date(NOW - 10 * DAY_MS).toISOString(), to: new Date(NOW - 9 * DAY_MS).toISOString() });
    expect(empty.errors).toBeUndefined();
    expect(empty.data!.rebuildRollups).toMatchObject({ days: 1, readings: 0, buckets: 0 });
  });
});

describe("the start", () => {
  it("refuses a raw retention shorter than what a feature needs, naming the feature", async () => {
    const driver = testDriver();
    try {
      await expect(
        createApp({
          config: { host: "127.0.0.1", port: 0, ingest: { batchSize: 100, lingerMs: 10, bufferCapacity: 1000 }, retention: { ...RETENTION, rawDays: 7 } },
          driver,
          uri: "test",
          log: silentLogger,
        }),
      ).rejects.toThrow(/RETENTION_RAW_DAYS=7 keeps raw readings too briefly: .*failureRisk \(.*\) needs 14 days.*Raise RETENTION_RAW_DAYS to at least 30/);
    } finally {
      await driver.close();
    }
  });
});
