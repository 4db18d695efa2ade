import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { bucketize, type RollupStats } from "../../src/analytics/rollup/bucketMath.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, RESOLUTION_MS, type RollupResolution } from "../../src/analytics/rollup/resolution.js";
import { migrate } from "../../src/store/migrations.js";
import { ReadingStore } from "../../src/store/readingStore.js";
import type { RollupStore } from "../../src/store/rollupStore.js";
import type { Reading } from "../../src/domain/reading.js";
import { testDriver } from "../support/testApp.js";

let driver: Driver;
let store: ReadingStore;
let rollups: RollupStore;
const T0 = Date.parse("2026-02-10T00:00:00Z");

beforeAll(async () => {
  driver = testDriver();
  await migrate(driver);
  store = new ReadingStore(driver);
  rollups = store.rollups!;
});
afterAll(async () => {
  await driver?.close();
});

const sensor = (): string => `temp_r${randomUUID().slice(0, 8)}`;

function readings(sensorId: string, fromSecond: number, count: number): Reading[] {
  return Array.from({ length: count }, (_, k) => {
    const i = fromSecond + k;
    return { sensorId, value: 20 + Math.sin(i / 50) + (i % 7) * 0.01, timestampMs: T0 + (i + 1) * 1000, seq: i };
  });
}

/** The stored buckets of a sensor at a resolution, by start. */
async function stored(sensorId: string, resolution: RollupResolution): Promise<Map<number, RollupStats>> {
  const rows = await rollups.range(sensorId, resolution, T0 - 10 * DAY_MS, T0 + 60 * DAY_MS);
  return new Map(rows.map((r) => [r.startMs, r.stats]));
}

function expectSame(actual: Map<number, RollupStats>, expected: Map<number, RollupStats>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [start, e] of expected) {
    const a = actual.get(start)!;
    expect(a.count).toBe(e.count);
    expect(a.mean).toBeCloseTo(e.mean, 9);
    expect(a.m2).toBeCloseTo(e.m2, 6);
    expect([a.min, a.max, a.first, a.last, a.lastValue]).toEqual([e.min, e.max, e.first, e.last, e.lastValue]);
    expect(a.stt).toBeCloseTo(e.stt, 3);
    expect(a.stv).toBeCloseTo(e.stv, 5);
  }
}

async function expectRollupsOf(sensorId: string, distinct: readonly Reading[]): Promise<void> {
  for (const res of ["MINUTE", "HOUR", "DAY"] as const) expectSame(await stored(sensorId, res), bucketize(distinct, RESOLUTION_MS[res]));
}

describe("rollups written with the readings", () => {
  it("hold exactly the distinct readings: in order, out of order, duplicated and replayed batches", async () => {
    const id = sensor();
    const all = readings(id, 0, 3600 + 617); // an hour and a bit, across minute and hour boundaries
    const shuffled = [...all].sort((a, b) => Math.sin(a.timestampMs * 7) - Math.sin(b.timestampMs * 7));
    for (let i = 0; i < shuffled.length; i += 1_000) await store.writeBatch(shuffled.slice(i, i + 1_000));
    // A batch replayed from the write-ahead log after a crash, and a retried one with a duplicate inside.
    expect(await store.writeBatch(shuffled.slice(0, 1_000))).toBe(0);
    expect(await store.writeBatch([...all.slice(100, 200), ...all.slice(150, 160)])).toBe(0);
    await expectRollupsOf(id, all);
    expect(await store.countReadings(id)).toBe(all.length);
    // A late reading in an old minute is folded in.
    const lateOne = { sensorId: id, value: 99, timestampMs: T0 + 30_500, seq: 999_999 };
    expect(await store.writeBatch([lateOne])).toBe(1);
    await expectRollupsOf(id, [...all, lateOne]);
  });

  it("keep readings past raw retention in the rollups only, once, however often they arrive", async () => {
    const id = sensor();
    const now = T0 + 40 * DAY_MS;
    const cutoff = now - 30 * DAY_MS;
    const late = new ReadingStore(driver, { rollups, clock: () => now, policy: { rollupOnlyBefore: () => cutoff, minuteKeptFrom: () => null } });
    const old = readings(id, 0, 600);
    const recent = readings(id, 0, 300).map((r) => ({ ...r, timestampMs: r.timestampMs + 35 * DAY_MS }));
    expect(await late.writeBatch([...old, ...recent])).toBe(900);
    expect(await late.writeBatch(old)).toBe(0); // the import retried, or the log replayed
    expect(await late.writeBatch(old.slice(0, 10))).toBe(0);
    expect(await late.countReadings(id)).toBe(300);
    await expectRollupsOf(id, [...old, ...recent]);
    const [info] = (await rollups.sensors()).filter((s) => s.sensorId === id);
    expect(info?.rollupsComplete).toBe(true);
    expect(info?.rawCompleteFrom).toBe(old.at(-1)!.timestampMs);
  });
});

describe("rebuilding a day", () => {
  it("recomputes the same buckets from the raw readings, and an empty day leaves none", async () => {
    const id = sensor();
    const all = readings(id, 0, 2 * 3600);
    await store.writeBatch(all);
    const before = await stored(id, "HOUR");
    // Damage the rollups the way a bug or a manual edit would.
    await driver.executeQuery("MATCH (r:Rollup {sensorId: $id}) WHERE r.resolution IN ['HOUR', 'MINUTE'] WITH r LIMIT 30 SET r.count = 0, r.mean = -1", { id });
    const day = await rollups.rebuildDay(id, T0, null);
    expect(day.readings).toBe(all.length);
    expect(day.buckets).toBe(1 + 2 + 120);
    expectSame(await stored(id, "HOUR"), before);
    await expectRollupsOf(id, all);
    expect(await rollups.rebuildDay(id, T0 + 5 * DAY_MS, null)).toEqual({ readings: 0, buckets: 0 });
    expect(HOUR_MS / MINUTE_MS).toBe(60);
  });
});
