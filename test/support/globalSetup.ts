import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { projectRoot } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { startEmbedded, type EmbeddedDatabase } from "../../src/store/embedded.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

/**
 * Integration tests run against a real Neo4j: the server named by NEO4J_URI, or an embedded one
 * started here on its own port and a throw-away data folder (so tests never touch db/.data).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env["NEO4J_URI"];
  if (external !== undefined && external !== "") {
    project.provide("neo4jUri", external);
    project.provide("neo4jUser", process.env["NEO4J_USER"] ?? "neo4j");
    project.provide("neo4jPassword", process.env["NEO4J_PASSWORD"] ?? "");
    return async () => undefined;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "twin-test-neo4j-"));
  const port = Number(process.env["TEST_NEO4J_PORT"] ?? 7697);
  const db: EmbeddedDatabase = await startEmbedded({
    projectRoot,
    port,
    dataDir,
    log: createLogger("warn"),
    pageCacheMb: 256,
  });
  project.provide("neo4jUri", db.uri);
  project.provide("neo4jUser", "neo4j");
  project.provide("neo4jPassword", "");
  return async () => {
    await db.stop();
    if (db.owned) rmSync(dataDir, { recursive: true, force: true });
  };
}
