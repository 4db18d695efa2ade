import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../../src/config.js";

export interface TwinProcess {
  readonly child: ChildProcess;
  readonly output: string[];
  /** Resolves with the GraphQL URL once the API is ready; rejects if the process exits first. */
  readonly ready: Promise<string>;
  readonly exited: Promise<number | null>;
}

/**
 * Runs src/main.ts as `npm start` would (through tsx), with extra environment variables. Its
 * write-ahead log goes to a fresh temp folder unless `INGEST_WAL_DIR` is given (a restart test
 * passes the same folder again).
 */
export function runTwin(env: Record<string, string>): TwinProcess {
  const walDir = env["INGEST_WAL_DIR"] ?? mkdtempSync(path.join(tmpdir(), "twin-proc-wal-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    // Tests and benchmarks load readings with past timestamps: the twin keeps them all raw unless `env` turns retention on.
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", PORT: "0", DEVICE: "none", INGEST_WAL_DIR: walDir, RETENTION_RAW_DAYS: "0", RETENTION_MINUTE_DAYS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  if (env["INGEST_WAL_DIR"] === undefined) void exited.then(() => rmSync(walDir, { recursive: true, force: true }));
  const ready = new Promise<string>((resolve, reject) => {
    const onLine = (line: string): void => {
      output.push(line);
      const match = /GraphQL API ready: (http:\/\/\S+\/graphql)/.exec(line);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    createInterface({ input: child.stdout }).on("line", onLine);
    createInterface({ input: child.stderr }).on("line", onLine);
    void exited.then((code) => reject(new Error(`the twin exited with code ${code} before it was ready:\n${output.join("\n")}`)));
  });
  ready.catch(() => undefined);
  return { child, output, ready, exited };
}
