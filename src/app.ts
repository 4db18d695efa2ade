import type { Driver } from "neo4j-driver";
import { Bridge } from "./bridge/bridge.js";
import { KafkaIngest, type KafkaSettings } from "./bridge/kafka/kafkaIngest.js";
import { MqttBridge, type MqttSettings } from "./bridge/mqtt/mqttBridge.js";
import type { SharedEvents } from "./fanout/fanoutMessage.js";
import { RedisFanout } from "./fanout/redisFanout.js";
import { RemoteDevices } from "./fanout/remoteDevices.js";
import type { RedisSettings } from "./fanout/redisSettings.js";
import { ConfigError, type Config } from "./config.js";
import type { RetentionSettings } from "./history/retentionPolicy.js";
import { projectRoot } from "./projectRoot.js";
import { UnavailableError } from "./errors.js";
import { buildSchema, createResolvers } from "./graphql/schema.js";
import type { TwinServices } from "./graphql/services.js";
import path from "node:path";
import { exportRoute } from "./http/export.js";
import { createMetrics } from "./http/metrics.js";
import { metricsRoute } from "./http/metricsRoute.js";
import { webRoutes } from "./http/webRoutes.js";
import { startHttpServer, type HealthReport, type RunningServer } from "./http/server.js";
import type { Logger } from "./log.js";
import { ActuatorStore } from "./store/actuatorStore.js";
import { AlertStore } from "./store/alertStore.js";
import { CalibrationStore } from "./store/calibrationStore.js";
import { DeviceStore } from "./store/deviceStore.js";
import { databaseAnswers } from "./store/health.js";
import { migrate } from "./store/migrations.js";
import { ReadDeadlines } from "./store/readDeadlines.js";
import { ReadingStore } from "./store/readingStore.js";
import { loadThresholds } from "./store/thresholdStore.js";
import { startAnalytics, type AnalyticsRuntime } from "./twin/analyticsRuntime.js";
import { ActuatorLog } from "./history/actuatorLog.js";
import { ClimateHistory } from "./history/climateHistory.js";
import { ClimateService } from "./twin/climateService.js";
import { MaintenancePlanner } from "./twin/maintenancePlanner.js";
import { MoldAdvisor } from "./twin/moldAdvisor.js";
import { LocationStore } from "./store/locationStore.js";
import { Predictions } from "./twin/predictions.js";
import { AlertHistoryCache } from "./live/alertHistoryCache.js";
import { BatchWriter } from "./ingest/batchWriter.js";
import { EventBus, narrowBus } from "./util/eventBus.js";
import type { TwinEvents } from "./domain/events.js";
import { IngestPipeline } from "./ingest/ingest.js";
import { LiveState } from "./live/liveState.js";
import { SampledHistory } from "./history/sampledHistory.js";
import { replayWal } from "./wal/replay.js";
import { WriteAheadLog } from "./wal/writeAheadLog.js";
import { startControl, type ControlRuntime } from "./automation/controlRuntime.js";
import { DEFAULT_SAFETY, type SafetySettings } from "./commands/safety.js";
import { createAuthenticator, type Authenticator } from "./graphql/auth.js";
import { CommandStore } from "./store/commandStore.js";
import { RuleStore } from "./store/ruleStore.js";
import { RollupStore } from "./store/rollupStore.js";
import { historyNeeds, minimumRawDays, retentionProblem } from "./automation/historyNeeds.js";
import { KEEP_FOREVER, RetentionPolicy } from "./history/retentionPolicy.js";
import { RetentionJob } from "./history/retentionJob.js";
import { RollupHistory } from "./history/rollupHistory.js";
import { RollupService } from "./history/rollupService.js";

/** How long recordReadings waits for buffer room while the database catches up. */
const ROOM_WAIT_MS = 10_000;
const DEFAULT_COMMIT_TIMEOUT_MS = 10_000;

