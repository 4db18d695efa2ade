import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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
  /** The embedded database's process (undefined for NEO4J_URI), for its CPU time. */
  readonly pid: number | undefined;
  /** The embedded database's folder (undefined for NEO4J_URI), for its store size. */
  readonly dataDir: string | undefined;
  close(): Promise<void>;
}

/** A database for one benchmark run: NEO4J_URI if set, else a fresh embedded one in a temp folder. */
export async function benchDatabase(port = Number(process.env["BENCH_NEO4J_PORT"] ?? 7698)): Promise<BenchDatabase> {
  const external = process.env["NEO4J_URI"];
  if (external !== undefined && external !== "") {
    const driver = createDriver({ uri: external, user: process.env["NEO4J_USER"] ?? "neo4j", password: process.env["NEO4J_PASSWORD"] ?? "" });
    return { uri: external, driver, pid: undefined, dataDir: undefined, close: () => driver.close() };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "twin-bench-neo4j-"));
  const db = await startEmbedded({ projectRoot, port, dataDir, log: createLogger("warn"), pageCacheMb: 512 });
  const driver = createDriver({ uri: db.uri, user: "neo4j", password: "" });
  return {
    uri: db.uri,
    driver,
    pid: db.pid,
    dataDir,
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

/** CPU milliseconds (user + system) a process has used so far, from /proc; NaN when it cannot be read (not Linux, process gone). */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  if (pid === process.pid) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  try {
    // Fields after the command name (which may hold spaces, hence the last ")"): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: the unit of /proc's CPU times, 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_S = 100;

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
