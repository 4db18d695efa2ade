import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { Driver } from "neo4j-driver";
import { createApp, type App } from "../../src/app.js";
import type { KafkaSettings } from "../../src/bridge/kafka/kafkaIngest.js";
import type { MqttSettings } from "../../src/bridge/mqtt/mqttBridge.js";
import type { RedisSettings } from "../../src/fanout/redisSettings.js";
import type { SafetySettings } from "../../src/commands/safety.js";
import type { IngestSettings, QueryLimitSettings, RetentionSettings, WalConfig } from "../../src/config.js";
import type { Authenticator } from "../../src/graphql/auth.js";
import { createLogger, silentLogger, type Logger } from "../../src/log.js";
import { createDriver } from "../../src/store/driver.js";

export function testDriver(uri: string = inject("neo4jUri")): Driver {
  return createDriver({ uri, user: inject("neo4jUser"), password: inject("neo4jPassword") });
}

/** The test database's address with the routing scheme (`neo4j://`), as a cluster is addressed. */
export function routingUri(): string {
  return inject("neo4jUri").replace(/^bolt(\+s|\+ssc)?:/, "neo4j$1:");
}

export interface TestTwin {
  readonly app: App;
  readonly driver: Driver;
  readonly url: string;
  readonly wsUrl: string;
  /** A prefix unique to this twin: tests name their sensors with it to stay isolated. */
  readonly prefix: string;
  /**
   * Resolves once `count` more subscriptions to `field` (e.g. "readingAdded") are registered on
   * the server, counted from this call: call it before subscribing, await it after.
   */
  subscriptionsRegistered(field: string, count?: number): Promise<void>;
  close(): Promise<void>;
}

function registrations(app: App, field: string, count: number, timeoutMs = 10_000): Promise<void> {
  const owner = `subscription:${field}:`;
  return new Promise((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${count} ${field} subscription(s) to be registered (${seen} were)`));
    }, timeoutMs);
    const stop = app.services.feed.watchRegistrations((name) => {
      if (!name.startsWith(owner) || ++seen < count) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/** Starts the whole twin (schema, ingest, HTTP + WebSocket) on a free port against the test database. */
export async function startTestTwin(
  options: {
    ingest?: Partial<IngestSettings>;
    wal?: Partial<WalConfig>;
    log?: Logger;
    clock?: () => number;
    authenticator?: Authenticator;
    safety?: SafetySettings;
    serialTimestamps?: "host" | "device";
    queryLimits?: QueryLimitSettings;
    corsOrigins?: readonly string[];
    /** Another address of the test database, e.g. routingUri(). */
    neo4jUri?: string;
    mqtt?: MqttSettings;
    /** Partitioned ingest through this Kafka (KAFKA_BROKERS…). */
    kafka?: KafkaSettings;
    /** The instance's name (its Kafka client id). */
    instance?: string;
    /** Shares subscription events with other instances through this Redis (REDIS_URL…). */
    redis?: RedisSettings;
    /** Turns retention on (off by default: test twins keep everything). */
    retention?: RetentionSettings;
  } = {},
): Promise<TestTwin> {
  const uri = options.neo4jUri ?? inject("neo4jUri");
  const driver = testDriver(uri);
  // Every test twin writes its own write-ahead log, in a folder of its own.
  const walDir = options.wal?.dir ?? mkdtempSync(path.join(tmpdir(), "twin-test-wal-"));
  const app = await createApp({
    config: {
      host: "127.0.0.1",
      port: 0,
      ingest: { batchSize: 500, lingerMs: 10, bufferCapacity: 50_000, ...options.ingest },
      wal: { dir: walDir, instance: "test", fsyncMs: 20, maxBytes: 256 * 1024 * 1024, ...options.wal },
      ...(options.queryLimits === undefined ? {} : { queryLimits: options.queryLimits }),
      ...(options.corsOrigins === undefined ? {} : { corsOrigins: options.corsOrigins }),
      ...(options.retention === undefined ? {} : { retention: options.retention }),
    },
    driver,
    uri,
    // TEST_LOG=debug|info|warn|error prints the twin's log while debugging a test.
    log: options.log ?? (process.env["TEST_LOG"] ? createLogger(process.env["TEST_LOG"] as "debug") : silentLogger),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.authenticator === undefined ? {} : { authenticator: options.authenticator }),
    ...(options.safety === undefined ? {} : { safety: options.safety }),
    ...(options.serialTimestamps === undefined ? {} : { serialTimestamps: options.serialTimestamps }),
    ...(options.mqtt === undefined ? {} : { mqtt: options.mqtt }),
    ...(options.kafka === undefined ? {} : { kafka: options.kafka }),
    ...(options.instance === undefined ? {} : { instance: options.instance }),
    ...(options.redis === undefined ? {} : { redis: options.redis }),
  });
  return {
    app,
    driver,
    url: app.server.url,
    wsUrl: app.server.wsUrl,
    prefix: `t${randomUUID().slice(0, 8)}`,
    subscriptionsRegistered: (field, count = 1) => registrations(app, field, count),
    close: async () => {
      await app.stop();
      await driver.close();
      if (options.wal?.dir === undefined) rmSync(walDir, { recursive: true, force: true });
    },
  };
}

export interface GraphQLResponse<T> {
  /** The HTTP status (401 for a missing or bad token). */
  status?: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POSTs one GraphQL operation and returns the parsed response. */
export async function gql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T> & { status?: number };
  return Object.assign(body, { status: response.status });
}

/** Polls until `check` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
