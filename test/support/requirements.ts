// Test tiers by what they need beyond Node, Java and Maven. A test file declares its needs:
//   const { describe } = requires("socat");
// When one is missing, that describe is skipped with one line naming it and the command that
// provides it (requirementsReporter.ts prints them all again at the end); with CI=true or
// TEST_REQUIRE_ALL=1 the file fails instead, so CI can never go green by skipping.
// Data: tests read the committed copies (`fixtures`); only a test that declared "nab" may read
// the configured folders (`recordedData`, NAB_DATA_DIR).
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import { describe as vitestDescribe, it as vitestIt } from "vitest";
import { kafkaJarsProblem } from "../../src/bridge/kafka/embeddedKafka.js";
import { datasetFolders, projectRoot, type DatasetFolders } from "../../src/config.js";
import { fixtureFolders, nabInventory } from "../../src/datasets/inventory.js";

type Env = Readonly<Record<string, string | undefined>>;

declare module "vitest" {
  interface TaskMeta {
    /** Set on the placeholder test of a file skipped for a missing requirement. */
    skippedTier?: SkippedTier;
  }
}

interface Requirement {
  /** What the tier needs, in words. */
  readonly what: string;
  /** The command (or step) that provides it. */
  readonly install: string;
  /** Why it is missing on this machine, or null when it is there. */
  readonly missing: (env: Env) => string | null;
}

