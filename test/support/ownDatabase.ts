import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { createApp, type App } from "../../src/app.js";
import { projectRoot, type IngestSettings } from "../../src/config.js";
import { createLogger, silentLogger } from "../../src/log.js";
import { createDriver } from "../../src/store/driver.js";
import { startEmbedded, type EmbeddedDatabase } from "../../src/store/embedded.js";

/**
 * A twin on a Neo4j of its own (own port and data folder) for tests that stop, kill or restart
 * the database, which the shared one must never see. `restartDatabase` starts it again on the
 * same data; the twin's driver reconnects by itself.
 */
export interface OwnDatabaseTwin {
  readonly app: App;
  readonly driver: Driver;
  readonly database: () => EmbeddedDatabase;
  restartDatabase(): Promise<EmbeddedDatabase>;
  close(): Promise<void>;
}

export async function twinOnOwnDatabase(name: string, port: number, ingest: IngestSettings): Promise<OwnDatabaseTwin> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `twin-${name}-neo4j-`));
  const walDir = mkdtempSync(path.join(tmpdir(), `twin-${name}-wal-`));
  const start = (): Promise<EmbeddedDatabase> => startEmbedded({ projectRoot, port, dataDir, log: createLogger("warn"), pageCacheMb: 128 });
  let db = await start();
  const driver = createDriver({ uri: db.uri, user: "neo4j", password: "" });
  const app = await createApp({
    config: { host: "127.0.0.1", port: 0, ingest, wal: { dir: walDir, instance: name, fsyncMs: 20, maxBytes: 64 * 1024 * 1024 } },
    driver,
    uri: db.uri,
    log: silentLogger,
  });
  return {
    app,
    driver,
    database: () => db,
    restartDatabase: async () => (db = await start()),
    close: async () => {
      await app.stop();
      await driver.close();
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(walDir, { recursive: true, force: true });
    },
  };
}
