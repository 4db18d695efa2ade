import { describe, expect, it } from "vitest";
import type { Point } from "../../../src/analytics/point.js";
import { stateAt, type ActuatorChange, type ActuatorKind } from "../../../src/analytics/predict/actuators.js";
import { PredictionInputError } from "../../../src/analytics/predict/errors.js";
import { fitPlant } from "../../../src/analytics/predict/plantFit.js";
import type { PlantModel } from "../../../src/analytics/predict/plantModel.js";
import { plantRate } from "../../../src/analytics/predict/plantRate.js";
import { simulate } from "../../../src/analytics/predict/simulate.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { MINUTE, T0 } from "../analytics/support/series.js";

interface Room {
  readonly tau: number;
  readonly ambient: number;
  readonly gains: Readonly<Record<string, number>>;
}
const ROOM: Room = { tau: 30, ambient: 19, gains: { heater_1: 0.5, fan_1: -0.3, cooler_1: -0.6 } };
const KINDS: Readonly<Record<string, ActuatorKind>> = { heater_1: "HEATER", fan_1: "FAN", cooler_1: "COOLER", dehumidifier_1: "DEHUMIDIFIER" };

/** A room integrated in 1-s steps under the logged changes, read every `everyMs` with noise σ. */
function record(room: Room, changes: readonly ActuatorChange[], start: number, minutes: number, seed: number, everyMs = 5_000, sigma = 0.05, fromMs = T0): Point[] {
  const random = new SeededRandom(seed);
  const byId = Object.keys(room.gains).map((id) => [id, changes.filter((c) => c.actuatorId === id)] as const);
  const points: Point[] = [];
  let x = start;
  for (let t = fromMs; t <= fromMs + minutes * MINUTE; t += 1_000) {
    if ((t - fromMs) % everyMs === 0) points.push({ timestampMs: t, value: Math.round((x + random.gaussian(0, sigma)) * 100) / 100 });
    let dx = (room.ambient - x) / room.tau;
    for (const [id, own] of byId) if (stateAt(own, t, "OFF") === "ON") dx += room.gains[id] as number;
    x += dx / 60;
  }
  return points;
}

/** ON at `at` for `minutes`, for each id (minutes after `fromMs`). */
const pulse = (at: number, minutes: number, ids: readonly string[], fromMs = T0): ActuatorChange[] =>
  ids.flatMap((actuatorId) => [
    { actuatorId, kind: KINDS[actuatorId] as ActuatorKind, state: "ON" as const, atMs: fromMs + at * MINUTE },
    { actuatorId, kind: KINDS[actuatorId] as ActuatorKind, state: "OFF" as const, atMs: fromMs + (at + minutes) * MINUTE },
  ]);

const TRAINING: ActuatorChange[] = [
  ...pulse(5, 12, ["heater_1"]),
  ...pulse(27, 12, ["fan_1"]),
  ...pulse(49, 12, ["cooler_1"]),
  ...pulse(70, 10, ["cooler_1", "fan_1"]),
  ...pulse(85, 12, ["heater_1"]),
  ...pulse(105, 12, ["heater_1", "fan_1"]),
].sort((a, b) => a.atMs - b.atMs);

const fitted = (result: ReturnType<typeof fitPlant>): PlantModel => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const param = (model: PlantModel, name: string): { value: number; stdErr: number } => {
  const p = model.parameters.find((q) => q.name === name);
  if (p === undefined) throw new Error(`no parameter ${name}`);
  return p;
};

