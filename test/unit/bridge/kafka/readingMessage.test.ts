import { describe, expect, it } from "vitest";
import { decodeReading, encodeReading } from "../../../../src/bridge/kafka/readingMessage.js";

describe("reading messages on the Kafka topic", () => {
  it("are keyed by sensorId and decode to the same reading and source", () => {
    const message = encodeReading({ sensorId: "temp_1", value: 21.5, timestampMs: 1_767_225_600_000, seq: 42 }, "mqtt");
    expect(message.key).toBe("temp_1");
    expect(decodeReading(Buffer.from(message.value))).toEqual({ ok: true, candidate: { sensorId: "temp_1", value: 21.5, timestamp: 1_767_225_600_000, seq: 42 }, source: "mqtt" });
    const noSeq = encodeReading({ sensorId: "hum_2", value: 40, timestampMs: 5, seq: null }, "serial");
    expect(decodeReading(Buffer.from(noSeq.value))).toMatchObject({ ok: true, candidate: { seq: null }, source: "serial" });
  });

  it("say why a message is not a reading", () => {
    expect(decodeReading(null)).toEqual({ ok: false, problem: "empty message" });
    expect(decodeReading(Buffer.from("{"))).toEqual({ ok: false, problem: "not JSON" });
    expect(decodeReading(Buffer.from("3"))).toEqual({ ok: false, problem: "not a JSON object" });
    expect(decodeReading(Buffer.from('{"s":"t","v":"1","t":5}'))).toMatchObject({ ok: false, problem: expect.stringMatching(/^not a reading/) });
    // An unknown source is counted as "other", not refused.
    expect(decodeReading(Buffer.from('{"s":"t","v":1,"t":5,"n":null,"src":"x"}'))).toMatchObject({ ok: true, source: "other" });
  });
});
