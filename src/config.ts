import path from "node:path";
import type { KafkaSettings } from "./bridge/kafka/kafkaIngest.js";
import type { MqttSettings } from "./bridge/mqtt/mqttBridge.js";
import type { RedisSettings } from "./fanout/redisSettings.js";
import { ConfigError, integer, oneOf, text, type Env } from "./settings/env.js";
import { embeddedKafkaSettings, kafkaSettings, mqttSettings, redisSettings, type EmbeddedKafkaSettings } from "./settings/transports.js";
import { instanceProblem } from "./wal/segmentDirectory.js";
import type { QueryLimitSettings } from "./graphql/limits/queryLimitSettings.js";
import { DEFAULT_QUERY_LIMITS } from "./graphql/limits/queryLimitSettings.js";
import type { RetentionSettings } from "./history/retentionPolicy.js";
import { isLoopback } from "./http/origins.js";
import type { Playground } from "./http/server.js";
import type { IngestSettings } from "./ingest/batchWriter.js";
import { projectRoot } from "./projectRoot.js";

// Moved beside their users; still importable from here for scripts and tests.
export { projectRoot, isLoopback, DEFAULT_QUERY_LIMITS, ConfigError };
export type { IngestSettings, RetentionSettings, QueryLimitSettings };

type DeviceMode = "sim" | "virtual" | "virtual-mqtt" | "none";

interface Neo4jTarget {
  /** bolt/neo4j URI of an external server; undefined means "run the embedded database". */
  readonly uri: string | undefined;
  readonly user: string;
  readonly password: string;
  readonly embeddedPort: number;
  readonly dataDir: string;
}

export interface WalConfig {
  /** Folder of the write-ahead log's segments (every instance's). */
  readonly dir: string;
  /** This twin's name among those sharing the folder: it writes and replays only its own segments. */
  readonly instance: string;
  readonly fsyncMs: number;
  readonly maxBytes: number;
}

interface AnalyticsSettings {
  /** How much recent history each sensor keeps in memory for the live path. */
  readonly retentionMs: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly neo4j: Neo4jTarget;
  readonly ingest: IngestSettings;
  readonly wal: WalConfig;
  readonly analytics: AnalyticsSettings;
  readonly retention: RetentionSettings;
  readonly serialPorts: readonly string[];
  readonly serialBaud: number;
  readonly device: DeviceMode | undefined;
  /** The MQTT broker that nodes publish to (MQTT_URL…); undefined: no MQTT bridge. */
  readonly mqtt: MqttSettings | undefined;
  /** Partitioned ingest through Kafka (KAFKA_BROKERS…); undefined: the bridges feed this process's pipeline directly. */
  readonly kafka: KafkaSettings | undefined;
  /** KAFKA=embedded: the single-node Kafka the twin runs (and `kafka` points at); undefined: none. */
  readonly kafkaEmbedded: EmbeddedKafkaSettings | undefined;
  /** Subscription events shared between instances (REDIS_URL, REDIS_CHANNEL); undefined: this instance's only. */
  readonly redis: RedisSettings | undefined;
  /** Reading timestamps from serial devices: host arrival time or the device's uptime clock. */
  readonly serialTimestamps: "host" | "device";
  /** Extra arguments for the simulated node (plant parameters, scenarios). */
  readonly simArgs: readonly string[];
  readonly authOff: boolean;
  /** HS256 secret for bearer tokens; or `jwksUrl` for tokens signed by an identity provider. */
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly safety: {
    /** JSON list of interlocks (EXCLUSIVE pairs, MAX_ON limits); see docs/control.md (Safety). */
    readonly interlocksJson: string | undefined;
    /** Commands per actuator per minute, at most. */
    readonly commandsPerMinute: number;
    /** How long a person's command pauses rules on its actuator. */
    readonly overrideMs: number;
  };
  readonly queryLimits: QueryLimitSettings;
  /** Browser origins besides the twin's own that may call the API (CORS_ORIGINS), each as scheme://host[:port]. */
  readonly corsOrigins: readonly string[];
  /** What a browser gets on GET /graphql: the bundled GraphiQL (works offline) or Apollo Sandbox (loads from Apollo's CDN). */
  readonly playground: Playground;
  readonly logLevel: "debug" | "info" | "warn" | "error";
  /** `text` lines for people, or `json`: one JSON object per line for log collectors. */
  readonly logFormat: "text" | "json";
}

