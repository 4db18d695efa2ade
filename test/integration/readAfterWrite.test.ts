import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualDevice } from "../../src/bridge/virtual/virtualDevice.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

// After a mutation answers, every query shows its effect: no sleeping, no polling, no stale read.

let twin: TestTwin;
let device: VirtualDevice;
let fan: string;

beforeAll(async () => {
  twin = await startTestTwin({ safety: { interlocks: [], rateLimit: { maxCommands: 10_000, windowMs: 60_000 }, overrideMs: 0 } });
  const sfx = twin.prefix;
  fan = `fan_${sfx}`;
  device = new VirtualDevice({ deviceId: `raw-${sfx}`, idSuffix: sfx, intervalMs: 60_000 });
  twin.app.bridge.attach(`virtual raw-${sfx}`, async () => device);
  await eventually(async () => (twin.app.bridge.isConnected(`raw-${sfx}`) ? true : undefined), 10_000, "the virtual node's hello");
  await eventually(
    async () => {
      const res = await gql<{ actuators: unknown[] }>(twin.url, `query ($id: ID!) { actuators(where: { actuatorId: { eq: $id } }) { actuatorId } }`, { id: fan });
      return res.data?.actuators.length === 1 ? true : undefined;
    },
    10_000,
    "the fan in the graph",
  );
});
afterAll(async () => {
  await twin?.close();
});

describe("reads follow writes", () => {
  it("recordReadings → an immediate sensors query shows the sensor, its current value and its newest reading: 1,000 times, 0 stale", async () => {
    const stale: string[] = [];
    const base = Date.parse("2026-05-01T00:00:00Z");
    for (let i = 0; i < 1_000; i++) {
      const sensorId = `raw_${twin.prefix}_${Math.floor(i / 10)}`; // a new sensor every 10th call
      const value = i + 0.5;
      const recorded = await gql<{ recordReadings: { accepted: number; durability: string } }>(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted durability } }`, {
        r: [{ sensorId, value, timestamp: new Date(base + i * 1000).toISOString() }],
      });
      expect(recorded.data?.recordReadings).toEqual({ accepted: 1, durability: "COMMITTED" });
      const read = await gql<{ sensors: Array<{ currentValue: number | null; latestReadings: Array<{ value: number }> }> }>(
        twin.url,
        `query ($id: ID!) { sensors(where: { sensorId: { eq: $id } }) { currentValue latestReadings(limit: 1) { value } } }`,
        { id: sensorId },
      );
      const sensor = read.data?.sensors[0];
      if (sensor?.currentValue !== value || sensor.latestReadings[0]?.value !== value) stale.push(`${i}: ${JSON.stringify(read.data ?? read.errors)}`);
    }
    expect(stale).toEqual([]);
  }, 120_000);

  it("sendCommand → ACKED → an immediate actuator read shows the new reported and desired state: 200 switches, 0 stale", async () => {
    const stale: string[] = [];
    for (let i = 0; i < 200; i++) {
      const state = i % 2 === 0 ? "ON" : "OFF";
      const sent = await gql<{ sendCommand: { status: string } }>(twin.url, `mutation ($input: CommandInput!) { sendCommand(input: $input) { status } }`, {
        input: { actuatorId: fan, state },
      });
      expect(sent.data?.sendCommand.status).toBe("ACKED");
      const read = await gql<{ actuators: Array<{ reportedState: string; desiredState: string }> }>(
        twin.url,
        `query ($id: ID!) { actuators(where: { actuatorId: { eq: $id } }) { reportedState desiredState } }`,
        { id: fan },
      );
      const actuator = read.data?.actuators[0];
      if (actuator?.reportedState !== state || actuator.desiredState !== state) stale.push(`${i}: asked ${state}, read ${JSON.stringify(actuator)}`);
    }
    expect(stale).toEqual([]);
  }, 120_000);
});
