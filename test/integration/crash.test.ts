import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { requires } from "../support/requirements.js";
import { ptyPair } from "../support/socat.js";
import { ScriptedSerialDevice } from "../support/serialDevice.js";
import { eventually, gql, testDriver } from "../support/testApp.js";
import { runTwin, type TwinProcess } from "../support/twinProcess.js";

// The twin is killed with SIGKILL (as an OOM kill or a power cut would) while readings arrive
// through the API at every durability level and through a serial line, then started again on
// the same write-ahead log. What it acknowledged must be in Neo4j, each reading once.

const { describe } = requires("socat");

const LEVELS = ["COMMITTED", "LOGGED", "ACCEPTED"] as const;
type Level = (typeof LEVELS)[number];
const FSYNC_MS = 50;
/** Acknowledged readings younger than this at the kill may be lost (ACCEPTED, serial): the fsync interval plus scheduling slack. */
const UNSYNCED_MS = FSYNC_MS + 250;
const RECORD = `mutation ($r: [ReadingInput!]!, $d: Durability) { recordReadings(readings: $r, durability: $d) { accepted rejected durability } }`;

const driver = testDriver();
afterAll(async () => {
  await driver.close();
});

interface Ack {
  readonly seq: number;
  readonly atMs: number;
}

async function deviceOnline(url: string, deviceId: string): Promise<true | undefined> {
  const res = await gql<{ deviceStatuses: Array<{ deviceId: string; online: boolean }> }>(url, "{ deviceStatuses { deviceId online } }");
  return res.data?.deviceStatuses.some((d) => d.deviceId === deviceId && d.online) === true ? true : undefined;
}

async function stored(sensorId: string): Promise<{ total: number; distinct: number; seqs: Set<number> }> {
  const { records } = await driver.executeQuery(
    `MATCH (r:Reading {sensorId: $sensorId})
     RETURN count(r) AS total, count(DISTINCT [r.timestamp, r.seq]) AS distinct, collect(r.seq) AS seqs`,
    { sensorId },
  );
  const row = records[0]!;
  return { total: row.get("total") as number, distinct: row.get("distinct") as number, seqs: new Set(row.get("seqs") as number[]) };
}

/** One run: stream, kill at `killAfterMs`, restart, compare. Returns how many readings the restart replayed as new. */
async function crashRun(run: number, killAfterMs: number): Promise<number> {
  const prefix = `crash${run}_${Date.now().toString(36)}`;
  const walDir = mkdtempSync(path.join(tmpdir(), "twin-crash-wal-"));
  const pair = await ptyPair();
  const deviceId = `dev-${prefix}`;
  const device = new ScriptedSerialDevice(pair.a, deviceId, `${prefix}_`);
  await device.open();
  const env = {
    NEO4J_URI: inject("neo4jUri"),
    INGEST_WAL_DIR: walDir,
    INSTANCE_ID: "crash",
    INGEST_WAL_FSYNC_MS: String(FSYNC_MS),
    // A long linger: only commit waiters (COMMITTED callers) and the log keep readings safe.
    INGEST_LINGER_MS: "5000",
    INGEST_BATCH_SIZE: "50000",
  };
  let restarted: TwinProcess | undefined;
  try {
    const twin = runTwin({ ...env, SERIAL_PORTS: pair.b });
    const url = await twin.ready;
    await eventually(() => deviceOnline(url, deviceId), 20_000, "the serial device's hello");

    let sending = true;
    const acks = new Map<Level, Ack[]>(LEVELS.map((l) => [l, []]));
    const base = Date.parse("2026-03-01T00:00:00Z") + run * 86_400_000;
    const callers = LEVELS.flatMap((level) =>
      [0, 1].map(async (caller) => {
        for (let call = 0; sending; call++) {
          const seqs = Array.from({ length: 100 }, (_, i) => (call * 2 + caller) * 100 + i);
          const readings = seqs.map((seq) => ({ sensorId: `${prefix}_${level}`, value: seq, timestamp: new Date(base + seq * 1000).toISOString(), seq }));
          let res;
          try {
            res = await gql<{ recordReadings: { accepted: number; rejected: number; durability: string } }>(url, RECORD, { r: readings, d: level });
          } catch {
            return; // the connection died with the twin: this call was never acknowledged
          }
          const answer = res.data?.recordReadings;
          if (answer === undefined || answer.rejected > 0 || answer.durability !== level) continue;
          const atMs = Date.now();
          for (const seq of seqs) acks.get(level)!.push({ seq, atMs });
        }
      }),
    );
    const serialSent: Ack[] = [];
    const serial = (async () => {
      while (sending) {
        const seq = await device.reading(`temp_${prefix}_1`, serialSent.length + 1);
        serialSent.push({ seq, atMs: Date.now() });
        await new Promise((r) => setTimeout(r, 2));
      }
    })();

    // Kill times count from the first answer at every level (a cold twin's first commit is slow).
    await eventually(async () => (LEVELS.every((l) => acks.get(l)!.length > 0) ? true : undefined), 30_000, "an answer at every level");
    await new Promise((r) => setTimeout(r, killAfterMs));
    const killedAt = Date.now();
    twin.child.kill("SIGKILL");
    await twin.exited;
    sending = false;
    await Promise.all([...callers, serial]);
    await device.close();

    restarted = runTwin(env);
    await restarted.ready;
    const replayLine = restarted.output.find((l) => l.includes("replayed the write-ahead log")) ?? "";
    const created = Number(/\((\d+) new\)/.exec(replayLine)?.[1] ?? 0);

    for (const level of LEVELS) {
      const { total, distinct, seqs } = await stored(`${prefix}_${level}`);
      const acked = acks.get(level)!;
      expect(acked.length, `${level} acknowledged something before the kill`).toBeGreaterThan(0);
      expect(total, `${level}: each reading stored once`).toBe(distinct);
      const lost = acked.filter((a) => !seqs.has(a.seq));
      if (level === "ACCEPTED") {
        // Not promised to survive, but the log holds all but the last fsync interval's.
        expect(
          lost.filter((a) => a.atMs < killedAt - UNSYNCED_MS),
          `ACCEPTED readings acknowledged ≥ ${UNSYNCED_MS} ms before the kill`,
        ).toEqual([]);
      } else {
        expect(lost, `${level} acknowledged readings lost`).toEqual([]);
      }
    }
    const serialStored = await stored(`temp_${prefix}_1`);
    expect(serialStored.total).toBe(serialStored.distinct);
    const serialLost = serialSent.filter((s) => s.atMs < killedAt - UNSYNCED_MS && !serialStored.seqs.has(s.seq));
    expect(serialSent.length).toBeGreaterThan(50);
    expect(serialLost, "serial readings older than the last fsync interval lost").toEqual([]);
    return created;
  } finally {
    if (restarted !== undefined) {
      restarted.child.kill("SIGTERM");
      await restarted.exited;
    }
    await pair.kill();
    rmSync(walDir, { recursive: true, force: true });
  }
}

describe("a twin killed with SIGKILL mid-ingest", () => {
  it("loses no COMMITTED or LOGGED acknowledgement, no serial reading older than the fsync interval, and stores each reading once — at three kill times", async () => {
    let replayedNew = 0;
    for (const [run, killAfterMs] of [400, 1_100, 2_000].entries()) replayedNew += await crashRun(run, killAfterMs);
    // The log, not luck, kept them: the restarts wrote readings Neo4j did not have.
    expect(replayedNew).toBeGreaterThan(0);
  }, 240_000);
});
