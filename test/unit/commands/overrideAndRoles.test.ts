import { describe, expect, it } from "vitest";
import { activeOverrides, DEFAULT_OVERRIDE_MS, isOverridden, overrideUntil } from "../../../src/commands/override.js";
import { forbiddenReason, hasRole, MUTATION_ROLES, ROLE_ORDER, roleFor } from "../../../src/commands/roles.js";

describe("manual override", () => {
  it("pauses rules on the actuator for 15 minutes by default", () => {
    expect(DEFAULT_OVERRIDE_MS).toBe(900_000);
    const overrides = new Map([["heater_1", overrideUntil(1000)]]);
    expect(isOverridden("heater_1", overrides, 1000)).toBe(true);
    expect(isOverridden("heater_1", overrides, 900_999)).toBe(true);
    expect(isOverridden("heater_1", overrides, 901_000)).toBe(false);
    expect(isOverridden("fan_1", overrides, 1000)).toBe(false);
    expect(overrideUntil(0, 60_000)).toBe(60_000);
    expect([
      ...activeOverrides(
        new Map([
          ["a", 10],
          ["b", 20],
        ]),
        15,
      ).keys(),
    ]).toEqual(["b"]);
  });

  it("refuses a pause that is negative or longer than 7 days", () => {
    expect(() => overrideUntil(0, -1)).toThrow("override pauseMs must be in 0..604800000 ms (7 days), got -1");
  });
});

describe("roles", () => {
  it("are ordered; a higher role includes the lower", () => {
    expect(ROLE_ORDER).toEqual(["viewer", "operator", "admin"]);
    expect(hasRole(["admin"], "operator")).toBe(true);
    expect(hasRole(["operator"], "operator")).toBe(true);
    expect(hasRole(["viewer"], "operator")).toBe(false);
    expect(hasRole(["VIEWER", "Operator"], "operator")).toBe(true);
    expect(hasRole(["root"], "viewer")).toBe(false);
    expect(hasRole([], "viewer")).toBe(false);
  });

  it("say what each operation needs", () => {
    for (const op of ["sendCommand", "setSamplingInterval", "recordCalibration", "acknowledgeAlert"]) expect(roleFor("mutation", op)).toBe("operator");
    for (const op of ["createRule", "updateRule", "deleteRule", "enableRule"]) expect(roleFor("mutation", op)).toBe("admin");
    for (const op of ["createSensors", "updateActuators", "deleteLocations", "somethingNew", "constructor"]) expect(roleFor("mutation", op)).toBe("admin");
    expect(roleFor("query", "sensors")).toBe("viewer");
    expect(roleFor("subscription", "readingAdded")).toBe("viewer");
    expect(Object.isFrozen(MUTATION_ROLES)).toBe(true);
  });

  it("explain a refusal", () => {
    expect(forbiddenReason(["operator"], "mutation", "sendCommand")).toBeNull();
    expect(forbiddenReason(["viewer"], "mutation", "sendCommand")).toBe("mutation sendCommand needs the operator role (or higher); the token has roles viewer");
    expect(forbiddenReason([], "mutation", "createRule")).toBe("mutation createRule needs the admin role (or higher); the token has no role");
  });
});
