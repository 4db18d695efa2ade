import { afterEach, describe, expect, it } from "vitest";
import { CommandTimeoutError, DeviceGoneError, DeviceRefusedError } from "../../../src/bridge/correlator.js";
import { DeviceSession, type DeviceStatusSnapshot, type SessionHooks } from "../../../src/bridge/deviceSession.js";
import { createLogger } from "../../../src/log.js";
import type { ReadingCandidate } from "../../../src/domain/reading.js";
import { FakeLink, helloMessage } from "../../support/fakeLink.js";

const sessions: DeviceSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.stop();
});

function setup(options: { answerStatus?: boolean; refuse?: string } = {}) {
  const link = new FakeLink();
  const readings: ReadingCandidate[] = [];
  const statuses: DeviceStatusSnapshot[] = [];
  const registered: string[] = [];
  const reported: string[] = [];
  const logLines: string[] = [];
  let now = 1_000_000;
  const hooks: SessionHooks = {
    ingest: (candidate) => {
      if (options.refuse !== undefined) return options.refuse;
      readings.push(candidate);
      return null;
    },
    registered: async (hello) => void registered.push(hello.dev),
    status: (s) => void statuses.push(s),
    actuatorReported: (_d, actuatorId, state) => void reported.push(`${actuatorId}=${state}`),
  };
  link.onCommand = (command) => {
    if (command["t"] === "status" && options.answerStatus !== false) link.deviceSendsLine(helloMessage(command["id"] as string, 41));
    if (command["t"] === "set") link.deviceSendsLine({ t: "ack", id: command["id"], a: command["a"], state: command["state"] });
    if (command["t"] === "interval") link.deviceSendsLine({ t: "err", id: command["id"], code: "BAD_INTERVAL", msg: "ms must be 100..60000" });
  };
  const session = new DeviceSession(link, hooks, {
    clock: () => now,
    log: createLogger("debug", (line) => logLines.push(line)),
    helloRetryMs: 50,
  });
  sessions.push(session);
  session.start();
  return { link, session, readings, statuses, registered, reported, logLines, advance: (ms: number) => (now += ms) };
}

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe("DeviceSession", () => {
  it("asks for hello on open, registers the device and reports it online", async () => {
    const { link, session, registered, statuses } = setup();
    await tick();
    expect(JSON.parse(link.written[0]!)).toMatchObject({ t: "status" });
    expect(session.deviceId).toBe("node-1");
    expect(registered).toEqual(["node-1"]);
    expect(statuses.at(-1)).toMatchObject({ deviceId: "node-1", online: true, lostReadings: 0, port: "/dev/fake0", firmware: "1.0.0" });
  });

  it("keeps asking until a device that stays silent says hello", async () => {
    const { link, session } = setup({ answerStatus: false });
    await tick(180);
    expect(link.written.filter((l) => l.includes('"status"')).length).toBeGreaterThanOrEqual(3);
    link.deviceSendsLine(helloMessage(undefined)); // an unsolicited boot hello is enough
    await tick();
    expect(session.deviceId).toBe("node-1");
  });

  it("turns readings into candidates with host time and the device's sequence number", async () => {
    const { link, readings } = setup();
    await tick();
    link.deviceSends('{"t":"r","s":"temp_1","v":21.5,"n":42,"up":5000}\n{"t":"r","s":"humi');
    link.deviceSends('dity_1","v":40.25,"n":43,"up":5001}\r\n');
    expect(readings).toEqual([
      { sensorId: "temp_1", value: 21.5, timestamp: 1_000_000, seq: 42 },
      { sensorId: "humidity_1", value: 40.25, timestamp: 1_000_000, seq: 43 },
    ]);
  });

  it("counts sequence gaps as lost readings and reports them", async () => {
    const { link, session, statuses } = setup();
    await tick();
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 1, n: 42, up: 1 });
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 1, n: 50, up: 2 });
    expect(session.snapshot().lostReadings).toBe(7);
    expect(statuses.at(-1)).toMatchObject({ lostReadings: 7 });
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 1, n: 3, up: 3 }); // rebooted: not a loss
    expect(session.snapshot().lostReadings).toBe(7);
  });

  it("treats a first line cut by the port opening as a partial line, not an error", async () => {
    const { link, session } = setup({ answerStatus: false });
    link.deviceSends('"unit":"cm"}],"acts":[]}\n');
    link.deviceSends("{broken\n");
    expect(session.rejects).toMatchObject({ partialLines: 1, badJson: 1 });
  });

  it("survives hostile input: each bad line counted, the valid readings around it kept", async () => {
    const { link, session, readings, logLines } = setup();
    await tick();
    link.deviceSends(Buffer.from([0xff, 0x00, 0x13, 0x0a]));
    link.deviceSends("not json\n[1,2]\n");
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 20, n: 42, up: 1 });
    link.deviceSends('{"t":"telemetry","x":1}\n');
    link.deviceSends('{"t":"r","s":"temp_1","v":"hot","n":43,"up":2}\n');
    link.deviceSends("x".repeat(3000) + "\n");
    link.deviceSendsLine({ t: "r", s: "co2_9", v: 400, n: 44, up: 3 });
    link.deviceSendsLine({ t: "r", s: "humidity_1", v: 41, n: 45, up: 4 });
    expect(readings.map((r) => r.value)).toEqual([20, 41]);
    expect(session.rejects).toMatchObject({ badJson: 3, unknownType: 1, badField: 1, tooLong: 1, unannouncedSensor: 1 });
    expect(session.snapshot().rejectedLines).toBe(7);
    expect(logLines.filter((l) => l.includes("WARN")).length).toBeGreaterThanOrEqual(4);
  });

  it("holds readings that arrive before the hello and delivers them once the device identifies itself", async () => {
    const { link, session, readings } = setup({ answerStatus: false });
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 20, n: 40, up: 1 });
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 21, n: 41, up: 2 });
    expect(readings).toEqual([]);
    link.deviceSendsLine(helloMessage(undefined, 41));
    expect(readings.map((r) => [r.value, r.seq])).toEqual([
      [20, 40],
      [21, 41],
    ]);
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 22, n: 42, up: 3 });
    expect(session.snapshot()).toMatchObject({ lostReadings: 0, rejectedLines: 0, readings: 3 });
  });

  it("drops readings beyond what it holds for a device that never says hello, counting them", async () => {
    const { link, session, readings } = setup({ answerStatus: false });
    for (let n = 1; n <= 300; n++) link.deviceSendsLine({ t: "r", s: "temp_1", v: 20, n, up: n });
    expect(readings).toEqual([]);
    expect(session.rejects.beforeHello).toBe(44);
  });

  it("counts readings the twin refuses and logs why", async () => {
    const { link, session, logLines } = setup({ refuse: "readings[0]: database unavailable: buffer full" });
    await tick();
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 20, n: 42, up: 1 });
    expect(session.rejects.refusedByIngest).toBe(1);
    expect(logLines.some((l) => l.includes("database unavailable"))).toBe(true);
  });

  it("times a command out cleanly when writing it to a starved device outlasts the timeout", async () => {
    const { link, session } = setup();
    await tick();
    const write = link.write.bind(link);
    link.write = async (data) => {
      await tick(80); // the device's input is not drained for longer than the command may wait
      return write(data);
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      await expect(session.send({ t: "cal", s: "temp_1", off: 1 }, 20)).rejects.toThrow(CommandTimeoutError);
      await tick(20);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("matches acks to commands, reports actuator states, and maps refusals and silence to errors", async () => {
    const { link, session, reported } = setup();
    await tick();
    const ack = await session.send({ t: "set", a: "fan_1", state: "ON" }, 500);
    expect(ack).toMatchObject({ t: "ack", a: "fan_1", state: "ON" });
    expect(reported).toEqual(["fan_1=ON"]);
    await expect(session.send({ t: "interval", ms: 500 }, 500)).rejects.toThrow(DeviceRefusedError);
    await expect(session.send({ t: "cal", s: "temp_1", off: 1 }, 30)).rejects.toThrow(CommandTimeoutError);
    const pending = session.send({ t: "cal", s: "temp_1", off: 1 }, 5_000);
    link.unplug();
    await expect(pending).rejects.toThrow(DeviceGoneError);
    await expect(session.send({ t: "status" }, 100)).rejects.toThrow(/disconnected/);
    expect(session.isOnline).toBe(false);
  });

  it("reports a device that goes silent as offline, and online again when it speaks", async () => {
    const { link, session, statuses, advance } = setup();
    await tick();
    advance(5_000);
    await tick(1_100);
    expect(session.isOnline).toBe(false);
    expect(statuses.at(-1)).toMatchObject({ online: false });
    link.deviceSendsLine({ t: "r", s: "temp_1", v: 20, n: 42, up: 1 });
    expect(statuses.at(-1)).toMatchObject({ online: true });
  });
});
