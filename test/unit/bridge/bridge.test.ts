import { SerialPortMock } from "serialport";
import { afterEach, describe, expect, it } from "vitest";
import { Bridge } from "../../../src/bridge/bridge.js";
import { SerialLink } from "../../../src/bridge/serialLink.js";
import { VirtualDevice } from "../../../src/bridge/virtual/virtualDevice.js";
import { silentLogger } from "../../../src/log.js";
import { EventBus } from "../../../src/util/eventBus.js";
import type { DeviceStatusEvent, TwinEvents } from "../../../src/domain/events.js";
import type { ReadingCandidate } from "../../../src/domain/reading.js";
import { helloMessage } from "../../support/fakeLink.js";

// In ESM the mock binding must be taken from SerialPortMock itself (a separate import of
// @serialport/binding-mock would be another instance: "Port does not exist").
const MockBinding = SerialPortMock.binding;

const bridges: Bridge[] = [];
afterEach(async () => {
  for (const b of bridges.splice(0)) await b.stop();
  MockBinding.reset();
});

function makeBridge() {
  const bus = new EventBus<TwinEvents>(silentLogger);
  const readings: ReadingCandidate[] = [];
  const statuses: DeviceStatusEvent[] = [];
  const registered: string[] = [];
  const touched: string[] = [];
  bus.on("deviceStatus", "test", (s) => void statuses.push(s));
  const bridge = new Bridge({
    ingest: {
      ingest: (candidates) => {
        readings.push(...candidates);
        return { accepted: candidates.length, rejected: 0, errors: [] };
      },
    },
    devices: {
      register: async (d) => {
        registered.push(`${d.deviceId}@${d.port}:${d.sensors.length}s/${d.actuators.length}a`);
        return [];
      },
      touch: async (seen) => void touched.push(...seen.map((s) => s.deviceId)),
    },
    bus,
    clock: Date.now,
    log: silentLogger,
    touchEveryMs: 50,
  });
  bridges.push(bridge);
  return { bridge, readings, statuses, registered, touched };
}

const until = async (check: () => boolean, ms = 3_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("Bridge over serialport (mock binding)", () => {
  it("opens the port, asks for hello, registers the device and forwards its readings", async () => {
    MockBinding.createPort("/dev/ttyMOCK0", { echo: false, record: true });
    const ports: SerialPortMock[] = [];
    const { bridge, readings, registered, statuses, touched } = makeBridge();
    bridge.attach(
      "/dev/ttyMOCK0",
      async () =>
        new SerialLink("/dev/ttyMOCK0", 115200, (path, baudRate) => {
          const port = new SerialPortMock({ path, baudRate, autoOpen: false });
          ports.push(port);
          return port;
        }),
    );
    await until(() => ports[0]?.port?.lastWrite !== null && ports[0]?.port?.lastWrite !== undefined);
    const port = ports[0]!;
    const status = JSON.parse(port.port!.lastWrite!.toString()) as { t: string; id: string };
    expect(status.t).toBe("status");
    port.port!.emitData(Buffer.from(JSON.stringify(helloMessage(status.id, 9)) + "\n"));
    await until(() => registered.length === 1);
    expect(registered).toEqual(["node-1@/dev/ttyMOCK0:2s/1a"]);
    port.port!.emitData(Buffer.from('{"t":"r","s":"temp_1","v":22.5,"n":10,"up":100}\n{"t":"r","s":"humidity_1","v":44,"n":11,"up":101}\n'));
    await until(() => readings.length === 2);
    expect(readings.map((r) => [r.sensorId, r.value, r.seq])).toEqual([
      ["temp_1", 22.5, 10],
      ["humidity_1", 44, 11],
    ]);
    expect(statuses[0]).toMatchObject({ deviceId: "node-1", online: true, port: "/dev/ttyMOCK0" });
    expect(bridge.statuses()).toHaveLength(1);
    await until(() => touched.includes("node-1"));
  });

  it("refuses a command to a device that is not connected, naming the connected ones", async () => {
    const { bridge } = makeBridge();
    await expect(bridge.send("node-9", { t: "status" }, 100)).rejects.toThrow(/device node-9 is not connected/);
  });

  it("reopens a port that failed to open, with backoff", async () => {
    const { bridge, registered } = makeBridge();
    let attempts = 0;
    bridge.attach("/dev/ttyLATE", async () => {
      attempts += 1;
      if (attempts < 2) throw new Error("ENOENT: no such port");
      return new VirtualDevice({ deviceId: "late-1" });
    });
    await until(() => registered.length === 1, 5_000);
    expect(attempts).toBe(2);
  });
});

describe("Bridge with the virtual node", () => {
  it("speaks the same protocol: hello, readings, actuator acks", async () => {
    const { bridge, readings, registered } = makeBridge();
    const device = new VirtualDevice({ deviceId: "virtual-9", intervalMs: 100, seed: 3 });
    bridge.attach(device.name, async () => device);
    await until(() => registered.length === 1);
    expect(registered).toEqual(["virtual-9@virtual:virtual-9:4s/4a"]);
    await until(() => readings.length >= 8);
    expect(new Set(readings.map((r) => r.sensorId))).toEqual(new Set(["temp_1", "humidity_1", "pressure_1", "distance_1"]));
    const seqs = readings.map((r) => r.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(await bridge.send("virtual-9", { t: "set", a: "heater_1", state: "ON" }, 500)).toMatchObject({ t: "ack", a: "heater_1", state: "ON" });
    await expect(bridge.send("virtual-9", { t: "set", a: "kettle_1", state: "ON" }, 500)).rejects.toThrow(/UNKNOWN_ACTUATOR/);
    expect(await bridge.send("virtual-9", { t: "status" }, 500)).toMatchObject({ t: "hello", acts: expect.arrayContaining([{ id: "heater_1", kind: "HEATER", state: "ON" }]) });
  });
});
