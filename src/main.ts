import { createApp, type App } from "./app.js";
import { startDevices, type StartedDevices } from "./devices.js";
import { ConfigError, loadConfig, projectRoot } from "./config.js";
import { parseInterlocks } from "./commands/interlocks.js";
import { DomainError } from "./errors.js";
import { createAuthenticator } from "./graphql/auth.js";
import { ListenError } from "./http/server.js";
import { createLogger, standardSink } from "./log.js";
import { createDriver, verifyDatabase } from "./store/driver.js";
import { startEmbeddedKafka, type EmbeddedKafka } from "./bridge/kafka/embeddedKafka.js";
import { EmbeddedStartError, portAnswers, startEmbedded, type EmbeddedDatabase } from "./store/embedded.js";

/** Composition root: config → database → twin → server; SIGTERM flushes before exit. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, standardSink, "twin", config.logFormat);

  let embedded: EmbeddedDatabase | undefined;
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    embedded = await startEmbedded({ projectRoot, port: config.neo4j.embeddedPort, dataDir: config.neo4j.dataDir, log: log.child("neo4j") });
    uri = embedded.uri;
  }
  // KAFKA=embedded: a single-node Kafka beside the twin, or the one a twin already runs on the port.
  let kafka: EmbeddedKafka | undefined;
  if (config.kafkaEmbedded !== undefined) {
    const { port, dataDir } = config.kafkaEmbedded;
    if (await portAnswers(port)) log.info(`KAFKA=embedded: using the Kafka already on 127.0.0.1:${port}`);
    else kafka = await startEmbeddedKafka({ projectRoot, port, dataDir, log: log.child("kafka") });
  }
  const driver = createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password });
  let app: App | undefined;
  let devices: StartedDevices | undefined;
  let stopping = false;
  /** Stops everything this twin started; `databaseGone`: leave pending readings in the write-ahead log. */
  const shutdown = async (why: string, { databaseGone = false, exitCode = 0 } = {}): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const pending = app?.writer.pending ?? 0;
    if (databaseGone) log.info(`${why}: stopping; pending readings stay in the write-ahead log for the next start`, { pending });
    else log.info(`${why}: stopping; writing pending readings first`, { pending });
    try {
      await app?.stop({ flush: !databaseGone, ...(embedded?.owned === true ? { databaseGone: embedded.exited } : {}) });
      await devices?.stop();
      await driver.close();
      if (embedded?.owned === true) await embedded.stop();
      await kafka?.stop();
      log.info("stopped cleanly");
      process.exit(exitCode);
    } catch (error) {
      log.error("unclean stop", { error });
      process.exit(1);
    }
  };
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!stopping) {
      firstSignalAt = Date.now();
      void shutdown(signal);
    } else if (Date.now() - firstSignalAt > 1_000) {
      // npm forwards a terminal's Ctrl-C that this process got too: only a later signal means "now".
      log.warn(`${signal} again: exiting before the stop has finished (pending readings stay in the write-ahead log)`);
      process.exit(1);
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  try {
    await verifyDatabase(driver, uri);
    app = await createApp({
      config,
      driver,
      uri,
      log,
      serialTimestamps: config.serialTimestamps,
      ...(config.mqtt === undefined ? {} : { mqtt: config.mqtt }),
      ...(config.kafka === undefined ? {} : { kafka: config.kafka }),
      ...(config.redis === undefined ? {} : { redis: config.redis }),
      instance: config.wal.instance,
      authenticator: createAuthenticator({ jwtSecret: config.jwtSecret, jwksUrl: config.jwksUrl }),
      safety: {
        interlocks: config.safety.interlocksJson === undefined ? [] : interlocksFromConfig(config.safety.interlocksJson),
        rateLimit: { maxCommands: config.safety.commandsPerMinute, windowMs: 60_000 },
        overrideMs: config.safety.overrideMs,
      },
    });
    // One process tree: a member stopped from outside (SIGTERM to the simulator) stops the twin too.
    devices = startDevices(config, app.bridge, projectRoot, log.child("devices"), (why) => void shutdown(why));
  } catch (error) {
    await app?.stop().catch(() => undefined);
    await driver.close();
    if (embedded?.owned === true) await embedded.stop();
    await kafka?.stop();
    throw error;
  }
  log.info(`GraphQL API ready: ${app.server.url} (subscriptions: ${app.server.wsUrl}); health: ${app.server.url.replace(/graphql$/, "healthz")}`);
  log.info(
    `dashboard: ${app.server.url.replace(/graphql$/, "")}; playground (${config.playground === "apollo" ? "Apollo Sandbox" : "GraphiQL"}): ${app.server.url} in a browser; metrics: ${app.server.url.replace(/graphql$/, "metrics")}`,
  );
  if (config.jwtSecret !== undefined || config.jwksUrl !== undefined)
    log.info(`bearer tokens required (${config.jwtSecret !== undefined ? "HS256, JWT_SECRET" : `JWKS ${config.jwksUrl}`}); roles from the token's roles claim`);
  else if (!config.authOff) log.info(`no authentication configured: every request is allowed, so the API serves ${config.host} only (loopback)`);
  else log.warn("AUTH=off: every request is allowed, from any address that can reach this port");
  void kafka?.exited.then((code) => {
    if (!stopping) log.error(`the embedded Kafka stopped (exit ${code}); the bridges' readings wait in the producer's queue until a Kafka answers on ${config.kafka?.brokers.join(",")}`);
  });
  // The embedded database is part of this twin: when it ends (stopped by a signal, or crashed),
  // so does the twin, rather than buffer readings for a database nothing will restart.
  void embedded?.exited.then((code) => {
    if (stopping) return;
    const signalled = code === 0 || code === 130 || code === 143;
    if (!signalled) log.error("the embedded Neo4j stopped unexpectedly", { code });
    void shutdown(`the embedded Neo4j stopped (exit ${code})`, { databaseGone: true, exitCode: signalled ? 0 : 1 });
  });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedStartError || error instanceof ListenError || error instanceof DomainError;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nThe twin could not start: ${message}\n`);
  if (!known) process.stderr.write(`${(error as Error | null | undefined)?.stack ?? ""}\n`);
  process.exit(1);
});

/** INTERLOCKS parsed, or a ConfigError naming the variable and every bad field. */
function interlocksFromConfig(jsonText: string): ReturnType<typeof parseInterlocks> {
  try {
    return parseInterlocks(jsonText);
  } catch (error) {
    throw new ConfigError(`INTERLOCKS: ${(error as Error).message}`);
  }
}
