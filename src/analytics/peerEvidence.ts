import type { SensorKind } from "../domain/sensorKind.js";
import { meansPerStep, type Step } from "./climate/climateHours.js";
import { MAGNUS } from "./climate/psychrometrics.js";
import { SLOPE_T_CRITICAL } from "./direction.js";
import type { DriftQuestion, DriftVerdict } from "./driftCause.js";
import { num } from "./format.js";
import { kindProfile } from "./kindProfiles.js";
import type { Readings } from "./readingColumns.js";

/** A co-located sensor's readings over the window of the sensor being judged. */
export interface PeerReadings {
  readonly sensorId: string;
  readonly kind: SensorKind;
  readonly readings: Readings;
}

/** The window is compared in this many slices: bucket means average the noise away and align sensors sampled at different instants. */
const BUCKETS = 10;
/** Slices both series need readings in before a comparison counts. */
const MIN_COMMON_BUCKETS = 4;

interface Line {
  readonly slope: number;
  readonly stdErr: number;
  readonly at: (timeMs: number) => number;
}

/** Least-squares line through (t, y) with t in minutes; null with fewer than 3 points. */
function fitLine(times: readonly number[], ys: readonly number[]): Line | null {
  const n = times.length;
  if (n < 3) return null;
  const tm = times.reduce((a, b) => a + b, 0) / n;
  const ym = ys.reduce((a, b) => a + b, 0) / n;
  let stt = 0;
  let sty = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dt = (times[i] as number) - tm;
    const dy = (ys[i] as number) - ym;
    stt += dt * dt;
    sty += dt * dy;
    syy += dy * dy;
  }
  if (!(stt > 0)) return null;
  const slope = sty / stt;
  const stdErr = Math.sqrt(Math.max(0, syy - slope * sty) / (n - 2) / stt);
  return { slope, stdErr, at: (timeMs) => ym + slope * (timeMs / 60_000 - tm) };
}

const significant = (line: Line): boolean => Math.abs(line.slope) > SLOPE_T_CRITICAL * line.stdErr;

function steps(fromMs: number, toMs: number): Step[] {
  const width = (toMs - fromMs) / BUCKETS;
  return Array.from({ length: BUCKETS }, (_, i) => ({ startMs: fromMs + i * width, endMs: i === BUCKETS - 1 ? toMs : fromMs + (i + 1) * width }));
}

