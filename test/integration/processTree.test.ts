import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect } from "vitest";
import { projectRoot } from "../../src/config.js";
import { descendants, freePort, isRunning, portAnswers, startCollecting, type Started } from "../support/processes.js";
import { requires } from "../support/requirements.js";
import { eventually } from "../support/testApp.js";

// `npm start` as a user runs it, with the firmware in the simulator and the embedded Neo4j on a
// port and data folder of its own: every process it starts must end when any of them is stopped.
const { describe, it } = requires("avr");

interface Tree {
  readonly npm: Started;
  readonly apiPort: number;
  readonly boltPort: number;
  readonly members: ReadonlyArray<{ pid: number; name: string }>;
  pidOf(name: string): number;
}

const started: Array<{ tree: Started; dir: string }> = [];
afterEach(() => {
  for (const { tree, dir } of started.splice(0)) {
    for (const p of descendants(tree.child.pid!)) process.kill(p.pid, "SIGKILL");
    if (tree.child.exitCode === null) tree.child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

async function startTree(): Promise<Tree> {
  const dir = mkdtempSync(path.join(tmpdir(), "twin-tree-"));
  const boltPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env["PATH"] ?? "",
    HOME: process.env["HOME"] ?? "",
    PORT: "0",
    DEVICE: "sim",
    NEO4J_EMBEDDED_PORT: String(boltPort),
    NEO4J_DATA_DIR: path.join(dir, "db"),
    INGEST_WAL_DIR: path.join(dir, "wal"),
  };
  const npm = startCollecting("npm", ["start"], { cwd: projectRoot, env });
  started.push({ tree: npm, dir });
  const [, port] = await npm.waitFor(/GraphQL API ready: http:\/\/127\.0\.0\.1:(\d+)\/graphql/, "the API");
  await npm.waitFor(/device node-1 connected/, "the simulated node's hello");
  const members = descendants(npm.child.pid!);
  const pidOf = (name: string): number => {
    const found = members.find((p) => p.name === name);
    if (found === undefined) throw new Error(`no ${name} under npm start: ${JSON.stringify(members)}`);
    return found.pid;
  };
  return { npm, apiPort: Number(port), boltPort, members, pidOf };
}

async function expectAllStopped(tree: Tree): Promise<void> {
  await eventually(async () => (tree.npm.child.exitCode !== null || tree.npm.child.signalCode !== null ? true : undefined), 120_000, "npm to exit");
  await eventually(async () => (tree.members.every((p) => !isRunning(p.pid)) ? true : undefined), 30_000, "every process of the tree to end");
  expect(await portAnswers(tree.apiPort), "the API's port is free").toBe(false);
  expect(await portAnswers(tree.boltPort), "the database's port is free").toBe(false);
  expect(tree.npm.output.join("\n")).toMatch(/stopped cleanly/);
}

describe("npm start is one process tree", () => {
  it.each([
    ["the npm process", (t: Tree) => [t.npm.child.pid!], /SIGTERM: stopping; writing pending readings first/],
    ["the embedded database", (t: Tree) => [t.pidOf("java")], /the embedded Neo4j stopped \(exit 143\): stopping/],
    ["the simulator", (t: Tree) => [t.pidOf("simnode")], /the simulated node \(pid \d+\) was stopped by a signal: stopping/],
    ["every process at once, as systemd stops a service", (t: Tree) => [t.npm.child.pid!, ...t.members.map((p) => p.pid)], /SIGTERM: stopping/],
  ])(
    "SIGTERM to %s stops every process of it cleanly and frees its ports",
    async (_name, targets, why) => {
      const tree = await startTree();
      expect(tree.members.map((p) => p.name)).toEqual(expect.arrayContaining(["node", "java", "simnode"]));
      for (const pid of targets(tree)) process.kill(pid, "SIGTERM");
      await expectAllStopped(tree);
      expect(tree.npm.output.join("\n")).toMatch(why);
    },
    300_000,
  );

  it("the simulator stops when its starter is killed hard, even while its output is still read", async () => {
    const binary = path.join(projectRoot, "firmware", "build", "simnode");
    const args = ["--elf", path.join(projectRoot, "firmware", "build", "node.elf"), "--trace-ms", "200"];
    // The simulator's stdout is this test's pipe, read to the end: no broken pipe can stop it.
    const script = `require("node:child_process").spawn(${JSON.stringify(binary)}, ${JSON.stringify(args)}, { stdio: "inherit" }); setInterval(() => {}, 1000);`;
    const starter = startCollecting(process.execPath, ["-e", script], { cwd: projectRoot, env: { PATH: process.env["PATH"] ?? "" } });
    started.push({ tree: starter, dir: mkdtempSync(path.join(tmpdir(), "twin-sim-parent-")) });
    await starter.waitFor(/"t":"plant"/, "the simulator runs");
    const sim = descendants(starter.child.pid!).find((p) => p.name === "simnode");
    expect(sim).toBeDefined();
    starter.child.kill("SIGKILL");
    await eventually(async () => (!isRunning(sim!.pid) ? true : undefined), 20_000, "the simulator to stop");
    await eventually(async () => (starter.output.some((l) => l.includes('"t":"exit"')) ? true : undefined), 5_000, "its exit line");
    expect(starter.output.find((l) => l.includes('"t":"exit"'))).toMatch(/"reason":"signal"/);
  });
});
