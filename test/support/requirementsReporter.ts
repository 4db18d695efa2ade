// Lists, after vitest's own summary, every tier skipped for a missing requirement and how to
// enable it (read from the placeholder tests of requirements.ts); under CI=true or
// TEST_REQUIRE_ALL=1 it names the first missing requirement that failed the run instead.
import type { Reporter, TestModule, Vitest } from "vitest/node";

interface Skipped {
  readonly requirement: string;
  readonly what: string;
  readonly reason: string;
  readonly install: string;
}

function skippedTier(meta: object): Skipped | null {
  const value: unknown = (meta as { skippedTier?: unknown }).skippedTier;
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const fields = ["requirement", "what", "reason", "install"] as const;
  return fields.every((f) => typeof v[f] === "string") ? (v as unknown as Skipped) : null;
}

export default class RequirementsReporter implements Reporter {
  private vitest: Vitest | null = null;
  private readonly skipped = new Map<string, { tier: Skipped; files: Set<string>; tests: number }>();
  private readonly failed = new Map<string, { message: string; files: Set<string> }>();

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestModuleEnd(module: TestModule): void {
    for (const error of module.errors()) {
      const match = error.name === "MissingRequirementError" ? /^missing requirement (\S+)/.exec(error.message) : null;
      if (match?.[1] === undefined) continue;
      const entry = this.failed.get(match[1]) ?? { message: error.message, files: new Set<string>() };
      entry.files.add(module.relativeModuleId);
      this.failed.set(match[1], entry);
    }
    const tests = [...module.children.allTests()];
    const placeholders = tests.flatMap((t) => skippedTier(t.meta()) ?? []);
    for (const tier of placeholders) {
      this.log(`   ↳ ${module.relativeModuleId} skipped: needs ${tier.requirement} (${tier.what}): ${tier.reason}; to run it: ${tier.install}`);
      const entry = this.skipped.get(tier.requirement) ?? { tier, files: new Set<string>(), tests: 0 };
      entry.files.add(module.relativeModuleId);
      entry.tests += tests.length - placeholders.length;
      this.skipped.set(tier.requirement, entry);
    }
  }

  private log(line: string): void {
    if (this.vitest === null) console.log(line);
    else this.vitest.logger.log(line);
  }

  onTestRunEnd(): void {
    const log = (line: string): void => this.log(line);
    if (this.skipped.size > 0) {
      log("");
      log(`Skipped tiers (a requirement is missing; CI=true or TEST_REQUIRE_ALL=1 makes this a failure):`);
      for (const { tier, files, tests } of [...this.skipped.values()].sort((a, b) => a.tier.requirement.localeCompare(b.tier.requirement))) {
        log(`  ${tier.requirement} (${tier.what}): ${tier.reason}`);
        log(`    ${tests} ${tests === 1 ? "test" : "tests"} in ${[...files].sort().join(", ")}`);
        log(`    to enable: ${tier.install}`);
      }
    }
    const [first, ...others] = [...this.failed.entries()].sort(([a], [b]) => a.localeCompare(b));
    if (first !== undefined) {
      log("");
      log(`FAILED: ${first[1].message}`);
      log(`  in ${[...first[1].files].sort().join(", ")}${others.length > 0 ? `; also missing: ${others.map(([name]) => name).join(", ")}` : ""}`);
    }
  }
}