export interface AppOptions {
  /** Without `wal`, accepted readings live only in memory until committed (some unit-level benches); the twin always has one. */
  /** Without `retention` everything is kept and no retention runs (tests, benchmarks); the twin always has it. */
  readonly config: Pick<Config, "host" | "port" | "ingest"> & Partial<Pick<Config, "analytics" | "wal" | "queryLimits" | "corsOrigins" | "playground" | "retention">>;
  readonly driver: Driver;
  /** The database URI, for messages. */
  readonly uri: string;
  readonly log: Logger;
  readonly clock?: () => number;
  /** Reading timestamps from serial devices: host arrival time (default) or device uptime. */
  readonly serialTimestamps?: "host" | "device";
  /** Token verification; default: none (everyone is the local admin, loopback only). */
  readonly authenticator?: Authenticator;
  /** Interlocks, rate limit and manual-override pause. */
  readonly safety?: SafetySettings;
  /** The dashboard's build output; default web/dist under the project. */
  readonly webDir?: string;
  /** MQTT_URL's broker: its nodes get sessions on the same bridge as serial ports; unset, no MQTT. */
  readonly mqtt?: MqttSettings;
  /** KAFKA_BROKERS: the bridges' readings go through Kafka and this instance consumes its share; unset, no Kafka. */
  readonly kafka?: KafkaSettings;
  /** This instance's name in the Kafka consumer group (INSTANCE_ID); default `port-<port>`. */
  readonly instance?: string;
  /** REDIS_URL: subscriptions see every instance's events through its pub/sub; unset, this instance's only. */
  readonly redis?: RedisSettings;
}

export interface App {
  readonly services: TwinServices;
  readonly writer: BatchWriter;
  readonly wal: WriteAheadLog | undefined;
  readonly server: RunningServer;
  /** Serial links to devices; main.ts attaches ports, the simulated or the virtual node. */
  readonly bridge: Bridge;
  /** The MQTT nodes' connection to the broker, when MQTT_URL is set. */
  readonly mqtt: MqttBridge | undefined;
  /** Partitioned ingest, when KAFKA_BROKERS is set. */
  readonly kafka: KafkaIngest | undefined;
  /** The subscription events shared with other instances, when REDIS_URL is set. */
  readonly fanout: RedisFanout | undefined;
  /** Every instance's devices for the command path, when REDIS_URL is set. */
  readonly remoteDevices: RemoteDevices | undefined;
  readonly analytics: AnalyticsRuntime;
  readonly control: ControlRuntime;
  health(): Promise<HealthReport>;
  /**
   * Closes device links, stops serving, writes every pending reading (the driver stays open).
   * Pending readings stay in the write-ahead log for the next start instead with `flush: false`
   * (the database is gone), or once `databaseGone` resolves while they are being written (it
   * stopped meanwhile, e.g. signalled together with the twin).
   */
  stop(options?: { readonly flush?: boolean; readonly databaseGone?: Promise<unknown> }): Promise<void>;
}

