// npm run bench:scale — the twin past one serial port, as one JSON line. BENCH_MQTT_NODES (200)
// virtual MQTT nodes through Debian's mosquitto: first into one twin directly (mqttReadingsPerSec
// stored beside what the nodes offered, publish → graphql-ws latency mqttLatencyP99Ms, target
// ≤ 50 ms); then through a single-node Kafka into one instance and into two sharing a consumer
// group and a Redis (twoInstanceReadingsPerSec, scaleRatio = two ÷ one through Kafka, the
// latency at a subscriber whose instance gets the other's share through Redis), and last the
// second instance SIGKILLed (failoverSeconds: kill → every timed sensor at the subscriber again).
// The twins run as their own processes (as in production); this process plays the broker's
// clients: the nodes and the subscriber. BENCH_SCALE_KAFKA=0 runs the first part only.
import { loadavg } from "node:os";
import { VirtualMqttNode } from "../src/bridge/virtual/virtualMqttNode.js";
import type { MqttSettings } from "../src/bridge/mqtt/mqttBridge.js";
import { startTestKafka } from "../test/support/kafka.js";
import { mosquitto, type Broker } from "../test/support/mosquitto.js";
import { startTestRedis } from "../test/support/redis.js";
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

interface RunFigures {
  readonly offeredPerSec: number;
  readonly storedPerSec: number;
  readonly refusedPerSec: number;
  readonly committedPerSec: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly latencyReadings: number;
  /** Seconds from the kill to the subscriber's first reading of every timed sensor again (killed runs only). */
  readonly failoverSeconds: number | null;
  readonly cores: Record<string, number>;
}

/**
 * NODES MQTT nodes publishing to the first twin's broker (MQTT_URL on that twin only: each
 * instance with it would hold every node), a graphql-ws subscriber on the first twin, the timed
 * readings' publish → readingAdded latency and the readings stored per second in the window.
 * `killIndex`: after the window, SIGKILL that twin and time until every timed sensor's readings
 * reach the subscriber again.
 */
async function mqttRun(db: BenchDatabase, broker: Broker, twinEnvs: ReadonlyArray<Record<string, string>>, label: string, killIndex: number | null = null): Promise<RunFigures> {
  const settings: MqttSettings = { url: broker.url, username: undefined, password: undefined, prefix: "twin" };
  const twins = twinEnvs.map((env, i) => runTwin({ NEO4J_URI: db.uri, DEVICE: "none", ...(i === 0 ? { MQTT_URL: broker.url } : {}), ...env }));
  const urls = await Promise.all(twins.map((t) => t.ready));
  const [url] = urls as [string];
  const subscriberUrl = url;
  progress(`${label}: ${twins.length} twin(s) ready; starting ${NODES} nodes (every ${INTERVAL_MS} ms)`);
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
    const lastSeen = new Map<string, number>();
    const client = wsClient(subscriberUrl.replace(/^http/, "ws"));
    const sub = subscribe<{ sensorId: string; seq: number }>(client, "subscription ($ids: [ID!]) { readingAdded(sensorIds: $ids) { sensorId seq } }", { ids: [...timed] });
    const push = sub.received.push.bind(sub.received);
    sub.received.push = (...items) => {
      const now = performance.now();
      for (const item of items) {
        lastSeen.set(item.sensorId, now);
        const t0 = sentAt.get(`${item.sensorId}#${item.seq}`);
        if (t0 !== undefined && measuring) latencies.push(now - t0);
      }
      // Nothing reads the readings themselves: keep only the count's worth of memory.
      push(...items);
      return sub.received.splice(0).length;
    };
    progress(`${label}: all nodes connected; warming up ${WARMUP_SECONDS} s`);
    await sleep(WARMUP_SECONDS * 1000);
    const pids: Record<string, number | undefined> = { neo4j: db.pid, broker: broker.pid(), bench: process.pid };
    twins.forEach((t, i) => (pids[`twin${i}`] = t.child.pid));
    const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuMs(pid)]));
    const before = await Promise.all(urls.map(counters));
    const t0 = Date.now();
    measuring = true;
    await sleep(SECONDS * 1000);
    measuring = false;
    const t1 = Date.now();
    const after = await Promise.all(urls.map(counters));
    // Cores each participant used in the window: who is the bottleneck on this 2-core machine.
    const cores = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, round((processCpuMs(pid) - (cpu0[k] ?? 0)) / (t1 - t0), 2)]));
    let failoverSeconds: number | null = null;
    const victim = killIndex ?? -1;
    if (victim > 0) {
      progress(`${label}: SIGKILL to twin ${victim}; waiting for every timed sensor at the subscriber again`);
      const killedAt = performance.now();
      twins[victim]!.child.kill("SIGKILL");
      await until("every timed sensor's readings again", 120_000, async () => [...timed].every((id) => (lastSeen.get(id) ?? 0) > killedAt + 1_000));
      failoverSeconds = round((Math.max(...[...timed].map((id) => lastSeen.get(id)!)) - killedAt) / 1000, 1);
    }
    progress(`${label}: stopping the nodes and waiting for the writes`);
    await Promise.all(nodes.map((n) => n.stop()));
    await sleep(1_000);
    for (const [i, u] of urls.entries()) if (i !== victim) await until("the twin's pending readings to be written", 120_000, async () => (await health(u)).ingest.pending === 0);
    await sub.close();
    await client.dispose();
    // Host timestamps: the readings that reached a twin in [t0, t1).
    const { records } = await db.driver.executeQuery(
      "MATCH (r:Reading) WHERE r.timestamp >= datetime({epochMillis: toInteger($t0)}) AND r.timestamp < datetime({epochMillis: toInteger($t1)}) RETURN count(r) AS n",
      { t0, t1 },
    );
    const stored = Number(records[0]?.get("n") ?? 0);
    const seconds = (t1 - t0) / 1000;
    latencies.sort((a, b) => a - b);
    if (latencies.length === 0) throw new Error(`the subscriber received none of the timed readings; twin output: ${twins.flatMap((t) => t.output.slice(-3)).join(" | ")}`);
    const sum = (list: Array<{ refused: number; committed: number }>, k: "refused" | "committed"): number => list.reduce((s, c) => s + c[k], 0);
    return {
      offeredPerSec: Math.round(offered / seconds),
      storedPerSec: Math.round(stored / seconds),
      refusedPerSec: Math.round((sum(after, "refused") - sum(before, "refused")) / seconds),
      committedPerSec: Math.round((sum(after, "committed") - sum(before, "committed")) / seconds),
      latencyP50Ms: round(percentile(latencies, 50), 2),
      latencyP99Ms: round(percentile(latencies, 99), 2),
      latencyReadings: latencies.length,
      failoverSeconds,
      cores,
    };
  } finally {
    await Promise.all(nodes.map((n) => n.stop().catch(() => undefined)));
    for (const t of twins) t.child.kill("SIGTERM");
    await Promise.all(twins.map((t) => t.exited));
  }
}

