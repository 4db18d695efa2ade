// npm run bench:ingest — readings/s through the ingest pipeline into Neo4j, against the same
// rows written by a bare driver loop (same statements, same batch size) and one reading per
// transaction, plus the peak resident memory of this process during the pipeline run.
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { ReadingStore } from "../src/store/readingStore.js";
import { migrate } from "../src/store/migrations.js";
import { BatchWriter } from "../src/twin/batchWriter.js";
import { EventBus } from "../src/twin/eventBus.js";
import type { TwinEvents } from "../src/twin/events.js";
import { IngestPipeline } from "../src/twin/ingest.js";
import { LiveState } from "../src/twin/liveState.js";
import type { Reading } from "../src/twin/reading.js";
import { benchDatabase, machine, round, rssSampler } from "./support.js";

const TOTAL = Number(process.env["BENCH_READINGS"] ?? 200_000);
const SENSORS = 20;
const PER_TX_READINGS = Number(process.env["BENCH_PER_TX_READINGS"] ?? 3_000);
const settings = loadConfig().ingest;
const START = Date.parse("2026-01-01T00:00:00Z");

/** Reading i of a run: 20 sensors round-robin, one second apart per sensor. */
function reading(run: string, i: number): Reading {
  const sensor = i % SENSORS;
  const step = Math.floor(i / SENSORS);
  return { sensorId: `temp_${run}_${sensor}`, value: 20 + Math.sin(step / 60) + sensor / 10, timestampMs: START + step * 1000, seq: step };
}

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

/** Readings offered by a producer that waits when the buffer is full; returns seconds and peak RSS. */
async function pipeline(store: ReadingStore, run: string, from: number, count: number): Promise<{ seconds: number; peakRssMb: number }> {
  const bus = new EventBus<TwinEvents>(silentLogger);
  let published = 0;
  bus.on("readingAccepted", "bench", () => {
    published += 1;
  });
  const writer = new BatchWriter(store, settings, silentLogger);
  const ingest = new IngestPipeline(writer, new LiveState(), bus, Date.now, silentLogger);
  const chunk = 1_000;
  global.gc?.();
  const rss = rssSampler();
  const started = performance.now();
  for (let start = from; start < from + count; start += chunk) {
    const candidates = [];
    for (let i = start; i < Math.min(from + count, start + chunk); i++) {
      const r = reading(run, i);
      candidates.push({ sensorId: r.sensorId, value: r.value, timestamp: r.timestampMs, seq: r.seq });
    }
    // Back-pressure: a producer that can wait does, so memory stays bounded by the buffer.
    const outcome = await ingest.ingestWhenRoom(candidates, 60_000);
    if (outcome.rejected > 0) throw new Error(`pipeline refused ${outcome.rejected} readings: ${outcome.errors[0]?.message}`);
  }
  await writer.flush();
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = rss.stop();
  if (published !== count) throw new Error(`published ${published} of ${count}`);
  return { seconds, peakRssMb };
}

const db = await benchDatabase();
try {
  await migrate(db.driver);
  const store = new ReadingStore(db.driver);
  await bare(store, "warm", 0, 20_000); // JIT, query plans and page cache warm for every phase alike
  await pipeline(store, "warmp", 0, 20_000);
  // Quarters in ABBA order (bare, pipeline, pipeline, bare, …), so a database that speeds up
  // or slows down as it grows affects both alike.
  const quarter = TOTAL / 4;
  let bareSeconds = 0;
  let pipeSeconds = 0;
  let peakRssMb = 0;
  const order = ["bare", "pipe", "pipe", "bare", "bare", "pipe", "pipe", "bare"] as const;
  const next = { bare: 0, pipe: 0 };
  for (const which of order) {
    const from = next[which];
    next[which] += quarter;
    if (which === "bare") {
      bareSeconds += await bare(store, "bare", from, quarter);
    } else {
      const run = await pipeline(store, "pipe", from, quarter);
      pipeSeconds += run.seconds;
      peakRssMb = Math.max(peakRssMb, run.peakRssMb);
    }
  }
  const bareDriverPerSec = TOTAL / bareSeconds;
  const perSec = TOTAL / pipeSeconds;
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
