import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, expect } from "vitest";
import { startEmbeddedKafka } from "../../src/bridge/kafka/embeddedKafka.js";
import { projectRoot } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { portAnswers } from "../../src/store/embedded.js";
import { startTestKafka, type TestKafka } from "../support/kafka.js";
import { requires } from "../support/requirements.js";

const { describe, it } = requires("kafka");

describe("the embedded Kafka (KRaft, one node)", () => {
  let kafka: TestKafka;
  beforeAll(async () => {
    kafka = await startTestKafka();
  });
  afterAll(async () => {
    await kafka?.close();
  });

  // The client check behind docs/scale.md's choice: kafkajs against this broker version
  // (KIP-896 removed old protocol versions in Kafka 4.0).
  it("serves kafkajs: a topic of 4 partitions, keyed produce, a consumer group with manual offset commits", async () => {
    const client = new Kafka({ clientId: "embedded-test", brokers: [kafka.brokers], logLevel: logLevel.NOTHING });
    const topic = `embedded-${Date.now()}`;
    const groupId = `${topic}-group`;
    const admin = client.admin();
    const producer = client.producer({ allowAutoTopicCreation: false });
    const consumer = client.consumer({ groupId, sessionTimeout: 6_000, heartbeatInterval: 500 });
    try {
      await admin.connect();
      expect(await admin.createTopics({ topics: [{ topic, numPartitions: 4, replicationFactor: 1 }], waitForLeaders: true })).toBe(true);
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: Array.from({ length: 200 }, (_, i) => ({ key: `s${i % 20}`, value: String(i) })) });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const seen = new Map<string, Set<number>>();
      await new Promise<void>((resolve, reject) => {
        let count = 0;
        consumer
          .run({
            autoCommit: false,
            eachBatch: async (payload) => {
              const { batch } = payload;
              for (const m of batch.messages) {
                const key = m.key?.toString() ?? "";
                const partitions = seen.get(key) ?? new Set<number>();
                partitions.add(batch.partition);
                seen.set(key, partitions);
                payload.resolveOffset(m.offset);
                count += 1;
              }
              await consumer.commitOffsets([{ topic, partition: batch.partition, offset: String(Number(batch.lastOffset()) + 1) }]);
              if (count >= 200) resolve();
            },
          })
          .catch(reject);
      });
      // Keyed by sensor: every key lands on one partition, so each sensor's order holds.
      expect(seen.size).toBe(20);
      for (const partitions of seen.values()) expect(partitions.size).toBe(1);
      await consumer.disconnect();
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = offsets!.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
      expect(committed).toBe(200);
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    }
  });

  it("stops cleanly on SIGTERM, frees its port, and keeps its topics for the next start on the same folder", async () => {
    const client = new Kafka({ clientId: "embedded-test", brokers: [kafka.brokers], logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    const topic = `kept-${Date.now()}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const dataDir = kafka.broker.dataDir;
    await kafka.broker.stop();
    // The JVM ends with 143 (128 + SIGTERM) after Kafka's shutdown hook has run.
    expect([0, 143]).toContain(await kafka.broker.exited);
    expect(await portAnswers(kafka.port)).toBe(false);

    const again = await startEmbeddedKafka({ projectRoot, port: kafka.port, dataDir, log: silentLogger });
    try {
      const admin2 = new Kafka({ clientId: "embedded-test", brokers: [again.brokers], logLevel: logLevel.NOTHING }).admin();
      await admin2.connect();
      expect(await admin2.listTopics()).toContain(topic);
      await admin2.disconnect();
    } finally {
      await again.stop();
    }
  });
});
