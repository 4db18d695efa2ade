import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";

interface LockEntry {
  readonly version?: string;
  readonly engines?: { readonly node?: string } | readonly string[];
}

// `npm ci` warns (EBADENGINE) for every locked package whose engines exclude the Node it runs
// on. The oldest Node our package.json admits must satisfy them all, or a dependency bump has
// brought back packages that want a newer Node (as @graphql-tools/* with Node ≥ 22.15 once did).
describe("package-lock.json", () => {
  it("holds no package that refuses the oldest Node our engines field admits", () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { engines: { node: string } };
    const oldest = semver.minVersion(pkg.engines.node);
    expect(oldest, `engines.node ${pkg.engines.node}`).not.toBeNull();
    const lock = JSON.parse(readFileSync(path.join(projectRoot, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
    const refusing = Object.entries(lock.packages).flatMap(([where, entry]) => {
      const wanted = Array.isArray(entry.engines) ? undefined : (entry.engines as { node?: string } | undefined)?.node;
      return where !== "" && wanted !== undefined && !semver.satisfies(oldest as semver.SemVer, wanted) ? [`${where}@${entry.version}: node ${wanted}`] : [];
    });
    expect(refusing).toEqual([]);
  });
});