/** The line through f(own, peer) per slice where both have readings; null with too few common slices. */
function pairedLine(own: ReadonlyArray<number | null>, peer: ReadonlyArray<number | null>, slices: readonly Step[], f: (a: number, b: number) => number): Line | null {
  const times: number[] = [];
  const ys: number[] = [];
  slices.forEach((s, i) => {
    const a = own[i];
    const b = peer[i];
    if (a === null || a === undefined || b === null || b === undefined) return;
    times.push((s.startMs + s.endMs) / 2 / 60_000);
    ys.push(f(a, b));
  });
  return times.length < MIN_COMMON_BUCKETS ? null : fitLine(times, ys);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const signed = (x: number): string => `${x > 0 ? "+" : ""}${num(x)}`;

/**
 * Same-kind peers: per peer, the line through the slice-by-slice difference (sensor − peer).
 * A difference that grows significantly and faster than the drift limit is a divergence. Any
 * peer that does not diverge changes as the sensor does: WORLD. Diverging from all of at least
 * two peers, or from one peer that holds steady itself: SENSOR, correction = −(median gap at
 * asOf). One peer that drifts too, differently: UNKNOWN. Null when no peer has enough readings.
 */
export function peerDivergence(q: DriftQuestion, peers: readonly PeerReadings[]): DriftVerdict | null {
  const slices = steps(q.fromMs, q.asOfMs);
  const own = meansPerStep(q.readings, slices);
  const limit = q.maxDriftPerMinute;
  const compared = peers.flatMap((p) => {
    const means = meansPerStep(p.readings, slices);
    const difference = pairedLine(own, means, slices, (a, b) => a - b);
    const level = pairedLine(own, means, slices, (_a, b) => b);
    if (difference === null || level === null) return [];
    const diverges = significant(difference) && Math.abs(difference.slope) > limit;
    const steady = !(significant(level) && Math.abs(level.slope) > limit);
    return [{ sensorId: p.sensorId, difference, level, diverges, steady, gap: difference.at(q.asOfMs) }];
  });
  if (compared.length === 0) return null;
  const peerIds = compared.map((c) => c.sensorId);
  const agreeing = compared.filter((c) => !c.diverges);
  if (agreeing.length > 0) {
    const list = agreeing.map((c) => `${c.sensorId} (difference ${signed(c.difference.slope)}/min)`).join(", ");
    return { cause: "WORLD", correction: null, evidence: `its co-located ${agreeing.length === 1 ? "peer" : "peers"} ${list} change the same way, within the ±${num(limit)}/min drift limit`, peerIds };
  }
  const describe = compared.map((c) => `${c.sensorId} by ${signed(c.difference.slope)}/min (now ${signed(c.gap)} apart)`).join(", ");
  const only = compared[0];
  if (compared.length === 1 && only !== undefined && !only.steady) {
    return {
      cause: "UNKNOWN",
      correction: null,
      evidence: `it diverges from ${describe}, but ${only.sensorId} drifts too (${signed(only.level.slope)}/min): with two sensors which one is wrong cannot be told; add a third or compare with a reference`,
      peerIds,
    };
  }
  const correction = -median(compared.map((c) => c.gap));
  const peersSteady = compared.length === 1 ? `, while ${only?.sensorId} holds steady (${signed(only?.level.slope ?? 0)}/min)` : "";
  return { cause: "SENSOR", correction, evidence: `it diverges from ${describe}${peersSteady}: a correction of ${signed(correction)} brings it back to its peers`, peerIds };
}

/** ∂ln(e_s)/∂T at `celsius` (1/°C): how fast relative humidity falls per degree at a constant dew point. */
function magnusSensitivity(celsius: number): number {
  return (MAGNUS.a * MAGNUS.b) / (MAGNUS.b + celsius) ** 2;
}

/**
 * Related kinds: relative humidity at a constant dew point moves with temperature,
 * dRH/dt = −RH · a·b/(b+T)² · dT/dt (Magnus). A humidity drift that the co-located temperature's
 * change accounts for, or a temperature drift that the co-located humidity follows as it should,
 * is the world: WORLD. Anything else proves nothing (people and kettles add moisture): null.
 */
export function relatedEvidence(q: DriftQuestion, peers: readonly PeerReadings[]): DriftVerdict | null {
  const humidity = q.kind === "HUMIDITY";
  const partner = peers.find((p) => p.kind === (humidity ? "TEMPERATURE" : q.kind === "TEMPERATURE" ? "HUMIDITY" : "none"));
  if (partner === undefined) return null;
  const slices = steps(q.fromMs, q.asOfMs);
  const own = meansPerStep(q.readings, slices);
  const theirs = meansPerStep(partner.readings, slices);
  const [rhMeans, tMeans] = humidity ? [own, theirs] : [theirs, own];
  const rh = pairedLine(rhMeans, tMeans, slices, (a) => a);
  const t = pairedLine(rhMeans, tMeans, slices, (_a, b) => b);
  if (rh === null || t === null) return null;
  const midMs = (q.fromMs + q.asOfMs) / 2;
  const rhMid = rh.at(midMs);
  const expectedRh = -rhMid * magnusSensitivity(t.at(midMs)) * t.slope;
  const rhLimit = kindProfile("HUMIDITY").maxDriftPerMinute;
  const explained = Math.abs(rh.slope - expectedRh) <= Math.max(rhLimit / 2, SLOPE_T_CRITICAL * rh.stdErr);
  // Only a change big enough to see tells anything: a steady partner "agrees" with anything small.
  if (!explained || Math.abs(expectedRh) <= rhLimit / 2) return null;
  const evidence = humidity
    ? `it moves as ${partner.sensorId}'s ${signed(t.slope)} °C/min makes it at a constant dew point (expected ${signed(expectedRh)} %RH/min)`
    : `the co-located ${partner.sensorId} moves by ${signed(rh.slope)} %RH/min, as this temperature change makes it at a constant dew point (expected ${signed(expectedRh)})`;
  return { cause: "WORLD", correction: null, evidence, peerIds: [partner.sensorId] };
}
