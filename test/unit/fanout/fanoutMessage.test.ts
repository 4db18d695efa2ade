import { describe, expect, it } from "vitest";
import { decodeBatch, encodeBatch, type SharedEvent } from "../../../src/fanout/fanoutMessage.js";
import { redactedRedisUrl } from "../../../src/fanout/redisSettings.js";

const reading: SharedEvent = ["readingAccepted", { sensorId: "temp_1", value: 21.5, timestampMs: 1_000, seq: 3 }];
const status: SharedEvent = ["deviceStatus", { deviceId: "node-1", port: "/dev/ttyACM0", firmware: "1.0.0", online: true, lastSeenMs: 1_000, lostReadings: 0, rejectedLines: 0, readings: 9 }];

describe("the fan-out's channel messages", () => {
  it("carry a batch of events in order, with the sender", () => {
    const decoded = decodeBatch(encodeBatch("a/1234", [reading, status, reading]));
    expect(decoded).toEqual({ kind: "events", from: "a/1234", events: [reading, status, reading], rejected: 0 });
  });

  it("refuse what is not JSON, not an object or another version, saying which", () => {
    expect(decodeBatch("hello")).toMatchObject({ kind: "refused", problem: expect.stringMatching(/^not JSON/) as unknown });
    expect(decodeBatch("[1,2]")).toEqual({ kind: "refused", problem: "not a JSON object" });
    expect(decodeBatch(JSON.stringify({ v: 2, from: "a", events: [] }))).toEqual({ kind: "refused", problem: "version 2, this twin reads version 1" });
    expect(decodeBatch(JSON.stringify({ v: 1, events: [] }))).toEqual({ kind: "refused", problem: "no from or events" });
  });

  it("deliver the well-formed events of a message and count the others", () => {
    const text = JSON.stringify({
      v: 1,
      from: "b/1",
      events: [reading, ["readingAccepted", { sensorId: "temp_1", value: "hot", timestampMs: 1 }], ["alertRaised", { alertId: "x" }], ["dropEverything", {}], "junk", status],
    });
    expect(decodeBatch(text)).toEqual({ kind: "events", from: "b/1", events: [reading, status], rejected: 4 });
  });

  it("never show a password in the Redis URL", () => {
    expect(redactedRedisUrl("redis://twin:hunter2@cache:6379")).toBe("redis://twin:***@cache:6379");
    expect(redactedRedisUrl("redis://cache:6379")).toBe("redis://cache:6379");
  });
});
