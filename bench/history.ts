// npm run bench:history — what a year of history costs: the Neo4j store per raw reading and per
// rollup bucket (store files after a checkpoint, transaction logs left out), the disk per sensor
// at steady state with retention on, trend over 30 days and over a year (p99 at the HTTP
// server), ingest with rollups ÷ without (same run, ABBA order) and retention's deletes per
// second. Loading 90 days of 20 sensors at 1 Hz (155 million readings) takes hours here, so the
// last BENCH_RAW_HOURS of BENCH_LOAD_SENSORS sensors are ingested raw (rollups written with
// them) and the older days' buckets are written through the same rollup merge statement the
// ingest uses; hour and day buckets go back a year. `--small` (or BENCH_SMALL=1) halves it all.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { mergeAll, type RollupStats } from "../src/analytics/rollup/bucketMath.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../src/analytics/rollup/resolution.js";
import { createApp } from "../src/app.js";
import type { Driver } from "neo4j-driver";
import { loadConfig, projectRoot } from "../src/config.js";
import { createLogger, silentLogger } from "../src/log.js";
import { createDriver } from "../src/store/driver.js";
import { startEmbedded, type EmbeddedDatabase } from "../src/store/embedded.js";
import { migrate } from "../src/store/migrations.js";
import { ReadingStore } from "../src/store/readingStore.js";
import { MERGE_ROLLUPS, type RollupPart } from "../src/store/rollupWrites.js";
import type { Reading } from "../src/domain/reading.js";
import { RetentionJob } from "../src/history/retentionJob.js";
import { RetentionPolicy } from "../src/history/retentionPolicy.js";
import { RollupService } from "../src/history/rollupService.js";
import { gql } from "../test/support/testApp.js";
import { abba, runPipeline } from "./pipeline.js";
import { machine, percentile, round } from "./support.js";

const small = process.argv.includes("--small") || process.env["BENCH_SMALL"] === "1";
const scale = (n: number): number => (small ? Math.max(1, Math.round(n / 2)) : n);
const LOAD_SENSORS = Number(process.env["BENCH_LOAD_SENSORS"] ?? scale(2));
const RAW_HOURS = Number(process.env["BENCH_RAW_HOURS"] ?? scale(12));
const DAYS = Number(process.env["BENCH_DAYS"] ?? 90);
const INGEST_READINGS = Number(process.env["BENCH_READINGS"] ?? scale(160_000));
const SAMPLES = Number(process.env["BENCH_SAMPLES"] ?? scale(200));
const WARMUP_MS = Number(process.env["BENCH_WARMUP_S"] ?? 10) * 1000;
const RAW_DAYS = 30;
const MINUTE_DAYS = 180;
const NOW = Date.parse("2026-06-01T00:00:00Z");
const settings = loadConfig().ingest;
const progress = (m: string): void => void process.stderr.write(`[bench:history] ${m}\n`);

/** An embedded database that can be stopped and started again on its folder. */
class Database {
  private db: EmbeddedDatabase | null = null;
  driver!: Driver;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), "twin-bench-history-neo4j-"));

  constructor(private readonly port: number) {}

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.db = await startEmbedded({ projectRoot, port: this.port, dataDir: this.dataDir, log: createLogger("warn"), pageCacheMb: 512 });
    this.driver = createDriver({ uri: this.db.uri, user: "neo4j", password: "" });
  }

  async stop(): Promise<void> {
    await this.driver.close();
    await this.db?.stop();
    this.db = null;
  }

  /**
   * Bytes of the store files (transaction logs and server logs left out). Community Neo4j has no
   * checkpoint procedure and writes its store files at checkpoints, so the database is stopped
   * (a clean stop checkpoints), measured and started again.
   */
  async storeBytes(): Promise<number> {
    await this.stop();
    const walk = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return /transactions|logs/.test(e.name) ? sum : sum + walk(p);
        return sum + statSync(p).size;
      }, 0);
    const bytes = walk(this.dataDir);
    await this.start();
    return bytes;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

const sensorOf = (k: number): string => `temp_hist_${k}`;
const level = (t: number): number => 20 + 2 * Math.sin((2 * Math.PI * t) / DAY_MS);

/** A minute of 1 Hz readings at `level`, σ 0.05, as its stats (what bucketize of them gives, near enough). */
function minuteStats(start: number): RollupStats {
  const mean = level(start + 30_500);
  const stt = (60 ** 3 - 60) / 12 / 3600; // Σ(t − t̄)² of 60 one-second steps, in minutes²
  return { count: 60, mean, m2: 59 * 0.0025, min: mean - 0.1, max: mean + 0.1, tMean: start + 30_500, stt, stv: 0, first: start + 1000, last: start + MINUTE_MS, lastValue: mean };
}

