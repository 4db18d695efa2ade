import { localServer, type LocalServer } from "./localServer.js";
import { freePort } from "./processes.js";
import { findExecutable } from "./requirements.js";

export interface TestRedis extends LocalServer {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
}

/**
 * Debian's redis-server on a free loopback port, nothing saved to disk.
 * `started: false` only picks the port (a test of a Redis that is down when the twin starts).
 */
export async function startTestRedis(options: { started?: boolean } = {}): Promise<TestRedis> {
  const binary = findExecutable("redis-server", process.env, ["/usr/sbin", "/usr/local/sbin"]);
  if (binary === null) throw new Error("redis-server is not installed (npm run setup:system -- redis)");
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning"];
  const redis: TestRedis = { ...localServer("redis-server", binary, args, port), url: `redis://127.0.0.1:${port}` };
  if (options.started !== false) await redis.start();
  return redis;
}
