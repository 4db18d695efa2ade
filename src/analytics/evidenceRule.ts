import type { AnomalyEvent, AnomalyType, Severity } from "../domain/anomalyTypes.js";
import type { DetectorOptions } from "./detectorOptions.js";
import { EpisodeBook } from "./episodes.js";
import type { EnsembleVerdict, StreamEvidence } from "./evidenceEnsemble.js";
import { evidenceMessage, typeEvidence, verdictType } from "./evidenceMessage.js";

/** Types an ensemble episode can have: point anomalies may be HIGH, changes of regime at most MEDIUM. */
const POINT_TYPES: ReadonlySet<AnomalyType> = new Set(["SPIKE", "RAPID_CHANGE"]);

/**
 * The evidence threshold for a sensor reporting every `intervalMs`: `evidenceThreshold` at
 * `evidenceIntervalMs` (5 min); for faster sensors less, as (interval ratio)^1.25 — a little more
 * than a false-alarm budget per unit of time (ratio¹ alone would still alarm a healthy 1 Hz sensor
 * about once a week: its readings oversample its process, they are not 300 times the evidence of
 * a 5-minute one's) — and for slower ones more, as (interval ratio)^0.5 (an hourly series gets
 * fewer alarms per day than a 5-minute one, but more per reading).
 */
export function evidenceThresholdFor(o: Pick<DetectorOptions, "evidenceThreshold" | "evidenceIntervalMs" | "slowIntervalExponent" | "fastIntervalExponent">, intervalMs: number | null): number {
  const ratio = intervalMs === null || !(intervalMs > 0) ? 1 : intervalMs / o.evidenceIntervalMs;
  return o.evidenceThreshold * Math.pow(ratio, ratio < 1 ? o.fastIntervalExponent : o.slowIntervalExponent);
}

/**
 * Turns the ensemble's verdicts into episodes (their own `EpisodeBook`): an episode opens on a
 * reading whose evidence is below the threshold, typed by its strongest scorer (`verdictType`),
 * unless one of that type is open or any opened fewer than `refractoryReadings` readings ago
 * (the after-shocks of one event are not new events). An open episode holds while the streams of
 * its own type still see something (`typeEvidence` below `holdFactor` × the threshold) — so a spike
 * in the middle of a level shift is its own episode and clears while the level stays shifted —
 * and clears as every episode does (absent for `clearReadings` readings and `clearMs`).
 *
 * Severity from how far the strongest score lies beyond the stream's history, in units of the
 * gap between an ordinary block's largest score and the largest one before (ρ): LOW below 2,
 * MEDIUM from 2, HIGH from 4 for a spike or a step; a level shift, a change of the noise or of
 * the daily pattern is at most MEDIUM (the world changes too: a heater that runs, a holiday).
 */
export class EvidenceRule {
  private readonly episodes: EpisodeBook;
  private sinceRaise = Number.POSITIVE_INFINITY;
  /** Types with an open episode, in opening order. */
  private open: AnomalyType[] = [];

  constructor(
    sensorId: string,
    private readonly o: DetectorOptions,
  ) {
    this.episodes = new EpisodeBook(sensorId, o.clearReadings, o.clearMs);
  }

  /** Feeds one reading's verdict; returns the episode edges it causes (a clearing, an opening). */
  observe(t: number, x: number, v: EnsembleVerdict, threshold: number, floor: number): AnomalyEvent[] {
    this.sinceRaise += 1;
    const events: AnomalyEvent[] = [];
    for (const type of this.open) {
      const holds = typeEvidence(v, type) < this.o.holdFactor * threshold;
      const event = this.episodes.observe(type, null, holds, t, x);
      if (event !== null) {
        events.push(event);
        this.open = this.open.filter((o) => o !== type);
      }
    }
    if (!(v.evidence < threshold) || this.sinceRaise <= this.o.refractoryReadings || v.strongest === null) return events;
    const type = verdictType(v, threshold);
    if (this.episodes.isOpen(type)) return events;
    const trigger = { severity: severityOf(type, v.strongest, floor), message: evidenceMessage(v, x, threshold, this.o.calibrationReadings), timestampMs: t, value: x };
    const event = this.episodes.raise(type, trigger);
    if (event !== null) {
      events.push(event);
      this.open.push(type);
      this.sinceRaise = 0;
    }
    return events;
  }

  active(): ReturnType<EpisodeBook["active"]> {
    return this.episodes.active();
  }
}
function severityOf(type: AnomalyType, e: StreamEvidence, floor: number): Severity {
  const spread = Math.max(e.largest - e.typical, floor, Number.MIN_VALUE);
  const rho = (e.score - e.typical) / spread;
  if (rho >= 4 && POINT_TYPES.has(type)) return "HIGH";
  return rho >= 2 ? "MEDIUM" : "LOW";
}
