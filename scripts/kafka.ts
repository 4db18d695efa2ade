// npm run kafka [-- <port> [dataDir]] — run the embedded single-node Kafka (KRaft) for twin
// instances started with KAFKA_BROKERS=127.0.0.1:<port> (docs/scale.md). Default port 9092,
// data in kafka/.data. Ctrl-C stops it cleanly.
import path from "node:path";
import { startEmbeddedKafka } from "../src/bridge/kafka/embeddedKafka.js";
import { projectRoot } from "../src/config.js";
import { createLogger, standardSink } from "../src/log.js";

const port = Number(process.argv[2] ?? 9092);
const dataDir = path.resolve(process.argv[3] ?? path.join(projectRoot, "kafka", ".data"));
const log = createLogger("info", standardSink, "kafka");
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`the port must be an integer in 1..65535, got ${process.argv[2]}; usage: npm run kafka -- [port] [dataDir]`);
  process.exit(2);
}
try {
  const kafka = await startEmbeddedKafka({ projectRoot, port, dataDir, log });
  log.info(`Kafka is serving ${kafka.brokers}: start twins with KAFKA_BROKERS=${kafka.brokers}; Ctrl-C to stop`);
  const stop = (): void => void kafka.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await kafka.exited;
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
