// npm run bench:serial — latency from a reading line written on one end of a pty pair to the
// readingAdded message at a graphql-ws client, and fan-out to 500 subscribers. The API runs as
// its own process (as in production) reading the other end of the pty; this process plays the
// device and the clients. Baseline in the same run: the bare pty transit (no twin).
import { readFileSync } from "node:fs";
import { SerialPort } from "serialport";
import { ptyPair } from "../test/support/socat.js";
import { ScriptedSerialDevice } from "../test/support/serialDevice.js";
import { runTwin } from "../test/support/twinProcess.js";
import { subscribe, wsClient } from "../test/support/wsClient.js";
import { benchDatabase, machine, percentile, round } from "./support.js";

const RATE = Number(process.env["BENCH_LINES_PER_SEC"] ?? 200);
const LATENCY_READINGS = Number(process.env["BENCH_LATENCY_READINGS"] ?? 2_000);
const SUBSCRIBERS = Number(process.env["BENCH_SUBSCRIBERS"] ?? 500);
const FANOUT_SECONDS = Number(process.env["BENCH_FANOUT_SECONDS"] ?? 15);
// Short ids: the hello announcing all 20 must fit the protocol's 1 KiB line.
const SENSORS = Array.from({ length: 20 }, (_, i) => `b${i}`);

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024);
}

/** Writes `count` lines at `rate`/s on a fixed schedule, calling `write(i)` for each. */
async function paced(count: number, rate: number, write: (i: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await write(i);
  }
}

/** Baseline: the same lines through the bare pty pair into a plain reader, no twin. */
async function ptyBaseline(count: number): Promise<{ p50: number; p99: number }> {
  const pair = await ptyPair();
  const open = async (path: string): Promise<SerialPort> => {
    const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    return port;
  };
  const writer = await open(pair.a);
  const reader = await open(pair.b);
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  let buffer = "";
  reader.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl = buffer.indexOf("\n");
    while (nl !== -1) {
      const n = (JSON.parse(buffer.slice(0, nl)) as { n: number }).n;
      buffer = buffer.slice(nl + 1);
      latencies.push(performance.now() - (sent.get(n) ?? 0));
      nl = buffer.indexOf("\n");
    }
  });
  await paced(count, RATE, async (i) => {
    const line = JSON.stringify({ t: "r", s: SENSORS[i % SENSORS.length], v: 21.5, n: i + 1, up: i }) + "\n";
    sent.set(i + 1, performance.now());
    await new Promise<void>((resolve) => writer.write(line, () => writer.drain(() => resolve())));
  });
  await new Promise((r) => setTimeout(r, 200));
  await new Promise<void>((r) => writer.close(() => r()));
  await new Promise<void>((r) => reader.close(() => r()));
  await pair.kill();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const progress = (m: string): void => void process.stderr.write(`[bench:serial] ${m}\n`);
