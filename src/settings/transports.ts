// The settings of the engines beside the twin: the MQTT broker, Kafka, Redis.
import path from "node:path";
import type { KafkaSettings } from "../bridge/kafka/kafkaIngest.js";
import type { MqttSettings } from "../bridge/mqtt/mqttBridge.js";
import { prefixProblem } from "../bridge/mqtt/topics.js";
import { parseRedisSettings, type RedisSettings } from "../fanout/redisSettings.js";
import { ConfigError, integer, text, type Env } from "./env.js";

/** REDIS_URL (redis:// or rediss://) and REDIS_CHANNEL (default twin:events); undefined when REDIS_URL is unset. */
export function redisSettings(env: Env): RedisSettings | undefined {
  const url = text(env, "REDIS_URL");
  const channel = text(env, "REDIS_CHANNEL");
  if (url === undefined) {
    if (channel !== undefined) throw new ConfigError("REDIS_CHANNEL set but REDIS_URL is not; set REDIS_URL (e.g. redis://127.0.0.1:6379) or unset REDIS_CHANNEL");
    return undefined;
  }
  const parsed = parseRedisSettings(url, channel);
  if ("problem" in parsed) throw new ConfigError(parsed.problem);
  return parsed;
}

/**
 * MQTT_URL (mqtt:// or mqtts://), MQTT_USERNAME, MQTT_PASSWORD, MQTT_TOPIC_PREFIX (default
 * `twin`); undefined when MQTT_URL is unset, and then the other three must be unset too.
 */
export function mqttSettings(env: Env): MqttSettings | undefined {
  const url = text(env, "MQTT_URL");
  const username = text(env, "MQTT_USERNAME");
  const password = env["MQTT_PASSWORD"] === undefined || env["MQTT_PASSWORD"] === "" ? undefined : env["MQTT_PASSWORD"];
  const prefix = text(env, "MQTT_TOPIC_PREFIX") ?? "twin";
  if (url === undefined) {
    const stray = ["MQTT_USERNAME", "MQTT_PASSWORD", "MQTT_TOPIC_PREFIX"].filter((name) => text(env, name) !== undefined);
    if (stray.length > 0) throw new ConfigError(`${stray.join(", ")} set but MQTT_URL is not; set MQTT_URL (e.g. mqtt://127.0.0.1:1883) or unset ${stray.length > 1 ? "them" : "it"}`);
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`MQTT_URL=${url} is not a URL; write mqtt://host[:port] or mqtts://host[:port] (TLS), e.g. mqtt://127.0.0.1:1883`);
  }
  if (parsed.protocol !== "mqtt:" && parsed.protocol !== "mqtts:") {
    throw new ConfigError(`MQTT_URL=${url} has scheme ${parsed.protocol.replace(/:$/, "")}; the twin speaks mqtt:// (plain TCP) or mqtts:// (TLS)`);
  }
  if (parsed.hostname === "") throw new ConfigError(`MQTT_URL=${url} names no host; write e.g. mqtt://127.0.0.1:1883`);
  if (parsed.pathname !== "" && parsed.pathname !== "/") {
    throw new ConfigError(`MQTT_URL=${url} has a path (${parsed.pathname}); topics come from MQTT_TOPIC_PREFIX, so write only mqtt://host[:port]`);
  }
  if (password !== undefined && username === undefined && parsed.username === "") throw new ConfigError("MQTT_PASSWORD is set but MQTT_USERNAME is not; brokers take a password only with a user name");
  const problem = prefixProblem(prefix);
  if (problem !== null) throw new ConfigError(`MQTT_TOPIC_PREFIX=${prefix} cannot be used: ${problem}; write topic levels like twin or site-a/twin`);
  return Object.freeze({ url, username, password, prefix });
}

const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * KAFKA_BROKERS (comma-separated host:port), KAFKA_TOPIC (default twin.readings), KAFKA_GROUP
 * (default twin), KAFKA_PARTITIONS (when the twin creates the topic, default 8),
 * KAFKA_SESSION_TIMEOUT_MS (default 10000); undefined when KAFKA_BROKERS is unset, and then the
 * others must be unset too.
 */
export function kafkaSettings(env: Env, embedded?: EmbeddedKafkaSettings): KafkaSettings | undefined {
  const others = ["KAFKA_TOPIC", "KAFKA_GROUP", "KAFKA_PARTITIONS", "KAFKA_SESSION_TIMEOUT_MS"];
  const raw = embedded === undefined ? text(env, "KAFKA_BROKERS") : `127.0.0.1:${embedded.port}`;
  if (raw === undefined) {
    const stray = others.filter((name) => text(env, name) !== undefined);
    if (stray.length > 0) throw new ConfigError(`${stray.join(", ")} set but KAFKA_BROKERS is not; set KAFKA_BROKERS (e.g. 127.0.0.1:9092) or unset ${stray.length > 1 ? "them" : "it"}`);
    return undefined;
  }
  const brokers = raw
    .split(",")
    .map((b) => b.trim())
    .filter((b) => b !== "");
  for (const broker of brokers) {
    const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(broker);
    if (match === null || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      throw new ConfigError(`KAFKA_BROKERS: "${broker}" is not host:port; write e.g. KAFKA_BROKERS=127.0.0.1:9092,kafka-2:9092 (no scheme)`);
    }
  }
  const topic = text(env, "KAFKA_TOPIC") ?? "twin.readings";
  if (!TOPIC.test(topic) || topic === "." || topic === "..") throw new ConfigError(`KAFKA_TOPIC=${topic} is not a Kafka topic name: use letters, digits, '.', '_' and '-' (at most 249)`);
  const group = text(env, "KAFKA_GROUP") ?? "twin";
  return Object.freeze({
    brokers: Object.freeze(brokers),
    topic,
    group,
    partitions: integer(env, "KAFKA_PARTITIONS", 8, 1, 10_000),
    // The broker's group.min.session.timeout.ms is 6 s by default.
    sessionTimeoutMs: integer(env, "KAFKA_SESSION_TIMEOUT_MS", 10_000, 6_000, 300_000),
  });
}

/** KAFKA=embedded: the twin runs a single-node Kafka itself (or uses the one already on the port). */
export interface EmbeddedKafkaSettings {
  readonly port: number;
  readonly dataDir: string;
}

/** KAFKA (only `embedded`), KAFKA_PORT (default 9092), KAFKA_DATA_DIR (default kafka/.data under the project). */
export function embeddedKafkaSettings(env: Env, projectRoot: string): EmbeddedKafkaSettings | undefined {
  const mode = text(env, "KAFKA");
  if (mode === undefined) {
    const stray = ["KAFKA_PORT", "KAFKA_DATA_DIR"].filter((name) => text(env, name) !== undefined);
    if (stray.length > 0) throw new ConfigError(`${stray.join(", ")} set but KAFKA is not; set KAFKA=embedded for a Kafka run by the twin, or unset ${stray.length > 1 ? "them" : "it"}`);
    return undefined;
  }
  if (mode !== "embedded") throw new ConfigError(`KAFKA=${mode} is not understood; KAFKA=embedded runs a single-node Kafka with the twin, KAFKA_BROKERS=host:port uses yours`);
  if (text(env, "KAFKA_BROKERS") !== undefined) throw new ConfigError("KAFKA=embedded runs its own broker, so KAFKA_BROKERS cannot be set too; unset one of them");
  return Object.freeze({ port: integer(env, "KAFKA_PORT", 9092, 1, 65_535), dataDir: path.resolve(projectRoot, text(env, "KAFKA_DATA_DIR") ?? "kafka/.data") });
}
