import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { localServer, type LocalServer } from "./localServer.js";
import { freePort } from "./processes.js";
import { findExecutable } from "./requirements.js";

export interface Broker extends LocalServer {
  /** mqtt://127.0.0.1:<port> */
  readonly url: string;
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
  const broker: Broker = { ...localServer("mosquitto", binary, ["-c", config], port, () => rmSync(dir, { recursive: true, force: true })), url: `mqtt://127.0.0.1:${port}` };
  if (options.started !== false) await broker.start();
  return broker;
}
