import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { projectRoot } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { createDriver } from "../src/store/driver.js";
import { startEmbedded } from "../src/store/embedded.js";
import type { Driver } from "neo4j-driver";

export interface BenchDatabase {
  readonly uri: string;
  readonly driver: Driver;
  close(): Promise<void>;
}

/** A database for one benchmark run: NEO4J_URI if set, else a fresh embedded one in a temp folder. */
export async function benchDatabase(port = Number(process.env["BENCH_NEO4J_PORT"] ?? 7698)): Promise<BenchDatabase> {
  const external = process.env["NEO4J_URI"];
  if (external !== undefined && external !== "") {
    const driver = createDriver({ uri: external, user: process.env["NEO4J_USER"] ?? "neo4j", password: process.env["NEO4J_PASSWORD"] ?? "" });
    return { uri: external, driver, close: () => driver.close() };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "twin-bench-neo4j-"));
  const db = await startEmbedded({ projectRoot, port, dataDir, log: createLogger("warn"), pageCacheMb: 512 });
  const driver = createDriver({ uri: db.uri, user: "neo4j", password: "" });
  return {
    uri: db.uri,
    driver,
    close: async () => {
      await driver.close();
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Samples this process's resident memory until stopped; returns the peak in MB. */
export function rssSampler(intervalMs = 20): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round((peak / 1024 / 1024) * 10) / 10;
    },
  };
}

/** The machine a figure came from, for README. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} cores (${cpu.trim()}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
