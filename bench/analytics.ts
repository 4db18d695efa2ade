// npm run bench:analytics — 20 sensors × 43,200 readings (12 h at 1 Hz) loaded into a twin
// running as its own process; p50/p99 latency at its HTTP server of health, traits (one
// sensor), trend (1 h, 60 buckets) and ranking (12 h), and its resident memory. Then, in this
// process, ingest throughput through the pipeline with the live analytics listening, against
// the same pipeline without them (the same-run baseline), and the anomaly detector's own cost
// per reading (µs, in this process, on 1 Hz room-temperature readings).
import { readFileSync } from "node:fs";
import { AnomalyDetector } from "../src/analytics/anomalyDetector.js";
import { SeededRandom } from "../src/analytics/random.js";
import { loadConfig } from "../src/config.js";
import { migrate } from "../src/store/migrations.js";
import { ReadingStore } from "../src/store/readingStore.js";
import { gql } from "../test/support/testApp.js";
import { runTwin } from "../test/support/twinProcess.js";
import { abba, runPipeline, SENSORS } from "./pipeline.js";
import { benchDatabase, machine, percentile, round } from "./support.js";

const PER_SENSOR = Number(process.env["BENCH_PER_SENSOR"] ?? 43_200);
const SAMPLES = Number(process.env["BENCH_SAMPLES"] ?? 200);
const INGEST_TOTAL = Number(process.env["BENCH_READINGS"] ?? 200_000);
const progress = (m: string): void => void process.stderr.write(`[bench:analytics] ${m}\n`);

function rssMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return round(kb / 1024);
}

async function latencies(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + 10; i++) {
    const t = performance.now();
    const res = await gql(url, query, variables);
    if (res.errors !== undefined) throw new Error(`${query}: ${res.errors[0]?.message}`);
    if (i >= 10) times.push(performance.now() - t); // the first calls warm the JIT
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50), 2), p99: round(percentile(times, 99), 2) };
}

/**
 * µs per reading of `AnomalyDetector.push` over 5 sensors × 1 day of 1 Hz readings (noise, a daily
 * swing, a heater ramp now and then), after each detector has warmed on 2 h of them.
 */
function detectorMicrosPerReading(): number {
  const random = new SeededRandom(7);
  const t0 = Date.UTC(2026, 0, 5);
  const value = (i: number): number => 21 + Math.sin((2 * Math.PI * i) / 86_400) + (i % 7200 < 600 ? (i % 7200) / 600 : 0) + random.gaussian(0, 0.05);
  const detectors = Array.from({ length: 5 }, (_, k) => new AnomalyDetector(`temp_bench_${k}`, "TEMPERATURE"));
  for (const d of detectors) for (let i = 0; i < 7200; i++) d.warm(t0 + i * 1000, value(i));
  const values = Float64Array.from({ length: 86_400 }, (_, i) => value(7200 + i));
  const started = performance.now();
  for (const d of detectors) for (let i = 0; i < values.length; i++) d.push(t0 + (7200 + i) * 1000, values[i] as number);
  return round(((performance.now() - started) * 1000) / (detectors.length * values.length), 2);
}

const db = await benchDatabase();
// The bench asks far more often than a minute's query budget allows one client: it measures the analytics, not that limit.
const api = runTwin({ NEO4J_URI: db.uri, DEVICE: "none", QUERY_COST_PER_MINUTE: "0" });
try {
  const url = await api.ready;
  progress(`twin at ${url}; loading ${SENSORS} × ${PER_SENSOR} readings`);
  const end = Date.now();
  const start = end - PER_SENSOR * 1000;
  const sensorIds = Array.from({ length: SENSORS }, (_, s) => `temp_bench_${s}`);
  for (let step = 0; step < PER_SENSOR; step += 500) {
    const readings = [];
    for (let k = step; k < Math.min(PER_SENSOR, step + 500); k++) {
      for (let s = 0; s < SENSORS; s++) {
        readings.push({ sensorId: sensorIds[s], value: 20 + Math.sin(k / 600) + s / 10 + Math.sin((k * SENSORS + s) * 12.9898) * 0.05, timestamp: new Date(start + k * 1000).toISOString() });
      }
    }
    const res = await gql<{ recordReadings: { accepted: number } }>(url, "mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }", { r: readings });
    if (res.data?.recordReadings.accepted !== readings.length) throw new Error(`load refused readings: ${JSON.stringify(res.errors ?? res.data)}`);
  }
  // Measure a twin at rest: the batch writer has committed the backlog.
  for (;;) {
    const health = (await (await fetch(url.replace(/graphql$/, "healthz"))).json()) as { ingest: { pending: number } };
    if (health.ingest.pending === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  progress("loaded and committed; measuring query latency");
  const health = await latencies(url, "{ health { sensorId status score issues currentValue } }");
  const traits = await latencies(url, `{ traits(sensorId: "temp_bench_3") { readingCount mean stdDev stabilityPercent driftPerMinute freshness trend anomaly current source } }`);
  const trend = await latencies(url, `{ trend(sensorId: "temp_bench_3", windowSeconds: 3600, buckets: 60) { avgValue readingCount direction series { start avg min max count } source } }`);
  const ranking = await latencies(url, "{ ranking { sensorId readingCount stdDev mean reliabilityScore } }");
  const rss = rssMb(api.child.pid!, "VmRSS");
  const peakRss = rssMb(api.child.pid!, "VmHWM");
  api.child.kill("SIGTERM");
  await api.exited;

  progress("ingest with and without the live analytics");
  await migrate(db.driver);
  const store = new ReadingStore(db.driver);
  const settings = loadConfig().ingest;
  await runPipeline(store, settings, "warma", 0, 20_000, { analytics: true });
  const seconds = await abba(
    INGEST_TOTAL,
    async (from, count) => (await runPipeline(store, settings, "plain", from, count)).seconds,
    async (from, count) => (await runPipeline(store, settings, "analytics", from, count, { analytics: true })).seconds,
  );
  progress("the anomaly detector alone");
  const detectorUs = detectorMicrosPerReading();
  console.log(
    JSON.stringify({
      bench: "analytics",
      sensors: SENSORS,
      readingsPerSensor: PER_SENSOR,
      traitsP50Ms: traits.p50,
      traitsP99Ms: traits.p99,
      healthP50Ms: health.p50,
      healthP99Ms: health.p99,
      trendP50Ms: trend.p50,
      trendP99Ms: trend.p99,
      rankingP50Ms: ranking.p50,
      rankingP99Ms: ranking.p99,
      ingestPerSecWithout: Math.round(INGEST_TOTAL / seconds.a),
      ingestPerSecWithAnalytics: Math.round(INGEST_TOTAL / seconds.b),
      ingestRatioWithAnalytics: round(seconds.a / seconds.b, 3),
      detectorUsPerReading: detectorUs,
      rssMb: rss,
      peakRssMb: peakRss,
      machine: machine(),
    }),
  );
} finally {
  if (api.child.exitCode === null) api.child.kill("SIGTERM");
  await api.exited;
  await db.close();
}
