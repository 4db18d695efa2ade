// npm run bench:command — the acting twin, in two figures, on a fresh embedded Neo4j (port 7692)
// and the twin built in this process by createApp (its HTTP server on a free port).
//
// 1. Command round trip. The real firmware image runs in simavr (SimulatedNode, real time,
//    115200 baud over a pty) attached to the twin's bridge as in test/e2e/firmware.test.ts.
//    The simulator runs at nice −10 (simPriority; left at 0 where that is not allowed): a real
//    board has a CPU of its own, while here the simulated one shares 2 cores with Neo4j and the
//    twin, and at equal priority a starved simulator's late answers, not the twin, made the tail.
//    Measured: one `sendCommand` GraphQL POST at a time to the twin's HTTP server, alternating
//    fan_1 ON/OFF, from just before the request until its response has been parsed; the mutation
//    returns once the command is settled (ACKED by the firmware, its status saves in Neo4j done).
//    Untimed warm-up commands for at least 20 commands and BENCH_WARMUP_S (90) seconds — the
//    database is started fresh, and its JVM spends a minute or two compiling hot code at close to
//    a whole core (a small write transaction costs it 20 ms of CPU in the first 10 s, 5 ms after a
//    minute, 2 ms after three), which a running installation has long done (warmupRoundTripP99Ms
//    shows that cold start) — then BENCH_COMMANDS (500) timed ones. Every response must be
//    ACKED with 1 attempt: others are counted (notAcked, retries) and the bench fails when more
//    than 1 % are not ACKED. The rate limit is lifted (safety setting) so none is refused.
//    Context: the p50 of each phase, from the commandUpdated events on the bus — accept (request
//    to PENDING: HTTP, GraphQL, desired state and override written), recordPending (PENDING to
//    SENT), device (SENT to ACKED: the firmware's answer), finish (ACKED to the response: the
//    command's status saves, the response); the same number of `set` commands through
//    bridge.send directly (firmware, simavr, pty and serial session only: bridgeOnly*); and one
//    small write transaction against the same database (neo4jWriteP50Ms; the machine is shared).
// 2. Ingest with 200 enabled rules. The simulator is stopped first (it would compete for the CPU).
//    Readings of 20 sensors (one per sensor-second, a 30-minute sine of ±2 °C per sensor plus a
//    little noise; timestamps from 1 h ahead of now, so the engine's 1 s wall-clock tick never
//    overtakes them) are offered to the twin's own ingest pipeline (services.ingest.ingestWhenRoom
//    in chunks of 1,000, waiting for buffer room) and timed until the batch writer has committed
//    them (writer.flush): bench/ingest.ts's "pipeline" figure, but through the whole twin, so the
//    live analytics, subscriptions and rule engine listen as in production. 200 rules, made by the
//    createRule mutation, watch one set of 20 sensors: 10 per sensor, VALUE GT thresholds spread
//    over the sine's range (−1.8 … +1.8 °C around its centre), clear band 0.3 °C below,
//    forSeconds 0, cooldownSeconds 300, one WEBHOOK action to a receiver running as a child
//    process that answers 204. Every rule fires and clears about once per sensor half hour, so
//    decisions and rule states are written to Neo4j and webhooks called throughout. Arms: the
//    same readings for a second set of 20 sensors no rule watches ("none") and for the watched
//    set ("rules"), BENCH_READINGS (100,000) readings each, in quarters in ABBA order (none, rules,
//    rules, none, none, rules, rules, none) after an untimed warm-up, alternating 5,000 each, of at
//    least 10,000 each and BENCH_INGEST_WARMUP_S (60) seconds: the rule decisions' writes and the
//    reading batches are code paths the command phase did not warm. With 10,000 readings of
//    warm-up the JVM's compiling raised Neo4j's CPU per 1,000 readings in the timed arms to
//    112–126 ms (46–64 ms after this warm-up), more in the arm with rules (+18–24 ms, now +5–10);
//    warmupIngestRatio is the warm-up's own ratio. Before each segment (untimed) the bench waits
//    until every rule decision so far is stored and every webhook received; rulesBacklogMs is the
//    longest such wait. ingestRatioWith200Rules = readings/s with rules ÷ readings/s without.
//    cpuMsPer1kReadings splits each arm's CPU between the twin, Neo4j and the webhook receiver
//    (from /proc); readingBatches counts the write transactions of readings.
// Prints one JSON line on stdout; progress goes to stderr.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import path from "node:path";
import { getPriority, loadavg, tmpdir } from "node:os";
import { createInterface } from "node:readline";
import { createApp, type App } from "../src/app.js";
import type { SafetySettings } from "../src/commands/safety.js";
import { SerialLink } from "../src/bridge/serialLink.js";
import { SimulatedNode, TOOLCHAIN_HINT, avrToolchainAvailable, buildFirmware } from "../src/bridge/simulatedNode.js";
import { loadConfig, projectRoot } from "../src/config.js";
import { createLogger } from "../src/log.js";
import type { ReadingCandidate } from "../src/domain/reading.js";
import { gql } from "../test/support/testApp.js";
import { abba } from "./pipeline.js";
import { benchDatabase, machine, percentile, processCpuMs, round } from "./support.js";

