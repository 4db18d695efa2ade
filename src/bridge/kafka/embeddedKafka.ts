import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "../../log.js";
import { portAnswers } from "../../store/embedded.js";

/** Why the embedded Kafka cannot run here, phrased as what to do about it. */
class EmbeddedKafkaError extends Error {
  override readonly name = "EmbeddedKafkaError";
}

export interface EmbeddedKafkaOptions {
  readonly projectRoot: string;
  /** The broker's loopback port (clients connect here). */
  readonly port: number;
  /** Its storage; formatted with a new cluster id on first use. */
  readonly dataDir: string;
  readonly log: Logger;
  readonly startTimeoutMs?: number;
}

export interface EmbeddedKafka {
  /** `127.0.0.1:<port>`, as KAFKA_BROKERS takes it. */
  readonly brokers: string;
  readonly pid: number | undefined;
  readonly dataDir: string;
  /** Stops the broker cleanly (SIGTERM: Kafka's shutdown hook), SIGKILL after 30 s. */
  stop(): Promise<void>;
  /** Ends the broker at once (SIGKILL), for data that is thrown away; resolves when it has exited. */
  kill(): Promise<void>;
  /** Resolves when the broker process exits. */
  readonly exited: Promise<number | null>;
}

const libOf = (root: string): string => path.join(root, "kafka", ".cache", "lib");
const pomOf = (root: string): string => path.join(root, "kafka", "pom.xml");
const pomHash = (root: string): string =>
  createHash("sha256")
    .update(readFileSync(pomOf(root)))
    .digest("hex");

/** Null when kafka/pom.xml's jars are fetched (and match the pom), else why not. */
export function kafkaJarsProblem(projectRoot: string): string | null {
  const stamp = path.join(libOf(projectRoot), ".complete");
  if (!existsSync(stamp)) return `the Kafka jars are not fetched (no ${path.relative(projectRoot, stamp)})`;
  return readFileSync(stamp, "utf8") === pomHash(projectRoot) ? null : "the fetched Kafka jars do not match kafka/pom.xml";
}

/** Makes sure Apache Kafka's broker jars are in kafka/.cache/lib, fetching them with Maven if needed. */
export function ensureKafkaJars(projectRoot: string, log: Logger): string {
  const lib = libOf(projectRoot);
  if (kafkaJarsProblem(projectRoot) === null) return lib;
  if (spawnSync("mvn", ["-v"], { stdio: "ignore" }).error !== undefined) {
    throw new EmbeddedKafkaError(
      "Maven is needed once to fetch Apache Kafka's jars (about 45 MB) but 'mvn' was not found: install it (apt-get install maven), or point KAFKA_BROKERS at your own brokers",
    );
  }
  log.info("fetching Apache Kafka's broker jars from Maven Central (first use only)…");
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(lib, { recursive: true });
  const fetched = spawnSync("mvn", ["-q", "-B", "-f", pomOf(projectRoot), "dependency:copy-dependencies"], { stdio: ["ignore", "inherit", "inherit"] });
  if (fetched.status !== 0) {
    throw new EmbeddedKafkaError(`fetching the Kafka jars failed (mvn exit ${fetched.status}); check access to Maven Central and run 'npm run kafka:fetch' to see why`);
  }
  writeFileSync(path.join(lib, ".complete"), pomHash(projectRoot));
  return lib;
}

/** Compiles kafka/Launcher.java once per source version; Java's source mode where there is no javac. */
function launcher(projectRoot: string, lib: string, log: Logger): { classpath: string; main: string } {
  const source = path.join(projectRoot, "kafka", "Launcher.java");
  const jars = path.join(lib, "*");
  const hash = createHash("sha256").update(readFileSync(source)).update(pomHash(projectRoot)).digest("hex").slice(0, 16);
  const classes = path.join(projectRoot, "kafka", ".cache", "classes", hash);
  const compiled = { classpath: `${jars}${path.delimiter}${classes}`, main: "Launcher" };
  if (existsSync(path.join(classes, "Launcher.class"))) return compiled;
  const javac = spawnSync("javac", ["-nowarn", "-cp", jars, "-d", classes, source], { encoding: "utf8" });
  if (javac.error === undefined && javac.status === 0) return compiled;
  log.debug("javac unavailable or failed; running the Kafka launcher in source mode", { error: javac.stderr || String(javac.error) });
  return { classpath: jars, main: source };
}

/**
 * Starts a single-node Kafka (KRaft: broker and controller in one JVM, kafka/Launcher.java) on
 * 127.0.0.1:port; resolves once it answers clients.
 */
export async function startEmbeddedKafka(options: EmbeddedKafkaOptions): Promise<EmbeddedKafka> {
  const { projectRoot, port, dataDir, log } = options;
  if (spawnSync("java", ["-version"], { stdio: "ignore" }).error !== undefined) {
    throw new EmbeddedKafkaError(
      "Java 17+ is needed for the embedded Kafka but 'java' was not found: install it (apt-get install openjdk-17-jre-headless), or point KAFKA_BROKERS at your own brokers",
    );
  }
  if (await portAnswers(port)) throw new EmbeddedKafkaError(`port ${port} on 127.0.0.1 is taken; stop what uses it or give the embedded Kafka another port`);
  const lib = ensureKafkaJars(projectRoot, log);
  mkdirSync(dataDir, { recursive: true });
  const { classpath, main } = launcher(projectRoot, lib, log);
  const log4j = path.join(projectRoot, "kafka", "log4j2.properties");
  const args = ["-Xms128m", "-Xmx512m", "-XX:+UseG1GC", `-Dlog4j2.configurationFile=${log4j}`, "-cp", classpath, main, String(port), dataDir];
  log.info(`starting the embedded Kafka on 127.0.0.1:${port} (data in ${dataDir})…`);
  // stdin stays open while this process lives: its end of file stops the broker (see Launcher.java).
  const child = spawn("java", args, { stdio: ["pipe", "pipe", "pipe"], detached: true });
  return waitUntilReady(child, `127.0.0.1:${port}`, dataDir, log, options.startTimeoutMs ?? 120_000);
}

function waitUntilReady(child: ChildProcess, brokers: string, dataDir: string, log: Logger, timeoutMs: number): Promise<EmbeddedKafka> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    log.debug(line);
  });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    stopping = true;
    child.kill("SIGTERM");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") {
      child.kill("SIGKILL");
      await exited;
    }
  };
  const kill = async (): Promise<void> => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new EmbeddedKafkaError(`the embedded Kafka did not answer on ${brokers} within ${timeoutMs / 1000} s: ${stderrTail.slice(-5).join(" | ") || "no output"}`));
    }, timeoutMs);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("KAFKA READY")) {
        ready = true;
        clearTimeout(timer);
        log.info(`embedded Kafka ready on ${brokers}`, { pid: child.pid });
        resolve({ brokers, pid: child.pid, dataDir, exited, stop, kill });
      } else if (line.startsWith("KAFKA ERROR")) {
        clearTimeout(timer);
        reject(new EmbeddedKafkaError(`the embedded Kafka could not start: ${line.slice("KAFKA ERROR ".length)}`));
      } else {
        log.debug(line);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (!ready) reject(new EmbeddedKafkaError(`the embedded Kafka exited with code ${code} before it was ready: ${stderrTail.slice(-5).join(" | ") || "no output"}`));
      else if (!stopping) log.warn("the embedded Kafka process exited", { code });
    });
  });
}
