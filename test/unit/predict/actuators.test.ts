import { describe, expect, it } from "vitest";
import { ACTUATOR_EFFECTS, onFractions, stateAt, type ActuatorChange } from "../../../src/analytics/predict/actuators.js";

const change = (state: "ON" | "OFF", atMs: number): ActuatorChange => ({ actuatorId: "fan_1", kind: "FAN", state, atMs });

describe("actuators", () => {
  it("give the share of each step an actuator was ON, including partial steps", () => {
    const changes = [change("ON", 150), change("OFF", 420)];
    expect(Array.from(onFractions(changes, "OFF", 0, 100, 6))).toEqual([0, 0.5, 1, 1, 0.2, 0]);
    expect(Array.from(onFractions([change("OFF", 250)], "ON", 0, 100, 4))).toEqual([1, 1, 0.5, 0]);
    expect(Array.from(onFractions([], "ON", 0, 100, 2))).toEqual([1, 1]);
  });

  it("know the state at a time and which way each kind pushes", () => {
    const changes = [change("ON", 150), change("OFF", 420)];
    expect([stateAt(changes, 100, "OFF"), stateAt(changes, 150, "OFF"), stateAt(changes, 500, "OFF")]).toEqual(["OFF", "ON", "OFF"]);
    expect(ACTUATOR_EFFECTS.HEATER.temperature).toBe(1);
    expect(ACTUATOR_EFFECTS.COOLER.temperature).toBe(-1);
    expect(ACTUATOR_EFFECTS.FAN.temperature).toBe(-1);
    expect(ACTUATOR_EFFECTS.DEHUMIDIFIER.humidity).toBe(-1);
    expect(ACTUATOR_EFFECTS.HUMIDIFIER.humidity).toBe(1);
    expect(ACTUATOR_EFFECTS.RELAY).toEqual({});
  });
});