const COMMANDS = Number(process.env["BENCH_COMMANDS"] ?? 500);
const WARMUP_COMMANDS = 20;
/** The warm-up also lasts at least this long: a freshly started JVM compiles for a minute or two. */
const WARMUP_MS = Number(process.env["BENCH_WARMUP_S"] ?? 90) * 1000;
const READINGS = Number(process.env["BENCH_READINGS"] ?? 100_000);
const WARMUP_READINGS = 10_000;
/** The ingest warm-up also lasts at least this long: the JVM compiles the decision writes' code paths for minutes. */
const INGEST_WARMUP_MS = Number(process.env["BENCH_INGEST_WARMUP_S"] ?? 60) * 1000;
const WARMUP_SEGMENT = 5_000;
const SENSORS = 20;
const RULES_PER_SENSOR = 10;
const PERIOD_S = 1_800;
const AMPLITUDE = 2;
const COOLDOWN_S = 300;
const CHUNK = 1_000;
/** nice of the simulator: it stands in for a board with a CPU of its own (see the header). */
const SIM_PRIORITY = -10;
const DEVICE_ID = "cmdbench";
const ACTUATOR = "fan_1";
const SAFETY: SafetySettings = { interlocks: [], rateLimit: { maxCommands: 100_000, windowMs: 60_000 }, overrideMs: 60_000 };
const SEND = "mutation ($input: CommandInput!) { sendCommand(input: $input) { commandId status attempts error } }";
const progress = (m: string): void => void process.stderr.write(`${new Date().toISOString()} [bench:command] ${m}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, timeoutMs: number, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** A webhook receiver in its own process (as a real one would be): 204 to every POST, GET → count. It exits when our stdin pipe closes. */
function startWebhookReceiver(): { child: ChildProcess; url: Promise<string>; count(): Promise<number> } {
  const code = `
    const http = require("node:http");
    let count = 0;
    const server = http.createServer((req, res) => {
      if (req.method === "GET") { res.writeHead(200, { "content-type": "text/plain" }); res.end(String(count)); return; }
      req.resume();
      req.on("end", () => { count += 1; res.writeHead(204); res.end(); });
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
    process.stdin.on("close", () => process.exit(0));
    process.stdin.resume();`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["pipe", "pipe", "inherit"] });
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (line) => resolve(`http://127.0.0.1:${line.trim()}/hook`));
    child.once("exit", (c) => reject(new Error(`the webhook receiver exited (${c}) before it listened`)));
  });
  return {
    child,
    url,
    count: async () => Number(await (await fetch((await url).replace(/\/hook$/, "/count"))).text()),
  };
}

/**
 * Reading i of a sensor set: sensor i mod 20, one second apart per sensor, a 30-min sine per
 * sensor (phases staggered) plus noise. The "rules" set is watched by the 200 rules, the "none"
 * set (same values) by none.
 */
