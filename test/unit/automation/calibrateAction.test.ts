import { describe, expect, it } from "vitest";
import { planEdge } from "../../../src/automation/actionPlan.js";
import { planCalibration, type CalibrationGuardInput } from "../../../src/automation/calibrationPlan.js";
import { CalibrationVerifier, type CalibrationWatch } from "../../../src/automation/calibrationVerifier.js";
import { CalibrationRefusedError, RuleCalibrator, type RuleCalibratorDeps } from "../../../src/automation/ruleCalibration.js";
import { INITIAL_RULE_STATE } from "../../../src/domain/ruleState.js";
import { parseRule, validateRuleInput } from "../../../src/automation/validateRule.js";
import type { AnomalyEvent } from "../../../src/domain/anomalyTypes.js";
import { columnsFromPoints, type ReadingColumns } from "../../../src/analytics/readingColumns.js";
import type { Traits } from "../../../src/analytics/traits.js";
import { silentLogger } from "../../../src/log.js";
import type { CalibrationRecord } from "../../../src/store/calibrationStore.js";
import type { CalibrationRequest } from "../../../src/twin/calibrationService.js";

const MIN = 60_000;
const NOW = Date.UTC(2026, 5, 1, 9, 0);

const RULE = {
  name: "recalibrate temp_1 when it drifts",
  sensorId: "temp_1",
  condition: { type: "DRIFT", comparison: "GT", threshold: 0.1 },
  actions: [{ type: "CALIBRATE", maxOffset: 3 }],
};

describe("the CALIBRATE action's input", () => {
  it("needs maxOffset, fills the cooldown and validity, and refuses bad values naming the field", () => {
    expect(parseRule(RULE).actions).toEqual([{ type: "CALIBRATE", referenceSensorId: null, maxOffset: 3, cooldownSeconds: 86_400, validDays: 30 }]);
    const problems = (a: Record<string, unknown>) => validateRuleInput({ ...RULE, actions: [a] });
    expect(problems({ type: "CALIBRATE" })).toEqual(["actions[0].maxOffset is required for CALIBRATE: the largest offset (sensor units, either sign) the rule may apply, at most 1000"]);
    expect(problems({ type: "CALIBRATE", maxOffset: 0 })[0]).toMatch(/actions\[0\]\.maxOffset must be a number above 0 and at most 1000/);
    expect(problems({ type: "CALIBRATE", maxOffset: 1, cooldownSeconds: 5 })[0]).toMatch(/actions\[0\]\.cooldownSeconds must be a whole number of seconds from 60/);
    expect(problems({ type: "CALIBRATE", maxOffset: 1, referenceSensorId: "bad id!" })[0]).toMatch(/referenceSensorId "bad id!" has characters/);
    expect(problems({ type: "CALIBRATE", maxOffset: 1, actuatorId: "fan_1" })[0]).toMatch(/actions\[0\]\.actuatorId does not apply to CALIBRATE/);
  });

  it("calibrates on firing only: a correction has nothing to undo when the rule clears", () => {
    const rule = parseRule(RULE);
    const o = { atMs: NOW, value: 23, driftPerMinute: 0.2, forecastValue: null, anomalyTypesActive: [], stale: false };
    const ctx = { actuatorStates: new Map(), overridden: () => false, interlockCheck: () => null };
    expect(planEdge(rule, INITIAL_RULE_STATE, "FIRE", o, ctx).issue).toEqual([
      { type: "CALIBRATE", sensorId: "temp_1", referenceSensorId: null, maxOffset: 3, cooldownSeconds: 86_400, validDays: 30 },
    ]);
    expect(planEdge(rule, INITIAL_RULE_STATE, "CLEAR", o, ctx).issue).toEqual([]);
  });
});

