import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "../log.js";

export interface SimulatedNodeOptions {
  readonly projectRoot: string;
  readonly log: Logger;
  /** Extra simnode arguments (plant parameters, scenarios, --speed, --seed, --device-id). */
  readonly args?: readonly string[];
  /** Every JSON line simnode prints after the pty line (plant traces, actuator changes). */
  readonly onLine?: (message: Record<string, unknown>) => void;
  /**
   * Scheduling priority (nice, −20…19) for the simulator. A real board has a CPU of its own;
   * on a small host shared with Neo4j the simulated one can be starved and answer late, so a
   * benchmark may raise it (needs the privilege; refused, the simulator runs at normal priority).
   */
  readonly priority?: number;
  /**
   * The simulator ended on a signal this object did not send (someone stopped it): a twin
   * whose processes stop together stops too. Without it, the next connection restarts it.
   */
  readonly onStopped?: (why: string) => void;
}

/** True when `make -C firmware` can build the firmware and the simulator here. */
export function avrToolchainAvailable(): boolean {
  const ok = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
  return ok("avr-gcc", ["--version"]) && ok("pkg-config", ["--exists", "simavr"]) && existsSync("/usr/share/arduino/hardware/arduino/avr/cores/arduino");
}

export const TOOLCHAIN_HINT =
  "install the AVR toolchain to run the real firmware in a simulator: apt-get install gcc-avr avr-libc binutils-avr arduino-core-avr simavr libsimavr-dev libsimavrparts1 libelf-dev pkg-config";

/** Builds firmware/build/node.elf and firmware/build/simnode (incremental, ~3 s from scratch). */
export function buildFirmware(projectRoot: string): void {
  const result = spawnSync("make", ["-C", path.join(projectRoot, "firmware")], { encoding: "utf8" });
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-8).join("\n");
    throw new Error(`building the firmware failed (make -C firmware):\n${tail}`);
  }
}

/**
 * The firmware running in simavr (firmware/build/simnode) with its room plant: started on
 * demand, restarted when it exits; each run exposes the node's UART as a new pty.
 */
export class SimulatedNode {
  private child: ChildProcess | null = null;
  private path: Promise<string> | null = null;
  private stopped = false;
  /** The child this object is killing itself (stop, kill): its exit is expected. */
  private killing: ChildProcess | null = null;

  constructor(private readonly options: SimulatedNodeOptions) {}

  /** The pty of the running simulator, starting it first if needed. */
  ptyPath(): Promise<string> {
    if (this.stopped) return Promise.reject(new Error("the simulated node was stopped"));
    this.path ??= this.launch();
    return this.path;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Stops the simulator (SIGTERM; it exits within milliseconds). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.kill();
  }

  /** Kills the running simulator without stopping for good (tests of reconnection). */
  async kill(): Promise<void> {
    const child = this.child;
    if (child?.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    this.killing = child;
    child.kill("SIGTERM");
    await exited;
  }

  private launch(): Promise<string> {
    const binary = path.join(this.options.projectRoot, "firmware", "build", "simnode");
    const elf = path.join(this.options.projectRoot, "firmware", "build", "node.elf");
    // A plant trace every 10 s even when nobody asked: simnode notices a vanished reader at its
    // next trace line, so it cannot outlive a twin that was killed hard.
    const args = ["--elf", elf, "--trace-ms", "10000", ...(this.options.args ?? [])];
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    const log = this.options.log;
    const priority = this.options.priority;
    if (priority !== undefined && child.pid !== undefined) {
      try {
        setPriority(child.pid, priority);
      } catch (error) {
        log.warn(`cannot give the simulated node priority ${priority} (${(error as Error).message}); it runs at normal priority`);
      }
    }
    const stderr: string[] = [];
    createInterface({ input: child.stderr }).on("line", (line) => {
      stderr.push(line);
      if (stderr.length > 10) stderr.shift();
      log.debug(`simnode: ${line}`);
    });
    let endedBy: string | null = null;
    return new Promise<string>((resolve, reject) => {
      let resolved = false;
      createInterface({ input: child.stdout }).on("line", (line) => {
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(line) as Record<string, unknown>;
        } catch {
          return;
        }
        if (!resolved && message["t"] === "pty" && typeof message["path"] === "string") {
          resolved = true;
          log.info(`simulated node running (pid ${child.pid}) on ${message["path"]}`);
          resolve(message["path"]);
        } else if (message["t"] === "error") {
          log.error(`simulated node: ${String(message["msg"])}`);
        } else {
          if (message["t"] === "exit") endedBy = String(message["reason"]);
          this.options.onLine?.(message);
        }
      });
      child.once("error", (error) => reject(new Error(`cannot start ${binary}: ${error.message}`)));
      child.once("exit", () => {
        this.child = null;
        this.path = null;
      });
      // "close", not "exit": by then the exit line (why it ended) has been read from stdout.
      child.once("close", (code, signal) => {
        const expected = this.killing === child || this.stopped;
        if (this.killing === child) this.killing = null;
        if (!resolved) {
          reject(new Error(`simnode exited (${code ?? signal}) before it was ready: ${stderr.join(" | ")}`));
        } else if (!expected && (signal !== null || endedBy === "signal") && this.options.onStopped !== undefined) {
          const why = `the simulated node (pid ${child.pid}) was stopped by ${signal ?? "a signal"}`;
          log.info(why);
          this.options.onStopped(why);
        } else if (!this.stopped) {
          log.warn(`simulated node exited (${code ?? signal}); it is restarted when the bridge reconnects`);
        }
      });
    });
  }
}
