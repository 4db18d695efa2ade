// npm run bench:scale — the twin past one serial port, as one JSON line. Now: one instance fed by
// BENCH_MQTT_NODES (200) virtual MQTT nodes through Debian's mosquitto: readings stored per
// second (mqttReadingsPerSec, beside what the nodes offered) and publish → graphql-ws latency
// (mqttLatencyP99Ms, target ≤ 50 ms). The twin runs as its own process (as in production); this
// process plays the broker's clients: the nodes and one subscriber. Each figure comes from one
// section function returning its fields; the several-instance figures (twoInstanceReadingsPerSec,
// scaleRatio, failoverSeconds) are further sections beside `mqttOneInstance`.
import { loadavg } from "node:os";
import { VirtualMqttNode } from "../src/bridge/virtual/virtualMqttNode.js";
import type { MqttSettings } from "../src/bridge/mqtt/mqttBridge.js";
import { mosquitto, type Broker } from "../test/support/mosquitto.js";
import { runTwin } from "../test/support/twinProcess.js";
import { subscribe, wsClient } from "../test/support/wsClient.js";
import { benchDatabase, machine, percentile, processCpuMs, round, type BenchDatabase } from "./support.js";

const NODES = Number(process.env["BENCH_MQTT_NODES"] ?? 200);
/** Each node's sampling interval: 100 ms is the protocol's fastest (4 readings per node each time). */
const INTERVAL_MS = Number(process.env["BENCH_MQTT_INTERVAL_MS"] ?? 100);
const SECONDS = Number(process.env["BENCH_MQTT_SECONDS"] ?? 20);
// Neo4j's JVM compiles its hot write path for a minute or more after it starts (docs/benchmarks.md).
const WARMUP_SECONDS = Number(process.env["BENCH_MQTT_WARMUP_SECONDS"] ?? 60);
/** The subscriber follows the temperature of this many nodes (all their readings are timed). */
const LATENCY_NODES = Math.min(NODES, Number(process.env["BENCH_LATENCY_NODES"] ?? 20));