describe("planCalibration guards", () => {
  const base: CalibrationGuardInput = {
    sensorId: "temp_1",
    estimate: { correction: -1.5, source: "its peers temp_2", referenceIds: ["temp_2"] },
    offsetInForce: 0.5,
    lastCalibratedAtMs: NOW - 2 * 86_400_000,
    nowMs: NOW,
    maxOffset: 2,
    cooldownSeconds: 86_400,
  };

  it("applies the offset in force plus the correction when every guard passes", () => {
    expect(planCalibration(base)).toEqual({ ok: true, offset: -1, message: "offset -1 for temp_1 (in force 0.5, correction -1.5 from its peers temp_2)" });
    expect(planCalibration({ ...base, lastCalibratedAtMs: null }).ok).toBe(true);
  });

  it("refuses beyond maxOffset, within the cooldown, and without an estimate, saying why", () => {
    expect(planCalibration({ ...base, estimate: { ...base.estimate, correction: -2.6 } })).toEqual({
      ok: false,
      reason: "MAX_OFFSET",
      message: "temp_1 would need offset -2.1 (in force 0.5, correction -2.6 from its peers temp_2), beyond the rule's maxOffset ±2: not applied; a sensor this far off needs a person",
    });
    expect(planCalibration({ ...base, lastCalibratedAtMs: NOW - 3 * 3_600_000 })).toEqual({
      ok: false,
      reason: "CALIBRATION_COOLDOWN",
      message: "temp_1 was calibrated 3.0 h ago; the rule calibrates it at most once per 24.0 h (next in 21.0 h)",
    });
    expect(planCalibration({ ...base, estimate: { correction: null, source: "its drift diagnosis (cause UNKNOWN: …)", referenceIds: [] } })).toMatchObject({ ok: false, reason: "NO_OFFSET_ESTIMATE" });
  });
});

/** A small real fake of the calibrator's collaborators: series by sensor, a calibration log. */
function calibratorWith(traits: Partial<Traits> & { driftPeerIds?: string[] }, series: Record<string, number>, latest: CalibrationRecord | null = null) {
  const recorded: Array<{ sensorId: string; offset: number; request: CalibrationRequest }> = [];
  const watched: CalibrationWatch[] = [];
  const columns = (v: number): ReadingColumns => columnsFromPoints(Array.from({ length: 30 }, (_, i) => ({ timestampMs: NOW - (30 - i) * 10_000, value: v })));
  const deps: RuleCalibratorDeps = {
    traits: async () => ({ driftCause: null, driftEvidence: null, driftCorrection: null, ...traits }) as Traits,
    series: async (sensorId) => columns(series[sensorId] ?? Number.NaN),
    latestCalibration: async () => latest,
    record: async (sensorId, offset, validDays, request) => {
      recorded.push({ sensorId, offset, request });
      return {
        calibrationId: `cal-${recorded.length}`,
        sensorId,
        offset,
        createdAtMs: NOW,
        validUntilMs: NOW + validDays * 86_400_000,
        appliedAtMs: NOW,
        issuedBy: request.issuedBy,
        commandId: "cmd",
      };
    },
    watch: (w) => watched.push(w),
    clock: () => NOW,
  };
  return { calibrator: new RuleCalibrator(deps), recorded, watched };
}

const ACTION = { type: "CALIBRATE" as const, sensorId: "temp_1", referenceSensorId: null, maxOffset: 3, cooldownSeconds: 86_400, validDays: 30 };

