// npm run kafka:fetch — fetch Apache Kafka's broker jars (kafka/pom.xml) for the embedded Kafka
// that the Kafka tests start (and KAFKA_BROKERS setups may use; see docs/scale.md).
import { ensureKafkaJars } from "../src/bridge/kafka/embeddedKafka.js";
import { projectRoot } from "../src/config.js";
import { createLogger } from "../src/log.js";

try {
  const lib = ensureKafkaJars(projectRoot, createLogger("info"));
  console.log(`Kafka jars are in ${lib}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
