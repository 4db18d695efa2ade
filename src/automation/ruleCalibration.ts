import type { ReadingColumns } from "../analytics/readingColumns.js";
import type { Traits } from "../analytics/traits.js";
import type { CalibrationRecord } from "../store/calibrationStore.js";
import type { CalibrationRequest } from "../twin/calibrationService.js";
import { planCalibration, type CorrectionEstimate } from "./calibrationPlan.js";
import type { CalibrationWatch } from "./calibrationVerifier.js";
import type { ConcreteAction, SuppressionReason } from "../domain/decisions.js";

export type CalibrateAction = Extract<ConcreteAction, { readonly type: "CALIBRATE" }>;

/** Readings of the sensor and its reference compared for a reference-based offset. */
const COMPARE_MS = 5 * 60_000;

/** A guard of a rule's CALIBRATE refused it; the rule's decision records `reason` and the message. */
export class CalibrationRefusedError extends Error {
  override readonly name = "CalibrationRefusedError";
  constructor(
    readonly reason: SuppressionReason,
    message: string,
  ) {
    super(message);
  }
}

export interface RuleCalibratorDeps {
  /** The sensor's traits with the drift verdict from its peers (`Diagnostics.traits`). */
  readonly traits: (sensorId: string, windowMs: number, asOfMs: number) => Promise<Traits & { readonly driftPeerIds?: readonly string[] }>;
  readonly series: (sensorId: string, fromMs: number, toMs: number) => Promise<ReadingColumns>;
  readonly latestCalibration: (sensorId: string) => Promise<CalibrationRecord | null>;
  readonly record: (sensorId: string, offset: number, validDays: number, request: CalibrationRequest) => Promise<CalibrationRecord>;
  readonly watch: (w: CalibrationWatch) => void;
  readonly clock: () => number;
}

const mean = (c: ReadingColumns): number | null => (c.values.length === 0 ? null : c.values.reduce((a, b) => a + b, 0) / c.values.length);

/**
 * A rule's CALIBRATE: estimates the correction (from the rule's reference sensor, else from the
 * drift diagnosis's peers), applies the guards (`planCalibration`), records the calibration
 * through the command lifecycle as `rule:<ruleId>`, and has the hour after it verified.
 */
export class RuleCalibrator {
  constructor(private readonly deps: RuleCalibratorDeps) {}

  /** `atMs`: the sensor's time of the firing (its readings' clock). */
  async calibrate(ruleId: string, action: CalibrateAction, why: string, idempotencyKey: string, atMs: number): Promise<CalibrationRecord> {
    const { sensorId } = action;
    const [estimate, latest] = await Promise.all([
      action.referenceSensorId === null ? this.fromDiagnosis(sensorId, atMs) : this.fromReference(sensorId, action.referenceSensorId, atMs),
      this.deps.latestCalibration(sensorId),
    ]);
    const nowMs = this.deps.clock();
    const inForce = latest !== null && latest.validUntilMs > nowMs ? latest.offset : 0;
    const plan = planCalibration({
      sensorId,
      estimate,
      offsetInForce: inForce,
      lastCalibratedAtMs: latest?.createdAtMs ?? null,
      nowMs,
      maxOffset: action.maxOffset,
      cooldownSeconds: action.cooldownSeconds,
    });
    if (!plan.ok) throw new CalibrationRefusedError(plan.reason, plan.message);
    const record = await this.deps.record(sensorId, plan.offset, action.validDays, { issuedBy: `rule:${ruleId}`, ruleId, idempotencyKey, reason: `${why}: ${plan.message}` });
    // Verified from when it took effect; one the device has not taken yet is checked too (and fails, as it should).
    this.deps.watch({ sensorId, referenceIds: estimate.referenceIds, appliedAtMs: atMs + ((record.appliedAtMs ?? nowMs) - nowMs), calibrationId: record.calibrationId, ruleId });
    return record;
  }

  private async fromReference(sensorId: string, referenceId: string, atMs: number): Promise<CorrectionEstimate> {
    const [own, reference] = await Promise.all([this.deps.series(sensorId, atMs - COMPARE_MS, atMs), this.deps.series(referenceId, atMs - COMPARE_MS, atMs)]);
    const a = mean(own);
    const b = mean(reference);
    const source = `the reference ${referenceId} (means of the last 5 min)`;
    return { correction: a === null || b === null ? null : b - a, source: a === null || b === null ? `${source}, which has no readings to compare` : source, referenceIds: [referenceId] };
  }

  private async fromDiagnosis(sensorId: string, atMs: number): Promise<CorrectionEstimate> {
    const t = await this.deps.traits(sensorId, COMPARE_MS, atMs);
    const peers = t.driftPeerIds ?? [];
    if (t.driftCause === "SENSOR" && t.driftCorrection !== null) {
      return { correction: t.driftCorrection, source: `its peers ${peers.join(", ")} (${t.driftEvidence ?? "cause SENSOR"})`, referenceIds: peers };
    }
    const said = t.driftCause === null ? "it does not drift beyond its limit now" : `cause ${t.driftCause}: ${t.driftEvidence ?? ""}`;
    return { correction: null, source: `its drift diagnosis (${said}); name a referenceSensorId to calibrate against one`, referenceIds: peers };
  }
}
