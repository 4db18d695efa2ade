import { describe, expect, it } from "vitest";
import { decodeLine } from "../../../src/protocol/decode.js";
import { CommandEncodeError, encodeCommand } from "../../../src/protocol/encode.js";
import { LineSplitter } from "../../../src/protocol/lineSplitter.js";

// Lines exactly as firmware/PROTOCOL.md shows them.
const HELLO =
  '{"t":"hello","id":"c4","v":1,"dev":"node-1","fw":"1.0.0","up":12345,"seq":17,"ms":1000,"se":0,' +
  '"sensors":[{"id":"temp_1","kind":"TEMPERATURE","unit":"C","off":0},{"id":"humidity_1","kind":"HUMIDITY","unit":"%RH","off":0}],' +
  '"acts":[{"id":"fan_1","kind":"FAN","state":"OFF"},{"id":"heater_1","kind":"HEATER","state":"ON"}]}';

describe("decodeLine", () => {
  it("decodes each device message of protocol v1", () => {
    expect(decodeLine('{"t":"r","s":"temp_1","v":23.51,"n":1234,"up":123456}')).toEqual({
      ok: true,
      message: { t: "r", s: "temp_1", v: 23.51, n: 1234, up: 123456 },
    });
    const hello = decodeLine(HELLO);
    expect(hello.ok && hello.message).toMatchObject({
      t: "hello",
      id: "c4",
      dev: "node-1",
      fw: "1.0.0",
      seq: 17,
      ms: 1000,
      sensorErrors: 0,
      sensors: [
        { id: "temp_1", kind: "TEMPERATURE", unit: "C", offset: 0 },
        { id: "humidity_1", kind: "HUMIDITY", unit: "%RH", offset: 0 },
      ],
      acts: [
        { id: "fan_1", kind: "FAN", state: "OFF" },
        { id: "heater_1", kind: "HEATER", state: "ON" },
      ],
    });
    expect(decodeLine('{"t":"ack","id":"c1","a":"fan_1","state":"ON"}')).toEqual({ ok: true, message: { t: "ack", id: "c1", a: "fan_1", state: "ON" } });
    expect(decodeLine('{"t":"ack","id":"c2","ms":500}')).toEqual({ ok: true, message: { t: "ack", id: "c2", ms: 500 } });
    expect(decodeLine('{"t":"ack","id":"c3","s":"temp_1","off":-0.4}')).toEqual({ ok: true, message: { t: "ack", id: "c3", s: "temp_1", off: -0.4 } });
    expect(decodeLine('{"t":"err","id":"c1","code":"UNKNOWN_ACTUATOR","msg":"a must be fan_1"}')).toEqual({
      ok: true,
      message: { t: "err", id: "c1", code: "UNKNOWN_ACTUATOR", msg: "a must be fan_1" },
    });
    expect(decodeLine('{"t":"err","code":"BAD_JSON","msg":"x"}')).toMatchObject({ ok: true, message: { id: null } });
  });

  it("ignores unknown fields", () => {
    expect(decodeLine('{"t":"r","s":"temp_1","v":1,"n":2,"up":3,"future":true}')).toMatchObject({ ok: true });
  });

  it.each([
    ["not json at all", "bad_json"],
    ['{"t":"r","s":"temp_1","v":1,"n":2,"up":3', "bad_json"],
    ["[1,2,3]", "not_object"],
    ["42", "not_object"],
    ["null", "not_object"],
    ['{"t":"telemetry"}', "unknown_type"],
    ['{"s":"temp_1"}', "unknown_type"],
    ['{"t":"r","s":"temp_1","v":"23.5","n":2,"up":3}', "bad_field"],
    ['{"t":"r","s":"temp_1","v":1,"n":-2,"up":3}', "bad_field"],
    ['{"t":"r","s":"temp_1","v":1,"n":2.5,"up":3}', "bad_field"],
    ['{"t":"r","s":"","v":1,"n":2,"up":3}', "bad_field"],
    ['{"t":"r","v":1,"n":2,"up":3}', "bad_field"],
    ['{"t":"ack","id":"c1","state":"MAYBE"}', "bad_field"],
    ['{"t":"hello","v":1,"dev":"n","fw":"1","up":1,"seq":0,"ms":1000,"sensors":{},"acts":[]}', "bad_field"],
    ['{"t":"r","s":"' + "x".repeat(1100) + '","v":1,"n":2,"up":3}', "too_long"],
  ])("reports %s as %s", (line, problem) => {
    expect(decodeLine(line)).toMatchObject({ ok: false, problem });
  });
});

describe("encodeCommand", () => {
  it("writes one JSON line per command", () => {
    expect(encodeCommand({ t: "set", id: "c1", a: "fan_1", state: "ON" })).toBe('{"t":"set","id":"c1","a":"fan_1","state":"ON"}\n');
    expect(encodeCommand({ t: "status", id: "c4" })).toBe('{"t":"status","id":"c4"}\n');
    expect(encodeCommand({ t: "cal", id: "c3", s: "temp_1", off: -0.4 })).toBe('{"t":"cal","id":"c3","s":"temp_1","off":-0.4}\n');
  });

  it("refuses what the firmware would refuse, saying why", () => {
    expect(() => encodeCommand({ t: "interval", id: "c2", ms: 50 })).toThrow(/from 100 to 60000 ms, got 50/);
    expect(() => encodeCommand({ t: "cal", id: "c2", s: "t", off: 5000 })).toThrow(CommandEncodeError);
    expect(() => encodeCommand({ t: "status", id: "x".repeat(17) })).toThrow(/1\.\.16 characters/);
    expect(() => encodeCommand({ t: "set", id: "c1", a: "a".repeat(120), state: "ON" })).toThrow(/at most 127/);
  });
});

describe("LineSplitter", () => {
  it("reassembles lines split across chunks and drops a trailing \\r", () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from('{"t":"r"'))).toEqual([]);
    expect(splitter.push(Buffer.from(',"x":1}\r\n{"a"'))).toEqual([{ kind: "line", line: '{"t":"r","x":1}' }]);
    expect(splitter.push(Buffer.from(":2}\n\n"))).toEqual([
      { kind: "line", line: '{"a":2}' },
      { kind: "line", line: "" },
    ]);
  });

  it("discards an over-long line once and keeps the valid line after it", () => {
    const splitter = new LineSplitter(16);
    const events = [...splitter.push(Buffer.from("x".repeat(10))), ...splitter.push(Buffer.from("y".repeat(30) + "\nok\n"))];
    expect(events).toEqual([
      { kind: "overflow", bytes: 40 },
      { kind: "line", line: "ok" },
    ]);
  });

  it("returns the bytes of a partial line on reset (a port that vanished mid-line)", () => {
    const splitter = new LineSplitter();
    splitter.push(Buffer.from('{"t":"r","s":"te'));
    expect(splitter.reset()).toBe(16);
    expect(splitter.push(Buffer.from('{"t":"r"}\n'))).toEqual([{ kind: "line", line: '{"t":"r"}' }]);
  });
});
