// npm run bench:ingest — readings/s through the ingest pipeline into Neo4j, against the same
// rows written by a bare driver loop (same statements, same batch size) and one reading per
// transaction, plus the peak resident memory of this process during the pipeline run. Then the
// acknowledgements: readings/s through the API (the twin built here by createApp, with its
// write-ahead log) for 8 concurrent callers of 1,000 readings at each durability level; the
// pipeline fed one reading per call (a serial line) with the log ÷ without, in ABBA order
// (walOverhead); and a kill run — the twin as a process, SIGKILLed BENCH_KILLS (3) times
// mid-ingest and restarted — counting acknowledged readings missing afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { ReadingStore } from "../src/store/readingStore.js";
import { migrate } from "../src/store/migrations.js";
import type { Reading } from "../src/domain/reading.js";
import { abba, benchReading as reading, runPipeline, SENSORS } from "./pipeline.js";
import { crashLoss } from "./crashRun.js";
import { apiIngestRate, serialStyleSeconds } from "./durability.js";
import { benchDatabase, machine, round } from "./support.js";

const TOTAL = Number(process.env["BENCH_READINGS"] ?? 200_000);
const PER_TX_READINGS = Number(process.env["BENCH_PER_TX_READINGS"] ?? 3_000);
const API_READINGS = Number(process.env["BENCH_API_READINGS"] ?? 200_000);
const SERIAL_READINGS = Number(process.env["BENCH_SERIAL_READINGS"] ?? 200_000);
const KILLS = Number(process.env["BENCH_KILLS"] ?? 3);
const settings = loadConfig().ingest;

/** The engine's limit: batches built beforehand, written back to back; returns seconds taken. */
async function bare(store: ReadingStore, run: string, from: number, count: number): Promise<number> {
  const batches: Reading[][] = [];
  for (let start = from; start < from + count; start += settings.batchSize) {
    const batch: Reading[] = [];
    for (let i = start; i < Math.min(from + count, start + settings.batchSize); i++) batch.push(reading(run, i));
    batches.push(batch);
  }
  const started = performance.now();
  for (const batch of batches) await store.writeBatch(batch);
  return (performance.now() - started) / 1000;
}

async function perTransaction(store: ReadingStore, run: string, total: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < total; i++) await store.writeBatch([reading(run, i)]);
  return total / ((performance.now() - started) / 1000);
}

const db = await benchDatabase();
try {
  await migrate(db.driver);
  const store = new ReadingStore(db.driver);
  await bare(store, "warm", 0, 20_000); // JIT, query plans and page cache warm for every phase alike
  await runPipeline(store, settings, "warmp", 0, 20_000);
  let peakRssMb = 0;
  const seconds = await abba(
    TOTAL,
    (from, count) => bare(store, "bare", from, count),
    async (from, count) => {
      const run = await runPipeline(store, settings, "pipe", from, count);
      peakRssMb = Math.max(peakRssMb, run.peakRssMb);
      return run.seconds;
    },
  );
  const bareDriverPerSec = TOTAL / seconds.a;
  const perSec = TOTAL / seconds.b;
  const perTransactionPerSec = await perTransaction(store, "tx", PER_TX_READINGS);
  const stored = await store.countReadings("temp_pipe_0");
  if (stored !== TOTAL / SENSORS) throw new Error(`expected ${TOTAL / SENSORS} stored readings for temp_pipe_0, found ${stored}`);

  const progress = (line: string): void => void process.stderr.write(`${line}\n`);
  progress("acknowledgements through the API…");
  const walDir = mkdtempSync(path.join(tmpdir(), "twin-bench-api-wal-"));
  const app = await createApp({
    config: { host: "127.0.0.1", port: 0, ingest: settings, wal: { dir: walDir, instance: "bench", fsyncMs: 50, maxBytes: 1024 * 1024 * 1024 } },
    driver: db.driver,
    uri: db.uri,
    log: silentLogger,
  });
  let api: Record<string, number>;
  try {
    await apiIngestRate(app.server.url, "COMMITTED", "apiwarm", 20_000);
    api = {
      committedPerSec: Math.round(await apiIngestRate(app.server.url, "COMMITTED", "apic", API_READINGS)),
      loggedPerSec: Math.round(await apiIngestRate(app.server.url, "LOGGED", "apil", API_READINGS)),
      acceptedPerSec: Math.round(await apiIngestRate(app.server.url, "ACCEPTED", "apia", API_READINGS)),
    };
    await app.writer.flush();
  } finally {
    await app.stop();
    rmSync(walDir, { recursive: true, force: true });
  }
  progress("a serial-style source with and without the write-ahead log…");
  const serial = await abba(
    SERIAL_READINGS,
    (from, count) => serialStyleSeconds(store, settings, false, "sernowal", from, count),
    (from, count) => serialStyleSeconds(store, settings, true, "serwal", from, count),
  );
  progress(`${KILLS} kills of the twin process mid-ingest…`);
  const crash = await crashLoss(
    db.uri,
    db.driver,
    Array.from({ length: KILLS }, (_, i) => 800 + i * 900),
    progress,
  );
  console.log(
    JSON.stringify({
      bench: "ingest",
      readings: TOTAL,
      sensors: SENSORS,
      batchSize: settings.batchSize,
      readingsPerSec: Math.round(perSec),
      bareDriverPerSec: Math.round(bareDriverPerSec),
      perTransactionPerSec: Math.round(perTransactionPerSec),
      ratioToBare: round(perSec / bareDriverPerSec, 3),
      peakRssMb,
      ...api,
      serialWithoutWalPerSec: Math.round(SERIAL_READINGS / serial.a),
      serialWithWalPerSec: Math.round(SERIAL_READINGS / serial.b),
      walOverhead: round(serial.a / serial.b, 3),
      crashKills: crash.kills,
      crashAcknowledged: crash.acknowledged,
      crashLossAcknowledged: crash.lostAcknowledged,
      crashDuplicates: crash.duplicates,
      machine: machine(),
    }),
  );
} finally {
  await db.close();
}
