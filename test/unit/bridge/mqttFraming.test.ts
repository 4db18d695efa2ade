import { afterEach, describe, expect, it } from "vitest";
import { DeviceSession, type SessionHooks } from "../../../src/bridge/deviceSession.js";
import { Topics, deviceIdProblem, prefixProblem } from "../../../src/bridge/mqtt/topics.js";
import { redactedUrl } from "../../../src/bridge/mqtt/mqttBridge.js";
import { silentLogger } from "../../../src/log.js";
import type { ReadingCandidate } from "../../../src/domain/reading.js";
import { FakeLink, helloMessage } from "../../support/fakeLink.js";

/** A link that delivers whole messages, bound to one device id: what an MQTT node's link is. */
class FramedLink extends FakeLink {
  constructor(readonly boundDeviceId: string) {
    super(`mqtt:twin/${boundDeviceId}`);
  }

  publishes(payload: string | Record<string, unknown>): void {
    this.emit("message", Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload)));
  }
}

const sessions: DeviceSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.stop();
});

function framedSession(boundDeviceId = "node-1") {
  const link = new FramedLink(boundDeviceId);
  const readings: ReadingCandidate[] = [];
  const registered: string[] = [];
  const hooks: SessionHooks = {
    ingest: (candidate) => {
      readings.push(candidate);
      return null;
    },
    registered: async (hello) => void registered.push(hello.dev),
    status: () => undefined,
    actuatorReported: () => undefined,
  };
  const session = new DeviceSession(link, hooks, { clock: () => 5_000, log: silentLogger, helloRetryMs: 50 });
  sessions.push(session);
  session.start();
  return { link, session, readings, registered };
}

describe("a device session on a framed (MQTT) link", () => {
  it("counts junk from the very first message (no partial line on a framed link)", () => {
    const { link, session } = framedSession();
    link.publishes("garbage");
    expect(session.rejects).toMatchObject({ badJson: 1, partialLines: 0 });
    expect(session.snapshot().rejectedLines).toBe(1);
  });

  it("takes one message per payload: two joined by a newline are one bad message, a long one is too long", () => {
    const { link, session, readings } = framedSession();
    link.publishes(helloMessage(undefined));
    link.publishes('{"t":"r","s":"temp_1","v":1,"n":1,"up":1}\n{"t":"r","s":"temp_1","v":2,"n":2,"up":2}');
    link.publishes(JSON.stringify({ t: "r", s: "temp_1", v: 3, n: 3, up: 3, pad: "x".repeat(1_100) }));
    link.publishes({ t: "r", s: "temp_1", v: 4, n: 4, up: 4 });
    expect(session.rejects).toMatchObject({ badJson: 1, tooLong: 1 });
    expect(readings.map((r) => r.value)).toEqual([4]);
  });

  it("rejects a hello that names another device than the link's topic", () => {
    const { link, session, registered } = framedSession("node-1");
    link.publishes(helloMessage(undefined, 0, "node-2"));
    expect(session.deviceId).toBeNull();
    expect(session.rejects.foreignDevice).toBe(1);
    expect(registered).toEqual([]);
    link.publishes(helloMessage(undefined, 0, "node-1"));
    expect(session.deviceId).toBe("node-1");
  });

  it("drops a redelivered reading (QoS 1 is at least once) but keeps a new one after a restart", () => {
    const { link, readings } = framedSession();
    link.publishes(helloMessage(undefined));
    const reading = { t: "r", s: "temp_1", v: 21, n: 7, up: 7_000 };
    link.publishes(reading);
    link.publishes(reading);
    link.publishes({ ...reading, v: 22, up: 10 }); // same sequence number, new uptime: the node restarted
    expect(readings.map((r) => r.value)).toEqual([21, 22]);
  });
});

describe("MQTT topics", () => {
  it("builds and parses a prefix's uplinks and downlinks", () => {
    const topics = new Topics("site-a/twin");
    expect(topics.allUp).toBe("site-a/twin/+/up");
    expect(topics.up("node-1")).toBe("site-a/twin/node-1/up");
    expect(topics.down("node-1")).toBe("site-a/twin/node-1/down");
    expect(topics.deviceOfUp("site-a/twin/node-1/up")).toBe("node-1");
    expect(topics.deviceOfUp("site-a/twin/node-1/down")).toBeNull();
    expect(topics.deviceOfUp("site-b/twin/node-1/up")).toBeNull();
    expect(topics.deviceOfUp(`site-a/twin/${"x".repeat(129)}/up`)).toBeNull();
  });

  it("says why a prefix or a device id cannot be a topic level", () => {
    expect(prefixProblem("twin")).toBeNull();
    expect(prefixProblem("twin/+")).toMatch(/wildcard/);
    expect(prefixProblem("/twin")).toMatch(/starts or ends with \//);
    expect(prefixProblem("")).toMatch(/empty/);
    expect(deviceIdProblem("a/b")).toMatch(/cannot contain/);
    expect(deviceIdProblem("node-1")).toBeNull();
    expect(() => new Topics("a//b")).toThrow(/cannot be used: it has an empty level/);
  });

  it("leaves credentials out of the broker URL it logs", () => {
    expect(redactedUrl("mqtts://twin:secret@broker.example.org:8883")).toBe("mqtts://broker.example.org:8883");
  });
});
