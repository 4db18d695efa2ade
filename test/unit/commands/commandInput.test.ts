import { describe, expect, it } from "vitest";
import { createCommand, payloadJson } from "../../../src/domain/command.js";
import { parseSendCommand, parseSetInterval, timeoutProblem } from "../../../src/commands/commandInput.js";
import { IdempotencyConflictError, reuseForKey } from "../../../src/commands/idempotency.js";
import { InvalidInputError } from "../../../src/errors.js";

describe("sendCommand input", () => {
  it("applies defaults", () => {
    expect(parseSendCommand({ actuatorId: "heater_1", state: "ON" })).toEqual({
      actuatorId: "heater_1",
      state: "ON",
      idempotencyKey: null,
      timeoutMs: 5000,
      reason: null,
    });
    expect(parseSendCommand({ actuatorId: "fan_1", state: "OFF", idempotencyKey: "k1", timeoutMs: 100, reason: "airing" }).timeoutMs).toBe(100);
  });

  it("names every bad field", () => {
    const error = (() => {
      try {
        parseSendCommand({ actuatorId: "fan 1", state: "on", timeoutMs: 99, idempotencyKey: " ", reason: 5 });
      } catch (e) {
        return e as InvalidInputError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error!.message).toBe(
      "sendCommand refused: actuatorId \"fan 1\" has characters other than letters, digits, '_', '.', ':' and '-' (or does not start with a letter or digit); " +
        'state must be "ON" or "OFF", got "on"; ' +
        'idempotencyKey must be a non-blank string of at most 128 characters, got " "; ' +
        "timeoutMs must be an integer number of milliseconds in 100..60000, got 99; " +
        "reason must be a string of at most 500 characters",
    );
  });

  it("bounds timeoutMs to 100..60000", () => {
    expect(timeoutProblem(100)).toBeNull();
    expect(timeoutProblem(60_000)).toBeNull();
    expect(timeoutProblem(null)).toBeNull();
    expect(timeoutProblem(60_001)).toContain("timeoutMs must be");
    expect(timeoutProblem(500.5)).toContain("got 500.5");
  });

  it("checks setSamplingInterval against the protocol's range", () => {
    expect(parseSetInterval({ deviceId: "node-1", ms: 500 }).ms).toBe(500);
    expect(() => parseSetInterval({ deviceId: "node-1", ms: 50 })).toThrow("setSamplingInterval refused: ms must be an integer in 100..60000, got 50");
  });
});

describe("idempotency keys", () => {
  const first = createCommand({
    commandId: "c1",
    kind: "ACTUATE",
    targetId: "heater_1",
    payload: { actuatorId: "heater_1", state: "ON" },
    issuedBy: "alice",
    atMs: 0,
    idempotencyKey: "k1",
  });

  it("give back the first command for the same request, whatever its status or key order", () => {
    expect(reuseForKey(first, "ACTUATE", "heater_1", { state: "ON", actuatorId: "heater_1" })).toBe(first);
    expect(reuseForKey({ ...first, status: "FAILED" }, "ACTUATE", "heater_1", { actuatorId: "heater_1", state: "ON" })?.status).toBe("FAILED");
    expect(reuseForKey(null, "ACTUATE", "heater_1", { actuatorId: "heater_1", state: "ON" })).toBeNull();
  });

  it("compare payloads whatever their key order", () => {
    expect(payloadJson({ z: 1, a: { y: 2, b: 3 } })).toBe('{"a":{"y":2,"b":3},"z":1}');
  });

  it("refuse a key reused for another request: a key never switches twice", () => {
    expect(() => reuseForKey(first, "ACTUATE", "heater_1", { actuatorId: "heater_1", state: "OFF" })).toThrow(IdempotencyConflictError);
    expect(() => reuseForKey(first, "ACTUATE", "heater_1", { actuatorId: "heater_1", state: "OFF" })).toThrow(
      'idempotencyKey "k1" was already used for ACTUATE heater_1 {"actuatorId":"heater_1","state":"ON"} (command c1); use a new key for ACTUATE heater_1 {"actuatorId":"heater_1","state":"OFF"}',
    );
    try {
      reuseForKey(first, "ACTUATE", "fan_1", {});
    } catch (e) {
      expect((e as IdempotencyConflictError).code).toBe("CONFLICT");
    }
  });
});