/** The older history of one sensor through the rollup merge statement: minutes for `minuteDays`, hours and days for a year. */
async function loadRollups(sensorId: string, rawFromMs: number): Promise<number> {
  let parts: RollupPart[] = [];
  let written = 0;
  const flush = async (): Promise<void> => {
    if (parts.length === 0) return;
    const session = db.driver.session();
    try {
      await session.executeWrite((tx) => tx.run(MERGE_ROLLUPS, { parts }));
    } finally {
      await session.close();
    }
    written += parts.length;
    parts = [];
  };
  for (let day = rawFromMs - 365 * DAY_MS; day < rawFromMs; day += DAY_MS) {
    const hours: RollupStats[] = [];
    for (let h = day; h < day + DAY_MS; h += HOUR_MS) {
      const minutes: RollupStats[] = [];
      for (let m = h; m < h + HOUR_MS; m += MINUTE_MS) {
        const stats = minuteStats(m);
        minutes.push(stats);
        if (day >= rawFromMs - DAYS * DAY_MS) parts.push({ sensorId, resolution: "MINUTE", start: m, ...stats, lateKeys: [] });
      }
      const hour = mergeAll(minutes) as RollupStats;
      hours.push(hour);
      parts.push({ sensorId, resolution: "HOUR", start: h, ...hour, lateKeys: [] });
    }
    parts.push({ sensorId, resolution: "DAY", start: day, ...(mergeAll(hours) as RollupStats), lateKeys: [] });
    if (parts.length >= 5_000) await flush();
  }
  await flush();
  return written;
}

/**
 * p50 and p99 of SAMPLES requests, after at least 10 untimed ones and WARMUP_MS of them: the
 * database's JVM compiles each new read path for its first seconds (see bench:command), and
 * with 10 requests alone the p99 measured that compilation. The warm-up's own p99 is kept too.
 */
async function latencies(url: string, query: string, variables: Record<string, unknown>): Promise<{ p50: number; p99: number; warmupP99: number }> {
  const ask = async (): Promise<number> => {
    const t = performance.now();
    const res = await gql(url, query, variables);
    if (res.errors !== undefined) throw new Error(`${query}: ${res.errors[0]?.message}`);
    return performance.now() - t;
  };
  const warmup: number[] = [];
  const warmupUntil = performance.now() + WARMUP_MS;
  while (warmup.length < 10 || performance.now() < warmupUntil) warmup.push(await ask());
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push(await ask());
  times.sort((a, b) => a - b);
  warmup.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50), 2), p99: round(percentile(times, 99), 2), warmupP99: round(percentile(warmup, 99), 2) };
}