describe("RuleCalibrator", () => {
  it("applies the peers' correction as the rule, and watches the sensor against those peers", async () => {
    const { calibrator, recorded, watched } = calibratorWith({ driftCause: "SENSOR", driftCorrection: -1.2, driftEvidence: "it diverges from temp_2", driftPeerIds: ["temp_2"] }, {});
    await calibrator.calibrate("r1", ACTION, "rule fired", "rule:r1:FIRED:1:temp_1", NOW);
    expect(recorded).toEqual([
      {
        sensorId: "temp_1",
        offset: -1.2,
        request: { issuedBy: "rule:r1", ruleId: "r1", idempotencyKey: "rule:r1:FIRED:1:temp_1", reason: expect.stringMatching(/^rule fired: offset -1\.2 for temp_1/) },
      },
    ]);
    expect(watched).toEqual([{ sensorId: "temp_1", referenceIds: ["temp_2"], appliedAtMs: NOW, calibrationId: "cal-1", ruleId: "r1" }]);
  });

  it("calibrates against a named reference from the two sensors' recent means", async () => {
    const { calibrator, recorded } = calibratorWith({}, { temp_1: 23.4, temp_ref: 21.9 });
    await calibrator.calibrate("r1", { ...ACTION, referenceSensorId: "temp_ref" }, "rule fired", "k", NOW);
    expect(recorded[0]?.offset).toBeCloseTo(-1.5, 9);
  });

  it("records nothing when the drift cannot be pinned on the sensor, or the offset is too large", async () => {
    const unknown = calibratorWith({ driftCause: "UNKNOWN", driftEvidence: "no co-located peer" }, {});
    const refused = await unknown.calibrator.calibrate("r1", ACTION, "rule fired", "k", NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CalibrationRefusedError);
    expect((refused as CalibrationRefusedError).reason).toBe("NO_OFFSET_ESTIMATE");
    expect((refused as Error).message).toMatch(/cause UNKNOWN: no co-located peer\); name a referenceSensorId/);
    const far = calibratorWith({ driftCause: "SENSOR", driftCorrection: -4, driftPeerIds: ["temp_2"] }, {});
    await expect(far.calibrator.calibrate("r1", ACTION, "rule fired", "k", NOW)).rejects.toMatchObject({ reason: "MAX_OFFSET" });
    expect([...unknown.recorded, ...far.recorded]).toEqual([]);
  });
});

describe("CalibrationVerifier", () => {
  /** Readings of two sensors a second apart from `startMs`; the test moves the sensors' clock. */
  function verifierOver(valueOf: (sensorId: string, minutesAfter: number) => number) {
    let now = NOW;
    const raised: AnomalyEvent[] = [];
    const verifier = new CalibrationVerifier({
      series: async (sensorId, fromMs, toMs) => {
        const points = [];
        for (let t = Math.floor(fromMs / 1000) * 1000 + 1000; t <= toMs; t += 1000) points.push({ timestampMs: t, value: valueOf(sensorId, (t - NOW) / MIN) });
        return columnsFromPoints(points);
      },
      kindOf: async () => "TEMPERATURE",
      nowOf: () => now,
      raise: (events) => raised.push(...events),
      log: silentLogger,
    });
    verifier.watch({ sensorId: "temp_1", referenceIds: ["temp_2"], appliedAtMs: NOW, calibrationId: "cal-1", ruleId: "r1" });
    const advance = async (minutes: number) => {
      now = NOW + minutes * MIN;
      return verifier.check();
    };
    return { verifier, raised, advance };
  }

  it("raises a CALIBRATION_MISMATCH alert when the sensor drifts away from its reference within the hour", async () => {
    // The calibration set it right, but it drifts on at 0.1 °C/min: 0.3 °C (the tolerance) is passed after 3 minutes.
    const { raised, advance, verifier } = verifierOver((id, m) => 21 + (id === "temp_1" ? 0.1 * m : 0));
    expect(await advance(3)).toEqual([]); // not due yet: 2 min to settle, then 5-minute spans
    const [first] = await advance(7);
    expect(first?.verdict).toBe("DISAGREES");
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ phase: "raised", sensorId: "temp_1", type: "CALIBRATION_MISMATCH", severity: "HIGH", timestampMs: NOW + 7 * MIN });
    expect(raised[0]?.message).toMatch(
      /^the calibration cal-1 by rule r1 did not hold: 7 min after it, temp_1 reads \+0\.4\d* against temp_2 .*beyond the ±0\.3 it must agree to; inspect or replace the sensor$/,
    );
    expect(verifier.watching).toBe(0);
  });

  it("stays quiet over an hour in which the sensor agrees with its reference", async () => {
    const { raised, advance, verifier } = verifierOver((id, m) => 21 + 0.02 * Math.sin(m) + (id === "temp_1" ? 0.05 : 0));
    for (let minute = 7; minute <= 62; minute += 5) for (const check of await advance(minute)) expect(check.verdict).toBe("AGREES");
    expect(verifier.watching).toBe(0);
    expect(raised).toEqual([]);
  });
});
