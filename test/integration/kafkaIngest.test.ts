// Partitioned ingest (docs/scale.md): two twin instances in one Kafka consumer group on the
// shared test Neo4j. Readings enter through the bridges' seam (instance A's Kafka producer),
// each instance stores the partitions Kafka assigns it, and when instance B is killed with
// SIGKILL mid-stream (no goodbye to the group) A takes its partitions over and re-reads from
// B's last committed offsets: every reading is stored exactly once.
import { afterAll, beforeAll, expect, inject } from "vitest";
import type { KafkaSettings, KafkaStatus } from "../../src/bridge/kafka/kafkaIngest.js";
import type { ReadingCandidate } from "../../src/domain/reading.js";
import { createLogger } from "../../src/log.js";
import { freeKafkaPort, startTestKafka, type TestKafka } from "../support/kafka.js";
import { requires } from "../support/requirements.js";
import { eventually, startTestTwin, type TestTwin } from "../support/testApp.js";
import { runTwin, type TwinProcess } from "../support/twinProcess.js";

const { describe, it } = requires("kafka");

const SENSORS = 20;
const PARTITIONS = 4;

describe("partitioned ingest through Kafka", () => {
  let kafka: TestKafka;
  let a: TestTwin;
  let b: TwinProcess;
  let settings: KafkaSettings;
  const prefix = `kafka${Date.now().toString(36)}`;
  const sensorIds = Array.from({ length: SENSORS }, (_, i) => `${prefix}_temp_${i}`);

  beforeAll(async () => {
    kafka = await startTestKafka();
    settings = { brokers: [kafka.brokers], topic: `twin.readings.${prefix}`, group: `twin-${prefix}`, partitions: PARTITIONS, sessionTimeoutMs: 6_000 };
    a = await startTestTwin({ kafka: settings, instance: "a" });
    b = runTwin({
      NEO4J_URI: inject("neo4jUri"),
      NEO4J_USER: inject("neo4jUser"),
      NEO4J_PASSWORD: inject("neo4jPassword"),
      INSTANCE_ID: "b",
      KAFKA_BROKERS: kafka.brokers,
      KAFKA_TOPIC: settings.topic,
      KAFKA_GROUP: settings.group,
      KAFKA_PARTITIONS: String(PARTITIONS),
      KAFKA_SESSION_TIMEOUT_MS: String(settings.sessionTimeoutMs),
      // A long linger: an offset committed before its readings were in Neo4j would lose them at the kill.
      INGEST_LINGER_MS: "5000",
      INGEST_BATCH_SIZE: "50000",
    });
  });

  afterAll(async () => {
    if (b?.child.exitCode === null && b.child.signalCode === null) b.child.kill("SIGKILL");
    await a?.driver.executeQuery("MATCH (s:Sensor) WHERE s.sensorId STARTS WITH $p OPTIONAL MATCH (s)-[:HAS_READING]->(r) DETACH DELETE s, r", { p: prefix }).catch(() => undefined);
    await a?.close();
    await kafka?.close();
  });

  const healthOf = async (url: string): Promise<KafkaStatus | undefined> => {
    const response = await fetch(url.replace(/graphql$/, "healthz")).catch(() => undefined);
    return response === undefined ? undefined : ((await response.json()) as { kafka?: KafkaStatus }).kafka;
  };

  /** Readings in Neo4j for the test's sensors: all, and distinct by (sensorId, timestamp, seq). */
  const stored = async (): Promise<{ total: number; distinct: number }> => {
    const { records } = await a.driver.executeQuery(
      `MATCH (r:Reading) WHERE r.sensorId STARTS WITH $p
       RETURN count(r) AS total, count(DISTINCT [r.sensorId, r.timestamp, r.seq]) AS distinct`,
      { p: prefix },
    );
    return { total: records[0]!.get("total") as number, distinct: records[0]!.get("distinct") as number };
  };

  const base = Date.now() - 3_600_000;
  /** Round `round` of readings: one per sensor, seq = round, one second apart. */
  const round = (n: number): ReadingCandidate[] => sensorIds.map((sensorId, i) => ({ sensorId, value: 20 + ((n + i) % 7), timestamp: base + n * 1_000, seq: n }));

  /** Produces rounds [from, to) through A's bridge seam; every reading must be taken. */
  const produce = (from: number, to: number): void => {
    for (let n = from; n < to; n++) {
      const outcome = a.app.kafka!.producer.ingest(round(n), "serial");
      expect(outcome.rejected, JSON.stringify(outcome.errors.slice(0, 2))).toBe(0);
    }
  };

  const allStored = async (expected: number, timeoutMs: number, what: string): Promise<void> => {
    await eventually(async () => ((await stored()).distinct >= expected ? true : undefined), timeoutMs, what);
  };

  it("stores every reading once across two instances, and once more after one is killed mid-stream", async () => {
    const bUrl = await b.ready;
    // Both members have joined: the 4 partitions are split between them.
    await eventually(
      async () => {
        const mine = a.app.kafka!.status().consuming.partitions;
        const theirs = (await healthOf(bUrl))?.consuming.partitions ?? [];
        return mine.length > 0 && theirs.length > 0 && mine.length + theirs.length === PARTITIONS ? true : undefined;
      },
      30_000,
      "both instances to own partitions of the readings topic",
    );

    produce(0, 50);
    await allStored(50 * SENSORS, 20_000, "the first 1,000 readings in Neo4j");
    expect(await stored()).toEqual({ total: 50 * SENSORS, distinct: 50 * SENSORS });
    // Each instance stored its share: both consumed.
    expect(a.app.kafka!.status().consuming.consumed).toBeGreaterThan(0);
    expect((await healthOf(bUrl))?.consuming.consumed ?? 0).toBeGreaterThan(0);

    // Mid-stream: B is killed with readings flowing (no LeaveGroup, no last commit).
    let next = 50;
    const streaming = setInterval(() => {
      if (next < 150) produce(next, next + 1);
      next += 1;
    }, 30);
    try {
      await eventually(async () => ((await stored()).distinct >= 60 * SENSORS ? true : undefined), 20_000, "readings of the stream in Neo4j");
      b.child.kill("SIGKILL");
      await b.exited;
      await eventually(async () => (next >= 150 ? true : undefined), 20_000, "the stream to end");
    } finally {
      clearInterval(streaming);
    }

    // A takes over B's partitions after the session timeout and replays from B's last commits.
    await eventually(async () => (a.app.kafka!.status().consuming.partitions.length === PARTITIONS ? true : undefined), 30_000, "A to own every partition");
    await allStored(150 * SENSORS, 30_000, "all 3,000 readings in Neo4j");
    // Lost 0, duplicates 0.
    expect(await stored()).toEqual({ total: 150 * SENSORS, distinct: 150 * SENSORS });
  });

  it("starts without Kafka, says which brokers are down, and ingests once they are up", async () => {
    const port = await freeKafkaPort();
    const lines: string[] = [];
    const log = createLogger("info", (line) => void lines.push(line));
    const topic = `twin.readings.${prefix}-late`;
    // A buffer of 2: the producer's queue, bounded by it, refuses the third reading while Kafka is down.
    const late = await startTestTwin({
      kafka: { brokers: [`127.0.0.1:${port}`], topic, group: `${settings.group}-late`, partitions: 2, sessionTimeoutMs: 6_000 },
      ingest: { bufferCapacity: 2, batchSize: 1 },
      log,
    });
    let lateKafka: TestKafka | undefined;
    try {
      await eventually(async () => (lines.some((l) => l.includes(`Kafka at 127.0.0.1:${port} is down`)) ? true : undefined), 15_000, "the log line naming the Kafka that is down");
      expect(late.app.kafka!.status()).toMatchObject({ consumer: "down", error: expect.any(String) });
      // The bridges' seam still takes readings, as many as the queue holds; they wait for Kafka.
      const sensorId = `${prefix}_late_1`;
      const outcome = late.app.kafka!.producer.ingest(
        [1, 2, 3].map((seq) => ({ sensorId, value: seq, timestamp: base + seq, seq })),
        "serial",
      );
      expect(outcome.accepted).toBe(2);
      expect(outcome.errors).toEqual([
        { index: 2, message: expect.stringMatching(new RegExp(`^readings\\[2\\]: 2 readings wait for Kafka at 127\\.0\\.0\\.1:${port} \\(.+\\), the queue is full; retry later$`)) },
      ]);
      lateKafka = await startTestKafka({ port });
      await eventually(async () => (late.app.kafka!.status().consumer === "up" ? true : undefined), 30_000, "the consumer to connect");
      await eventually(
        async () => {
          const { records } = await late.driver.executeQuery("MATCH (r:Reading {sensorId: $s}) RETURN count(r) AS n", { s: sensorId });
          return (records[0]!.get("n") as number) === 2 ? true : undefined;
        },
        30_000,
        "the readings produced while Kafka was down, in Neo4j",
      );
    } finally {
      await late.close();
      await lateKafka?.close();
    }
  });
});
