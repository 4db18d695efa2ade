import { num } from "../analytics/format.js";
import { formatDuration } from "../analytics/format.js";
import type { SuppressionReason } from "../domain/decisions.js";

/** Where a rule's correction comes from: the drift diagnosis (peers) or the rule's reference sensor. */
export interface CorrectionEstimate {
  /** What to add to the sensor's readings now; null when nothing could estimate it. */
  readonly correction: number | null;
  /** Completes "from …": e.g. "its peers temp_2, temp_3 (cause SENSOR: …)". */
  readonly source: string;
  /** The sensors the calibrated sensor should agree with afterwards. */
  readonly referenceIds: readonly string[];
}

export interface CalibrationGuardInput {
  readonly sensorId: string;
  readonly estimate: CorrectionEstimate;
  /** The offset in force (0 without a calibration). */
  readonly offsetInForce: number;
  /** When the sensor was last calibrated (by anyone), null if never. */
  readonly lastCalibratedAtMs: number | null;
  readonly nowMs: number;
  readonly maxOffset: number;
  readonly cooldownSeconds: number;
}

export type CalibrationPlan =
  | { readonly ok: true; readonly offset: number; readonly message: string }
  | { readonly ok: false; readonly reason: Extract<SuppressionReason, "MAX_OFFSET" | "CALIBRATION_COOLDOWN" | "NO_OFFSET_ESTIMATE">; readonly message: string };

/**
 * The guards of a rule's CALIBRATE, pure: once per cooldown (the sensor's last calibration by
 * anyone), only with an estimate, and never to an offset beyond ±maxOffset (a sensor that needs
 * more needs a person). The new offset is the one in force plus the correction.
 */
export function planCalibration(g: CalibrationGuardInput): CalibrationPlan {
  if (g.lastCalibratedAtMs !== null && g.nowMs - g.lastCalibratedAtMs < g.cooldownSeconds * 1000) {
    const ago = g.nowMs - g.lastCalibratedAtMs;
    return {
      ok: false,
      reason: "CALIBRATION_COOLDOWN",
      message: `${g.sensorId} was calibrated ${formatDuration(ago)} ago; the rule calibrates it at most once per ${formatDuration(g.cooldownSeconds * 1000)} (next in ${formatDuration(g.cooldownSeconds * 1000 - ago)})`,
    };
  }
  const correction = g.estimate.correction;
  if (correction === null || !Number.isFinite(correction)) {
    return { ok: false, reason: "NO_OFFSET_ESTIMATE", message: `no offset estimate for ${g.sensorId} from ${g.estimate.source}; nothing applied` };
  }
  const offset = Number((g.offsetInForce + correction).toPrecision(6));
  if (Math.abs(offset) > g.maxOffset) {
    return {
      ok: false,
      reason: "MAX_OFFSET",
      message: `${g.sensorId} would need offset ${num(offset)} (in force ${num(g.offsetInForce)}, correction ${num(correction)} from ${g.estimate.source}), beyond the rule's maxOffset ±${num(g.maxOffset)}: not applied; a sensor this far off needs a person`,
    };
  }
  return { ok: true, offset, message: `offset ${num(offset)} for ${g.sensorId} (in force ${num(g.offsetInForce)}, correction ${num(correction)} from ${g.estimate.source})` };
}