/** One twin fed by the nodes directly: stored readings per second and publish → subscriber latency. */
async function mqttOneInstance(db: BenchDatabase, broker: Broker): Promise<Record<string, number>> {
  const r = await mqttRun(db, broker, [{}], "one instance");
  return {
    mqttNodes: NODES,
    mqttIntervalMs: INTERVAL_MS,
    mqttOfferedPerSec: r.offeredPerSec,
    mqttReadingsPerSec: r.storedPerSec,
    // Beyond what the database keeps up with, the ingest buffer fills and readings are refused (counted on the device).
    mqttRefusedPerSec: r.refusedPerSec,
    committedPerSec: r.committedPerSec,
    mqttLatencyP50Ms: r.latencyP50Ms,
    mqttLatencyP99Ms: r.latencyP99Ms,
    mqttLatencyReadings: r.latencyReadings,
    mqttTwinCpuCores: r.cores["twin0"] ?? Number.NaN,
    mqttNeo4jCpuCores: r.cores["neo4j"] ?? Number.NaN,
    mqttBrokerCpuCores: r.cores["broker"] ?? Number.NaN,
    mqttNodesCpuCores: r.cores["bench"] ?? Number.NaN,
  };
}

/**
 * The same nodes through Kafka into one, then two instances sharing one consumer group and one
 * Redis: A holds the MQTT nodes and produces, both consume their partitions, and the subscriber
 * on A receives B's share through Redis. Then B is killed: its partitions move to A.
 */
async function kafkaInstances(db: BenchDatabase, broker: Broker, oneStoredPerSec: number): Promise<Record<string, number | null>> {
  const kafka = await startTestKafka();
  const redis = await startTestRedis();
  try {
    const common = { KAFKA_BROKERS: kafka.brokers, KAFKA_PARTITIONS: "6", REDIS_URL: redis.url, KAFKA_SESSION_TIMEOUT_MS: "10000" };
    const single = await mqttRun(db, broker, [{ ...common, KAFKA_TOPIC: "one.readings", KAFKA_GROUP: "one", INSTANCE_ID: "solo" }], "Kafka, one instance");
    const shared = { ...common, KAFKA_TOPIC: "two.readings", KAFKA_GROUP: "two" };
    const two = await mqttRun(
      db,
      broker,
      [
        { ...shared, INSTANCE_ID: "a" },
        { ...shared, INSTANCE_ID: "b" },
      ],
      "Kafka, two instances",
      1,
    );
    return {
      kafkaOneInstanceReadingsPerSec: single.storedPerSec,
      twoInstanceReadingsPerSec: two.storedPerSec,
      scaleRatio: round(two.storedPerSec / Math.max(1, single.storedPerSec), 2),
      kafkaVsDirectRatio: round(single.storedPerSec / Math.max(1, oneStoredPerSec), 2),
      twoInstanceOfferedPerSec: two.offeredPerSec,
      twoInstanceRefusedPerSec: two.refusedPerSec,
      twoInstanceLatencyP50Ms: two.latencyP50Ms,
      twoInstanceLatencyP99Ms: two.latencyP99Ms,
      failoverSeconds: two.failoverSeconds,
      twoInstanceCores: round(
        Object.entries(two.cores)
          .filter(([k]) => k.startsWith("twin"))
          .reduce((sum, [, v]) => sum + v, 0),
        2,
      ),
    };
  } finally {
    await redis.close();
    await kafka.close();
  }
}

const db = await benchDatabase();
progress(`database at ${db.uri}`);
const broker = await mosquitto();
progress(`mosquitto at ${broker.url}`);
try {
  const one = await mqttOneInstance(db, broker);
  const several = process.env["BENCH_SCALE_KAFKA"] === "0" ? {} : await kafkaInstances(db, broker, one["mqttReadingsPerSec"] ?? 0);
  const figures = { ...one, ...several, loadAverage: round(loadavg()[0] ?? Number.NaN, 1) };
  console.log(JSON.stringify({ bench: "scale", ...figures, machine: machine() }));
} finally {
  await broker.close();
  await db.close();
}