const db = new Database(Number(process.env["BENCH_NEO4J_PORT"] ?? 7699));
try {
  await db.start();
  await migrate(db.driver);

  progress(`${LOAD_SENSORS} sensors: the last ${RAW_HOURS} h raw at 1 Hz…`);
  const rawFrom = NOW - RAW_HOURS * HOUR_MS;
  const beforeRaw = await db.storeBytes();
  const loader = new ReadingStore(db.driver);
  const batch: Reading[] = [];
  let rawReadings = 0;
  for (let t = rawFrom + 1000; t <= NOW; t += 1000) {
    for (let k = 0; k < LOAD_SENSORS; k++) batch.push({ sensorId: sensorOf(k), value: level(t) + Math.sin(t * 12.9898) * 0.05, timestampMs: t, seq: null });
    if (batch.length >= settings.batchSize) rawReadings += await loader.writeBatch(batch.splice(0));
  }
  rawReadings += await loader.writeBatch(batch.splice(0));
  const rawBytes = (await db.storeBytes()) - beforeRaw;

  progress(`… and ${DAYS} days of minute buckets, a year of hour and day buckets before it…`);
  const beforeRollups = rawBytes + beforeRaw;
  let buckets = 0;
  for (let k = 0; k < LOAD_SENSORS; k++) buckets += await loadRollups(sensorOf(k), rawFrom);
  const rollupBytes = (await db.storeBytes()) - beforeRollups;
  const withRollups = new ReadingStore(db.driver);
  const without = new ReadingStore(db.driver, { rollups: null });

  progress("trend latencies through the API…");
  const walDir = mkdtempSync(path.join(tmpdir(), "twin-bench-history-wal-"));
  const retention = { rawDays: RAW_DAYS, minuteDays: MINUTE_DAYS, intervalMs: 3_600_000, batchSize: 2_000 };
  const app = await createApp({
    config: {
      host: "127.0.0.1",
      port: 0,
      ingest: settings,
      wal: { dir: walDir, instance: "bench", fsyncMs: 50, maxBytes: 256 * 1024 * 1024 },
      retention,
      queryLimits: { maxDepth: 0, maxAliases: 0, maxCost: 0, costPerMinute: 0, timeoutMs: 0 },
    },
    driver: db.driver,
    uri: db.uri,
    log: silentLogger,
    clock: () => NOW,
  });
  let trend30d: { p50: number; p99: number; warmupP99: number };
  let trend1y: { p50: number; p99: number; warmupP99: number };
  try {
    const q = `query ($id: ID!, $w: Int!) { trend(sensorId: $id, windowSeconds: $w, buckets: 60) { readingCount avgValue resolution series { count avg } } }`;
    trend30d = await latencies(app.server.url, q, { id: sensorOf(0), w: 30 * 86_400 });
    trend1y = await latencies(app.server.url, q, { id: sensorOf(0), w: 365 * 86_400 });
  } finally {
    await app.stop();
    rmSync(walDir, { recursive: true, force: true });
  }

  progress("retention deleting the raw readings (as if a month had passed)…");
  const policy = new RetentionPolicy({ ...retention, batchSize: 2_000 });
  const later = (): number => NOW + RAW_DAYS * DAY_MS + 1;
  const rollupStore = withRollups.rollups!;
  const job = new RetentionJob(rollupStore, new RollupService(rollupStore, policy, later), policy, later, silentLogger);
  const pass = await job.runOnce();
  if (pass.rawDeleted < rawReadings) throw new Error(`retention deleted ${pass.rawDeleted} of ${rawReadings} raw readings`);

  progress(`last, ingest with rollups ÷ without: ${INGEST_READINGS} readings of 20 sensors at 1 Hz each way, ABBA…`);
  await runPipeline(withRollups, settings, "warmr", 0, 20_000);
  await runPipeline(without, settings, "warmp", 0, 20_000);
  const ingest = await abba(
    INGEST_READINGS,
    async (from, count) => (await runPipeline(without, settings, "plain", from, count)).seconds,
    async (from, count) => (await runPipeline(withRollups, settings, "rolled", from, count)).seconds,
  );

  const bytesPerRawReading = rawBytes / rawReadings;
  const bytesPerBucket = rollupBytes / buckets;
  // Steady state with retention on: 30 days raw and 180 days of minutes (deleted as fast as they
  // come), and 24 hour + 1 day buckets a day kept for ever — the only growth.
  const boundedBytes = RAW_DAYS * 86_400 * bytesPerRawReading + MINUTE_DAYS * 1_440 * bytesPerBucket;
  console.log(
    JSON.stringify({
      bench: "history",
      small,
      loadSensors: LOAD_SENSORS,
      rawHours: RAW_HOURS,
      days: DAYS,
      rawReadings,
      rollupBuckets: buckets,
      bytesPerRawReading: round(bytesPerRawReading, 1),
      bytesPerRollupBucket: round(bytesPerBucket, 1),
      bytesPerSensorDay: Math.round(25 * bytesPerBucket),
      steadyStateMbPerSensor: round((boundedBytes + 365 * 25 * bytesPerBucket) / 1e6, 1),
      trend30dP99Ms: trend30d.p99,
      trend30dP50Ms: trend30d.p50,
      trend1yP99Ms: trend1y.p99,
      trend1yP50Ms: trend1y.p50,
      trend30dWarmupP99Ms: trend30d.warmupP99,
      trend1yWarmupP99Ms: trend1y.warmupP99,
      warmupSeconds: WARMUP_MS / 1000,
      loadAverage: round(loadavg()[0] ?? Number.NaN, 1),
      rollupCostRatio: round(ingest.a / ingest.b, 3),
      ingestWithRollupsPerSec: Math.round(INGEST_READINGS / ingest.b),
      ingestWithoutRollupsPerSec: Math.round(INGEST_READINGS / ingest.a),
      retentionDeletePerSec: Math.round(pass.rawDeleted / pass.seconds),
      machine: machine(),
    }),
  );
} finally {
  await db.close();
}
