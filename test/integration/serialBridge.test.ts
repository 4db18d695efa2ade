import { afterAll, beforeAll, expect, it } from "vitest";
import { SerialLink } from "../../src/bridge/serialLink.js";
import { createLogger, silentLogger } from "../../src/log.js";
import { ptyPair, type PtyPair } from "../support/socat.js";
import { requires } from "../support/requirements.js";
import { ScriptedSerialDevice } from "../support/serialDevice.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const { describe } = requires("socat");

let twin: TestTwin;
let pair: PtyPair;

beforeAll(async () => {
  twin = await startTestTwin({ log: process.env["DEBUG_TEST"] ? createLogger("debug") : silentLogger });
  pair = await ptyPair();
});
afterAll(async () => {
  await twin?.close();
  await pair?.kill();
});

async function storedValues(sensorId: string): Promise<number[]> {
  await twin.app.writer.flush();
  const { records } = await twin.driver.executeQuery("MATCH (r:Reading {sensorId: $sensorId}) RETURN r.value AS v ORDER BY r.timestamp", { sensorId });
  return records.map((r) => r.get("v") as number);
}

describe("serial bridge over a socat pty pair", () => {
  it("registers the device, stores its readings, and reconnects after the cable is pulled and replugged", async () => {
    const deviceId = `pty-${twin.prefix}`;
    const p = `${twin.prefix}_`;
    const device = new ScriptedSerialDevice(pair.a, deviceId, p);
    await device.open();
    twin.app.bridge.attach(pair.b, async () => new SerialLink(pair.b, 115200));
    await eventually(async () => (twin.app.bridge.isConnected(deviceId) ? true : undefined), 10_000, "the hello handshake");

    const registered = await eventually(
      async () => {
        const res = await gql<{ devices: Array<{ deviceId: string; port: string; sensors: Array<{ sensorId: string }>; actuators: Array<{ actuatorId: string; reportedState: string }> }> }>(
          twin.url,
          `query ($id: ID!) { devices(where: { deviceId: { eq: $id } }) { deviceId port sensors(sort: [{ sensorId: ASC }]) { sensorId } actuators { actuatorId reportedState } } }`,
          { id: deviceId },
        );
        return res.data?.devices.length === 1 ? res.data.devices : undefined;
      },
      10_000,
      "the device in the graph",
    );
    expect(registered).toEqual([{ deviceId, port: pair.b, sensors: [{ sensorId: `humidity_${p}1` }, { sensorId: `temp_${p}1` }], actuators: [{ actuatorId: `fan_${p}1`, reportedState: "OFF" }] }]);

    const sensor = `temp_${p}1`;
    const before = (await storedValues(sensor)).length;
    await device.reading(sensor, 20.5);
    await device.send("garbage that is not json\n");
    await device.reading(sensor, 20.75);
    await eventually(async () => ((await storedValues(sensor)).length >= before + 2 ? true : undefined), 10_000, "two readings stored");

    await device.close();
    await pair.kill();
    await eventually(async () => (twin.app.bridge.isConnected(deviceId) ? undefined : true), 20_000, "the bridge to notice the unplug");

    await pair.restart();
    await device.open();
    await eventually(async () => (twin.app.bridge.isConnected(deviceId) ? true : undefined), 20_000, "the bridge to reconnect");
    await device.reading(sensor, 21.25);
    await eventually(async () => ((await storedValues(sensor)).includes(21.25) ? true : undefined), 10_000, "a reading after reconnecting");
    const statuses = await gql<{ deviceStatuses: Array<{ deviceId: string; online: boolean; readings: number; rejectedLines: number }> }>(
      twin.url,
      "{ deviceStatuses { deviceId online readings rejectedLines } }",
    );
    expect(statuses.data?.deviceStatuses.find((s) => s.deviceId === deviceId)).toMatchObject({ online: true, readings: 1, rejectedLines: 0 });
    await device.close();
  }, 90_000);
});
