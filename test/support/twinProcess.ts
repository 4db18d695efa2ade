import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { projectRoot } from "../../src/config.js";

export interface TwinProcess {
  readonly child: ChildProcess;
  readonly output: string[];
  /** Resolves with the GraphQL URL once the API is ready; rejects if the process exits first. */
  readonly ready: Promise<string>;
  readonly exited: Promise<number | null>;
}

/** Runs src/main.ts as `npm start` would (through tsx), with extra environment variables. */
export function runTwin(env: Record<string, string>): TwinProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", PORT: "0", DEVICE: "none", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const onLine = (line: string): void => {
      output.push(line);
      const match = /GraphQL API ready: (http:\/\/\S+\/graphql)/.exec(line);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    createInterface({ input: child.stdout! }).on("line", onLine);
    createInterface({ input: child.stderr! }).on("line", onLine);
    void exited.then((code) => reject(new Error(`the twin exited with code ${code} before it was ready:\n${output.join("\n")}`)));
  });
  ready.catch(() => undefined);
  return { child, output, ready, exited };
}
