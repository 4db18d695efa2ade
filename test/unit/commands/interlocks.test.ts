import { describe, expect, it } from "vitest";
import type { ActuatorSnapshot } from "../../../src/domain/actuatorState.js";
import { checkCommand, InterlockConfigError, overdueMaxOn, parseInterlocks, validateInterlocks } from "../../../src/commands/interlocks.js";

const CONFIG = JSON.stringify([
  { kind: "EXCLUSIVE", name: "heat-vs-cool", actuators: ["heater_1", "cooler_1"] },
  { kind: "EXCLUSIVE", name: "one-of-three", actuators: ["a", "b", "c"] },
  { kind: "MAX_ON", name: "heater-max-on", actuatorId: "heater_1", seconds: 3600 },
]);
const interlocks = parseInterlocks(CONFIG);
const states = (entries: Record<string, ActuatorSnapshot>) => ({ states: new Map(Object.entries(entries)) });
const H = 3_600_000;

describe("interlocks", () => {
  it("parse the documented config", () => {
    expect(interlocks.map((i) => i.kind)).toEqual(["EXCLUSIVE", "EXCLUSIVE", "MAX_ON"]);
  });

  it("forbid switching one of an exclusive pair ON while the other is ON", () => {
    const s = states({ cooler_1: { state: "ON", sinceMs: 0 } });
    expect(checkCommand({ actuatorId: "heater_1", state: "ON" }, s, interlocks, 1000)).toEqual({
      interlock: "heat-vs-cool",
      message: "refused: interlock heat-vs-cool forbids heater_1 ON while cooler_1 is ON",
    });
    expect(checkCommand({ actuatorId: "heater_1", state: "OFF" }, s, interlocks, 1000)).toBeNull();
    expect(checkCommand({ actuatorId: "heater_1", state: "ON" }, states({ cooler_1: { state: "OFF", sinceMs: 0 } }), interlocks, 1000)).toBeNull();
    expect(checkCommand({ actuatorId: "heater_1", state: "ON" }, states({}), interlocks, 1000)).toBeNull();
    expect(checkCommand({ actuatorId: "fan_1", state: "ON" }, s, interlocks, 1000)).toBeNull();
  });

  it("apply to groups of more than two", () => {
    const s = states({ c: { state: "ON", sinceMs: 0 } });
    expect(checkCommand({ actuatorId: "a", state: "ON" }, s, interlocks, 0)?.message).toBe("refused: interlock one-of-three forbids a ON while c is ON");
    expect(checkCommand({ actuatorId: "c", state: "ON" }, s, interlocks, 0)).toBeNull(); // already ON: no other is
  });

  it("refuse ON past the max on-time and name actuators to switch OFF", () => {
    const s = states({ heater_1: { state: "ON", sinceMs: 0 }, fan_1: { state: "ON", sinceMs: 0 } });
    expect(checkCommand({ actuatorId: "heater_1", state: "ON" }, s, interlocks, H - 1)).toBeNull();
    expect(checkCommand({ actuatorId: "heater_1", state: "ON" }, s, interlocks, H)?.message).toBe(
      "refused: interlock heater-max-on forbids heater_1 ON: it has been ON for 60 min, at most 3600 s in a row",
    );
    expect(overdueMaxOn(s.states, interlocks, H - 1)).toEqual([]);
    expect(overdueMaxOn(s.states, interlocks, H + 5000)).toEqual([
      {
        actuatorId: "heater_1",
        interlock: "heater-max-on",
        onForMs: H + 5000,
        message: "interlock heater-max-on: heater_1 has been ON for 60 min, at most 3600 s in a row; switching it OFF",
      },
    ]);
    expect(overdueMaxOn(states({ heater_1: { state: "OFF", sinceMs: 0 } }).states, interlocks, 10 * H)).toEqual([]);
  });

  it("name each field that is wrong", () => {
    const bad = [
      { kind: "EXCLUSIVE", name: "x", actuators: ["heater_1"] },
      { kind: "MAX_ON", name: "x", actuatorId: "heater 1", seconds: -5, actuators: [] },
      { kind: "NEVER", name: "y" },
      "z",
      { kind: "EXCLUSIVE", actuators: ["a", "a"] },
      { kind: "MAX_ON", name: "m", actuatorId: "fan_1", seconds: 10 * 86_400 },
    ];
    expect(validateInterlocks(bad).problems).toEqual([
      "interlocks[0].actuators must list at least 2 actuator ids",
      "interlocks[1].actuators does not apply to MAX_ON (fields: kind, name, actuatorId, seconds)",
      "interlocks[1].actuatorId \"heater 1\" has characters other than letters, digits, '_', '.', ':' and '-' (or does not start with a letter or digit)",
      "interlocks[1].seconds must be a positive number of seconds up to 604800 (7 days), got -5",
      'interlocks[1].name "x" is already used by interlocks[0]',
      'interlocks[2].kind must be EXCLUSIVE or MAX_ON, got "NEVER"',
      'interlocks[3] must be an object, got "z"',
      "interlocks[4].name must be a non-empty string",
      "interlocks[4].actuators[1] repeats a",
      "interlocks[5].seconds must be a positive number of seconds up to 604800 (7 days), got 864000",
    ]);
  });

  it("throw one error with every problem, also for JSON that does not parse", () => {
    expect(() => parseInterlocks("{")).toThrow(InterlockConfigError);
    expect(() => parseInterlocks("{")).toThrow(/^interlocks refused: interlocks are not valid JSON/);
    expect(() => parseInterlocks('{"kind":"MAX_ON"}')).toThrow("interlocks refused: interlocks must be a JSON array, got an object");
    try {
      parseInterlocks('[{"kind":"MAX_ON","name":"m","actuatorId":"fan_1"}]');
    } catch (e) {
      expect((e as InterlockConfigError).problems).toEqual(["interlocks[0].seconds must be a positive number of seconds up to 604800 (7 days), got nothing"]);
      expect((e as InterlockConfigError).code).toBe("BAD_USER_INPUT");
    }
    expect(parseInterlocks("[]")).toEqual([]);
  });
});