const db = await benchDatabase();
progress(`database at ${db.uri}`);
const pair = await ptyPair();
progress(`pty pair ${pair.a} <-> ${pair.b}`);
const device = new ScriptedSerialDevice(pair.a, "bench-node", "", SENSORS);
await device.open();
progress("device side open; starting the twin");
const api = runTwin({ NEO4J_URI: db.uri, SERIAL_PORTS: pair.b, DEVICE: "none", ...(process.env["INGEST_LINGER_MS"] ? { INGEST_LINGER_MS: process.env["INGEST_LINGER_MS"] } : {}) });
try {
  const url = await api.ready;
  progress(`twin ready at ${url}`);
  const wsUrl = url.replace(/^http/, "ws");
  const deadline = Date.now() + 20_000;
  while (!device.commands.some((c) => c["t"] === "status")) {
    if (Date.now() > deadline) throw new Error("the twin never asked the bench device for its hello");
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 500));

  progress("device said hello; measuring latency");
  // 1. Latency: one subscriber on every sensor, 2,000 readings at 200 lines/s.
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const client = wsClient(wsUrl);
  const sub = subscribe<{ seq: number }>(client, "subscription { readingAdded { seq } }");
  // Warm-up: JIT, the first query plans and batch commits happen here, not in the figures.
  await paced(RATE * 3, RATE, async (i) => {
    await device.reading(SENSORS[i % SENSORS.length] as string, 20);
  });
  await new Promise((r) => setTimeout(r, 1_000));
  const originalPush = sub.received.push.bind(sub.received);
  sub.received.push = (...items: Array<{ seq: number }>): number => {
    const now = performance.now();
    for (const item of items) {
      const t0 = sentAt.get(item.seq);
      if (t0 !== undefined) latencies.push(now - t0);
    }
    return originalPush(...items);
  };
  await paced(LATENCY_READINGS, RATE, async (i) => {
    await device.reading(SENSORS[i % SENSORS.length] as string, 20 + (i % 50) / 10, (seq) => sentAt.set(seq, performance.now()));
  });
  await new Promise((r) => setTimeout(r, 1_000));
  await sub.close();
  await client.dispose();
  latencies.sort((a, b) => a - b);
  if (latencies.length < LATENCY_READINGS) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ deviceStatuses { deviceId online readings rejectedLines lostReadings } }" }),
    });
    progress(`device status: ${await res.text()}; twin output: ${api.output.slice(-5).join(" | ")}; subscription got ${sub.received.length}`);
  }
  if (latencies.length < LATENCY_READINGS) throw new Error(`only ${latencies.length} of ${LATENCY_READINGS} readings reached the subscriber`);

  progress(`latency done (${latencies.length} readings); fan-out with ${SUBSCRIBERS} subscribers`);
  // 2. Fan-out: 500 subscribers, subscriber i on sensor i mod 20, 200 readings/s in total.
  const fanLatencies: number[] = [];
  const perSubscriber = new Array<number>(SUBSCRIBERS).fill(0);
  const fanSent = new Map<number, number>();
  const clients = Array.from({ length: Math.ceil(SUBSCRIBERS / 50) }, () => wsClient(wsUrl));
  const subs = Array.from({ length: SUBSCRIBERS }, (_, i) => {
    const s = subscribe<{ seq: number }>(clients[i % clients.length]!, "subscription ($ids: [ID!]) { readingAdded(sensorIds: $ids) { seq } }", { ids: [SENSORS[i % SENSORS.length]] });
    const push = s.received.push.bind(s.received);
    s.received.push = (...items: Array<{ seq: number }>): number => {
      const now = performance.now();
      for (const item of items) {
        const t0 = fanSent.get(item.seq);
        if (t0 !== undefined) fanLatencies.push(now - t0);
      }
      perSubscriber[i] = (perSubscriber[i] ?? 0) + items.length;
      return push(...items);
    };
    return s;
  });
  await new Promise((r) => setTimeout(r, 2_000));
  const fanCount = RATE * FANOUT_SECONDS;
  const started = performance.now();
  await paced(fanCount, RATE, async (i) => {
    await device.reading(SENSORS[i % SENSORS.length] as string, 21, (seq) => fanSent.set(seq, performance.now()));
  });
  await new Promise((r) => setTimeout(r, 1_000));
  const seconds = (performance.now() - started) / 1000 - 1;
  const delivered = perSubscriber.reduce((a, b) => a + b, 0);
  const expectedEach = fanCount / SENSORS.length;
  const minShare = Math.min(...perSubscriber) / expectedEach;
  const rss = peakRssMb(api.child.pid!);
  for (const s of subs) await s.close();
  for (const c of clients) await c.dispose();
  fanLatencies.sort((a, b) => a - b);

  progress("fan-out done; measuring the bare pty baseline");
  const baseline = await ptyBaseline(LATENCY_READINGS);
  console.log(
    JSON.stringify({
      bench: "serial",
      latencyP50Ms: round(percentile(latencies, 50), 2),
      latencyP99Ms: round(percentile(latencies, 99), 2),
      ptyOnlyP50Ms: round(baseline.p50, 2),
      ptyOnlyP99Ms: round(baseline.p99, 2),
      readings: latencies.length,
      linesPerSec: RATE,
      fanoutSubscribers: SUBSCRIBERS,
      fanoutMsgsPerSec: Math.round(delivered / seconds),
      fanoutExpectedMsgsPerSec: Math.round((fanCount * (SUBSCRIBERS / SENSORS.length)) / seconds),
      fanoutP50Ms: round(percentile(fanLatencies, 50), 2),
      fanoutP99Ms: round(percentile(fanLatencies, 99), 2),
      fanoutMinSubscriberShare: round(minShare, 3),
      fanoutRssMb: rss,
      machine: machine(),
    }),
  );
} finally {
  api.child.kill("SIGTERM");
  await api.exited;
  await device.close();
  await pair.kill();
  await db.close();
}