/** The query limits of README's configuration table; the per-minute budget must fit one request. */
function queryLimits(env: Env): QueryLimitSettings {
  const defaults = DEFAULT_QUERY_LIMITS;
  const limits: QueryLimitSettings = {
    maxDepth: integer(env, "QUERY_MAX_DEPTH", defaults.maxDepth, 0, 1_000),
    maxAliases: integer(env, "QUERY_MAX_ALIASES", defaults.maxAliases, 0, 100_000),
    maxCost: integer(env, "QUERY_MAX_COST", defaults.maxCost, 0, 1_000_000_000),
    costPerMinute: integer(env, "QUERY_COST_PER_MINUTE", defaults.costPerMinute, 0, 1_000_000_000_000),
    timeoutMs: integer(env, "QUERY_TIMEOUT_MS", defaults.timeoutMs, 0, 3_600_000),
  };
  if (limits.costPerMinute > 0 && limits.maxCost > 0 && limits.costPerMinute < limits.maxCost) {
    throw new ConfigError(
      `QUERY_COST_PER_MINUTE=${limits.costPerMinute} is below QUERY_MAX_COST=${limits.maxCost}, so a request the cost limit allows could never run; ` +
        "raise QUERY_COST_PER_MINUTE or lower QUERY_MAX_COST",
    );
  }
  return Object.freeze(limits);
}

/** RETENTION_*: minute rollups must outlive the raw readings they summarise (or both be kept for ever). */
function retention(env: Env): RetentionSettings {
  const settings: RetentionSettings = {
    rawDays: integer(env, "RETENTION_RAW_DAYS", 30, 0, 36_500),
    minuteDays: integer(env, "RETENTION_MINUTE_DAYS", 180, 0, 36_500),
    intervalMs: integer(env, "RETENTION_INTERVAL_SECONDS", 60, 1, 86_400) * 1000,
    batchSize: integer(env, "RETENTION_BATCH", 2_000, 1, 100_000),
  };
  if (settings.minuteDays !== 0 && (settings.rawDays === 0 || settings.minuteDays < settings.rawDays)) {
    throw new ConfigError(
      `RETENTION_MINUTE_DAYS=${settings.minuteDays} is shorter than RETENTION_RAW_DAYS=${settings.rawDays === 0 ? "0 (for ever)" : settings.rawDays}: ` +
        "minute rollups would be deleted while the raw readings they summarise are kept; raise RETENTION_MINUTE_DAYS (0 keeps them for ever) or lower RETENTION_RAW_DAYS",
    );
  }
  return settings;
}

/**
 * CORS_ORIGINS: comma-separated origins (`https://dash.example.org`, `http://localhost:5173`)
 * whose pages may call the API; the twin's own origin always may. No wildcard: a page from
 * any site could then switch actuators.
 */
function corsOrigins(env: Env): readonly string[] {
  const origins: string[] = [];
  for (const entry of (text(env, "CORS_ORIGINS") ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter((o) => o !== "")) {
    if (entry === "*" || entry === "null") {
      throw new ConfigError(`CORS_ORIGINS=${entry} would let pages of any site call the API (and move hardware); list each origin instead, e.g. https://dash.example.org`);
    }
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`CORS_ORIGINS: "${entry}" is not an origin; write scheme://host[:port], e.g. http://localhost:5173`);
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "") {
      throw new ConfigError(`CORS_ORIGINS: "${entry}" is not an origin; write scheme://host[:port] with no path, e.g. ${url.protocol.startsWith("http") ? url.origin : "http://localhost:5173"}`);
    }
    origins.push(url.origin);
  }
  return Object.freeze([...new Set(origins)]);
}

/** The folder of each recorded data set, by its name ("nab", "uci-occupancy"). */
export type DatasetFolders = Readonly<Record<string, string>>;

/** The recorded data that travels with the repository (what `npm test` reads), under the project root. */
export const FIXTURE_DATASETS = "test/fixtures/datasets";

/**
 * Where the evaluations and imports find the recorded data sets: NAB in NAB_DATA_DIR (default
 * ../shared/datasets/nab beside the project); UCI Occupancy, complete in the repository, in
 * test/fixtures/datasets. Other names stay under ../shared/datasets.
 */
export function datasetFolders(root: string = projectRoot, env: Env = process.env): DatasetFolders {
  return Object.freeze({
    nab: path.resolve(root, text(env, "NAB_DATA_DIR") ?? "../shared/datasets/nab"),
    "uci-occupancy": path.resolve(root, FIXTURE_DATASETS, "uci-occupancy"),
  });
}

