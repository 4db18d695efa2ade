import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kafkaJarsProblem } from "../../../src/bridge/kafka/embeddedKafka.js";
import { projectRoot } from "../../../src/config.js";
import { findExecutable, firstMissing, fixtures, REQUIREMENT_NAMES, requireAll } from "../../support/requirements.js";

const scratch = mkdtempSync(path.join(tmpdir(), "twin-tiers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder holding executables named `names` (each a shell script that exits 0). */
function binDir(name: string, names: readonly string[]): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const n of names) {
    writeFileSync(path.join(dir, n), "#!/bin/sh\nexit 0\n");
    chmodSync(path.join(dir, n), 0o755);
  }
  return dir;
}

describe("requirements", () => {
  it("finds executables on PATH and ignores files that cannot be run", () => {
    const dir = binDir("some", ["socat"]);
    writeFileSync(path.join(dir, "plain"), "not executable");
    expect(findExecutable("socat", { PATH: `/nonexistent${path.delimiter}${dir}` })).toBe(path.join(dir, "socat"));
    expect(findExecutable("plain", { PATH: dir })).toBeNull();
    expect(findExecutable("socat", {})).toBeNull();
    expect(findExecutable("mosquitto", { PATH: "" }, [binDir("sbin", ["mosquitto"])])).toBe(path.join(scratch, "sbin", "mosquitto"));
  });

  it("names the first missing requirement, why, and the command that provides it", () => {
    const empty = binDir("empty", []);
    expect(firstMissing(["socat"], { PATH: empty })).toEqual({
      requirement: "socat",
      what: "virtual serial port pairs",
      reason: "socat not found on PATH",
      install: "npm run setup:system -- socat",
    });
    expect(firstMissing(["socat"], { PATH: binDir("withSocat", ["socat"]) })).toBeNull();
    // In declaration order: socat is reported before redis although both are missing.
    expect(firstMissing(["socat", "redis"], { PATH: empty })?.requirement).toBe("socat");
    expect(firstMissing(["avr"], { PATH: binDir("halfAvr", ["avr-gcc", "avr-objcopy"]) })?.reason).toBe("make, cc, pkg-config not found on PATH");
    expect(firstMissing(["kafka"], { PATH: empty })?.reason).toBe("java not found on PATH");
    // With Java, what is left is the embedded Kafka's jars (fetched by npm run kafka:fetch, or not).
    expect(firstMissing(["kafka"], { PATH: binDir("withJava", ["java"]) })?.reason ?? null).toBe(kafkaJarsProblem(projectRoot));
    expect(firstMissing(["kafka"], { PATH: empty })?.install).toBe("npm run kafka:fetch");
  });

  it("accepts a NAB folder with its labels and series, and says what an empty one lacks", () => {
    const none = path.join(scratch, "no-nab");
    expect(firstMissing(["nab"], { NAB_DATA_DIR: none })?.reason).toBe(`${none} has no combined_windows.json / combined_labels.json`);
    expect(firstMissing(["nab"], { NAB_DATA_DIR: fixtures["nab"] })).toBeNull();
  });

  it("fails instead of skipping under CI=true or TEST_REQUIRE_ALL=1", () => {
    expect(requireAll({})).toBe(false);
    expect(requireAll({ CI: "true" })).toBe(true);
    expect(requireAll({ CI: "1" })).toBe(true);
    expect(requireAll({ CI: "false", TEST_REQUIRE_ALL: "0" })).toBe(false);
    expect(requireAll({ TEST_REQUIRE_ALL: "1" })).toBe(true);
  });

  it("points every setup:system hint at a tier that scripts/setup-system.sh installs", () => {
    const empty = binDir("empty", []);
    const hints = REQUIREMENT_NAMES.map((name) => firstMissing([name], { PATH: empty, NAB_DATA_DIR: path.join(scratch, "no-nab") })?.install ?? "");
    const tiers = hints.flatMap((hint) => /^npm run setup:system -- (\S+)$/.exec(hint)?.[1] ?? []);
    // mosquitto lives in /usr/sbin, which is searched even with an empty PATH: its hint shows only where it is not installed.
    expect(tiers.filter((tier) => tier !== "mosquitto")).toEqual(["avr", "socat", "browser", "esp", "redis"]);
    for (const tier of new Set([...tiers, "mosquitto"])) {
      const listed = spawnSync("bash", ["scripts/setup-system.sh", "--list", tier], { cwd: projectRoot, encoding: "utf8" });
      expect(listed.status, listed.stderr).toBe(0);
      expect(listed.stdout.trim().split("\n").length).toBeGreaterThan(0);
    }
    const unknown = spawnSync("bash", ["scripts/setup-system.sh", "--list", "nope"], { cwd: projectRoot, encoding: "utf8" });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown tier 'nope'; the tiers are: base socat avr/);
  });
});

describe("a tier in a vitest run of its own (test/fixtures/tiers)", () => {
  const run = (name: string, env: Record<string, string>) => {
    const mark = path.join(scratch, name);
    mkdirSync(mark);
    const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "test/fixtures/tiers/vitest.config.ts"], {
      cwd: projectRoot,
      // Only what the run needs: no inherited VITEST_* variables, no PATH with the real socat.
      env: { HOME: process.env["HOME"] ?? "", NO_COLOR: "1", TIER_MARK_DIR: mark, ...env },
      encoding: "utf8",
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}`, hookRan: existsSync(path.join(mark, "hook-ran")) };
  };

  it("skips with the reason and a closing summary, fails under CI, and runs when socat is there", () => {
    const empty = binDir("empty", []);
    const skipped = run("skipped", { PATH: empty });
    expect(skipped.status, skipped.output).toBe(0);
    expect(skipped.hookRan).toBe(false);
    expect(skipped.output).toContain("needsSocat.test.ts skipped: needs socat (virtual serial port pairs): socat not found on PATH; to run it: npm run setup:system -- socat");
    const summary = skipped.output.slice(skipped.output.indexOf("Skipped tiers"));
    expect(summary).toMatch(
      /^Skipped tiers .*\n {2}socat \(virtual serial port pairs\): socat not found on PATH\n {4}1 test in needsSocat\.test\.ts\n {4}to enable: npm run setup:system -- socat\n*$/,
    );

    const strict = run("strict", { PATH: empty, CI: "true" });
    expect(strict.status).toBe(1);
    expect(strict.hookRan).toBe(false);
    expect(strict.output).toMatch(/FAILED: missing requirement socat \(virtual serial port pairs\): socat not found on PATH; to get it: npm run setup:system -- socat/);
    expect(strict.output).not.toContain("Skipped tiers");

    const present = run("present", { PATH: binDir("withSocat", ["socat"]), TEST_REQUIRE_ALL: "1" });
    expect(present.status, present.output).toBe(0);
    expect(present.hookRan).toBe(true);
    expect(present.output).toMatch(/1 passed/);
    expect(present.output).not.toContain("Skipped tiers");
  }, 120_000);
});
