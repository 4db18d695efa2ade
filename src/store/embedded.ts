import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "../log.js";
import { createDriver } from "./driver.js";

export interface EmbeddedOptions {
  readonly projectRoot: string;
  readonly port: number;
  readonly dataDir: string;
  readonly log: Logger;
  readonly pageCacheMb?: number;
  readonly startTimeoutMs?: number;
}

export interface EmbeddedDatabase {
  readonly uri: string;
  /** False when an embedded database already running on the port was reused. */
  readonly owned: boolean;
  readonly pid: number | undefined;
  /** Stops the database if this process started it (clean shutdown via SIGTERM). */
  stop(): Promise<void>;
  /** Resolves when the database process exits (never, if it was reused). */
  readonly exited: Promise<number | null>;
}

/** Why the embedded database cannot run here, phrased as what to do about it. */
export class EmbeddedStartError extends Error {
  override readonly name = "EmbeddedStartError";
}

/** Makes sure the Neo4j + APOC jars are in db/.cache/lib, fetching them with Maven on first use. */
export function ensureJars(projectRoot: string, log: Logger): string {
  const pom = path.join(projectRoot, "db", "pom.xml");
  const lib = path.join(projectRoot, "db", ".cache", "lib");
  const stamp = path.join(lib, ".complete");
  const wanted = createHash("sha256").update(readFileSync(pom)).digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return lib;

  const mvn = spawnSync("mvn", ["-v"], { stdio: "ignore" });
  if (mvn.error !== undefined) {
    throw new EmbeddedStartError(
      "Maven is needed once to fetch the Neo4j jars (about 120 MB) but 'mvn' was not found: " + "install it (apt-get install maven), or set NEO4J_URI to a Neo4j 5.26+ server with APOC",
    );
  }
  log.info("fetching Neo4j Community and APOC jars from Maven Central (first start only)…");
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(lib, { recursive: true });
  const fetched = spawnSync("mvn", ["-q", "-B", "-f", pom, "dependency:copy-dependencies"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (fetched.status !== 0) {
    throw new EmbeddedStartError(`fetching the Neo4j jars failed (mvn exit ${fetched.status}); check access to Maven Central and run 'npm run db:fetch' to see why`);
  }
  writeFileSync(stamp, wanted);
  return lib;
}

function requireJava(): void {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error !== undefined) {
    throw new EmbeddedStartError(
      "Java 17+ is needed for the embedded Neo4j but 'java' was not found: install it " + "(apt-get install openjdk-17-jre-headless), or set NEO4J_URI to your own Neo4j server",
    );
  }
  const match = /version "(\d+)/.exec(java.stderr);
  const major = match?.[1] === undefined ? 0 : Number(match[1]);
  if (major > 0 && major < 17) {
    throw new EmbeddedStartError(`Java ${major} was found; the embedded Neo4j 5.26 needs Java 17 or newer`);
  }
}

/**
 * Compiles db/Launcher.java once per source version (saves seconds on every start); falls back
 * to Java's single-file source mode where only a JRE (no javac) is installed.
 */
function compileLauncher(projectRoot: string, lib: string, log: Logger): { classpath: string; main: string } {
  const source = path.join(projectRoot, "db", "Launcher.java");
  const jars = path.join(lib, "*");
  const hash = createHash("sha256").update(readFileSync(source)).digest("hex").slice(0, 16);
  const classes = path.join(projectRoot, "db", ".cache", "classes", hash);
  if (existsSync(path.join(classes, "Launcher.class"))) return { classpath: `${jars}${path.delimiter}${classes}`, main: "Launcher" };
  const javac = spawnSync("javac", ["-nowarn", "-cp", jars, "-d", classes, source], { encoding: "utf8" });
  if (javac.error === undefined && javac.status === 0) return { classpath: `${jars}${path.delimiter}${classes}`, main: "Launcher" };
  log.debug("javac unavailable or failed; running the launcher in source mode", { error: javac.stderr || String(javac.error) });
  return { classpath: jars, main: source };
}

/** True if something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

async function isNeo4j(uri: string): Promise<boolean> {
  const driver = createDriver({ uri, user: "neo4j", password: "" });
  try {
    await driver.executeQuery("RETURN 1 AS ok");
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** The `java` arguments that run db/Launcher.java for these options (jars fetched and launcher compiled first). */
export function launcherArguments(options: Pick<EmbeddedOptions, "projectRoot" | "port" | "dataDir" | "log" | "pageCacheMb">): string[] {
  requireJava();
  const lib = ensureJars(options.projectRoot, options.log);
  mkdirSync(options.dataDir, { recursive: true });
  const launcher = compileLauncher(options.projectRoot, lib, options.log);
  return ["-XX:+UseG1GC", "-Xms256m", "-Xmx1g", "-cp", launcher.classpath, launcher.main, String(options.port), options.dataDir, String(options.pageCacheMb ?? 384)];
}

/**
 * Starts Neo4j Community embedded (db/Launcher.java) on 127.0.0.1:port, or reuses the embedded
 * database already listening there. Resolves once it accepts Bolt connections with APOC loaded.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { port, dataDir, log } = options;
  const uri = `bolt://127.0.0.1:${port}`;
  if (await portAnswers(port)) {
    if (await isNeo4j(uri)) {
      log.info(`using the Neo4j already running on ${uri}`);
      return { uri, owned: false, pid: undefined, stop: async () => undefined, exited: new Promise(() => undefined) };
    }
    throw new EmbeddedStartError(`port ${port} on 127.0.0.1 is taken by a program that is not Neo4j; stop it or set NEO4J_EMBEDDED_PORT to a free port`);
  }
  const args = launcherArguments(options);
  log.info(`starting the embedded Neo4j on ${uri} (data in ${dataDir})…`);
  // Its own process group: a Ctrl-C in the terminal reaches only the twin, which writes its
  // pending readings first and then stops the database itself. If this process dies without
  // stopping it, the database shuts down rather than outliving it: it watches its parent, and
  // its stdin, which stays open for as long as this process lives, reaches end of file.
  const child = spawn("java", args, { stdio: ["pipe", "pipe", "pipe"], detached: true });
  return waitUntilReady(child, uri, log, options.startTimeoutMs ?? 180_000);
}

function waitUntilReady(child: ChildProcess, uri: string, log: Logger, timeoutMs: number): Promise<EmbeddedDatabase> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new EmbeddedStartError(`the embedded Neo4j did not become ready within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("NEO4J READY")) {
        ready = true;
        clearTimeout(timer);
        log.info(`embedded Neo4j ready on ${uri}`, { pid: child.pid });
        resolve({ uri, owned: true, pid: child.pid, exited, stop: () => stopChild(child, exited) });
      } else if (line.startsWith("NEO4J ERROR")) {
        clearTimeout(timer);
        reject(new EmbeddedStartError(`the embedded Neo4j could not start: ${line.slice("NEO4J ERROR ".length)}`));
      } else if (line.startsWith("NEO4J INFO") || line.startsWith("NEO4J WARN")) {
        log.debug(line);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (!ready) {
        reject(new EmbeddedStartError(`the embedded Neo4j exited with code ${code} before it was ready: ${stderrTail.slice(-5).join(" | ") || "no output"}`));
      } else if (!stopRequested.has(child)) {
        log.warn("the embedded Neo4j process exited", { code });
      }
    });
  });
}

const stopRequested = new WeakSet<ChildProcess>();

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  stopRequested.add(child);
  child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}
