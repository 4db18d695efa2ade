// npm run bench:ingest — readings/s through the ingest pipeline into Neo4j, against the same
// rows written by a bare driver loop (same statements, same batch size) and one reading per
// transaction, plus the peak resident memory of this process during the pipeline run.
import { loadConfig } from "../src/config.js";
import { ReadingStore } from "../src/store/readingStore.js";
import { migrate } from "../src/store/migrations.js";
import type { Reading } from "../src/twin/reading.js";
import { abba, benchReading as reading, runPipeline, SENSORS } from "./pipeline.js";
import { benchDatabase, machine, round } from "./support.js";

const TOTAL = Number(process.env["BENCH_READINGS"] ?? 200_000);
const PER_TX_READINGS = Number(process.env["BENCH_PER_TX_READINGS"] ?? 3_000);
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
      machine: machine(),
    }),
  );
} finally {
  await db.close();
}