describe("fitPlant", () => {
  const points = record(ROOM, TRAINING, 22, 125, 1);
  const model = fitted(fitPlant({ points, actuators: TRAINING, quantity: "temperature" }));

  it("recovers τ, ambient and every gain within 4 standard errors and 5 %", () => {
    const truth: Array<[string, number]> = [
      ["tau", 30],
      ["ambient", 19],
      ["gain:heater_1", 0.5],
      ["gain:fan_1", -0.3],
      ["gain:cooler_1", -0.6],
    ];
    for (const [name, value] of truth) {
      const p = param(model, name);
      expect(Math.abs(p.value - value), name).toBeLessThan(4 * p.stdErr);
      expect(Math.abs(p.value - value) / Math.abs(value), name).toBeLessThan(0.05);
      expect(p.stdErr, name).toBeGreaterThan(0);
    }
    expect(model.kind).toBe("first-order-newton");
    expect(model.fittedOn).toBe(points.length);
    expect(model.regression.readingNoise).toBeCloseTo(0.05, 2);
    expect(model.simulationRmse).toBeLessThan(0.15);
  });

  it("does not invent a gain for an actuator that never switched, and simulate refuses to switch it", () => {
    const withIdle = fitted(fitPlant({ points, actuators: TRAINING, quantity: "temperature", knownActuators: [{ actuatorId: "dehumidifier_1", kind: "DEHUMIDIFIER" }] }));
    expect(withIdle.parameters.map((p) => p.name)).not.toContain("gain:dehumidifier_1");
    expect(withIdle.unidentified).toEqual([
      expect.objectContaining({ actuatorId: "dehumidifier_1", heldState: "OFF", reason: expect.stringMatching(/was OFF for all but 0 min .* cannot be identified/) }),
    ]);
    expect(() => simulate(withIdle, { startValue: 20, startMs: 0, hours: 1, actuatorSchedule: [{ actuatorId: "dehumidifier_1", state: "ON", atMinute: 0 }] })).toThrow(PredictionInputError);
    expect(() => simulate(withIdle, { startValue: 20, startMs: 0, hours: 1, actuatorSchedule: [{ actuatorId: "pump_9", state: "ON", atMinute: 0 }] })).toThrow(/knows no actuator "pump_9"/);
    // Keeping it in the state it held is fine.
    expect(simulate(withIdle, { startValue: 20, startMs: 0, hours: 1, initialStates: { dehumidifier_1: "OFF" } }).trajectory).toHaveLength(61);
  });

  it("answers thin or uninformative history with a reason", () => {
    const short = fitPlant({ points: points.slice(0, 120), actuators: TRAINING, quantity: "temperature" });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.reason).toMatch(/too little history/);

    const together = [...pulse(5, 12, ["heater_1", "fan_1"]), ...pulse(40, 12, ["heater_1", "fan_1"])].sort((a, b) => a.atMs - b.atMs);
    const tied = fitPlant({ points: record(ROOM, together, 22, 90, 2), actuators: together, quantity: "temperature" });
    expect(tied.ok).toBe(false);
    if (!tied.ok) expect(tied.reason).toMatch(/cannot be told apart .* switched together/);

    const settled = fitPlant({ points: record(ROOM, [], 19, 120, 3), actuators: [], quantity: "temperature" });
    expect(settled.ok).toBe(false);
    if (!settled.ok) expect(settled.reason).toMatch(/behave like noise around 19(\.\d+)?: τ would be .* no dynamics to model/);
  });

  it("fits humidity the same way", () => {
    const humid: Room = { tau: 20, ambient: 62, gains: { dehumidifier_1: -1 } };
    const changes = [...pulse(10, 15, ["dehumidifier_1"]), ...pulse(50, 15, ["dehumidifier_1"])].sort((a, b) => a.atMs - b.atMs);
    const m = fitted(fitPlant({ points: record(humid, changes, 55, 100, 4, 5_000, 0.2), actuators: changes, quantity: "humidity" }));
    expect(m.quantity).toBe("humidity");
    expect(param(m, "gain:dehumidifier_1").value).toBeCloseTo(-1, 1);
    expect(param(m, "ambient").value).toBeCloseTo(62, 0);
  });
});

