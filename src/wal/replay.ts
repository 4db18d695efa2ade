import { readFileSync } from "node:fs";
import type { Logger } from "../log.js";
import type { Reading } from "../domain/reading.js";
import { decodeSegment } from "./recordCodec.js";
import { WalError } from "./segmentDirectory.js";
import type { RecoveredSegment } from "./recovery.js";
import type { WriteAheadLog } from "./writeAheadLog.js";

export interface ReplaySink {
  writeBatch(readings: readonly Reading[]): Promise<number>;
}

export interface ReplayOutcome {
  /** Readings of uncommitted records written to the database. */
  readonly replayed: number;
  /** Of those, how many the database did not have yet. */
  readonly created: number;
  readonly segments: number;
  readonly damagedStretches: number;
}

/**
 * Writes the uncommitted tail an earlier run of this instance left in its segments to the
 * database, then deletes those segments. Records at or below the highest checkpoint are
 * already committed and skipped; the store's (sensorId, timestamp, seq) de-duplication makes a
 * replay interrupted by another crash safe to repeat, so each reading ends up stored once.
 */
export async function replayWal(wal: WriteAheadLog, sink: ReplaySink, options: { readonly batchSize: number; readonly log: Logger; readonly retryForMs?: number }): Promise<ReplayOutcome> {
  const segments = [...wal.recovered];
  const damagedStretches = segments.reduce((n, s) => n + s.damaged.length, 0);
  if (segments.length === 0) return { replayed: 0, created: 0, segments: 0, damagedStretches: 0 };
  const committed = highestCheckpoint(segments);
  const seen = new Set<number>();
  let batch: Reading[] = [];
  let replayed = 0;
  let created = 0;
  const write = async (): Promise<void> => {
    if (batch.length === 0) return;
    created += await writeWithRetry(sink, batch, options.retryForMs ?? 60_000, options.log);
    replayed += batch.length;
    batch = [];
  };
  for (const segment of segments) {
    for (const record of readRecords(segment)) {
      if (record.type !== "readings" || record.lsn <= committed || seen.has(record.lsn)) continue;
      seen.add(record.lsn);
      for (const reading of record.readings) {
        batch.push(reading);
        if (batch.length >= options.batchSize) await write();
      }
    }
  }
  await write();
  await wal.retire(segments);
  options.log.info(`replayed the write-ahead log: ${replayed} uncommitted readings written (${created} new) from ${segments.length} segments`, {
    damagedStretches,
  });
  return { replayed, created, segments: segments.length, damagedStretches };
}

function highestCheckpoint(segments: readonly RecoveredSegment[]): number {
  let committed = 0;
  for (const segment of segments) {
    for (const record of readRecords(segment)) if (record.type === "checkpoint") committed = Math.max(committed, record.committedLsn);
  }
  return committed;
}

function readRecords(segment: RecoveredSegment): ReturnType<typeof decodeSegment>["records"] {
  try {
    return decodeSegment(readFileSync(segment.file)).records;
  } catch {
    return []; // unreadable: inspect() has said so when the log was opened
  }
}

async function writeWithRetry(sink: ReplaySink, batch: readonly Reading[], retryForMs: number, log: Logger): Promise<number> {
  const deadline = Date.now() + retryForMs;
  let delay = 200;
  for (;;) {
    try {
      return await sink.writeBatch(batch);
    } catch (error) {
      if (Date.now() + delay > deadline) {
        throw new WalError(
          `replaying the write-ahead log into the database failed for ${Math.round(retryForMs / 1000)} s: ${(error as Error).message}. ` +
            "The readings stay in the log and are replayed at the next start; check that Neo4j answers",
        );
      }
      log.warn("replaying the write-ahead log: a batch failed; retrying", { error: (error as Error).message, readings: batch.length });
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(5_000, delay * 2);
    }
  }
}
