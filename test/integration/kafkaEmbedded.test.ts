import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, inject } from "vitest";
import { portAnswers } from "../support/processes.js";
import { freeKafkaPort } from "../support/kafka.js";
import { requires } from "../support/requirements.js";
import { eventually } from "../support/testApp.js";
import { runTwin } from "../support/twinProcess.js";

const { describe, it } = requires("kafka");

interface KafkaHealth {
  brokers: string;
  consumer: string;
  producer: { connected: boolean };
  consuming: { partitions: number[] };
}

describe("KAFKA=embedded", () => {
  it("runs a single-node Kafka with the twin, consumes all its partitions, and stops it with the twin", async () => {
    const port = await freeKafkaPort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "twin-kafka-embedded-"));
    const twin = runTwin({
      NEO4J_URI: inject("neo4jUri"),
      NEO4J_USER: inject("neo4jUser"),
      NEO4J_PASSWORD: inject("neo4jPassword"),
      KAFKA: "embedded",
      KAFKA_PORT: String(port),
      KAFKA_DATA_DIR: dataDir,
      KAFKA_TOPIC: `embedded.${port}`,
      KAFKA_GROUP: `embedded-${port}`,
      KAFKA_PARTITIONS: "4",
    });
    try {
      const url = await twin.ready;
      expect(await portAnswers(port)).toBe(true);
      const kafka = await eventually(
        async () => {
          const health = (await (await fetch(url.replace(/graphql$/, "healthz"))).json()) as { kafka?: KafkaHealth };
          return health.kafka?.consumer === "up" && health.kafka.consuming.partitions.length === 4 ? health.kafka : undefined;
        },
        60_000,
        "the twin consuming every partition of the embedded Kafka",
      );
      expect(kafka.brokers).toBe(`127.0.0.1:${port}`);
      expect(kafka.consuming.partitions).toEqual([0, 1, 2, 3]);
      expect(twin.output.some((l) => l.includes(`starting the embedded Kafka on 127.0.0.1:${port}`))).toBe(true);
      twin.child.kill("SIGTERM");
      expect(await twin.exited).toBe(0);
      // The broker was the twin's: it is gone with it.
      await eventually(async () => ((await portAnswers(port)) ? undefined : true), 30_000, "the embedded Kafka stopped");
    } finally {
      twin.child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