/** Reads, validates and freezes the configuration; the only reader of process.env. */
export function loadConfig(env: Env = process.env): Config {
  const host = text(env, "HOST") ?? "127.0.0.1";
  const authOff = text(env, "AUTH") === "off";
  if (text(env, "AUTH") !== undefined && !authOff) {
    throw new ConfigError(`AUTH=${text(env, "AUTH")} is not understood; the only value is "off"`);
  }
  const jwtSecret = text(env, "JWT_SECRET");
  const jwksUrl = text(env, "JWKS_URL");
  if (jwtSecret !== undefined && jwksUrl !== undefined) throw new ConfigError("set either JWT_SECRET or JWKS_URL, not both");
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new ConfigError("JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit secret)");
  if (jwksUrl !== undefined && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError(`JWKS_URL=${jwksUrl} must be an http(s) URL`);
  const authConfigured = jwtSecret !== undefined || jwksUrl !== undefined;
  if (!isLoopback(host) && !authOff && !authConfigured) {
    throw new ConfigError(
      `HOST=${host} is reachable from other machines but no authentication is configured; ` +
        "set JWT_SECRET or JWKS_URL, listen on 127.0.0.1, or set AUTH=off to accept unauthenticated requests from the network",
    );
  }
  const uri = text(env, "NEO4J_URI");
  const port = integer(env, "PORT", 4000, 0, 65535);
  const dataDir = path.resolve(projectRoot, text(env, "NEO4J_DATA_DIR") ?? "db/.data");
  const kafkaEmbedded = embeddedKafkaSettings(env, projectRoot);
  const instance = text(env, "INSTANCE_ID") ?? `port-${port}`;
  const instanceError = instanceProblem(instance);
  if (instanceError !== null) throw new ConfigError(`INSTANCE_ID: ${instanceError}`);
  const config: Config = {
    port,
    host,
    neo4j: {
      uri,
      user: text(env, "NEO4J_USER") ?? "neo4j",
      password: text(env, "NEO4J_PASSWORD") ?? "",
      embeddedPort: integer(env, "NEO4J_EMBEDDED_PORT", 7687, 1, 65535),
      dataDir,
    },
    ingest: {
      batchSize: integer(env, "INGEST_BATCH_SIZE", 2000, 1, 50_000),
      lingerMs: integer(env, "INGEST_LINGER_MS", 500, 0, 3_600_000),
      bufferCapacity: integer(env, "INGEST_BUFFER", 100_000, 1, 10_000_000),
      commitTimeoutMs: integer(env, "INGEST_COMMIT_TIMEOUT_MS", 10_000, 1, 600_000),
    },
    wal: {
      dir: path.resolve(projectRoot, text(env, "INGEST_WAL_DIR") ?? path.join(dataDir, "wal")),
      instance,
      fsyncMs: integer(env, "INGEST_WAL_FSYNC_MS", 50, 1, 10_000),
      maxBytes: integer(env, "INGEST_WAL_MAX_MB", 1024, 1, 1_048_576) * 1024 * 1024,
    },
    analytics: { retentionMs: integer(env, "ANALYTICS_RETENTION_HOURS", 24, 1, 24 * 30) * 3_600_000 },
    retention: retention(env),
    serialPorts: (text(env, "SERIAL_PORTS") ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== ""),
    serialBaud: integer(env, "SERIAL_BAUD", 115200, 300, 4_000_000),
    device: oneOf(env, "DEVICE", ["sim", "virtual", "virtual-mqtt", "none"] as const),
    mqtt: mqttSettings(env),
    kafka: kafkaSettings(env, kafkaEmbedded),
    kafkaEmbedded,
    redis: redisSettings(env),
    serialTimestamps: oneOf(env, "SERIAL_TIMESTAMPS", ["host", "device"] as const) ?? "host",
    simArgs: (text(env, "SIM_ARGS") ?? "").split(/\s+/).filter((a) => a !== ""),
    authOff,
    jwtSecret,
    jwksUrl,
    safety: {
      interlocksJson: text(env, "INTERLOCKS"),
      commandsPerMinute: integer(env, "COMMAND_RATE_LIMIT", 30, 1, 6_000),
      overrideMs: integer(env, "MANUAL_OVERRIDE_MINUTES", 15, 0, 7 * 24 * 60) * 60_000,
    },
    queryLimits: queryLimits(env),
    corsOrigins: corsOrigins(env),
    playground: oneOf(env, "PLAYGROUND", ["graphiql", "apollo"] as const) ?? "graphiql",
    logLevel: oneOf(env, "LOG_LEVEL", ["debug", "info", "warn", "error"] as const) ?? "info",
    logFormat: oneOf(env, "LOG_FORMAT", ["text", "json"] as const) ?? "text",
  };
  if (config.device === "virtual-mqtt" && config.mqtt === undefined) {
    throw new ConfigError(
      "DEVICE=virtual-mqtt runs the virtual node as an MQTT node, which needs a broker: set MQTT_URL (e.g. mqtt://127.0.0.1:1883), or use DEVICE=virtual for the serial-style virtual node",
    );
  }
  if (config.ingest.bufferCapacity < config.ingest.batchSize) {
    throw new ConfigError(`INGEST_BUFFER=${config.ingest.bufferCapacity} is smaller than INGEST_BATCH_SIZE=${config.ingest.batchSize}; raise the buffer`);
  }
  return Object.freeze({
    ...config,
    neo4j: Object.freeze(config.neo4j),
    ingest: Object.freeze(config.ingest),
    wal: Object.freeze(config.wal),
    analytics: Object.freeze(config.analytics),
    retention: Object.freeze(config.retention),
  });
}
