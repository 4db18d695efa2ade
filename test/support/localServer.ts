import { spawn, type ChildProcess } from "node:child_process";
import { portAnswers } from "./processes.js";

/** A server program (mosquitto, redis-server) the tests run on a loopback port of their own. */
export interface LocalServer {
  readonly port: number;
  /** Starts it (again) on the same port, resolving once it accepts connections. */
  start(): Promise<void>;
  /** Stops it (SIGTERM, waits for the exit). */
  stop(): Promise<void>;
  /** Stops it for good and removes what `cleanup` names. */
  close(): Promise<void>;
  /** Its output so far, for failure messages. */
  log(): string;
  /** The running server's process id (benchmarks read its CPU time). */
  pid(): number | undefined;
}

/** `binary args` listening on `port`; `cleanup` runs once it is closed for good. */
export function localServer(name: string, binary: string, args: readonly string[], port: number, cleanup: () => void = () => undefined): LocalServer {
  let child: ChildProcess | null = null;
  const output: string[] = [];
  const server: LocalServer = {
    port,
    start: async () => {
      const running = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
      child = running;
      running.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      running.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      const deadline = Date.now() + 10_000;
      while (!(await portAnswers(port))) {
        if (running.exitCode !== null) throw new Error(`${name} exited (${running.exitCode}): ${output.join("")}`);
        if (Date.now() > deadline) throw new Error(`${name} did not listen on ${port} within 10 s: ${output.join("")}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: async () => {
      const running = child;
      child = null;
      if (running?.exitCode !== null) return;
      const exited = new Promise((r) => running.once("exit", r));
      running.kill("SIGTERM");
      await exited;
    },
    close: async () => {
      await server.stop();
      cleanup();
    },
    log: () => output.join(""),
    pid: () => child?.pid,
  };
  return server;
}
