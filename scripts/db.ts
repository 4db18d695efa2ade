// npm run db — run only the embedded Neo4j (for cypher-shell, Neo4j Browser tools, or a twin
// started elsewhere with NEO4J_URI). Ctrl-C stops it cleanly.
import { loadConfig, projectRoot } from "../src/config.js";
import { createLogger, standardSink } from "../src/log.js";
import { startEmbedded } from "../src/store/embedded.js";

const config = loadConfig();
const log = createLogger(config.logLevel, standardSink, "db", config.logFormat);
try {
  const db = await startEmbedded({ projectRoot, port: config.neo4j.embeddedPort, dataDir: config.neo4j.dataDir, log });
  if (!db.owned) process.exit(0);
  log.info(`Neo4j is serving ${db.uri}; Ctrl-C to stop`);
  const stop = (): void => void db.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await db.exited;
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
