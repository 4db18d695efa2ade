import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { launcherArguments } from "../../src/store/embedded.js";
import { descendants, freePort, isRunning, portAnswers, startCollecting } from "../support/processes.js";
import { eventually } from "../support/testApp.js";

/** A node process that starts `command` with every stdio inherited, then just waits: a starter to kill. */
function starterOf(command: string, args: readonly string[], stdin: "pipe" | "ignore"): ReturnType<typeof startCollecting> {
  const script = `require("node:child_process").spawn(${JSON.stringify(command)}, ${JSON.stringify(args)}, { stdio: "inherit" }); setInterval(() => {}, 1000);`;
  return startCollecting(process.execPath, ["-e", script], { cwd: projectRoot, env: { PATH: process.env["PATH"] ?? "" }, stdin });
}

describe("the embedded database whose starter is killed hard", () => {
  it("shuts down cleanly even while another process keeps its stdin open (it watches its parent)", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "twin-parent-neo4j-"));
    // The test holds the starter's stdin, which the database inherits: no end of file comes
    // when the starter dies, so only the parent check can stop it.
    const starter = starterOf("java", launcherArguments({ projectRoot, port, dataDir, log: silentLogger, pageCacheMb: 128 }), "pipe");
    try {
      await starter.waitFor(/^NEO4J READY/, "the database is ready");
      const java = descendants(starter.child.pid!).find((p) => p.name === "java");
      expect(java, "the database runs under its starter").toBeDefined();
      starter.child.kill("SIGKILL");
      await eventually(async () => (!isRunning(java!.pid) ? true : undefined), 90_000, "the database to stop");
      expect(await portAnswers(port)).toBe(false);
      expect(starter.output.join("\n")).toMatch(/is gone; shutting down[\s\S]*NEO4J STOPPED/);
    } finally {
      starter.child.stdin?.end();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe("npm start killed hard", () => {
  it("leaves no twin behind: the twin notices it was re-parented and stops as if signalled", async () => {
    const walDir = mkdtempSync(path.join(tmpdir(), "twin-npm-kill-wal-"));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
      PORT: "0",
      DEVICE: "none",
      INGEST_WAL_DIR: walDir,
      NEO4J_URI: inject("neo4jUri"),
      NEO4J_USER: inject("neo4jUser"),
      NEO4J_PASSWORD: inject("neo4jPassword"),
    };
    const npm = startCollecting("npm", ["start"], { cwd: projectRoot, env });
    try {
      const [, port] = await npm.waitFor(/GraphQL API ready: http:\/\/127\.0\.0\.1:(\d+)\/graphql/, "the API");
      const twin = descendants(npm.child.pid!).find((p) => p.name === "node");
      expect(twin, "the twin runs as npm's own child").toBeDefined();
      npm.child.kill("SIGKILL");
      await eventually(async () => (!isRunning(twin!.pid) ? true : undefined), 60_000, "the twin to stop");
      expect(await portAnswers(Number(port))).toBe(false);
      expect(npm.output.join("\n")).toMatch(/SIGTERM: stopping; writing pending readings first[\s\S]*stopped cleanly/);
    } finally {
      if (npm.child.exitCode === null) npm.child.kill("SIGKILL");
      rmSync(walDir, { recursive: true, force: true });
    }
  }, 120_000);
});
