import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { findExecutable } from "./requirements.js";

export interface Broker {
  readonly port: number;
  /** mqtt://127.0.0.1:<port> */
  readonly url: string;
  /** Starts mosquitto (again) on the same port. */
  start(): Promise<void>;
  /** Stops it (SIGTERM, waits for the exit). */
  stop(): Promise<void>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
  /** The broker's log so far, for failure messages. */
  log(): string;
  /** The running broker's process id (benchmarks read its CPU time). */
  pid(): number | undefined;
}

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Debian's mosquitto on a free loopback port with its own config file (anonymous, no
 * persistence, no Nagle delay, no size limit of its own: the twin asks for its maximum packet
 * size itself).
 * `started: false` only picks the port (a test of a broker that is down when the twin starts).
 */
export async function mosquitto(options: { started?: boolean } = {}): Promise<Broker> {
  const binary = findExecutable("mosquitto", process.env, ["/usr/sbin", "/usr/local/sbin"]);
  if (binary === null) throw new Error("mosquitto is not installed (npm run setup:system -- mosquitto)");
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "twin-mosquitto-"));
  const config = path.join(dir, "mosquitto.conf");
  writeFileSync(
    config,
    [`listener ${port} 127.0.0.1`, "allow_anonymous true", "persistence false", "set_tcp_nodelay true", "log_dest stdout", "log_type error", "log_type warning", "log_type notice", ""].join("\n"),
  );
  let child: ChildProcess | null = null;
  const output: string[] = [];
  const broker: Broker = {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    start: async () => {
      const running = spawn(binary, ["-c", config], { stdio: ["ignore", "pipe", "pipe"] });
      child = running;
      running.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      running.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      const deadline = Date.now() + 10_000;
      while (!(await accepts(port))) {
        if (running.exitCode !== null) throw new Error(`mosquitto exited (${running.exitCode}): ${output.join("")}`);
        if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port} within 10 s: ${output.join("")}`);
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
      await broker.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => output.join(""),
    pid: () => child?.pid,
  };
  if (options.started !== false) await broker.start();
  return broker;
}
