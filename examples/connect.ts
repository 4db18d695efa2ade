// What the examples share: where the twin is (TWIN_URL, or PORT on this machine) and its token (TWIN_TOKEN).
import { WebSocket } from "ws";
import { createTwinClient, type TwinClient } from "../client/twinClient.js";

/** A client of the twin at TWIN_URL (default http://127.0.0.1:$PORT/graphql, PORT 4000), with TWIN_TOKEN when set. */
export function connect(env: NodeJS.ProcessEnv = process.env): TwinClient {
  const url = env["TWIN_URL"] ?? `http://127.0.0.1:${env["PORT"] ?? 4000}/graphql`;
  return createTwinClient({ url, token: env["TWIN_TOKEN"], webSocketImpl: WebSocket });
}

/** Prints the message and exits 1 (an example's answer to a bad argument or a refusal). */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
