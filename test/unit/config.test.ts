import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, isLoopback, loadConfig, projectRoot } from "../../src/config.js";

describe("loadConfig", () => {
  it("has the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: "127.0.0.1",
      neo4j: { uri: undefined, embeddedPort: 7687, user: "neo4j", password: "" },
      serialPorts: [],
      serialBaud: 115200,
      device: undefined,
      mqtt: undefined,
      authOff: false,
    });
    expect(config.neo4j.dataDir).toMatch(/db\/\.data$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads every variable", () => {
    const config = loadConfig({
      PORT: "4100",
      NEO4J_URI: "neo4j://db:7687",
      NEO4J_USER: "twin",
      NEO4J_PASSWORD: "secret",
      NEO4J_EMBEDDED_PORT: "7700",
      SERIAL_PORTS: "/dev/ttyACM0, /dev/ttyUSB1,",
      SERIAL_BAUD: "57600",
      DEVICE: "virtual",
      INGEST_BATCH_SIZE: "100",
    });
    expect(config.port).toBe(4100);
    expect(config.neo4j).toMatchObject({ uri: "neo4j://db:7687", user: "twin", password: "secret", embeddedPort: 7700 });
    expect(config.serialPorts).toEqual(["/dev/ttyACM0", "/dev/ttyUSB1"]);
    expect(config.serialBaud).toBe(57600);
    expect(config.device).toBe("virtual");
    expect(config.ingest.batchSize).toBe(100);
  });

  it.each([
    [{ PORT: "70000" }, /PORT=70000 is not an integer in 0\.\.65535/],
    [{ DEVICE: "arduino" }, /DEVICE=arduino is not one of sim, virtual, virtual-mqtt, none/],
    [{ DEVICE: "virtual-mqtt" }, /DEVICE=virtual-mqtt .* needs a broker: set MQTT_URL \(e\.g\. mqtt:\/\/127\.0\.0\.1:1883\), or use DEVICE=virtual/],
    [{ MQTT_URL: "http://broker:1883" }, /MQTT_URL=http:\/\/broker:1883 has scheme http; the twin speaks mqtt:\/\/ \(plain TCP\) or mqtts:\/\/ \(TLS\)/],
    [{ MQTT_URL: "broker:1883" }, /MQTT_URL=broker:1883 has scheme broker/],
    [{ MQTT_URL: "not a url" }, /MQTT_URL=not a url is not a URL; write mqtt:\/\/host\[:port\]/],
    [{ MQTT_URL: "mqtt://broker:1883/twin" }, /has a path \(\/twin\); topics come from MQTT_TOPIC_PREFIX/],
    [{ MQTT_URL: "mqtt://broker", MQTT_TOPIC_PREFIX: "twin/#" }, /MQTT_TOPIC_PREFIX=twin\/# cannot be used: it contains a wildcard/],
    [{ MQTT_URL: "mqtt://broker", MQTT_TOPIC_PREFIX: "site//twin" }, /cannot be used: it has an empty level/],
    [{ MQTT_URL: "mqtt://broker", MQTT_PASSWORD: "pw" }, /MQTT_PASSWORD is set but MQTT_USERNAME is not/],
    [{ MQTT_USERNAME: "twin" }, /MQTT_USERNAME set but MQTT_URL is not; set MQTT_URL/],
    [{ HOST: "192.168.1.5" }, /no authentication is configured.*AUTH=off/],
    [{ AUTH: "maybe" }, /AUTH=maybe is not understood/],
    [{ INGEST_BUFFER: "10", INGEST_BATCH_SIZE: "100" }, /smaller than INGEST_BATCH_SIZE/],
    [{ QUERY_MAX_DEPTH: "-1" }, /QUERY_MAX_DEPTH=-1 is not an integer in 0\.\.1000; fix or unset it \(default 12\)/],
    [{ QUERY_TIMEOUT_MS: "2.5" }, /QUERY_TIMEOUT_MS=2\.5 is not an integer/],
    [{ QUERY_MAX_COST: "10000", QUERY_COST_PER_MINUTE: "5000" }, /QUERY_COST_PER_MINUTE=5000 is below QUERY_MAX_COST=10000, so a request the cost limit allows could never run/],
    [{ CORS_ORIGINS: "*" }, /CORS_ORIGINS=\* would let pages of any site call the API.*list each origin instead/],
    [{ CORS_ORIGINS: "dash.example.org" }, /CORS_ORIGINS: "dash\.example\.org" is not an origin; write scheme:\/\/host\[:port\]/],
    [{ CORS_ORIGINS: "https://dash.example.org/app" }, /"https:\/\/dash\.example\.org\/app" is not an origin; .*with no path, e\.g\. https:\/\/dash\.example\.org$/],
    [{ CORS_ORIGINS: "ftp://dash.example.org" }, /is not an origin/],
    [{ LOG_FORMAT: "yaml" }, /LOG_FORMAT=yaml is not one of text, json/],
    [{ KAFKA: "yes" }, /KAFKA=yes is not understood; KAFKA=embedded runs a single-node Kafka with the twin, KAFKA_BROKERS=host:port uses yours/],
    [{ KAFKA: "embedded", KAFKA_BROKERS: "k1:9092" }, /KAFKA=embedded runs its own broker, so KAFKA_BROKERS cannot be set too/],
    [{ KAFKA_PORT: "9093" }, /KAFKA_PORT set but KAFKA is not; set KAFKA=embedded/],
    [{ KAFKA: "embedded", KAFKA_PORT: "0" }, /KAFKA_PORT=0 is not an integer in 1\.\.65535/],
    [{ REDIS_URL: "http://cache:6379" }, /REDIS_URL=http:\/\/cache:6379 has scheme http; the twin speaks redis:\/\/ \(plain TCP\) or rediss:\/\/ \(TLS\)/],
    [{ REDIS_URL: "redis:// bad" }, /REDIS_URL=redis:\/\/ bad is not a URL; write redis:\/\/host\[:port\]/],
    [{ REDIS_URL: "redis://:hunter2@cache:6379", REDIS_CHANNEL: "twin events" }, /REDIS_CHANNEL=twin events must be 1\.\.100 characters/],
    [{ REDIS_CHANNEL: "twin:events" }, /REDIS_CHANNEL set but REDIS_URL is not; set REDIS_URL \(e\.g\. redis:\/\/127\.0\.0\.1:6379\) or unset REDIS_CHANNEL/],
    [{ KAFKA_TOPIC: "readings" }, /KAFKA_TOPIC set but KAFKA_BROKERS is not; set KAFKA_BROKERS \(e\.g\. 127\.0\.0\.1:9092\) or unset it/],
    [{ KAFKA_BROKERS: "kafka://broker:9092" }, /KAFKA_BROKERS: "kafka:\/\/broker:9092" is not host:port; write e\.g\. KAFKA_BROKERS=127\.0\.0\.1:9092,kafka-2:9092 \(no scheme\)/],
    [{ KAFKA_BROKERS: "broker" }, /"broker" is not host:port/],
    [{ KAFKA_BROKERS: "broker:9092", KAFKA_TOPIC: "twin/readings" }, /KAFKA_TOPIC=twin\/readings is not a Kafka topic name/],
    [{ KAFKA_BROKERS: "broker:9092", KAFKA_SESSION_TIMEOUT_MS: "1000" }, /KAFKA_SESSION_TIMEOUT_MS=1000 is not an integer in 6000\.\.300000/],
  ])("refuses %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("reads the MQTT broker settings, with the topic prefix twin by default", () => {
    expect(loadConfig({ MQTT_URL: "mqtt://127.0.0.1:1883" }).mqtt).toEqual({ url: "mqtt://127.0.0.1:1883", username: undefined, password: undefined, prefix: "twin" });
    const full = loadConfig({ MQTT_URL: "mqtts://broker.example.org:8883", MQTT_USERNAME: "twin", MQTT_PASSWORD: " secret ", MQTT_TOPIC_PREFIX: "site-a/twin", DEVICE: "virtual-mqtt" });
    expect(full.mqtt).toEqual({ url: "mqtts://broker.example.org:8883", username: "twin", password: " secret ", prefix: "site-a/twin" });
    expect(full.device).toBe("virtual-mqtt");
  });

  it("reads the Kafka settings (none by default), with topic twin.readings and group twin by default", () => {
    expect(loadConfig({}).kafka).toBeUndefined();
    expect(loadConfig({ KAFKA_BROKERS: "127.0.0.1:9092" }).kafka).toEqual({ brokers: ["127.0.0.1:9092"], topic: "twin.readings", group: "twin", partitions: 8, sessionTimeoutMs: 10_000 });
    const full = loadConfig({ KAFKA_BROKERS: "k1:9092, k2:9093,", KAFKA_TOPIC: "site-a.readings", KAFKA_GROUP: "twin-a", KAFKA_PARTITIONS: "12", KAFKA_SESSION_TIMEOUT_MS: "6000" });
    expect(full.kafka).toEqual({ brokers: ["k1:9092", "k2:9093"], topic: "site-a.readings", group: "twin-a", partitions: 12, sessionTimeoutMs: 6_000 });
  });

  it("reads KAFKA=embedded as a Kafka of its own on KAFKA_PORT (9092), data in kafka/.data", () => {
    const config = loadConfig({ KAFKA: "embedded" });
    expect(config.kafkaEmbedded).toEqual({ port: 9092, dataDir: path.join(projectRoot, "kafka", ".data") });
    expect(config.kafka?.brokers).toEqual(["127.0.0.1:9092"]);
    expect(loadConfig({ KAFKA: "embedded", KAFKA_PORT: "19500", KAFKA_DATA_DIR: "/tmp/k" }).kafka?.brokers).toEqual(["127.0.0.1:19500"]);
    expect(loadConfig({}).kafkaEmbedded).toBeUndefined();
  });

  it("reads the Redis settings (none by default), with channel twin:events by default", () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).redis).toEqual({ url: "redis://127.0.0.1:6379", channel: "twin:events" });
    expect(loadConfig({ REDIS_URL: "rediss://twin:pw@cache.example.org:6380", REDIS_CHANNEL: "site-a:events" }).redis).toEqual({
      url: "rediss://twin:pw@cache.example.org:6380",
      channel: "site-a:events",
    });
  });

  it("reads CORS_ORIGINS as normalised origins (none by default) and LOG_FORMAT", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({}).logFormat).toBe("text");
    const config = loadConfig({ CORS_ORIGINS: "https://Dash.Example.org, http://localhost:5173/,https://dash.example.org:443", LOG_FORMAT: "json" });
    expect(config.corsOrigins).toEqual(["https://dash.example.org", "http://localhost:5173"]);
    expect(config.logFormat).toBe("json");
  });

  it("has the documented query limits, each configurable and 0 for off", () => {
    expect(loadConfig({}).queryLimits).toEqual({ maxDepth: 12, maxAliases: 30, maxCost: 5_000, costPerMinute: 200_000, timeoutMs: 10_000 });
    const env = { QUERY_MAX_DEPTH: "20", QUERY_MAX_ALIASES: "0", QUERY_MAX_COST: "0", QUERY_COST_PER_MINUTE: "1000", QUERY_TIMEOUT_MS: "2500" };
    expect(loadConfig(env).queryLimits).toEqual({ maxDepth: 20, maxAliases: 0, maxCost: 0, costPerMinute: 1_000, timeoutMs: 2_500 });
  });

  it("serves a non-loopback address when AUTH=off is explicit", () => {
    expect(loadConfig({ HOST: "0.0.0.0", AUTH: "off" })).toMatchObject({ host: "0.0.0.0", authOff: true });
  });

  it("knows loopback addresses", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "localhost"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "10.0.0.1", "::", "example.org"].some(isLoopback)).toBe(false);
  });
});
