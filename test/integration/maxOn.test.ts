import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualDevice } from "../../src/bridge/virtual/virtualDevice.js";
import type { SafetySettings } from "../../src/commands/safety.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

// The MAX_ON safety limit belongs to the command path: whoever switched an actuator ON, the
// twin switches it OFF once it has been ON for its limit, through the command lifecycle (a
// stored, ACKED command issued by the interlock), with no rule involved. Real Neo4j, a virtual
// node that speaks protocol v1 like the firmware.

const sfx = randomBytes(3).toString("hex");
const ids = { device: `maxon-${sfx}`, fan: `fan_${sfx}` };
const SAFETY: SafetySettings = {
  interlocks: [{ kind: "MAX_ON", name: "fan-limit", actuatorId: ids.fan, seconds: 2 }],
  rateLimit: { maxCommands: 20, windowMs: 60_000 },
  overrideMs: 60_000,
};
const SEND = `mutation ($input: CommandInput!) { sendCommand(input: $input) { commandId status createdAt } }`;

let twin: TestTwin;
let device: VirtualDevice;
/** The command lines the node received. */
const written: string[] = [];

beforeAll(async () => {
  twin = await startTestTwin({ safety: SAFETY });
  device = new VirtualDevice({ deviceId: ids.device, idSuffix: sfx, intervalMs: 500 });
  const write = device.write.bind(device);
  device.write = async (data: string) => {
    written.push(...data.split("\n").filter((l) => l.trim() !== ""));
    return write(data);
  };
  twin.app.bridge.attach(`virtual ${ids.device}`, async () => device);
  await eventually(async () => (twin.app.bridge.isConnected(ids.device) ? true : undefined), 10_000, "the virtual node's hello");
});

afterAll(async () => {
  await twin?.close();
  await device?.close();
});

describe("MAX_ON", () => {
  it("switches an actuator OFF after its limit through an ACKED command issued by the interlock, and the device holds OFF", async () => {
    const on = await gql<{ sendCommand: { status: string; createdAt: string } }>(twin.url, SEND, { input: { actuatorId: ids.fan, state: "ON", reason: "test" } });
    expect(on.errors).toBeUndefined();
    expect(on.data!.sendCommand.status).toBe("ACKED");
    const off = await eventually(
      async () => {
        const res = await gql<{ commands: Array<{ status: string; issuedBy: string; payload: string; reason: string | null; createdAt: string }> }>(
          twin.url,
          `query ($id: ID!) { commands(where: { targetId: { eq: $id }, issuedBy: { eq: "safety:fan-limit" } }) { status issuedBy payload reason createdAt } }`,
          { id: ids.fan },
        );
        const row = res.data?.commands[0];
        return row?.status === "ACKED" ? row : undefined;
      },
      10_000,
      "the interlock's OFF command, ACKED",
    );
    expect(JSON.parse(off.payload)).toEqual({ actuatorId: ids.fan, state: "OFF" });
    expect(off.reason).toMatch(/interlock fan-limit: .* at most 2 s in a row; switching it OFF/);
    // Not before the limit (counted from the ON's acceptance, at or before its createdAt); the
    // watch checks every second, so within about a second after it.
    const offAfterMs = Date.parse(off.createdAt) - Date.parse(on.data!.sendCommand.createdAt);
    expect(offAfterMs).toBeGreaterThanOrEqual(2_000);
    expect(offAfterMs).toBeLessThan(4_500);
    const toFan = written.map((l) => JSON.parse(l) as { t: string; a?: string; state?: string }).filter((m) => m.t === "set" && m.a === ids.fan);
    expect(toFan.map((m) => m.state)).toEqual(["ON", "OFF"]);
    const stored = await twin.driver.executeQuery("MATCH (a:Actuator {actuatorId: $id}) RETURN a.reportedState AS r, a.desiredState AS d", { id: ids.fan });
    expect(stored.records[0]!.get("r")).toBe("OFF");
    expect(stored.records[0]!.get("d")).toBe("OFF");
  });
});
