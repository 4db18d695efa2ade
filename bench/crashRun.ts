import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { gql } from "../test/support/testApp.js";
import { runTwin } from "../test/support/twinProcess.js";

const RECORD = `mutation ($r: [ReadingInput!]!, $d: Durability) { recordReadings(readings: $r, durability: $d) { accepted rejected durability } }`;
const LEVELS = ["COMMITTED", "LOGGED"] as const;

export interface CrashFigures {
  readonly kills: number;
  /** Readings answered COMMITTED or LOGGED before the kills. */
  readonly acknowledged: number;
  /** Of those, how many were not in Neo4j after the restart. */
  readonly lostAcknowledged: number;
  /** Readings stored more than once. */
  readonly duplicates: number;
  /** Readings the restarts replayed from the log that Neo4j did not have. */
  readonly replayedNew: number;
}

/**
 * Kills a twin process (SIGKILL) `killAfterMs.length` times while 4 callers at COMMITTED and 4
 * at LOGGED send recordReadings of 500, restarting it on the same write-ahead log each time, and
 * counts what the database then holds of what was acknowledged.
 */
export async function crashLoss(uri: string, driver: Driver, killAfterMs: readonly number[], progress: (line: string) => void): Promise<CrashFigures> {
  const walDir = mkdtempSync(path.join(tmpdir(), "twin-crash-wal-"));
  const env = { NEO4J_URI: uri, INGEST_WAL_DIR: walDir, INSTANCE_ID: "crash-bench", INGEST_LINGER_MS: "5000", INGEST_BATCH_SIZE: "50000" };
  const acked = new Map<string, Set<number>>(LEVELS.map((l) => [`crashbench_${l}`, new Set()]));
  let seqBase = 0;
  let replayedNew = 0;
  try {
    for (const [k, delay] of killAfterMs.entries()) {
      const twin = runTwin(env);
      const url = await twin.ready;
      const replay = twin.output.find((l) => l.includes("replayed the write-ahead log"));
      replayedNew += Number(/\((\d+) new\)/.exec(replay ?? "")?.[1] ?? 0);
      let sending = true;
      const callers = LEVELS.flatMap((level) =>
        [0, 1, 2, 3].map(async () => {
          while (sending) {
            const from = seqBase;
            seqBase += 500;
            const sensorId = `crashbench_${level}`;
            const r = Array.from({ length: 500 }, (_, i) => ({ sensorId, value: from + i, timestamp: new Date(Date.UTC(2026, 0, 1) + (from + i) * 1000).toISOString(), seq: from + i }));
            try {
              const answer = (await gql<{ recordReadings: { rejected: number; durability: string } }>(url, RECORD, { r, d: level })).data?.recordReadings;
              if (answer?.rejected === 0 && (answer.durability === "COMMITTED" || answer.durability === "LOGGED")) {
                for (let i = 0; i < 500; i++) acked.get(sensorId)!.add(from + i);
              }
            } catch {
              return; // the twin died during the call: not acknowledged
            }
          }
        }),
      );
      await new Promise((r) => setTimeout(r, delay));
      twin.child.kill("SIGKILL");
      await twin.exited;
      sending = false;
      await Promise.all(callers);
      progress(`kill ${k + 1}/${killAfterMs.length} after ${delay} ms`);
    }
    // The last restart replays the last kill's tail.
    const last = runTwin(env);
    await last.ready;
    replayedNew += Number(/\((\d+) new\)/.exec(last.output.find((l) => l.includes("replayed the write-ahead log")) ?? "")?.[1] ?? 0);
    last.child.kill("SIGTERM");
    await last.exited;

    let acknowledged = 0;
    let lostAcknowledged = 0;
    let duplicates = 0;
    for (const [sensorId, seqs] of acked) {
      const { records } = await driver.executeQuery("MATCH (r:Reading {sensorId: $sensorId}) RETURN count(r) AS n, collect(DISTINCT r.seq) AS seqs", { sensorId });
      const stored = new Set(records[0]!.get("seqs") as number[]);
      duplicates += (records[0]!.get("n") as number) - stored.size;
      acknowledged += seqs.size;
      for (const seq of seqs) if (!stored.has(seq)) lostAcknowledged += 1;
    }
    return { kills: killAfterMs.length, acknowledged, lostAcknowledged, duplicates, replayedNew };
  } finally {
    rmSync(walDir, { recursive: true, force: true });
  }
}
