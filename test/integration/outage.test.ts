import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import type { App } from "../../src/app.js";
import { twinOnOwnDatabase, type OwnDatabaseTwin } from "../support/ownDatabase.js";
import { eventually, gql } from "../support/testApp.js";

// This test stops and restarts a database, so it runs its own embedded Neo4j (own port and
// data folder) instead of the shared one.
const PORT = Number(process.env["TEST_OUTAGE_NEO4J_PORT"] ?? 7696);
const RECORD = `mutation ($readings: [ReadingInput!]!, $durability: Durability) {
  recordReadings(readings: $readings, durability: $durability) { accepted rejected errors { index message } durability note }
}`;
interface Recorded {
  recordReadings: { accepted: number; rejected: number; errors: Array<{ index: number; message: string }>; durability: string; note: string | null };
}
const COMMIT_TIMEOUT_MS = 3_000;

let twin: OwnDatabaseTwin;
let app: App;
let driver: Driver;

beforeAll(async () => {
  twin = await twinOnOwnDatabase("outage", PORT, { batchSize: 100, lingerMs: 5, bufferCapacity: 2_000, commitTimeoutMs: COMMIT_TIMEOUT_MS });
  ({ app, driver } = twin);
}, 240_000);

afterAll(async () => {
  await twin?.close();
});

const health = async (): Promise<{ code: number; body: Record<string, unknown> }> => {
  const res = await fetch(app.server.url.replace(/graphql$/, "healthz"));
  return { code: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("database lost while running", () => {
  it("logs LOGGED readings, refuses COMMITTED ones after the commit timeout, answers 503, refuses what it cannot keep, and stores every accepted reading exactly once", async () => {
    const url = app.server.url;
    const sensorId = "temp_outage";
    const base = Date.parse("2026-06-01T00:00:00Z");
    let next = 0;
    const accepted = new Set<number>();
    const send = async (count: number, durability = "COMMITTED"): Promise<Recorded["recordReadings"]> => {
      const readings = Array.from({ length: count }, () => {
        const i = next++;
        return { sensorId, value: i, timestamp: new Date(base + i * 1000).toISOString(), seq: i };
      });
      const res = await gql<Recorded>(url, RECORD, { readings, durability });
      const result = res.data!.recordReadings;
      const refused = new Set(result.errors.map((e) => e.index));
      readings.forEach((r, index) => {
        if (!refused.has(index)) accepted.add(r.seq);
      });
      return result;
    };

    expect((await health()).code).toBe(200);
    // A fresh database's first transactions may outlast the short commit timeout: warm it first.
    await send(200, "LOGGED");
    await app.writer.flush();
    for (let i = 0; i < 4; i++) expect((await send(200)).durability).toBe("COMMITTED");

    await twin.database().stop();
    // While the database is down, LOGGED readings are still accepted into the buffer and the log…
    const during = await send(500, "LOGGED");
    expect(during).toMatchObject({ accepted: 500, rejected: 0, durability: "LOGGED", note: null });
    const down = await health();
    expect(down.code).toBe(503);
    expect(down.body).toMatchObject({ status: "unavailable", neo4j: "down" });

    // …a COMMITTED call, once the writer knows the database is gone, waits for the commit
    // timeout, then refuses every item, keeping nothing…
    await eventually(async () => (app.writer.status().storeAvailable ? undefined : true), 60_000, "the writer to notice the outage");
    const startedWaiting = Date.now();
    const committed = await send(50);
    expect(Date.now() - startedWaiting).toBeGreaterThanOrEqual(COMMIT_TIMEOUT_MS - 50);
    expect(committed).toMatchObject({ accepted: 0, rejected: 50 });
    expect(committed.errors[0]!.message).toMatch(/database unavailable for 3000 ms .*nothing of this call was stored/);

    // …and once the buffer is full, each refused item says the database is unavailable.
    let refusedMessage = "";
    for (let i = 0; i < 10 && refusedMessage === ""; i++) {
      const result = await send(400, "LOGGED");
      refusedMessage = result.errors[0]?.message ?? "";
    }
    expect(refusedMessage).toMatch(/database unavailable/);
    expect(app.writer.pending).toBe(2_000);

    await twin.restartDatabase();
    await eventually(async () => (app.writer.pending === 0 ? true : undefined), 60_000, "the buffer to drain");
    expect((await health()).code).toBe(200);
    await send(100);
    await app.writer.flush();

    const { records } = await driver.executeQuery("MATCH (r:Reading {sensorId: $sensorId}) RETURN count(r) AS n, count(DISTINCT r.seq) AS distinct, collect(r.seq) AS seqs", { sensorId });
    const row = records[0]!;
    expect(row.get("n")).toBe(accepted.size);
    expect(row.get("distinct")).toBe(accepted.size);
    expect(new Set(row.get("seqs") as number[])).toEqual(accepted);
    const sensor = await driver.executeQuery("MATCH (s:Sensor {sensorId: $sensorId}) RETURN s.currentValue AS v", { sensorId });
    expect(sensor.records[0]!.get("v")).toBe(Math.max(...accepted));
  }, 240_000);
});
