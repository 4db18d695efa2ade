// Switch an actuator and wait for the device's ack: npx tsx examples/send-command.ts fan_1 ON
// Follows the command's lifecycle (PENDING → SENT → ACKED, or FAILED / TIMED_OUT) through the
// commandUpdated subscription; exits 0 when the device acknowledged it, else 1.
import { randomUUID } from "node:crypto";
import { graphql } from "../client/twinClient.js";
import { connect, fail } from "./connect.js";

const WatchCommands = graphql(`
  subscription WatchCommands {
    commandUpdated { commandId targetId status attempts error idempotencyKey }
  }
`);

const SendCommand = graphql(`
  mutation SendCommand($input: CommandInput!) {
    sendCommand(input: $input) { commandId status attempts error ackedAt }
  }
`);

const [actuatorId, state] = process.argv.slice(2);
if (actuatorId === undefined || (state !== "ON" && state !== "OFF")) fail("usage: npx tsx examples/send-command.ts <actuatorId> ON|OFF");

const twin = connect();
// The key names this command: the subscription's events are matched to it before its id is known.
const idempotencyKey = `example-${randomUUID()}`;
const stop = twin.subscribe(WatchCommands, undefined, {
  next: ({ commandUpdated: c }) => {
    if (c.idempotencyKey === idempotencyKey) console.log(`${c.status}${c.attempts > 1 ? ` (attempt ${c.attempts})` : ""}${c.error === null ? "" : `: ${c.error}`}`);
  },
  error: (error) => process.stderr.write(`commandUpdated: ${error.message}\n`),
});
// Give the subscription a moment to start, so the first status is not missed.
await new Promise((resolve) => setTimeout(resolve, 300));

const { sendCommand } = await twin.request(SendCommand, { input: { actuatorId, state, idempotencyKey, reason: "examples/send-command.ts" } }).catch((error: unknown) => fail((error as Error).message));
console.log(`${actuatorId} ${state}: ${sendCommand.status} after ${sendCommand.attempts} attempt(s), command ${sendCommand.commandId}`);
stop();
await twin.close();
process.exit(sendCommand.status === "ACKED" ? 0 : 1);
