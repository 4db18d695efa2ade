import { describe, expect, it } from "vitest";
import type { Health } from "../../../src/analytics/health.js";
import type { Forecast } from "../../../src/analytics/predict/forecast.js";
import type { Maintenance } from "../../../src/analytics/predict/maintenance.js";
import type { PlantRate } from "../../../src/analytics/predict/plantRate.js";
import { recommend } from "../../../src/analytics/predict/recommend.js";
import type { CandidateAction, LocationActuators, SensorSituation } from "../../../src/analytics/predict/recommendTypes.js";
import type { Simulation } from "../../../src/analytics/predict/simulate.js";
import type { Traits } from "../../../src/analytics/traits.js";

const traits = (current: number, overrides: Partial<Traits> = {}): Traits => ({
  readingCount: 60,
  mean: current,
  stdDev: 0.1,
  residualStdDev: 0.1,
  stabilityPercent: 95,
  driftPerMinute: 0,
  driftSignificant: false,
  driftCause: null,
  driftEvidence: null,
  driftCorrection: null,
  freshnessSeconds: 5,
  freshness: "FRESH",
  staleLimitMs: 15_000,
  typicalIntervalMs: 5_000,
  trend: "STABLE",
  anomaly: false,
  current,
  ...overrides,
});
/** A drift the evidence (beyond the kind's world rates) already pins on the sensor, with no correction known. */
const suspect = { driftSignificant: true, driftCause: "SENSOR", driftEvidence: "faster than the world plausibly changes" } as const;
const healthy: Health = { status: "HEALTHY", score: 100, issues: [] };
const forecastOf = (value: number, threshold: number | null, minutesToThreshold: number | null, spread = 1): Forecast => ({
  horizonMinutes: 60,
  value,
  lower: value - spread,
  upper: value + spread,
  ratePerMinute: 0.1,
  minutesToThreshold,
  threshold,
  method: "test",
  parameters: { alpha: 0.5, beta: 0.1, phi: 0.9, stepMinutes: 1 },
  calibrationErrors: 100,
  lastReadingMs: 0,
});
const maintenanceOf = (overrides: Partial<Maintenance>): Maintenance => ({
  currentStability: 90,
  degradationRatePerHour: 0,
  degradationStdError: 0.1,
  hoursUntilMaintenance: null,
  status: "HEALTHY",
  recommendedAction: "NONE",
  calibrationValidUntil: null,
  calibrationHoursLeft: null,
  reasons: [],
  hourly: [],
  ...overrides,
});
const sensor = (overrides: Partial<SensorSituation> & Pick<SensorSituation, "sensorId" | "kind">): SensorSituation => ({
  locationId: "lab",
  traits: traits(21),
  health: healthy,
  maintenance: null,
  forecast: null,
  activeAlerts: [],
  ...overrides,
});
const lab: LocationActuators = {
  locationId: "lab",
  actuators: [
    { actuatorId: "heater_1", kind: "HEATER", reportedState: "ON" },
    { actuatorId: "cooler_1", kind: "COOLER", reportedState: "OFF" },
    { actuatorId: "fan_1", kind: "FAN", reportedState: "OFF" },
    { actuatorId: "dehumidifier_1", kind: "DEHUMIDIFIER", reportedState: "OFF" },
  ],
};
const simulation = (minutesToThreshold: number | null): Simulation => ({
  trajectory: [
    { timestampMs: 0, value: 0, lower: 0, upper: 0 },
    { timestampMs: 2 * 3_600_000, value: 0, lower: 0, upper: 0 },
  ],
  crossesThresholdAtMs: minutesToThreshold === null ? null : minutesToThreshold * 60_000,
  minutesToThreshold,
  thresholdMinutesRange: null,
  method: "test",
});