/**
 * Builds the twin on a connected driver: migrations, live state warmed from Neo4j, the ingest
 * pipeline and batch writer, the GraphQL schema and the HTTP/WebSocket server.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { driver, log } = options;
  const clock = options.clock ?? Date.now;
  await migrate(driver);

  // The store's queries run on a driver that gives each transaction what is left of the request
  // it serves (QUERY_TIMEOUT_MS); @neo4j/graphql's own transactions get it from the context.
  const deadlines = new ReadDeadlines();
  const storeDriver = deadlines.bound(driver);
  const rollupStore = new RollupStore(storeDriver);
  const liveWindowMs = options.config.analytics?.retentionMs ?? 24 * 3_600_000;
  const policy = await retentionPolicy(options.config.retention, rollupStore, new RuleStore(storeDriver), liveWindowMs);
  const readings = new ReadingStore(storeDriver, { rollups: rollupStore, policy, clock });
  // Before anything reads the graph: what an earlier run acknowledged but did not commit.
  const wal = options.config.wal === undefined ? undefined : WriteAheadLog.open(options.config.wal, log.child("wal"));
  try {
    if (wal !== undefined) await replayWal(wal, readings, { batchSize: options.config.ingest.batchSize, log: log.child("wal") });
  } catch (error) {
    await wal?.close();
    throw error;
  }
  const bus = new EventBus<TwinEvents>(log.child("bus"));
  // Subscriptions listen to `feed`: the bus itself, or with Redis the bus and the other instances' events.
  const feed = options.redis === undefined ? narrowBus<SharedEvents, TwinEvents>(bus) : new EventBus<SharedEvents>(log.child("feed"));
  const fanout =
    options.redis === undefined ? undefined : new RedisFanout({ settings: options.redis, instance: options.instance ?? `port-${options.config.port}`, bus, feed, log: log.child("redis") });
  const live = new LiveState();
  for (const sensor of await readings.sensorSnapshots()) {
    if (sensor.currentValue !== null && sensor.lastUpdatedMs !== null) live.seed(sensor.sensorId, sensor.currentValue, sensor.lastUpdatedMs);
  }
  // Older days sampled for long forecasts and operating bands; a committed back-fill refreshes them.
  const sampledHistory = new SampledHistory(readings, clock);
  let climateHistory: ClimateHistory | null = null;
  const writer = new BatchWriter(readings, options.config.ingest, log.child("writer"), {
    onCommitted: (count, created, batch, seconds) => {
      sampledHistory.written(batch);
      climateHistory?.written(batch);
      bus.emit("batchCommitted", { count, created, seconds });
    },
    onAvailabilityChanged: (available, error) => bus.emit("storeAvailability", { available, error }),
  });
  const ingest = new IngestPipeline(writer, live, bus, clock, log.child("ingest"), wal, policy);
  const rollups = new RollupService(rollupStore, policy, clock);
  const retention = options.config.retention === undefined ? null : new RetentionJob(rollupStore, rollups, policy, clock, log.child("retention"));
  const alerts = new AlertStore(storeDriver);
  const rollupHistory = new RollupHistory(rollupStore, policy, clock);
  const analytics = startAnalytics({
    bus,
    readings,
    alerts,
    loadThresholds: () => loadThresholds(storeDriver),
    retentionMs: liveWindowMs,
    clock,
    log,
    history: rollupHistory,
  });
  const devices = new DeviceStore(storeDriver);
  // With Kafka, the bridges' readings go to the topic and reach a pipeline (this one or another
  // instance's) through the consumer group.
  const kafka =
    options.kafka === undefined
      ? undefined
      : new KafkaIngest({
          settings: options.kafka,
          ingest,
          writer,
          producerCapacity: options.config.ingest.bufferCapacity,
          instance: options.instance ?? `port-${options.config.port}`,
          clock,
          log: log.child("kafka"),
        });
  const bridge = new Bridge({
    ingest: kafka?.producer ?? ingest,
    devices,
    bus,
    clock,
    log: log.child("bridge"),
    ...(options.serialTimestamps === undefined ? {} : { timestamps: options.serialTimestamps }),
  });
  const mqtt = options.mqtt === undefined ? undefined : new MqttBridge({ settings: options.mqtt, bridge, log: log.child("mqtt"), clock });
  const actuators = new ActuatorStore(storeDriver);
  const predictions = new Predictions(
    analytics.diagnostics,
    analytics.live,
    new AlertHistoryCache(alerts, analytics.keeper),
    actuators,
    new CalibrationStore(storeDriver),
    sampledHistory,
    clock,
    rollupHistory,
  );
  climateHistory = new ClimateHistory(analytics.live, readings, clock, rollupHistory);
  const locations = new LocationStore(storeDriver);
  const climate = new ClimateService(locations, climateHistory, (sensorId, fromMs, toMs) => analytics.diagnostics.latestReading(sensorId, fromMs, toMs), clock);
  // Every reported actuator state is logged with its time (the plant fit needs it).
  const actuatorLog = new ActuatorLog(actuators, log.child("actuators"));
  bus.on("actuatorReported", "physics", ({ actuatorId, state, atMs }) => {
    predictions.forgetPlants();
    void actuatorLog.record(actuatorId, state, atMs);
  });
  // With Redis, a command for a device another instance holds is forwarded to that instance.
  const remote = fanout === undefined ? undefined : new RemoteDevices({ local: bridge, fanout, log: log.child("redis") });
  if (remote !== undefined) bus.on("deviceStatus", "remote-devices", () => void remote.announce());
  const control = await startControl({
    bus,
    bridge,
    ...(remote === undefined ? {} : { route: remote }),
    commandStore: new CommandStore(storeDriver),
    calibrationStore: new CalibrationStore(storeDriver),
    ruleStore: new RuleStore(storeDriver),
    actuators,
    devices,
    readings,
    catalog: analytics.catalog,
    live: analytics.live,
    predictions,
    diagnostics: analytics.diagnostics,
    raiseAlerts: (events) => analytics.keeper.onEvents(events),
    climate,
    safety: options.safety ?? DEFAULT_SAFETY,
    clock,
    log,
  });
  const services: TwinServices = {
    ingest,
    ingestTimeouts: { roomWaitMs: ROOM_WAIT_MS, commitTimeoutMs: options.config.ingest.commitTimeoutMs ?? DEFAULT_COMMIT_TIMEOUT_MS },
    live,
    readings,
    bus,
    feed,
    log,
    clock,
    bridge,
    diagnostics: analytics.diagnostics,
    alerts,
    catalog: analytics.catalog,
    predictions,
    calibrations: control.calibrations,
    control,
    climate,
    moldAdvisor: new MoldAdvisor(climate, predictions, actuators, clock),
    planner: new MaintenancePlanner(predictions, analytics.diagnostics, locations, clock),
    rollups,
    retention,
  };

  const { schema, neoSchema } = await buildSchema(createResolvers(services), driver, deadlines);
  try {
    await neoSchema.checkNeo4jCompat();
  } catch (error) {
    throw new UnavailableError(
      `the database at ${options.uri} cannot serve this API: ${(error as Error).message}. ` + "It needs Neo4j 5.23+ with the APOC core plugin (the embedded default has both).",
    );
  }

  const health = async (): Promise<HealthReport> => {
    const up = await databaseAnswers(driver);
    const status = writer.status();
    const walStatus = wal?.status();
    return {
      status: up && (walStatus?.error ?? null) === null ? "ok" : "unavailable",
      neo4j: up ? "up" : "down",
      ingest: { pending: status.pending, capacity: status.capacity, committed: status.committed },
      ...(walStatus === undefined ? {} : { wal: { bytes: walStatus.bytes, segments: walStatus.segments, error: walStatus.error } }),
      ...(mqtt === undefined ? {} : { mqtt: mqtt.status() }),
      ...(kafka === undefined ? {} : { kafka: kafka.status() }),
      ...(fanout === undefined ? {} : { redis: fanout.status() }),
    };
  };
  const authenticator = options.authenticator ?? createAuthenticator({});
  const playground = options.config.playground ?? "graphiql";
  const metrics = createMetrics({ ingest, writer, wal, bus, openAlerts: () => analytics.keeper.openCount, databaseUp: () => databaseAnswers(driver) });
  const routes = [
    exportRoute({ readings, catalog: analytics.catalog, clock, log: log.child("export") }),
    metricsRoute(metrics, log.child("metrics")),
    ...webRoutes({ distDir: options.webDir ?? path.join(projectRoot, "web", "dist"), graphiql: playground === "graphiql" }),
  ];
  const server = await startHttpServer({
    schema,
    host: options.config.host,
    port: options.config.port,
    log: log.child("http"),
    health,
    routes,
    playground,
    afterMutation: () => analytics.catalog.invalidate(),
    authenticator,
    ...(options.config.queryLimits === undefined ? {} : { limits: options.config.queryLimits }),
    ...(options.config.corsOrigins === undefined ? {} : { corsOrigins: options.config.corsOrigins }),
  });

  retention?.start();
  // Last, once nothing can fail: not awaited, a broker that is down is retried in the background
  // while the API serves what it has.
  fanout?.start();
  remote?.start();
  mqtt?.start();
  kafka?.start();
  return {
    services,
    writer,
    wal,
    server,
    bridge,
    mqtt,
    kafka,
    fanout,
    remoteDevices: remote,
    analytics,
    control,
    health,
    stop: async ({ flush = true, databaseGone } = {}) => {
      await retention?.stop();
      await control.stop();
      await mqtt?.stop();
      await bridge.stop();
      // Before the writer stops: the consumer's last batch commits, then its offset.
      await kafka?.stop();
      await server.close();
      remote?.stop();
      await fanout?.stop();
      metrics.stop();
      const flushed = flush && (await Promise.race([writer.stop(true).then(() => true), (databaseGone ?? new Promise<never>(() => undefined)).then(() => false)]));
      if (!flushed) {
        if (flush) log.warn("the database stopped while pending readings were written; they stay in the write-ahead log for the next start", { pending: writer.pending });
        await writer.stop(false);
      }
      await wal?.close();
      await analytics.stop();
      await actuatorLog.flush();
    },
  };
}

/**
 * Retention as configured, refused (naming the feature) when it would delete raw readings a
 * feature or a stored rule still needs: the global setting, each Sensor.retentionDays and each
 * KindThresholds.retentionDays.
 */
async function retentionPolicy(settings: RetentionSettings | undefined, rollups: RollupStore, rules: RuleStore, liveWindowMs: number): Promise<RetentionPolicy> {
  const needs = historyNeeds(await rules.all(), liveWindowMs);
  const sensors = await rollups.sensors();
  const overrides = new Map(sensors.filter((s) => s.retentionDays !== null).map((s) => [s.sensorId, s.retentionDays as number]));
  const ofKind = new Map(sensors.filter((s) => s.retentionSetOn === "KIND").map((s) => [s.sensorId, s.kind]));
  const setOn = (sensorId: string): string => (ofKind.has(sensorId) ? `KindThresholds ${ofKind.get(sensorId) ?? ""} (for sensor ${sensorId})` : `Sensor ${sensorId}`);
  const problem = retentionProblem(settings?.rawDays ?? 0, overrides, needs, setOn);
  if (problem !== null) throw new ConfigError(`${problem} (see docs/history.md)`);
  const policy = new RetentionPolicy(settings ?? KEEP_FOREVER, minimumRawDays(needs));
  policy.setOverrides(overrides);
  return policy;
}