describe("simulate", () => {
  const model = fitted(fitPlant({ points: record(ROOM, TRAINING, 22, 125, 1), actuators: TRAINING, quantity: "temperature" }));

  it("predicts a new scenario: its 90 % band covers the room's readings and times the threshold", () => {
    // From 14 °C, heater on for an hour: x∞ = 19 + 30·0.5 = 34 °C; 25 °C at 30·ln(20/9) ≈ 23.96 min.
    const from = T0 + 10 * 24 * 60 * MINUTE;
    const heater = [{ actuatorId: "heater_1", kind: "HEATER" as const, state: "ON" as const, atMs: from }];
    const actual = record(ROOM, heater, 14, 60, 9, 5_000, 0.05, from);
    const sim = simulate(model, { startValue: 14, startMs: from, hours: 1, actuatorSchedule: [{ actuatorId: "heater_1", state: "ON", atMinute: 0 }], threshold: 25 });
    const inside = actual.filter((p) => {
      const k = Math.round((p.timestampMs - from) / MINUTE);
      const band = sim.trajectory[k];
      return band !== undefined && Math.abs(band.timestampMs - p.timestampMs) < 1_000 && p.value >= band.lower && p.value <= band.upper;
    });
    const onGrid = actual.filter((p) => (p.timestampMs - from) % MINUTE === 0);
    expect(inside.length / onGrid.length).toBeGreaterThanOrEqual(0.8);
    const truth = 30 * Math.log(20 / 9);
    expect(Math.abs((sim.minutesToThreshold as number) - truth) / truth).toBeLessThan(0.05);
    expect(sim.crossesThresholdAtMs).toBe(from + (sim.minutesToThreshold as number) * MINUTE);
    expect(sim.thresholdMinutesRange?.lower).toBeLessThanOrEqual(sim.minutesToThreshold as number);
    expect(sim.thresholdMinutesRange?.upper).toBeGreaterThanOrEqual(sim.minutesToThreshold as number);
  });

  it("widens its band with the horizon, takes an ambient override and is repeatable", () => {
    const request = { startValue: 22, startMs: 0, hours: 6, actuatorSchedule: [{ actuatorId: "fan_1", state: "ON" as const, atMinute: 30 }] };
    const sim = simulate(model, request);
    const width = (k: number): number => (sim.trajectory[k]?.upper ?? 0) - (sim.trajectory[k]?.lower ?? 0);
    expect(sim.trajectory).toHaveLength(361);
    expect(width(360)).toBeGreaterThan(width(10));
    expect(simulate(model, request)).toEqual(sim);
    const warmer = simulate(model, { ...request, ambientOverride: 25 });
    // 6 h after the start the fan is still on: x → 25 + 30·(−0.3) = 16 °C instead of 19 − 9 = 10 °C.
    expect(warmer.trajectory[360]?.value).toBeCloseTo(16, 0);
    expect(sim.trajectory[360]?.value).toBeCloseTo(10, 0);
    expect(sim.minutesToThreshold).toBeNull();
  });

  it("refuses requests it cannot honour with what to change", () => {
    expect(() => simulate(model, { startValue: 20, startMs: 0, hours: 0 })).toThrow(/hours must be more than 0 and at most 168/);
    expect(() => simulate(model, { startValue: 20, startMs: 0, hours: 200 })).toThrow(PredictionInputError);
    expect(() => simulate(model, { startValue: 20, startMs: 0, hours: 1, actuatorSchedule: [{ actuatorId: "fan_1", state: "ON", atMinute: -1 }] })).toThrow(/atMinute/);
  });
});

describe("plantRate", () => {
  const model = fitted(fitPlant({ points: record(ROOM, TRAINING, 22, 125, 1), actuators: TRAINING, quantity: "temperature" }));
  // The room's own change over the next minute from x: (1 − e^(−1/τ))·(x∞ − x).
  const truth = (x: number, settles: number): number => (1 - Math.exp(-1 / ROOM.tau)) * (settles - x);

  it("expects what the room does at a value and set of states, with a standard error", () => {
    const relaxing = plantRate(model, 25, {});
    expect(relaxing).not.toBeNull();
    expect(Math.abs((relaxing?.perMinute ?? 0) - truth(25, 19))).toBeLessThan(Math.max(4 * (relaxing?.stdErr ?? 0), 0.01));
    expect(relaxing?.stdErr).toBeGreaterThan(0);
    expect(relaxing?.settlesAt).toBeCloseTo(19, 0);
    expect(relaxing?.tauMinutes).toBeCloseTo(30, -1);
    expect(relaxing?.states).toEqual({ heater_1: "OFF", fan_1: "OFF", cooler_1: "OFF" });

    // Heater ON: settles at 19 + 30·0.5 = 34 °C, so at 25 °C the room still warms.
    const heated = plantRate(model, 25, { heater_1: "ON", fan_1: null });
    expect(Math.abs((heated?.perMinute ?? 0) - truth(25, 34)) / truth(25, 34)).toBeLessThan(0.05);
    expect(heated?.settlesAt).toBeCloseTo(34, 0);
    expect(heated?.states["heater_1"]).toBe("ON");
  });

  it("has no answer when an actuator it could not identify left the state it held", () => {
    const withIdle = fitted(
      fitPlant({ points: record(ROOM, TRAINING, 22, 125, 1), actuators: TRAINING, quantity: "temperature", knownActuators: [{ actuatorId: "dehumidifier_1", kind: "DEHUMIDIFIER" }] }),
    );
    expect(plantRate(withIdle, 25, { dehumidifier_1: "ON" })).toBeNull();
    expect(plantRate(withIdle, 25, { dehumidifier_1: "OFF" })).not.toBeNull();
  });
});
