import type { SensorKind } from "../domain/sensorKind.js";
import { num } from "./format.js";
import { kindProfile } from "./kindProfiles.js";
import { peerDivergence, relatedEvidence, type PeerReadings } from "./peerEvidence.js";
import { isColumns, type Readings } from "./readingColumns.js";

/** What a drift is blamed on: the sensor (recalibrate it), the world it measures (leave it), or nobody can tell yet. */
export type DriftCause = "SENSOR" | "WORLD" | "UNKNOWN";

export type { PeerReadings } from "./peerEvidence.js";

/** Why a sensor's readings drift, and, when its peers show it, by how much to correct them. */
export interface DriftVerdict {
  readonly cause: DriftCause;
  /**
   * What to add to the sensor's readings now so they agree with its same-kind peers again
   * (their median minus its own value, each at asOf on its fitted line): the correction a
   * recalibration applies. Null unless same-kind peers point at the sensor.
   */
  readonly correction: number | null;
  /** The evidence with its numbers, e.g. "diverges from temp_2 by +0.21/min (…)". */
  readonly evidence: string;
  /** The peers that were compared (same or related kind, same location, with readings in the window). */
  readonly peerIds: readonly string[];
}

/** One sensor's drift to judge, with what it can be compared with; time is passed in. */
export interface DriftQuestion {
  readonly sensorId: string;
  readonly kind: SensorKind;
  /** The drift found (least-squares slope over the window, units per minute); it is significant and above the limit. */
  readonly driftPerMinute: number;
  /** The sensor's drift limit: a divergence from the peers smaller than it is no evidence against the sensor. */
  readonly maxDriftPerMinute: number;
  /** The sensor's readings in (fromMs, asOfMs]. */
  readonly readings: Readings;
  /** Sensors in the same location, their readings over the same window. */
  readonly peers: readonly PeerReadings[];
  readonly fromMs: number;
  readonly asOfMs: number;
}

/**
 * Tells a drifting sensor from a changing world, from the evidence at hand, strongest first:
 * 1. Same-kind peers in the location (`peerDivergence`): if any changes the same way (their
 *    difference grows by less than the drift limit, or not significantly) the world moved —
 *    WORLD. If the sensor diverges from every peer — from at least two, or from one that is
 *    itself steady — the sensor moved: SENSOR, with the correction back to the peers' median.
 *    Two sensors that both drift and diverge cannot say which one is wrong: UNKNOWN.
 * 2. Related kinds (`relatedEvidence`): humidity that moves as the co-located temperature
 *    makes it at a constant dew point is the world (WORLD); a thermometer drifting fast enough
 *    that the co-located relative humidity should move with it, while it holds still, is the
 *    thermometer (SENSOR, no correction: humidity cannot say by how much).
 * 3. The kind's plausible world rates (`worldRatePerMinute`): a drift faster than the world
 *    plausibly keeps changing, kept up for minutes, is the sensor (SENSOR, no correction);
 *    slower, or for too short a span, it may be either, and the twin says so: UNKNOWN.
 * A fitted room plant is weighed later, where recommendations have one (see recommendSensor).
 */
export function judgeDrift(q: DriftQuestion): DriftVerdict {
  const same = q.peers.filter((p) => p.kind === q.kind);
  const compared = peerDivergence(q, same);
  if (compared !== null) return compared;
  const related = relatedEvidence(
    q,
    q.peers.filter((p) => p.kind !== q.kind),
  );
  if (related !== null) return related;
  return judgeByWorldRate(q.kind, q.driftPerMinute, spanMinutes(q.readings), q.peers.length === 0 ? "no co-located peer to compare with" : "its peers cannot tell");
}

/**
 * The world's rates are rates it keeps up for minutes; over a shorter run of readings a door, a
 * gust or a lift moves the level faster than that and back. So a drift is measured against the
 * change the world plausibly makes in the readings' span, but never in less than this.
 */
const WORLD_RATE_MIN_SPAN_MINUTES = 4;

/**
 * The verdict from the kind's plausible world rate alone (no peers): SENSOR when the level moved
 * by more over the readings' span (`spanMinutes`) than the world plausibly moves it in that
 * span, or in WORLD_RATE_MIN_SPAN_MINUTES if the span is shorter; else UNKNOWN.
 */
export function judgeByWorldRate(kind: SensorKind, driftPerMinute: number, spanMinutes: number, context = "no co-located peer to compare with"): DriftVerdict {
  const rate = kindProfile(kind).worldRatePerMinute;
  const drift = `${signed(driftPerMinute)}/min`;
  if (Number.isFinite(rate) && Math.abs(driftPerMinute) > rate) {
    const span = Math.max(0, spanMinutes);
    if (Math.abs(driftPerMinute) * span > rate * Math.max(span, WORLD_RATE_MIN_SPAN_MINUTES)) {
      return { cause: "SENSOR", correction: null, evidence: `${drift} is faster than a ${kind.toLowerCase()} world plausibly keeps changing (±${num(rate)}/min); ${context}`, peerIds: [] };
    }
    return {
      cause: "UNKNOWN",
      correction: null,
      evidence: `${drift} over only ${span < 1 ? `${Math.round(span * 60)} s` : `${num(span)} min`} of readings: faster than a ${kind.toLowerCase()} world keeps changing (±${num(rate)}/min), but one can move that fast for less than ${WORLD_RATE_MIN_SPAN_MINUTES} min, and ${context}: sensor or world cannot be told apart yet`,
      peerIds: [],
    };
  }
  const plausible = Number.isFinite(rate) ? `within the ±${num(rate)}/min a ${kind.toLowerCase()} world plausibly changes` : `any rate is plausible for a ${kind.toLowerCase()} world`;
  return { cause: "UNKNOWN", correction: null, evidence: `${drift} is ${plausible} and ${context}: sensor or world cannot be told apart`, peerIds: [] };
}

/** Minutes from the first to the last of the readings (0 for fewer than two). */
function spanMinutes(readings: Readings): number {
  const times = isColumns(readings) ? readings.timestampsMs : readings.map((p) => p.timestampMs);
  return times.length < 2 ? 0 : ((times[times.length - 1] as number) - (times[0] as number)) / 60_000;
}

function signed(x: number): string {
  return `${x > 0 ? "+" : ""}${num(x)}`;
}