const progress = (m: string): void => void process.stderr.write(`[bench:scale] ${m}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

async function health(url: string): Promise<{ ingest: { pending: number }; mqtt?: { devices: number; broker: string } }> {
  const res = await fetch(url.replace(/graphql$/, "healthz"));
  return (await res.json()) as { ingest: { pending: number }; mqtt?: { devices: number; broker: string } };
}

/** The twin's counters this bench reads from /metrics: refused MQTT readings, committed readings. */
async function counters(url: string): Promise<{ refused: number; committed: number }> {
  const text = await (await fetch(url.replace(/graphql$/, "metrics"))).text();
  const value = (pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? 0);
  return { refused: value(/^twin_readings_rejected_total\{source="mqtt"\} (\S+)$/m), committed: value(/^twin_readings_committed_total (\S+)$/m) };
}

/** One twin, NODES MQTT nodes: stored readings per second and publish → subscriber latency. */
async function mqttOneInstance(db: BenchDatabase, broker: Broker): Promise<Record<string, number>> {
  const settings: MqttSettings = { url: broker.url, username: undefined, password: undefined, prefix: "twin" };
  const api = runTwin({ NEO4J_URI: db.uri, MQTT_URL: broker.url, DEVICE: "none" });
  const url = await api.ready;
  progress(`twin ready at ${url}; starting ${NODES} nodes (every ${INTERVAL_MS} ms)`);
  const timed = new Set(Array.from({ length: LATENCY_NODES }, (_, i) => `temp_s${i}`));
  const sentAt = new Map<string, number>();
  let measuring = false;
  let offered = 0;
  const nodes = Array.from(
    { length: NODES },
    (_, i) =>
      new VirtualMqttNode({
        deviceId: `scale-${i}`,
        idSuffix: `s${i}`,
        intervalMs: INTERVAL_MS,
        seed: i + 1,
        mqtt: settings,
        onPublish: ({ s, n }) => {
          if (!measuring) return;
          offered += 1;
          if (timed.has(s)) sentAt.set(`${s}#${n}`, performance.now());
        },
      }),
  );
  try {
    // In groups, as a building's nodes come up: not one connect storm.
    for (let i = 0; i < nodes.length; i += 20) await Promise.all(nodes.slice(i, i + 20).map((n) => n.start()));
    await until(`all ${NODES} nodes to have sessions`, 60_000, async () => (await health(url)).mqtt?.devices === NODES);
    const latencies: number[] = [];
    const client = wsClient(url.replace(/^http/, "ws"));
    const sub = subscribe<{ sensorId: string; seq: number }>(client, "subscription ($ids: [ID!]) { readingAdded(sensorIds: $ids) { sensorId seq } }", { ids: [...timed] });
    const push = sub.received.push.bind(sub.received);
    sub.received.push = (...items) => {
      const now = performance.now();
      for (const item of items) {
        const t0 = sentAt.get(`${item.sensorId}#${item.seq}`);
        if (t0 !== undefined) latencies.push(now - t0);
      }
      return push(...items);
    };
    progress(`all nodes connected; warming up ${WARMUP_SECONDS} s`);
    await sleep(WARMUP_SECONDS * 1000);
    const pids = { twin: api.child.pid, neo4j: db.pid, broker: broker.pid(), bench: process.pid };
    const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuMs(pid)]));
    const before = await counters(url);
    const t0 = Date.now();
    measuring = true;
    await sleep(SECONDS * 1000);
    measuring = false;
    const t1 = Date.now();
    const after = await counters(url);
    // Cores each participant used in the window: who is the bottleneck on this 2-core machine.
    const cores = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, round((processCpuMs(pid) - (cpu0[k] ?? 0)) / (t1 - t0), 2)]));
    progress(`measured ${SECONDS} s; stopping the nodes and waiting for the writes`);
    await Promise.all(nodes.map((n) => n.stop()));
    await sleep(1_000);
    await until("the twin's pending readings to be written", 120_000, async () => (await health(url)).ingest.pending === 0);
    await sub.close();
    await client.dispose();
    // A fresh database, host timestamps: the readings that reached the twin in [t0, t1).
    const { records } = await db.driver.executeQuery(
      "MATCH (r:Reading) WHERE r.timestamp >= datetime({epochMillis: toInteger($t0)}) AND r.timestamp < datetime({epochMillis: toInteger($t1)}) RETURN count(r) AS n",
      { t0, t1 },
    );
    const stored = Number(records[0]?.get("n") ?? 0);
    const seconds = (t1 - t0) / 1000;
    latencies.sort((a, b) => a - b);
    if (latencies.length === 0) throw new Error(`the subscriber received none of the timed readings; twin output: ${api.output.slice(-5).join(" | ")}`);
    return {
      mqttNodes: NODES,
      mqttIntervalMs: INTERVAL_MS,
      mqttOfferedPerSec: Math.round(offered / seconds),
      mqttReadingsPerSec: Math.round(stored / seconds),
      // Beyond what the database keeps up with, the ingest buffer fills and readings are refused (counted on the device).
      mqttRefusedPerSec: Math.round((after.refused - before.refused) / seconds),
      committedPerSec: Math.round((after.committed - before.committed) / seconds),
      mqttLatencyP50Ms: round(percentile(latencies, 50), 2),
      mqttLatencyP99Ms: round(percentile(latencies, 99), 2),
      mqttLatencyReadings: latencies.length,
      mqttTwinCpuCores: cores["twin"] ?? Number.NaN,
      mqttNeo4jCpuCores: cores["neo4j"] ?? Number.NaN,
      mqttBrokerCpuCores: cores["broker"] ?? Number.NaN,
      mqttNodesCpuCores: cores["bench"] ?? Number.NaN,
      loadAverage: round(loadavg()[0] ?? Number.NaN, 1),
    };
  } finally {
    await Promise.all(nodes.map((n) => n.stop().catch(() => undefined)));
    api.child.kill("SIGTERM");
    await api.exited;
  }
}

const db = await benchDatabase();
progress(`database at ${db.uri}`);
const broker = await mosquitto();
progress(`mosquitto at ${broker.url}`);
try {
  const figures = { ...(await mqttOneInstance(db, broker)) };
  console.log(JSON.stringify({ bench: "scale", ...figures, machine: machine() }));
} finally {
  await broker.close();
  await db.close();
}
