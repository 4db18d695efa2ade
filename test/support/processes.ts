import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import { createInterface } from "node:readline";

/** pid, parent pid, state and command name of every process, from /proc. */
function processTable(): Array<{ pid: number; ppid: number; state: string; name: string }> {
  const out: Array<{ pid: number; ppid: number; state: string; name: string }> = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "pid (name) state ppid …": the name may hold spaces and parentheses, so split at the last ")".
    const close = stat.lastIndexOf(")");
    const [state, ppid] = stat.slice(close + 2).split(" ");
    out.push({ pid: Number(entry), ppid: Number(ppid), state: state ?? "?", name: stat.slice(stat.indexOf("(") + 1, close) });
  }
  return out;
}

/** Every process below `pid` (children, their children…), with its command name. */
export function descendants(pid: number): Array<{ pid: number; name: string }> {
  const table = processTable();
  const found: Array<{ pid: number; name: string }> = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const p of table) {
      if (p.ppid === parent) {
        found.push({ pid: p.pid, name: p.name });
        queue.push(p.pid);
      }
    }
  }
  return found;
}

/** True while the process runs (a zombie waiting to be reaped has ended). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True if something accepts connections on 127.0.0.1:port. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface Started {
  readonly child: ChildProcess;
  readonly output: string[];
  /** Resolves with the first line matching `pattern` (rejects if the process ends first). */
  waitFor(pattern: RegExp, what: string): Promise<RegExpExecArray>;
  readonly exited: Promise<number | null>;
}

/** Spawns a command whose stdout and stderr lines are collected and can be waited for. */
export function startCollecting(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; stdin?: "pipe" | "ignore" }): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: [options.stdin ?? "ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const watchers: Array<{ pattern: RegExp; resolve: (m: RegExpExecArray) => void }> = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const onLine = (line: string): void => {
    output.push(line);
    for (const w of [...watchers]) {
      const match = w.pattern.exec(line);
      if (match !== null) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(match);
      }
    }
  };
  createInterface({ input: child.stdout! }).on("line", onLine);
  createInterface({ input: child.stderr! }).on("line", onLine);
  return {
    child,
    output,
    exited,
    waitFor: (pattern, what) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const seen = output.map((line) => pattern.exec(line)).find((m) => m !== null);
        if (seen !== undefined && seen !== null) return resolve(seen);
        watchers.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`${command} exited (${code}) before ${what}:\n${output.slice(-30).join("\n")}`)));
      }),
  };
}
