import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";

// The committed src/generated/ and client/generated/ must be what `npm run codegen` makes from
// schema.graphql and the client's documents (web/, examples/) today.
describe("generated code", () => {
  it("is up to date with schema.graphql and the client's documents (run `npm run codegen` if this fails)", () => {
    const out = mkdtempSync(path.join(tmpdir(), "twin-codegen-"));
    try {
      execFileSync("npm", ["run", "--silent", "codegen"], { cwd: projectRoot, env: { ...process.env, CODEGEN_OUT: out }, stdio: "pipe" });
      for (const file of ["schema.graphql", "graphql.ts"]) {
        const fresh = readFileSync(path.join(out, file), "utf8");
        const committed = readFileSync(path.join(projectRoot, "src", "generated", file), "utf8");
        expect(committed === fresh, `src/generated/${file} is stale: run npm run codegen and commit the result`).toBe(true);
      }
      for (const file of ["graphql.ts", "gql.ts", "index.ts"]) {
        const fresh = readFileSync(path.join(out, "client", file), "utf8");
        const committed = readFileSync(path.join(projectRoot, "client", "generated", file), "utf8");
        expect(committed === fresh, `client/generated/${file} is stale: run npm run codegen and commit the result`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
