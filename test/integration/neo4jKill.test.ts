import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import type { App } from "../../src/app.js";
import { twinOnOwnDatabase, type OwnDatabaseTwin } from "../support/ownDatabase.js";
import { eventually, gql } from "../support/testApp.js";

// Neo4j itself is killed with SIGKILL mid-ingest and started again on its data: this test runs
// its own embedded database (own port and folder) instead of the shared one.
const PORT = Number(process.env["TEST_KILL_NEO4J_PORT"] ?? 7695);
const RECORD = `mutation ($r: [ReadingInput!]!, $d: Durability) { recordReadings(readings: $r, durability: $d) { accepted rejected durability } }`;

let twin: OwnDatabaseTwin;
let app: App;
let driver: Driver;

beforeAll(async () => {
  twin = await twinOnOwnDatabase("kill", PORT, { batchSize: 500, lingerMs: 20, bufferCapacity: 20_000, commitTimeoutMs: 2_000 });
  ({ app, driver } = twin);
}, 240_000);

afterAll(async () => {
  await twin?.close();
});

describe("Neo4j killed with SIGKILL mid-ingest", () => {
  it("loses no acknowledged COMMITTED or LOGGED reading once it is back, and stores each once", async () => {
    const url = app.server.url;
    const acked = new Map<string, Set<number>>([
      ["COMMITTED", new Set()],
      ["LOGGED", new Set()],
    ]);
    const base = Date.parse("2026-04-01T00:00:00Z");
    let sending = true;
    const callers = [...acked.keys()].flatMap((level) =>
      [0, 1].map(async (caller) => {
        for (let call = 0; sending; call++) {
          const seqs = Array.from({ length: 200 }, (_, i) => (call * 2 + caller) * 200 + i);
          const r = seqs.map((seq) => ({ sensorId: `kill_${level}`, value: seq, timestamp: new Date(base + seq * 1000).toISOString(), seq }));
          const answer = (await gql<{ recordReadings: { accepted: number; rejected: number; durability: string } }>(url, RECORD, { r, d: level })).data?.recordReadings;
          // A COMMITTED call answered LOGGED (the database went away while it waited) is still acknowledged as logged.
          if (answer?.rejected === 0 && (answer.durability === "COMMITTED" || answer.durability === "LOGGED")) {
            for (const seq of seqs) acked.get(level)!.add(seq);
          }
          if (answer?.rejected !== 0) await new Promise((res) => setTimeout(res, 50));
        }
      }),
    );
    await eventually(async () => (acked.get("COMMITTED")!.size >= 2_000 ? true : undefined), 60_000, "some committed readings");

    const db = twin.database();
    process.kill(db.pid!, "SIGKILL");
    await db.exited;
    await new Promise((res) => setTimeout(res, 2_500)); // callers keep sending into the outage
    await twin.restartDatabase();
    await new Promise((res) => setTimeout(res, 1_000));
    sending = false;
    await Promise.all(callers);
    await eventually(async () => (app.writer.pending === 0 ? true : undefined), 90_000, "the buffer to drain");

    for (const [level, seqs] of acked) {
      const { records } = await driver.executeQuery("MATCH (r:Reading {sensorId: $id}) RETURN count(r) AS n, count(DISTINCT r.seq) AS d, collect(r.seq) AS seqs", { id: `kill_${level}` });
      const row = records[0]!;
      const stored = new Set(row.get("seqs") as number[]);
      expect(row.get("n"), `${level}: each reading once`).toBe(row.get("d"));
      expect(
        [...seqs].filter((s) => !stored.has(s)),
        `${level} acknowledged readings lost`,
      ).toEqual([]);
    }
    expect(acked.get("LOGGED")!.size).toBeGreaterThan(acked.get("COMMITTED")!.size / 4);
  }, 240_000);
});
