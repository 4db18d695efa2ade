import { describe, expect, it } from "vitest";
import { ACTUATOR_EFFECTS, lastSwitches, onFractions, stateAt, type ActuatorChange } from "../../../src/analytics/predict/actuators.js";

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

  it("find each actuator's latest real switch, not a first report or a repeat", () => {
    const heater = (state: "ON" | "OFF", atMs: number): ActuatorChange => ({ actuatorId: "heater_1", kind: "HEATER", state, atMs });
    // fan_1 was OFF before the window: ON at 100, OFF at 300. heater_1 has nothing before: its first report (OFF at 50) is no switch.
    const switches = lastSwitches([heater("OFF", 50), change("ON", 100), heater("ON", 200), change("OFF", 300)], { fan_1: "OFF" });
    expect(Object.fromEntries(switches)).toEqual({ fan_1: 300, heater_1: 200 });
    expect(Object.fromEntries(lastSwitches([heater("OFF", 50)], {}))).toEqual({});
    expect(Object.fromEntries(lastSwitches([change("OFF", 80)], { fan_1: "OFF" }))).toEqual({});
  });
});
