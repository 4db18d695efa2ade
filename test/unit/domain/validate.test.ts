import { describe, expect, it } from "vitest";
import { idProblem, parseTimestamp, validateReading } from "../../../src/domain/validate.js";
import { kindFromId } from "../../../src/domain/sensorKind.js";

const NOW = Date.parse("2026-11-27T12:00:00Z");

describe("validateReading", () => {
  it("accepts a minimal reading and stamps it with the time of arrival", () => {
    expect(validateReading({ sensorId: "temp_1", value: 21.5 }, NOW)).toEqual({
      ok: true,
      reading: { sensorId: "temp_1", value: 21.5, timestampMs: NOW, seq: null },
    });
  });

  it("accepts ISO text, epoch milliseconds and Dates as timestamps", () => {
    for (const ts of ["2026-11-27T11:00:00Z", "2026-11-27T12:00:00+01:00", "2026-11-27 11:00:00.000Z", NOW - 3_600_000, new Date(NOW - 3_600_000)]) {
      const result = validateReading({ sensorId: "t", value: 1, timestamp: ts }, NOW);
      expect(result.ok && result.reading.timestampMs).toBe(NOW - 3_600_000);
    }
  });

  it.each([
    [{ sensorId: "temp_1", value: Number.NaN }, /is NaN; only finite numbers/],
    [{ sensorId: "temp_1", value: Number.POSITIVE_INFINITY }, /is Infinity/],
    [{ sensorId: "temp_1", value: "21" }, /must be a number, got string/],
    [{ sensorId: "", value: 1 }, /sensorId is empty/],
    [{ sensorId: 7, value: 1 }, /sensorId must be a string/],
    [{ sensorId: "a".repeat(129), value: 1 }, /129 characters long; at most 128/],
    [{ sensorId: "temp 1", value: 1 }, /characters other than/],
    [{ sensorId: "temp_1", value: 1, timestamp: "2026-11-27" }, /not an ISO-8601 date-time with a zone/],
    [{ sensorId: "temp_1", value: 1, timestamp: "2026-11-27T10:00:00" }, /with a zone/],
    [{ sensorId: "temp_1", value: 1, timestamp: "2026-13-45T10:00:00Z" }, /not an ISO-8601/],
    [{ sensorId: "temp_1", value: 1, timestamp: "2026-11-28T12:00:01Z" }, /more than 1 day in the future/],
    [{ sensorId: "temp_1", value: 1, timestamp: -5 }, /before 1970/],
    [{ sensorId: "temp_1", value: 1, seq: -1 }, /seq of temp_1 must be a non-negative integer/],
    [{ sensorId: "temp_1", value: 1, seq: 1.5 }, /seq/],
  ])("refuses %j", (candidate, message) => {
    const result = validateReading(candidate, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it("allows exactly one day into the future (clock skew) and ids of exactly 128 characters", () => {
    expect(validateReading({ sensorId: "t", value: 1, timestamp: NOW + 86_400_000 }, NOW).ok).toBe(true);
    expect(idProblem("a".repeat(128))).toBeNull();
  });

  it("parseTimestamp returns null for garbage", () => {
    expect(parseTimestamp("yesterday")).toBeNull();
    expect(parseTimestamp({})).toBeNull();
    expect(parseTimestamp(Number.NaN)).toBeNull();
  });
});

describe("kindFromId", () => {
  it.each([
    ["temp_1", "TEMPERATURE"],
    ["TEMP_2", "TEMPERATURE"],
    ["humidity_1", "HUMIDITY"],
    ["pressure_3", "PRESSURE"],
    ["distance_1", "DISTANCE"],
    ["ultrasonic_1", "DISTANCE"],
    ["light_1", "LIGHT"],
    ["co2_1", "CO2"],
    ["temperature", "OTHER"],
    ["vibration_1", "OTHER"],
  ])("%s is %s", (id, kind) => {
    expect(kindFromId(id)).toBe(kind);
  });
});
