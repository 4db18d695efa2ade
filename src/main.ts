import { createApp, type App } from "./app.js";
import { startDevices, type StartedDevices } from "./devices.js";
import { ConfigError, loadConfig, projectRoot } from "./config.js";
import { parseInterlocks } from "./commands/interlocks.js";
import { DomainError } from "./errors.js";
import { createAuthenticator } from "./graphql/auth.js";
import { ListenError } from "./http/server.js";
import { createLogger } from "./log.js";
import { createDriver, verifyDatabase } from "./store/driver.js";
import { EmbeddedStartError, startEmbedded, type EmbeddedDatabase } from "./store/embedded.js";

/** Composition root: config → database → twin → server; SIGTERM flushes before exit. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);

  let embedded: EmbeddedDatabase | undefined;
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    embedded = await startEmbedded({ projectRoot, port: config.neo4j.embeddedPort, dataDir: config.neo4j.dataDir, log: log.child("neo4j") });
    uri = embedded.uri;
  }
  const driver = createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password });
  let app: App | undefined;
  let devices: StartedDevices | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping; writing pending readings first`, { pending: app?.writer.pending ?? 0 });
    try {
      await app?.stop();
      await devices?.stop();
      await driver.close();
      if (embedded?.owned === true) await embedded.stop();
      log.info("stopped cleanly");
      process.exit(0);
    } catch (error) {
      log.error("unclean stop", { error });
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  try {
    await verifyDatabase(driver, uri);
    app = await createApp({
      config,
      driver,
      uri,
      log,
      serialTimestamps: config.serialTimestamps,
      authenticator: createAuthenticator({ jwtSecret: config.jwtSecret, jwksUrl: config.jwksUrl }),
      safety: {
        interlocks: config.safety.interlocksJson === undefined ? [] : interlocksFromConfig(config.safety.interlocksJson),
        rateLimit: { maxCommands: config.safety.commandsPerMinute, windowMs: 60_000 },
        overrideMs: config.safety.overrideMs,
      },
    });
    devices = startDevices(config, app.bridge, projectRoot, log.child("devices"));
  } catch (error) {
    await app?.stop().catch(() => undefined);
    await driver.close();
    if (embedded?.owned === true) await embedded.stop();
    throw error;
  }
  log.info(`GraphQL API ready: ${app.server.url} (subscriptions: ${app.server.wsUrl}); health: ${app.server.url.replace(/graphql$/, "healthz")}`);
  log.info(`dashboard: ${app.server.url.replace(/graphql$/, "")}; playground (${config.playground === "apollo" ? "Apollo Sandbox" : "GraphiQL"}): ${app.server.url} in a browser; metrics: ${app.server.url.replace(/graphql$/, "metrics")}`);
  if (config.jwtSecret !== undefined || config.jwksUrl !== undefined) log.info(`bearer tokens required (${config.jwtSecret !== undefined ? "HS256, JWT_SECRET" : `JWKS ${config.jwksUrl}`}); roles from the token's roles claim`);
  else if (!config.authOff) log.info(`no authentication configured: every request is allowed, so the API serves ${config.host} only (loopback)`);
  else log.warn("AUTH=off: every request is allowed, from any address that can reach this port");
  void embedded?.exited.then((code) => {
    if (!stopping) log.error("the embedded Neo4j stopped unexpectedly; readings are buffered until it is back", { code });
  });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedStartError || error instanceof ListenError || error instanceof DomainError;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nThe twin could not start: ${message}\n`);
  if (!known) process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
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