describe("recommend", () => {
  it("turns the dehumidifier on for humidity above its limit, with the simulated effect", () => {
    const asked: CandidateAction[] = [];
    const recs = recommend({
      sensors: [sensor({ sensorId: "humidity_1", kind: "HUMIDITY", traits: traits(66), forecast: forecastOf(68, 60, 0), limit: { value: 60, side: "MAX" } })],
      locations: [lab],
      simulate: (candidate) => {
        asked.push(candidate);
        return simulation(25);
      },
    });
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({
      action: "ACTUATE",
      targetId: "dehumidifier_1",
      command: "DEHUMIDIFIER ON",
      urgency: "HIGH",
      expectedEffect: "humidity back under 60 % in ≈25 min",
      sensorId: "humidity_1",
    });
    expect(recs[0]?.confidence).toBeCloseTo(0.9, 5);
    expect(recs[0]?.reason).toMatch(/humidity 66 % is above the 60 % limit/);
    expect(asked).toEqual([expect.objectContaining({ actuatorId: "dehumidifier_1", state: "ON", direction: "LOWER", quantity: "humidity" })]);
  });

  it("against a forecast rise in temperature: heater off, cooler and fan on, the faster first", () => {
    const recs = recommend({
      sensors: [sensor({ sensorId: "temp_1", kind: "TEMPERATURE", traits: traits(27), forecast: forecastOf(29.5, 28, 20, 0.5) })],
      locations: [lab],
      simulate: (c) => simulation(c.actuatorId === "cooler_1" ? null : c.actuatorId === "heater_1" ? 50 : 10),
    });
    expect(recs.map((r) => r.command)).toEqual(["COOLER ON", "HEATER OFF", "FAN ON"]);
    expect(recs.every((r) => r.urgency === "HIGH")).toBe(true); // breach within 30 min
    expect(recs[0]?.expectedEffect).toBe("keeps temperature under 28 °C for the next 2 h");
    expect(recs[1]?.expectedEffect).toBe("delays reaching 28 °C to ≈50 min (from ≈20)");
    expect(recs[2]?.expectedEffect).toBe("does not stop temperature reaching 28 °C (≈10 min)");
    expect(recs[1]?.reason).toMatch(/temperature forecast to reach 28 °C in ≈20 min .* HEATER raises temperature and is on/);
  });

  it("without a simulation falls back on the actuator table, less confident", () => {
    const recs = recommend({
      sensors: [sensor({ sensorId: "temp_1", kind: "TEMPERATURE", traits: traits(17), forecast: forecastOf(16, 18, 0), limit: { value: 18, side: "MIN" } })],
      locations: [{ locationId: "lab", actuators: [{ actuatorId: "heater_1", kind: "HEATER", reportedState: "OFF" }] }],
    });
    expect(recs[0]).toMatchObject({ command: "HEATER ON", urgency: "HIGH", expectedEffect: "HEATER ON raises temperature" });
    expect(recs[0]?.confidence).toBeCloseTo(0.9 * 0.7, 5);
  });

  it("ranks sensor problems by urgency: offline first, then recalibration, then quiet sensors", () => {
    const recs = recommend({
      sensors: [
        sensor({ sensorId: "temp_2", kind: "TEMPERATURE" }),
        sensor({
          sensorId: "humidity_2",
          kind: "HUMIDITY",
          maintenance: maintenanceOf({
            status: "SCHEDULE_SOON",
            hoursUntilMaintenance: 40,
            recommendedAction: "RECALIBRATE",
            reasons: ["stability falling 0.5 ± 0.1 %/h over 24 h, at 80 % now", "reaches 60 % in ~40 h"],
          }),
        }),
        sensor({ sensorId: "pressure_1", kind: "PRESSURE", traits: traits(1013, { freshness: "OFFLINE", freshnessSeconds: 3600 }) }),
        sensor({ sensorId: "temp_3", kind: "TEMPERATURE", maintenance: maintenanceOf({ recommendedAction: "MONITOR", reasons: ["stability falling 0.2 %/h"] }) }),
      ],
      locations: [lab],
    });
    expect(recs.map((r) => [r.action, r.targetId, r.urgency])).toEqual([
      ["INSPECT", "pressure_1", "HIGH"],
      ["RECALIBRATE", "humidity_2", "MEDIUM"],
      ["CONTINUE_MONITORING", "temp_3", "LOW"],
      ["CONTINUE_MONITORING", "temp_2", "NONE"],
    ]);
    expect(recs[0]?.reason).toMatch(/pressure_1 is OFFLINE: silent for 60 min/);
    expect(recs[1]?.reason).toMatch(/reaches 60 % in ~40 h/);
  });

  it("inspects a stuck sensor, replaces one whose noise is beyond recalibration, recalibrates a drifting one", () => {
    const failed: Health = { status: "FAILED", score: 40, issues: ["Unstable (…)"] };
    const recs = recommend({
      sensors: [
        sensor({ sensorId: "temp_4", kind: "TEMPERATURE", activeAlerts: [{ type: "STUCK", severity: "MEDIUM", raisedAtMs: Date.UTC(2026, 0, 1) }] }),
        sensor({
          sensorId: "temp_5",
          kind: "TEMPERATURE",
          health: failed,
          maintenance: maintenanceOf({ currentStability: 12, status: "URGENT", hoursUntilMaintenance: 0, recommendedAction: "RECALIBRATE" }),
        }),
        sensor({
          sensorId: "temp_6",
          kind: "TEMPERATURE",
          traits: traits(21, { driftPerMinute: 0.3, ...suspect }),
          health: { status: "DEGRADED", score: 80, issues: ["Drifting (+0.30/min, limit ±0.10/min)"] },
        }),
      ],
      locations: [],
    });
    expect(recs.map((r) => [r.action, r.targetId, r.urgency])).toEqual([
      ["INSPECT", "temp_4", "HIGH"],
      ["REPLACE", "temp_5", "HIGH"],
      ["RECALIBRATE", "temp_6", "MEDIUM"],
    ]);
    expect(recs[0]?.reason).toMatch(/STUCK alert open since 2026-01-01/);
  });

  it("inspects a process value that has left its learnt operating range, and not one on an ordinary excursion", () => {
    const band = { assessed: true, reason: null, median: 91.3, halfWidth: 18.45, currentHours: 7, longestHours: 4, left: true };
    const recs = recommend({
      sensors: [
        sensor({ sensorId: "machine_1", kind: "OTHER", locationId: null, operatingBand: band }),
        sensor({ sensorId: "machine_2", kind: "OTHER", locationId: null, operatingBand: { ...band, currentHours: 4, longestHours: 5, left: false } }),
        sensor({
          sensorId: "machine_3",
          kind: "OTHER",
          locationId: null,
          operatingBand: { ...band, assessed: false, reason: "operating band not learnt yet", median: null, halfWidth: null, currentHours: 0, longestHours: 0, left: false },
        }),
      ],
      locations: [],
    });
    expect(recs.map((r) => [r.action, r.targetId, r.urgency, r.confidence])).toEqual([
      ["INSPECT", "machine_1", "HIGH", 0.7],
      ["CONTINUE_MONITORING", "machine_2", "NONE", 0.9],
      ["CONTINUE_MONITORING", "machine_3", "NONE", 0.9],
    ]);
    expect(recs[0]?.reason).toBe(
      "machine_1 is out of its operating band 91.3 ± 18.45 (its last week's hourly levels) for 7 h, longer than its ordinary excursions " +
        "(the longest before it in the last week lasted 4 h): it has left its operating range; inspect what it measures, and the sensor",
    );
    expect(recs[0]?.expectedEffect).toBe("the value back inside its operating band");
  });

  it("does not blame the sensor for a drift an actuator in its room explains, only one that pushes the way it drifts", () => {
    const drifting = (driftPerMinute: number): SensorSituation =>
      sensor({ sensorId: "temp_7", kind: "TEMPERATURE", traits: traits(26, { driftPerMinute, ...suspect }), health: { status: "DEGRADED", score: 80, issues: ["Drifting (…)"] } });
    // The lab's heater is ON: a rising temperature is the room warming.
    const rising = recommend({ sensors: [drifting(0.34)], locations: [lab] });
    expect(rising.map((r) => [r.action, r.targetId, r.urgency])).toEqual([["CONTINUE_MONITORING", "temp_7", "LOW"]]);
    expect(rising[0]?.reason).toMatch(/drifting at 0\.34\/min while heater_1 \(HEATER\) is ON in its location, raising it: the room is changing, not the sensor/);
    // Falling while only the heater is ON: nothing in the room lowers it, so the sensor is suspect.
    expect(recommend({ sensors: [drifting(-0.34)], locations: [lab] }).map((r) => r.action)).toEqual(["RECALIBRATE"]);
    // The same rise with every actuator OFF, and with no location known: recalibrate.
    const allOff: LocationActuators = { locationId: "lab", actuators: lab.actuators.map((a) => ({ ...a, reportedState: "OFF" as const })) };
    expect(recommend({ sensors: [drifting(0.34)], locations: [allOff] }).map((r) => r.action)).toEqual(["RECALIBRATE"]);
    expect(recommend({ sensors: [drifting(0.34)], locations: [] }).map((r) => r.action)).toEqual(["RECALIBRATE"]);
    // A dehumidifier ON explains falling humidity, not a falling temperature.
    const dry: LocationActuators = { locationId: "lab", actuators: [{ actuatorId: "dehumidifier_1", kind: "DEHUMIDIFIER", reportedState: "ON" }] };
    const humidity = sensor({
      sensorId: "humidity_7",
      kind: "HUMIDITY",
      traits: traits(55, { driftPerMinute: -0.2, ...suspect }),
      health: { status: "DEGRADED", score: 80, issues: ["Drifting (…)"] },
    });
    expect(recommend({ sensors: [humidity, drifting(-0.34)], locations: [dry] }).map((r) => [r.action, r.targetId])).toEqual([
      ["RECALIBRATE", "temp_7"],
      ["CONTINUE_MONITORING", "humidity_7"],
    ]);
  });

  it("asks the room's fitted plant first: a room relaxing after a switch-off is not a drifting sensor", () => {
    const drifting = (driftPerMinute: number, roomRate: PlantRate | null): SensorSituation =>
      sensor({
        sensorId: "temp_8",
        kind: "TEMPERATURE",
        // Within a room's plausible rates and with no peer: only the plant can tell.
        traits: traits(26, { driftPerMinute, driftSignificant: true, driftCause: "UNKNOWN", driftEvidence: "no co-located peer to compare with" }),
        health: { status: "DEGRADED", score: 80, issues: ["Drifting (…)"] },
        roomRate,
      });
    const allOff: LocationActuators = { locationId: "lab", actuators: lab.actuators.map((a) => ({ ...a, reportedState: "OFF" as const })) };
    const relaxing: PlantRate = { perMinute: -0.21, stdErr: 0.01, settlesAt: 19.2, tauMinutes: 30, states: { heater_1: "OFF", fan_1: "OFF" } };
    // Everything is OFF, yet the room cools towards ambient as fast as it drifts.
    const cooling = recommend({ sensors: [drifting(-0.25, relaxing)], locations: [allOff] });
    expect(cooling.map((r) => [r.action, r.targetId, r.urgency, r.confidence])).toEqual([["CONTINUE_MONITORING", "temp_8", "LOW", 0.7]]);
    expect(cooling[0]?.reason).toBe(
      "drifting at -0.25/min as the room's fitted model expects -0.21 ± 0.01/min now (every actuator OFF, settling towards 19.2): " +
        "the room is changing, not the sensor; recalibrate only if it drifts where the model expects the room to hold still",
    );
    // The room changes under half as fast as the sensor drifts, or the other way: the sensor is suspect.
    const still: PlantRate = { ...relaxing, perMinute: -0.02 };
    const stillRoom = recommend({ sensors: [drifting(-0.25, still)], locations: [allOff] });
    expect(stillRoom.map((r) => r.action)).toEqual(["RECALIBRATE"]);
    expect(stillRoom[0]?.reason).toMatch(/^drifting at -0\.25\/min \(significant\) while the room's fitted model expects only -0\.02 ± 0\.01\/min now .*: the offset wanders$/);
    const against = recommend({ sensors: [drifting(0.25, relaxing)], locations: [allOff] });
    expect(against.map((r) => r.action)).toEqual(["RECALIBRATE"]);
    expect(against[0]?.reason).toMatch(/^drifting at 0\.25\/min \(significant\) while the room's fitted model expects -0\.21 ± 0\.01\/min now/);
    // A room expected to change faster than the sensor shows is still the room changing.
    expect(recommend({ sensors: [drifting(-0.1, relaxing)], locations: [allOff] }).map((r) => r.action)).toEqual(["CONTINUE_MONITORING"]);
    // Within two standard errors of an uncertain expectation counts as explained.
    expect(recommend({ sensors: [drifting(-0.25, { ...relaxing, perMinute: -0.1, stdErr: 0.08 })], locations: [allOff] }).map((r) => r.action)).toEqual(["CONTINUE_MONITORING"]);
    // With a plant, its expectation outranks the heater-is-ON shortcut: a heater too weak to explain the rise.
    const weakHeater: PlantRate = { perMinute: 0.03, stdErr: 0.01, settlesAt: 27, tauMinutes: 30, states: { heater_1: "ON" } };
    const weak = recommend({ sensors: [drifting(0.34, weakHeater)], locations: [lab] });
    expect(weak.map((r) => r.action)).toEqual(["RECALIBRATE"]);
    expect(weak[0]?.reason).toMatch(/expects only 0\.03 ± 0\.01\/min now \(heater_1 ON, settling towards 27\)/);
  });

  it("without a plant, does not blame the sensor for a room settling back in the hour after a switch-off", () => {
    const asOfMs = Date.UTC(2026, 10, 28, 12, 0);
    const drifting = (driftPerMinute: number): SensorSituation =>
      sensor({ sensorId: "temp_9", kind: "TEMPERATURE", traits: traits(24, { driftPerMinute, ...suspect }), health: { status: "DEGRADED", score: 80, issues: ["Drifting (…)"] } });
    const offSince = (heaterMinutes: number | null, coolerMinutes: number | null = null): LocationActuators => ({
      locationId: "lab",
      actuators: [
        { actuatorId: "heater_1", kind: "HEATER", reportedState: "OFF", changedAtMs: heaterMinutes === null ? null : asOfMs - heaterMinutes * 60_000 },
        { actuatorId: "cooler_1", kind: "COOLER", reportedState: "OFF", changedAtMs: coolerMinutes === null ? null : asOfMs - coolerMinutes * 60_000 },
      ],
    });
    const settling = recommend({ sensors: [drifting(-0.25)], locations: [offSince(12)], asOfMs });
    expect(settling.map((r) => [r.action, r.urgency, r.confidence])).toEqual([["CONTINUE_MONITORING", "LOW", 0.7]]);
    expect(settling[0]?.reason).toBe(
      "drifting at -0.25/min since heater_1 (HEATER), which raised it, went OFF 12 min ago: the room is changing, not the sensor; recalibrate only if it still drifts once the room has settled",
    );
    // A cooler switched off lets the room warm back up.
    expect(recommend({ sensors: [drifting(0.25)], locations: [offSince(null, 5)], asOfMs })[0]?.reason).toMatch(/since cooler_1 \(COOLER\), which lowered it, went OFF 5 min ago/);
    // Longer ago than an hour, a rise after the heater went off, a switch time unknown, or no asOf to judge by: the sensor is suspect.
    expect(recommend({ sensors: [drifting(-0.25)], locations: [offSince(90)], asOfMs }).map((r) => r.action)).toEqual(["RECALIBRATE"]);
    expect(recommend({ sensors: [drifting(0.25)], locations: [offSince(12)], asOfMs }).map((r) => r.action)).toEqual(["RECALIBRATE"]);
    expect(recommend({ sensors: [drifting(-0.25)], locations: [offSince(null)], asOfMs }).map((r) => r.action)).toEqual(["RECALIBRATE"]);
    expect(recommend({ sensors: [drifting(-0.25)], locations: [offSince(12)] }).map((r) => r.action)).toEqual(["RECALIBRATE"]);
    // A fitted plant, when there is one, has the last word.
    const still: PlantRate = { perMinute: -0.01, stdErr: 0.01, settlesAt: 23.5, tauMinutes: 30, states: { heater_1: "OFF" } };
    expect(recommend({ sensors: [{ ...drifting(-0.25), roomRate: still }], locations: [offSince(12)], asOfMs }).map((r) => r.action)).toEqual(["RECALIBRATE"]);
  });

  it("trusts a failing sensor's forecast less", () => {
    const failing: Health = { status: "FAILED", score: 40, issues: [] };
    const situation = { sensorId: "humidity_1", kind: "HUMIDITY" as const, traits: traits(66), forecast: forecastOf(68, 60, 0), limit: { value: 60, side: "MAX" as const } };
    const good = recommend({ sensors: [sensor(situation)], locations: [lab], simulate: () => simulation(25) });
    const bad = recommend({ sensors: [sensor({ ...situation, health: failing })], locations: [lab], simulate: () => simulation(25) });
    expect(bad[0]?.confidence).toBeCloseTo((good[0]?.confidence ?? 0) * 0.4, 5);
  });

  it("acts on a drift by its cause: the peers' offset for SENSOR, nothing for WORLD or UNKNOWN", () => {
    const allOff: LocationActuators = { locationId: "lab", actuators: lab.actuators.map((a) => ({ ...a, reportedState: "OFF" as const })) };
    const drifting = (cause: "SENSOR" | "WORLD" | "UNKNOWN", correction: number | null, calibrationOffset: number | null = null): SensorSituation =>
      sensor({
        sensorId: "temp_10",
        kind: "TEMPERATURE",
        traits: traits(23, { driftPerMinute: 0.25, driftSignificant: true, driftCause: cause, driftEvidence: "the evidence", driftCorrection: correction }),
        calibrationOffset,
      });
    const fromPeers = recommend({ sensors: [drifting("SENSOR", -2.04, 0.5)], locations: [allOff] });
    expect(fromPeers.map((r) => [r.action, r.urgency, r.confidence, r.offset])).toEqual([["RECALIBRATE", "MEDIUM", 0.8, -1.54]]);
    expect(fromPeers[0]?.reason).toBe("drifting at 0.25/min (significant), cause SENSOR: the evidence; recalibrate with offset -1.54 (the offset in force 0.5 plus the correction)");
    // The peers outrank the heater: a sensor that diverges from them is wrong even while the room is heated.
    expect(recommend({ sensors: [drifting("SENSOR", -2.04)], locations: [lab] }).map((r) => [r.action, r.offset])).toEqual([["RECALIBRATE", -2.04]]);
    const world = recommend({ sensors: [drifting("WORLD", null)], locations: [allOff] });
    expect(world.map((r) => [r.action, r.urgency])).toEqual([["CONTINUE_MONITORING", "LOW"]]);
    expect(world[0]?.reason).toBe("drifting at 0.25/min (significant), cause WORLD: the evidence: the world is changing, not the sensor");
    const unknown = recommend({ sensors: [drifting("UNKNOWN", null)], locations: [allOff] });
    expect(unknown.map((r) => [r.action, r.urgency, r.confidence])).toEqual([["CONTINUE_MONITORING", "LOW", 0.5]]);
    expect(unknown[0]?.reason).toMatch(/cause UNKNOWN: the evidence; no recalibration on this evidence: a second temperature sensor in its location, or a reference reading, would tell$/);
  });
});
