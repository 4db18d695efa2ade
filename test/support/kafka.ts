import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedKafka, type EmbeddedKafka } from "../../src/bridge/kafka/embeddedKafka.js";
import { projectRoot } from "../../src/config.js";
import { createLogger, silentLogger } from "../../src/log.js";

export interface TestKafka {
  /** `127.0.0.1:<port>`, as KAFKA_BROKERS takes it. */
  readonly brokers: string;
  readonly port: number;
  readonly broker: EmbeddedKafka;
  /** Kills the broker (its data is thrown away, so no clean shutdown, which takes seconds) and removes its folder. */
  close(): Promise<void>;
}

/** Kafka tests use loopback ports from this range (TEST_KAFKA_PORTS=first-last overrides it). */
const [FIRST, LAST] = (process.env["TEST_KAFKA_PORTS"] ?? "19092-19199").split("-").map(Number) as [number, number];

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The first port of the range that is free now, starting at a random place (parallel files). */
export async function freeKafkaPort(): Promise<number> {
  const span = LAST - FIRST + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = FIRST + ((start + i) % span);
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port in ${FIRST}-${LAST} for the test Kafka; set TEST_KAFKA_PORTS=first-last`);
}

/** A single-node Kafka (the embedded one, kafka/Launcher.java) on a free loopback port (or `port`), with its own data folder. */
export async function startTestKafka(options: { port?: number } = {}): Promise<TestKafka> {
  const port = options.port ?? (await freeKafkaPort());
  const dataDir = mkdtempSync(path.join(tmpdir(), "twin-test-kafka-"));
  const log = process.env["TEST_LOG"] ? createLogger(process.env["TEST_LOG"] as "debug") : silentLogger;
  try {
    const broker = await startEmbeddedKafka({ projectRoot, port, dataDir, log });
    return {
      brokers: broker.brokers,
      port,
      broker,
      close: async () => {
        await broker.kill();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
