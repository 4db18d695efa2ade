import { describe, expect, it } from "vitest";
import type { Bridge } from "../../../src/bridge/bridge.js";
import { CommandTimeoutError, DeviceGoneError, DeviceRefusedError, type CommandAnswer } from "../../../src/bridge/correlator.js";
import { silentLogger } from "../../../src/log.js";
import { RemoteDevices } from "../../../src/fanout/remoteDevices.js";

/** An in-memory control channel between processes, delivering asynchronously as Redis does. */
function channel() {
  const members: Array<{ self: string; handlers: Array<(m: Record<string, unknown>) => void> }> = [];
  let up = true;
  return {
    setUp: (value: boolean) => (up = value),
    member(self: string) {
      const member = { self, handlers: [] as Array<(m: Record<string, unknown>) => void> };
      members.push(member);
      return {
        self,
        get ready() {
          return up;
        },
        onControl: (h: (m: Record<string, unknown>) => void) => member.handlers.push(h),
        publishControl: async (m: Record<string, unknown>) => {
          if (!up) throw new Error("connection refused");
          const message = JSON.parse(JSON.stringify({ ...m, v: 1, from: self })) as Record<string, unknown>;
          setImmediate(() => {
            for (const other of members) if (other.self !== self) for (const h of other.handlers) h(message);
          });
        },
      };
    },
  };
}

/** A bridge holding some devices, answering sends with `answer`. */
function bridge(devices: string[], answer: (deviceId: string) => Promise<CommandAnswer>): Bridge {
  return {
    isConnected: (d: string) => devices.includes(d),
    statuses: () => devices.map((deviceId) => ({ deviceId })),
    send: (d: string) => (devices.includes(d) ? answer(d) : Promise.reject(new DeviceGoneError(`device ${d} is not connected`))),
    whenRegistered: async () => false,
    lastSeenMs: () => undefined,
  } as unknown as Bridge;
}

const ack = (a: string): CommandAnswer => ({ t: "ack", id: "c1", a, state: "ON" }) as unknown as CommandAnswer;
const settle = () => new Promise((r) => setTimeout(r, 5));
/** The error a promise rejects with (it must reject). */
const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e as Error,
  );

describe("RemoteDevices", () => {
  it("sends to its own devices directly and to another instance's through it, with that device's answer", async () => {
    const net = channel();
    let sentOnB = 0;
    const a = new RemoteDevices({ local: bridge(["dev-a"], async () => ack("fan_a")), fanout: net.member("A"), log: silentLogger });
    const b = new RemoteDevices({
      local: bridge(["dev-b"], async () => {
        sentOnB++;
        return ack("fan_b");
      }),
      fanout: net.member("B"),
      log: silentLogger,
    });
    expect(a.isConnected("dev-b")).toBe(false);
    await b.announce();
    await settle();
    expect(a.isConnected("dev-b")).toBe(true);
    expect(await a.send("dev-a", { t: "set", a: "fan_a", state: "ON" } as never, 1000)).toMatchObject({ a: "fan_a" });
    expect(await a.send("dev-b", { t: "set", a: "fan_b", state: "ON" } as never, 1000)).toMatchObject({ a: "fan_b" });
    expect(sentOnB).toBe(1);
    // A device held nowhere: the local bridge's own refusal, naming it.
    await expect(a.send("dev-c", {} as never, 1000)).rejects.toThrow(DeviceGoneError);
    a.stop();
    b.stop();
  });

  it("returns the holder's refusal and timeout as the classes the command path reads", async () => {
    const net = channel();
    const a = new RemoteDevices({ local: bridge([], async () => ack("x")), fanout: net.member("A"), log: silentLogger });
    let outcome: Error = new DeviceRefusedError("dev-b", "BAD_STATE", "state must be ON or OFF");
    const b = new RemoteDevices({ local: bridge(["dev-b"], () => Promise.reject(outcome)), fanout: net.member("B"), log: silentLogger });
    await b.announce();
    await settle();
    const refused = await failure(a.send("dev-b", {} as never, 1000));
    expect(refused).toBeInstanceOf(DeviceRefusedError);
    expect((refused as DeviceRefusedError).code).toBe("BAD_STATE");
    expect(refused.message).toBe("device dev-b refused the command: BAD_STATE (state must be ON or OFF)");
    outcome = new CommandTimeoutError("dev-b", "c9", 500);
    const timedOut = await failure(a.send("dev-b", {} as never, 1000));
    expect(timedOut).toBeInstanceOf(CommandTimeoutError);
    expect(timedOut.message).toBe("device dev-b did not answer command c9 within 500 ms");
    a.stop();
    b.stop();
  });

  it("forgets a holder that stopped saying so, and says why a forward cannot go while Redis is down", async () => {
    const net = channel();
    let now = 0;
    const a = new RemoteDevices({ local: bridge([], async () => ack("x")), fanout: net.member("A"), log: silentLogger, now: () => now });
    const b = new RemoteDevices({ local: bridge(["dev-b"], async () => ack("fan_b")), fanout: net.member("B"), log: silentLogger });
    await b.announce();
    await settle();
    expect(a.isConnected("dev-b")).toBe(true);
    net.setUp(false);
    const down = await failure(a.send("dev-b", {} as never, 1000));
    expect(down).toBeInstanceOf(DeviceGoneError);
    expect(down.message).toMatch(/held by another twin instance, and Redis is unreachable: connection refused/);
    now = 6_001;
    expect(a.isConnected("dev-b")).toBe(false);
    a.stop();
    b.stop();
  });
});