const T0 = Date.now() + 3_600_000;
const sensorId = (set: "none" | "rules", s: number): string => (set === "rules" ? `temp_cmdbench_${s}` : `temp_cmdbench_free_${s}`);
const centre = (s: number): number => 20 + s / 10;
function ruleReading(set: "none" | "rules", i: number): ReadingCandidate {
  const s = i % SENSORS;
  const step = Math.floor(i / SENSORS);
  const value = centre(s) + AMPLITUDE * Math.sin((2 * Math.PI * step) / PERIOD_S + s) + Math.sin(i * 12.9898) * 0.05;
  return { sensorId: sensorId(set, s), value: Math.round(value * 1000) / 1000, timestamp: T0 + step * 1000, seq: step };
}

const db = await benchDatabase(Number(process.env["BENCH_NEO4J_PORT"] ?? 7692));
// BENCH_LOG=info|debug shows the twin's log while debugging (info and debug lines go to stdout).
const log = createLogger((process.env["BENCH_LOG"] as "debug" | "info" | undefined) ?? "warn");
let app: App | null = null;
let sim: SimulatedNode | null = null;
const hook = startWebhookReceiver();
try {
  const settings = loadConfig().ingest;
  // With its write-ahead log, as the twin runs (a temp folder the OS cleans).
  const wal = { dir: mkdtempSync(path.join(tmpdir(), "twin-bench-cmd-wal-")), instance: "bench", fsyncMs: 50, maxBytes: 1024 * 1024 * 1024 };
  app = await createApp({ config: { host: "127.0.0.1", port: 0, ingest: settings, wal }, driver: db.driver, uri: db.uri, log, safety: SAFETY });
  const url = app.server.url;
  progress(`database at ${db.uri}; twin at ${url}`);

  // ---- 1. Command round trip against the firmware in simavr ----
  if (!avrToolchainAvailable()) throw new Error(`the command bench needs the simulated node; ${TOOLCHAIN_HINT}`);
  buildFirmware(projectRoot);
  const node = new SimulatedNode({ projectRoot, log, args: ["--device-id", DEVICE_ID, "--seed", "7"], priority: SIM_PRIORITY });
  sim = node;
  app.bridge.attach("simulated node", async () => new SerialLink(await node.ptyPath(), 115_200));
  const bridge = app.bridge;
  await until("the firmware's hello", 30_000, () => (bridge.isConnected(DEVICE_ID) ? true : undefined));
  const helloAt = performance.now();
  const simPriority = node.pid === undefined ? null : getPriority(node.pid);
  await until(`${ACTUATOR} registered in the graph`, 90_000, async () => {
    const { records } = await db.driver.executeQuery("MATCH (a:Actuator {actuatorId: $id}) RETURN a.reportedState AS s", { id: ACTUATOR });
    return records[0]?.get("s") === null || records[0] === undefined ? undefined : true;
  });
  progress(
    `simulated node ${DEVICE_ID} (pid ${node.pid}) connected and registered (${Math.round(performance.now() - helloAt)} ms after its hello); warm-up (${WARMUP_COMMANDS} commands and ${WARMUP_MS / 1000} s) + ${COMMANDS} timed sendCommand`,
  );

  // The database's own latency for one small write transaction, as context for the figures below.
  const probe: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await db.driver.executeQuery("CREATE (p:BenchProbe) DELETE p");
    probe.push(performance.now() - t);
  }

  // Where the time goes: each status change is published on the bus as it happens.
  const stamps = new Map<string, Partial<Record<"PENDING" | "SENT" | "ACKED", number>>>();
  app.services.bus.on("commandUpdated", "bench", (c) => {
    if (c.status !== "PENDING" && c.status !== "SENT" && c.status !== "ACKED") return;
    const entry = stamps.get(c.commandId) ?? {};
    entry[c.status] ??= performance.now();
    stamps.set(c.commandId, entry);
  });
  const phases = { accept: [] as number[], recordPending: [] as number[], device: [] as number[], finish: [] as number[] };
  let state: "ON" | "OFF" = "OFF";
  const roundTrips: number[] = [];
  let notAcked = 0;
  let retries = 0;
  const failures: string[] = [];
  const warmupTrips: number[] = [];
  const warmupStarted = performance.now();
  let warmupSeconds = 0;
  for (let i = 0; ; i++) {
    const warming = i < WARMUP_COMMANDS || performance.now() - warmupStarted < WARMUP_MS;
    if (!warming && roundTrips.length >= COMMANDS) break;
    if (!warming && warmupSeconds === 0) warmupSeconds = round((performance.now() - warmupStarted) / 1000, 1);
    state = state === "ON" ? "OFF" : "ON";
    const t = performance.now();
    const res = await gql<{ sendCommand: { commandId: string; status: string; attempts: number; error: string | null } }>(url, SEND, { input: { actuatorId: ACTUATOR, state } });
    const elapsed = performance.now() - t;
    const c = res.data?.sendCommand;
    if (warming) {
      if (c?.status !== "ACKED") throw new Error(`warm-up command ${i} not ACKED: ${JSON.stringify(res.errors ?? c)}`);
      stamps.delete(c.commandId);
      warmupTrips.push(elapsed);
      continue;
    }
    roundTrips.push(elapsed);
    const at = c === undefined ? undefined : stamps.get(c.commandId);
    if (at?.PENDING !== undefined && at.SENT !== undefined && at.ACKED !== undefined) {
      phases.accept.push(at.PENDING - t);
      phases.recordPending.push(at.SENT - at.PENDING);
      phases.device.push(at.ACKED - at.SENT);
      phases.finish.push(t + elapsed - at.ACKED);
    }
    if (c !== undefined) stamps.delete(c.commandId);
    if (c?.status !== "ACKED") {
      notAcked += 1;
      if (failures.length < 3) failures.push(JSON.stringify(res.errors ?? c));
    }
    if (c !== undefined && c.attempts > 1) retries += 1;
  }
  if (notAcked > COMMANDS * 0.01) throw new Error(`${notAcked} of ${COMMANDS} commands were not ACKED, e.g. ${failures.join("; ")}`);
  if (notAcked > 0) progress(`${notAcked} commands not ACKED, e.g. ${failures.join("; ")}`);
  roundTrips.sort((a, b) => a - b);
  const p50 = (values: number[]): number =>
    round(
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      ),
      2,
    );
  const p99 = (xs: number[]): number =>
    round(
      percentile(
        [...xs].sort((a, b) => a - b),
        99,
      ),
      2,
    );
  const breakdown = {
    acceptP50Ms: p50(phases.accept),
    recordPendingP50Ms: p50(phases.recordPending),
    deviceP50Ms: p50(phases.device),
    finishP50Ms: p50(phases.finish),
    acceptP99Ms: p99(phases.accept),
    deviceP99Ms: p99(phases.device),
    finishP99Ms: p99(phases.finish),
  };
  progress(`sendCommand phases: ${JSON.stringify(breakdown)}`);
  progress(`warm-up: ${warmupTrips.length} commands in ${warmupSeconds} s, p99 ${p99(warmupTrips)} ms`);
  progress(`sendCommand p50 ${round(percentile(roundTrips, 50), 2)} ms, p99 ${round(percentile(roundTrips, 99), 2)} ms; baseline through bridge.send`);

  const bridgeTrips: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    state = state === "ON" ? "OFF" : "ON";
    const t = performance.now();
    const answer = await bridge.send(DEVICE_ID, { t: "set", a: ACTUATOR, state }, 1_000);
    bridgeTrips.push(performance.now() - t);
    if (answer.t !== "ack") throw new Error(`bridge.send answered ${JSON.stringify(answer)}`);
  }
  bridgeTrips.sort((a, b) => a - b);
  const { rejectedLines, lostReadings } = bridge.statuses().find((s) => s.deviceId === DEVICE_ID) ?? { rejectedLines: -1, lostReadings: -1 };
  await node.stop();
  progress("simulator stopped (the bridge's reconnect attempts may log one warning)");

  // ---- 2. Ingest with and without 200 enabled rules ----
  const ingest = app.services.ingest;
  const writer = app.writer;
  let published = 0;
  let decisions = 0;
  let edges = 0;
  app.services.bus.on("readingAccepted", "bench", (r) => {
    if (r.sensorId.startsWith("temp_cmdbench_")) published += 1;
  });
  app.services.bus.on("ruleDecision", "bench", (d) => {
    decisions += 1;
    if (d.event === "FIRED" || d.event === "CLEARED") edges += 1;
  });
  const next = { none: 0, rules: 0 };
  /** CPU ms each process spent in the timed segments of each arm (the twin, Neo4j, the webhook receiver). */
  const cpu = { none: { twin: 0, neo4j: 0, receiver: 0 }, rules: { twin: 0, neo4j: 0, receiver: 0 } };
  /** Reading batches (write transactions) the writer committed in each arm's timed segments. */
  const batches = { none: 0, rules: 0 };
  const cpuNow = () => ({ twin: processCpuMs(process.pid), neo4j: processCpuMs(db.pid), receiver: processCpuMs(hook.child.pid) });
  /** Offers `count` readings of one sensor set (continuing its series), returns the seconds until all are committed. */
  const segment = async (set: "none" | "rules", count: number): Promise<number> => {
    const from = next[set];
    next[set] += count;
    const before = published;
    const cpuBefore = cpuNow();
    const batchesBefore = writer.status().batches;
    const started = performance.now();
    for (let start = from; start < from + count; start += CHUNK) {
      const candidates: ReadingCandidate[] = [];
      for (let i = start; i < Math.min(from + count, start + CHUNK); i++) candidates.push(ruleReading(set, i));
      const outcome = await ingest.ingestWhenRoom(candidates, 60_000);
      if (outcome.rejected > 0) throw new Error(`the pipeline refused ${outcome.rejected} readings: ${outcome.errors[0]?.message}`);
    }
    await writer.flush();
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuNow();
    for (const k of ["twin", "neo4j", "receiver"] as const) cpu[set][k] += cpuAfter[k] - cpuBefore[k];
    batches[set] += writer.status().batches - batchesBefore;
    if (published - before !== count) throw new Error(`published ${published - before} of ${count} readings`);
    return seconds;
  };
  let backlogMs = 0;
  /** Untimed: waits until every decision so far is stored and every webhook call received. */
  const settle = async (): Promise<void> => {
    const started = performance.now();
    await until("the rules' decisions stored and webhooks received", 60_000, async () => {
      const { records } = await db.driver.executeQuery("MATCH (d:RuleDecision) RETURN count(d) AS n");
      const stored = Number(records[0]?.get("n") ?? 0);
      return stored >= decisions && (await hook.count()) >= edges ? true : undefined;
    });
    backlogMs = Math.max(backlogMs, performance.now() - started);
  };

  // The sensors exist once their first readings are committed; then the rules.
  await segment("none", SENSORS * 10);
  await segment("rules", SENSORS * 10);
  const webhookUrl = await hook.url;
  const CREATE = "mutation ($input: RuleInput!) { createRule(input: $input) { ruleId } }";
  const ruleIds: string[] = [];
  const createStarted = performance.now();
  for (let s = 0; s < SENSORS; s++) {
    for (let k = 0; k < RULES_PER_SENSOR; k++) {
      const threshold = round(centre(s) - 1.8 + (3.6 * k) / (RULES_PER_SENSOR - 1), 3);
      const res = await gql<{ createRule: { ruleId: string } }>(url, CREATE, {
        input: {
          name: `bench ${sensorId("rules", s)} > ${threshold}`,
          sensorId: sensorId("rules", s),
          condition: { type: "VALUE", comparison: "GT", threshold },
          forSeconds: 0,
          clear: { comparison: "LT", threshold: round(threshold - 0.3, 3) },
          actions: [{ type: "WEBHOOK", url: webhookUrl }],
          cooldownSeconds: COOLDOWN_S,
        },
      });
      if (res.data?.createRule === undefined) throw new Error(`createRule failed: ${JSON.stringify(res.errors)}`);
      ruleIds.push(res.data.createRule.ruleId);
    }
  }
  progress(`${ruleIds.length} rules created in ${round((performance.now() - createStarted) / 1000, 1)} s`);
  const engine = app.control.engine;
  if (engine.enabledCount !== ruleIds.length) throw new Error(`the engine has ${engine.enabledCount} enabled rules, expected ${ruleIds.length}`);
  // abba passes (from, count); each set continues its own series, so `from` is not needed.
  const none = async (_from: number, count: number): Promise<number> => {
    await settle();
    return segment("none", count);
  };
  const withRules = async (_from: number, count: number): Promise<number> => {
    await settle();
    return segment("rules", count);
  };
  progress(`warm-up: at least ${WARMUP_READINGS} readings each way and ${INGEST_WARMUP_MS / 1000} s`);
  const ingestWarmupStarted = performance.now();
  const warmSeconds = { none: 0, rules: 0 };
  let warmedReadings = 0;
  while (warmedReadings < WARMUP_READINGS || performance.now() - ingestWarmupStarted < INGEST_WARMUP_MS) {
    const a = await none(0, WARMUP_SEGMENT);
    const b = await withRules(0, WARMUP_SEGMENT);
    warmSeconds.none += a;
    warmSeconds.rules += b;
    warmedReadings += WARMUP_SEGMENT;
    if (process.env["BENCH_LOG"] !== undefined) progress(`warm-up pair: ratio ${round(a / b, 3)}`);
  }
  for (const arm of [cpu.none, cpu.rules]) arm.twin = arm.neo4j = arm.receiver = 0;
  batches.none = batches.rules = 0;
  const warmDecisions = decisions;
  const warmEdges = edges;
  const measuredStarted = performance.now();
  progress(`measuring: ${READINGS} readings each way, ABBA`);
  const loadAvg1m = round(loadavg()[0] ?? Number.NaN, 2);
  const seconds = await abba(READINGS, none, withRules);
  await settle();
  const webhookCalls = await hook.count();
  progress(`ingest measured in ${round((performance.now() - measuredStarted) / 1000, 1)} s`);
  const perSecNone = READINGS / seconds.a;
  const perSecRules = READINGS / seconds.b;

  console.log(
    JSON.stringify({
      bench: "command",
      roundTripP50Ms: round(percentile(roundTrips, 50), 2),
      roundTripP99Ms: round(percentile(roundTrips, 99), 2),
      ingestRatioWith200Rules: round(perSecRules / perSecNone, 3),
      warmupIngestRatio: round(warmSeconds.none / warmSeconds.rules, 3),
      warmupReadingsPerArm: warmedReadings,
      commands: COMMANDS,
      notAcked,
      retries,
      roundTripMaxMs: round(roundTrips[roundTrips.length - 1] ?? Number.NaN, 2),
      warmupCommands: warmupTrips.length,
      warmupRoundTripP99Ms: p99(warmupTrips),
      ...breakdown,
      neo4jWriteP50Ms: p50(probe),
      bridgeOnlyP50Ms: round(percentile(bridgeTrips, 50), 2),
      bridgeOnlyP99Ms: round(percentile(bridgeTrips, 99), 2),
      simPriority,
      deviceRejectedLines: rejectedLines,
      deviceLostReadings: lostReadings,
      ingestPerSecNoRules: Math.round(perSecNone),
      ingestPerSecWith200Rules: Math.round(perSecRules),
      readingsPerArm: READINGS,
      sensors: SENSORS,
      rules: ruleIds.length,
      ruleEdgesMeasured: edges - warmEdges,
      ruleDecisionsMeasured: decisions - warmDecisions,
      webhookCalls,
      rulesBacklogMs: Math.round(backlogMs),
      // CPU ms per 1,000 readings in the timed segments, per process: where the rules' cost goes.
      readingBatches: batches,
      cpuMsPer1kReadings: Object.fromEntries((["none", "rules"] as const).map((arm) => [arm, Object.fromEntries(Object.entries(cpu[arm]).map(([k, ms]) => [k, round((ms * 1000) / READINGS, 1)]))])),
      batchSize: settings.batchSize,
      loadAvg1m,
      machine: machine(),
    }),
  );
} finally {
  await sim?.stop().catch(() => undefined);
  await app?.stop().catch((error: unknown) => progress(`stopping the twin: ${(error as Error).message}`));
  hook.child.stdin?.end();
  if (hook.child.exitCode === null) hook.child.kill("SIGTERM");
  await db.close();
}