/** The full path of `name` on the PATH of `env` (plus `extraDirs`), or null. */
export function findExecutable(name: string, env: Env, extraDirs: readonly string[] = []): string | null {
  for (const dir of [...(env["PATH"] ?? "").split(path.delimiter), ...extraDirs]) {
    if (dir === "") continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return null;
}

const onPath =
  (names: readonly string[], extraDirs: readonly string[] = []) =>
  (env: Env): string | null => {
    const absent = names.filter((n) => findExecutable(n, env, extraDirs) === null);
    return absent.length === 0 ? null : `${absent.join(", ")} not found on PATH`;
  };

const ARDUINO_CORE = "/usr/share/arduino/hardware/arduino/avr/cores/arduino";
// Daemons land in /usr/sbin, which an ordinary user's PATH often lacks.
const SBIN = ["/usr/sbin", "/usr/local/sbin"];

function avrMissing(env: Env): string | null {
  const tools = onPath(["avr-gcc", "avr-objcopy", "make", "cc", "pkg-config"])(env);
  if (tools !== null) return tools;
  const pc = spawnSync("pkg-config", ["--exists", "simavr", "simavrparts", "libelf"], { env: { ...env }, stdio: "ignore" });
  if (pc.status !== 0) return "pkg-config finds no simavr, simavrparts or libelf";
  return existsSync(ARDUINO_CORE) ? null : `no Arduino core in ${ARDUINO_CORE}`;
}

function nabMissing(env: Env): string | null {
  const folder = datasetFolders(projectRoot, env)["nab"] as string;
  const nab = nabInventory(folder);
  if (!nab.windows || !nab.labels) return `${folder} has no combined_windows.json / combined_labels.json`;
  return nab.seriesPresent === 0 ? `${folder} holds none of NAB's series` : null;
}

const REQUIREMENTS = {
  avr: { what: "the AVR toolchain and simavr, to run the firmware in a simulator", install: "npm run setup:system -- avr", missing: avrMissing },
  socat: { what: "virtual serial port pairs", install: "npm run setup:system -- socat", missing: onPath(["socat"]) },
  browser: {
    what: "a Chromium browser for playwright-core",
    install: "npm run setup:system -- browser",
    missing: (env) => (["chromium", "chromium-browser"].some((n) => findExecutable(n, env) !== null) ? null : "neither chromium nor chromium-browser is on PATH"),
  },
  esp: {
    what: "Debian's ESP8266 cross-compiler and picolibc, for the MQTT node's portable part",
    install: "npm run setup:system -- esp",
    missing: onPath(["xtensa-lx106-elf-g++", "g++", "make"]),
  },
  mosquitto: { what: "the mosquitto MQTT broker", install: "npm run setup:system -- mosquitto", missing: onPath(["mosquitto"], SBIN) },
  redis: { what: "the Redis server", install: "npm run setup:system -- redis", missing: onPath(["redis-server"], SBIN) },
  kafka: {
    what: "Java and Apache Kafka's broker jars (kafka/pom.xml), for an embedded single-node Kafka",
    install: "npm run kafka:fetch",
    missing: (env) => onPath(["java"])(env) ?? kafkaJarsProblem(projectRoot),
  },
  nab: { what: "the whole NAB benchmark in NAB_DATA_DIR", install: "npm run datasets (says where to get it)", missing: nabMissing },
} satisfies Record<string, Requirement>;

export type RequirementName = keyof typeof REQUIREMENTS;
export const REQUIREMENT_NAMES = Object.keys(REQUIREMENTS) as RequirementName[];

/** What the reporter needs to list a skipped tier; carried in the placeholder test's meta. */
export interface SkippedTier {
  readonly requirement: RequirementName;
  readonly what: string;
  readonly reason: string;
  readonly install: string;
}

/** True when a missing requirement must fail the run: CI=true or TEST_REQUIRE_ALL=1. */
export function requireAll(env: Env = process.env): boolean {
  const on = (v: string | undefined): boolean => v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
  return on(env["CI"]) || on(env["TEST_REQUIRE_ALL"]);
}

/** The first of `names` that is missing, with why and how to get it; null when all are there. */
export function firstMissing(names: readonly RequirementName[], env: Env = process.env): SkippedTier | null {
  for (const requirement of names) {
    const { what, install, missing } = REQUIREMENTS[requirement];
    const reason = missing(env);
    if (reason !== null) return { requirement, what, reason, install };
  }
  return null;
}

/** The one line a skipped tier prints: what is missing, why, and the command that provides it. */
export function missingLine(m: SkippedTier): string {
  return `needs ${m.requirement} (${m.what}): ${m.reason}; to run it: ${m.install}`;
}

/** Thrown at load time by a file whose requirement is missing when the run must have every tier. */
export class MissingRequirementError extends Error {
  override readonly name = "MissingRequirementError";
}

export interface Tier {
  /** vitest's describe, or describe.skip when a requirement is missing. */
  readonly describe: typeof vitestDescribe.skip;
  /** vitest's it, or it.skip when a requirement is missing. */
  readonly it: typeof vitestIt.skip;
  readonly missing: SkippedTier | null;
}

/**
 * Declares what the calling file's tests need. When one is missing, tests under the returned
 * describe/it are skipped (the file's hooks run only if another of its tests runs), or, under
 * CI=true / TEST_REQUIRE_ALL=1, the file fails naming it.
 */
export function requires(...names: RequirementName[]): Tier {
  const missing = firstMissing(names);
  if (missing === null) return { describe: vitestDescribe, it: vitestIt, missing };
  if (requireAll()) {
    const { requirement, what, reason, install } = missing;
    throw new MissingRequirementError(`missing requirement ${requirement} (${what}): ${reason}; to get it: ${install} (CI=true or TEST_REQUIRE_ALL=1 runs every tier)`);
  }
  // A placeholder that carries the reason: vitest prints its name, the reporter reads its meta.
  const meta = { skippedTier: missing };
  vitestIt.skip(missingLine(missing), { meta }, () => undefined);
  return { describe: vitestDescribe.skip, it: vitestIt.skip, missing };
}

/** The committed copies of the recorded data sets (test/fixtures/datasets): what tests read. */
export const fixtures: DatasetFolders = fixtureFolders(projectRoot);

/** The configured data set folders (NAB_DATA_DIR…), outside the repository: only after requires("nab"). */
export const recordedData: DatasetFolders = datasetFolders(projectRoot);
