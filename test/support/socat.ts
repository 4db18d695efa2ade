import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PtyPair {
  readonly a: string;
  readonly b: string;
  /** Kills socat: both ends vanish, as when a USB cable is pulled. */
  kill(): Promise<void>;
  /** Starts socat again with the same link names. */
  restart(): Promise<void>;
}

/** A virtual serial cable: two ptys joined by socat, reachable under stable link names. */
export async function ptyPair(dir = mkdtempSync(path.join(tmpdir(), "twin-pty-"))): Promise<PtyPair> {
  const a = path.join(dir, "ttyA");
  const b = path.join(dir, "ttyB");
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    child = spawn("socat", [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: "ignore" });
    const deadline = Date.now() + 5_000;
    while (!(existsSync(a) && existsSync(b))) {
      if (Date.now() > deadline) throw new Error("socat did not create the pty pair (is socat installed? apt-get install socat)");
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await start();
  return {
    a,
    b,
    kill: async () => {
      const running = child;
      if (running?.exitCode !== null) return;
      const exited = new Promise((r) => running.once("exit", r));
      running.kill("SIGTERM");
      await exited;
      while (existsSync(a) || existsSync(b)) await new Promise((r) => setTimeout(r, 20));
    },
    restart: start,
  };
}
