import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { IngestSettings } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import type { ReadingStore } from "../src/store/readingStore.js";
import { BatchWriter } from "../src/ingest/batchWriter.js";
import { EventBus } from "../src/util/eventBus.js";
import type { TwinEvents } from "../src/domain/events.js";
import { IngestPipeline, type Durability } from "../src/ingest/ingest.js";
import { LiveState } from "../src/live/liveState.js";
import { WriteAheadLog } from "../src/wal/writeAheadLog.js";
import { gql } from "../test/support/testApp.js";
import { benchReading } from "./pipeline.js";

const RECORD = `mutation ($r: [ReadingInput!]!, $d: Durability) { recordReadings(readings: $r, durability: $d) { accepted rejected durability } }`;

/**
 * Readings/s through the API: `callers` concurrent scripts each sending recordReadings of
 * `perCall` readings at durability `level` until `total` are answered, each call waiting for
 * its answer before the next. Every answer must accept everything at the level asked.
 */
export async function apiIngestRate(url: string, level: Durability, run: string, total: number, callers = 8, perCall = 1_000): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (;;) {
        const from = next;
        if (from >= total) return;
        next += perCall;
        const r = Array.from({ length: Math.min(perCall, total - from) }, (_, i) => {
          const reading = benchReading(run, from + i);
          return { sensorId: reading.sensorId, value: reading.value, timestamp: new Date(reading.timestampMs).toISOString(), seq: reading.seq };
        });
        const res = await gql<{ recordReadings: { accepted: number; rejected: number; durability: string } }>(url, RECORD, { r, d: level });
        const answer = res.data?.recordReadings;
        if (answer === undefined || answer.rejected > 0 || answer.durability !== level) {
          throw new Error(`recordReadings at ${level} answered ${JSON.stringify(res.data ?? res.errors)}`);
        }
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/**
 * Seconds to ingest `count` readings as a serial line hands them over — one reading per call —
 * into the real pipeline and have them committed, with the write-ahead log (fsync every 50 ms,
 * as configured by default) or without it.
 */
export async function serialStyleSeconds(store: ReadingStore, settings: IngestSettings, withWal: boolean, run: string, from: number, count: number): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), "twin-bench-wal-"));
  const wal = withWal ? WriteAheadLog.open({ dir, instance: "bench", fsyncMs: 50, maxBytes: 1024 * 1024 * 1024 }, silentLogger) : undefined;
  const writer = new BatchWriter(store, settings, silentLogger);
  const ingest = new IngestPipeline(writer, new LiveState(), new EventBus<TwinEvents>(silentLogger), Date.now, silentLogger, wal);
  try {
    const started = performance.now();
    for (let i = from; i < from + count; i++) {
      const r = benchReading(run, i);
      const candidate = [{ sensorId: r.sensorId, value: r.value, timestamp: r.timestampMs, seq: r.seq }];
      // A serial session cannot wait; the bench can, so nothing is refused for a full buffer.
      while (ingest.ingest(candidate).rejected > 0) await writer.waitForSpace(1, 60_000);
      // Let timers and I/O run now and then, as the serial port's reads do.
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    await writer.flush();
    return (performance.now() - started) / 1000;
  } finally {
    await writer.stop(false);
    await wal?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
