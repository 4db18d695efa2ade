import type { AnomalyEvent } from "../domain/anomalyTypes.js";
import { checkAgreement, type AgreementCheck } from "../analytics/calibrationCheck.js";
import { atLevel, kindProfile } from "../analytics/kindProfiles.js";
import type { ReadingColumns } from "../analytics/readingColumns.js";
import type { Logger } from "../log.js";
import type { SensorKind } from "../domain/sensorKind.js";

const MINUTE_MS = 60_000;
/** How long after a calibration the sensor is watched. */
const VERIFY_FOR_MS = 60 * MINUTE_MS;
/** Readings this soon after the calibration may still be the old offset (in flight, averaging). */
const SETTLE_MS = 2 * MINUTE_MS;
/** Each check compares the last this-many minutes. */
const SPAN_MS = 5 * MINUTE_MS;

/** A calibration to verify: the sensor against the sensors it was calibrated to agree with. */
export interface CalibrationWatch {
  readonly sensorId: string;
  readonly referenceIds: readonly string[];
  /** When the offset took effect (sensor time). */
  readonly appliedAtMs: number;
  readonly calibrationId: string;
  readonly ruleId: string | null;
}

interface Watching extends CalibrationWatch {
  nextCheckMs: number;
}

/**
 * Verifies calibrations over the hour after them: every 5 min (after 2 min to settle) the
 * sensor's last 5 minutes are compared with its references (`checkAgreement`, tolerance = the
 * kind's smallest meaningful change). The first disagreement raises a CALIBRATION_MISMATCH
 * alert and ends the watch; agreement at the end of the hour ends it quietly (and clears an
 * earlier mismatch alert of the sensor). Time is each sensor's own (its newest reading).
 */
export class CalibrationVerifier {
  private readonly watches = new Map<string, Watching>();
  /** An open mismatch alert per sensor (its episode key), cleared by a later calibration that holds. */
  private readonly mismatches = new Map<string, string>();

  constructor(
    private readonly deps: {
      readonly series: (sensorId: string, fromMs: number, toMs: number) => Promise<ReadingColumns>;
      readonly kindOf: (sensorId: string) => Promise<SensorKind>;
      /** The sensor's time now: its newest reading (null if none); the host clock is not the sensor's. */
      readonly nowOf: (sensorId: string) => number | null;
      readonly raise: (events: readonly AnomalyEvent[]) => void;
      readonly log: Logger;
    },
  ) {}

  /** Starts watching a calibration (a newer one of the same sensor replaces it). */
  watch(w: CalibrationWatch): void {
    this.watches.set(w.sensorId, { ...w, nextCheckMs: w.appliedAtMs + SETTLE_MS + SPAN_MS });
  }

  get watching(): number {
    return this.watches.size;
  }

  /** Checks every watch that is due; returns what each check found. */
  async check(): Promise<AgreementCheck[]> {
    const found: AgreementCheck[] = [];
    for (const w of [...this.watches.values()]) {
      const now = this.deps.nowOf(w.sensorId);
      if (now === null || now < w.nextCheckMs) continue;
      const end = Math.min(now, w.appliedAtMs + VERIFY_FOR_MS);
      const from = Math.max(w.appliedAtMs + SETTLE_MS, end - SPAN_MS);
      const [own, references, kind] = await Promise.all([
        this.deps.series(w.sensorId, from, end),
        Promise.all(w.referenceIds.map(async (id) => ({ sensorId: id, readings: await this.deps.series(id, from, end) }))),
        this.deps.kindOf(w.sensorId),
      ]);
      const tolerance = atLevel(kindProfile(kind).trendMinChange, own.values[0] ?? null);
      const result = checkAgreement(w.sensorId, own, references, from, end, tolerance);
      found.push(result);
      const last = end >= w.appliedAtMs + VERIFY_FOR_MS;
      if (result.verdict === "DISAGREES" || (last && result.verdict === "UNKNOWN")) {
        this.watches.delete(w.sensorId);
        this.alert(w, end, result);
      } else if (last) {
        this.watches.delete(w.sensorId);
        this.deps.log.info(`calibration ${w.calibrationId} of ${w.sensorId} verified: ${result.message}`);
        this.clearMismatch(w.sensorId, end);
      } else {
        w.nextCheckMs = end + SPAN_MS;
      }
    }
    return found;
  }

  private alert(w: CalibrationWatch, atMs: number, result: AgreementCheck): void {
    const minutes = Math.round((atMs - w.appliedAtMs) / MINUTE_MS);
    const message =
      result.verdict === "DISAGREES"
        ? `the calibration ${w.calibrationId}${w.ruleId === null ? "" : ` by rule ${w.ruleId}`} did not hold: ${minutes} min after it, ${result.message}; inspect or replace the sensor`
        : `the calibration ${w.calibrationId}${w.ruleId === null ? "" : ` by rule ${w.ruleId}`} could not be verified within the hour: ${result.message}`;
    this.deps.log.warn(message, { sensorId: w.sensorId });
    this.clearMismatch(w.sensorId, atMs);
    const episodeKey = `${w.sensorId}:CALIBRATION_MISMATCH:${atMs}`;
    this.mismatches.set(w.sensorId, episodeKey);
    this.deps.raise([
      {
        phase: "raised",
        sensorId: w.sensorId,
        type: "CALIBRATION_MISMATCH",
        severity: result.verdict === "DISAGREES" ? "HIGH" : "LOW",
        message,
        timestampMs: atMs,
        value: result.difference,
        episodeKey,
      },
    ]);
  }

  private clearMismatch(sensorId: string, atMs: number): void {
    const open = this.mismatches.get(sensorId);
    if (open === undefined) return;
    this.mismatches.delete(sensorId);
    this.deps.raise([{ phase: "cleared", sensorId, type: "CALIBRATION_MISMATCH", severity: "HIGH", message: "a later calibration holds", timestampMs: atMs, value: null, episodeKey: open }]);
  }
}
