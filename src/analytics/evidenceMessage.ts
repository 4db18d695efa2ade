import type { AnomalyType } from "../domain/anomalyTypes.js";
import type { EnsembleVerdict, StreamEvidence } from "./evidenceEnsemble.js";
import { num } from "./format.js";
import { STREAM_INDEX, STREAMS, WINDOWS, type StreamName } from "./scoreFeatures.js";

/** The anomaly type each scorer's stream stands for. */
const STREAM_TYPE: Readonly<Record<StreamName, AnomalyType>> = {
  spike: "SPIKE",
  step: "RAPID_CHANGE",
  shift: "LEVEL_SHIFT",
  slowShift: "LEVEL_SHIFT",
  volatility: "DISTRIBUTION_CHANGE",
  calm: "DISTRIBUTION_CHANGE",
  noiseShift: "DISTRIBUTION_CHANGE",
  daily: "SEASONAL_BREAK",
  weekly: "SEASONAL_BREAK",
  high1: "LEVEL_SHIFT",
  low1: "LEVEL_SHIFT",
  high16: "LEVEL_SHIFT",
  low16: "LEVEL_SHIFT",
  high64: "LEVEL_SHIFT",
  low64: "LEVEL_SHIFT",
};

/** Single-reading streams: when one of them is strongest, the reading itself is what is odd. */
const POINT_STREAMS: ReadonlySet<StreamName> = new Set(["spike", "step", "high1", "low1", "daily", "weekly"]);

/**
 * The episode type of a verdict: the strongest stream's, except that a reading that is on its own
 * far from its neighbours (the spike stream alone within 100 × of the threshold) while a
 * single-reading stream is strongest is a SPIKE: a spike moves its step, its range and its
 * distance from yesterday too, and whichever of them is strongest it stays one spike.
 */
export function verdictType(v: EnsembleVerdict, threshold: number): AnomalyType {
  const first = v.strongest?.stream;
  if (first === undefined) return "SPIKE";
  if (POINT_STREAMS.has(first) && (v.probabilities[STREAM_INDEX.spike] as number) * STREAMS.length < 100 * threshold) return "SPIKE";
  return STREAM_TYPE[first];
}

/** The smallest probability among the streams of a type, times the number of streams (1: none of them sees anything). */
export function typeEvidence(v: EnsembleVerdict, type: AnomalyType): number {
  let min = 1;
  for (let i = 0; i < STREAMS.length; i++) if (STREAM_TYPE[STREAMS[i] as StreamName] === type) min = Math.min(min, v.probabilities[i] as number);
  return Math.min(1, min * STREAMS.length);
}

const p = (x: number): string => (x < 1e-3 ? x.toExponential(1) : num(x));

/** One stream's finding in words, with its numbers. */
function describeStream(e: StreamEvidence, v: EnsembleVerdict, x: number, calibrationReadings: number): string {
  const c = v.context;
  const before = `the largest in the last ${calibrationReadings} readings was ${num(sign(e.stream) * e.largest)}`;
  switch (e.stream) {
    case "spike":
      return `spike: value ${num(x)} is ${num(e.score)} from ${num(c.spikeMedian)}, where its previous ${WINDOWS.spike} readings put it (${before}; P ${p(e.probability)})`;
    case "step":
      return `step: the value moved ${num(e.score)} from the previous reading (${num(c.previous)} → ${num(x)}; ${before}; P ${p(e.probability)})`;
    case "shift":
      return `level shift: median of the latest ${WINDOWS.shiftRecent} readings ${num(c.recentMedian)} against ${num(c.beforeMedian)} over the ${WINDOWS.shiftBefore} before, a shift of ${num(e.score)} (${before}; P ${p(e.probability)})`;
    case "slowShift":
      return `level shift: median of the latest ${WINDOWS.slowRecent} readings ${num(c.slowRecentMedian)} against ${num(c.slowBeforeMedian)} over the ${WINDOWS.slowBefore} before, a shift of ${num(e.score)} (${before}; P ${p(e.probability)})`;
    case "volatility":
      return `volatility: the median change between readings grew to ${num(e.score)} over the latest ${WINDOWS.volatility} (${before}; P ${p(e.probability)})`;
    case "calm":
      return `calm: the median change between readings fell to ${num(-e.score)} over the latest ${WINDOWS.volatility} (the smallest in the last ${calibrationReadings} readings was ${num(-e.largest)}; P ${p(e.probability)})`;
    case "noiseShift":
      return `noise: the median change between readings is ${num(c.volatility)} over the latest ${WINDOWS.volatility} against ${num(c.volatilityBefore)} over the ${WINDOWS.noiseBefore} before, ${num(Math.exp(e.score))} times ${c.volatility > c.volatilityBefore ? "larger" : "smaller"} (the largest ratio in the last ${calibrationReadings} readings was ${num(Math.exp(e.largest))}; P ${p(e.probability)})`;
    case "daily":
      return `time of day: value ${num(x)} against ${num(c.dailyLevel)}, the median at this time on ${c.dailyDays} of the last 7 days, off by ${num(e.score)} (${before}; P ${p(e.probability)})`;
    case "weekly":
      return `day of week: value ${num(x)} against ${num(c.weeklyLevel)}, the median at this time of the week on ${c.weeklyDays} of the last 2 weeks, off by ${num(e.score)} (${before}; P ${p(e.probability)})`;
    case "high1":
    case "low1":
      return `range: value ${num(x)} is ${e.stream === "high1" ? "above" : "below"} its usual range (the ${e.stream === "high1" ? "highest" : "lowest"} in the last ${calibrationReadings} readings was ${num(sign(e.stream) * e.largest)}; P ${p(e.probability)})`;
    case "high16":
    case "low16":
    case "high64":
    case "low64": {
      const n = e.stream.endsWith("16") ? WINDOWS.mean16 : WINDOWS.mean64;
      const up = e.stream.startsWith("high");
      return `level: the mean of the latest ${n} readings ${num(n === WINDOWS.mean16 ? c.mean16 : c.mean64)} is ${up ? "above" : "below"} its usual range (the ${up ? "highest" : "lowest"} in the last ${calibrationReadings} readings was ${num(sign(e.stream) * e.largest)}; P ${p(e.probability)})`;
    }
  }
}

/** The message of a raised ensemble episode: which scorers fired and why, and how it compares with the threshold. */
export function evidenceMessage(v: EnsembleVerdict, x: number, threshold: number, calibrationReadings: number): string {
  const parts = [v.strongest, v.second].filter((e): e is StreamEvidence => e !== null).map((e) => describeStream(e, v, x, calibrationReadings));
  return `${parts.join("; with ")}; combined evidence ${p(v.evidence)} below the threshold ${p(threshold)}`;
}

/** Streams scoring a negated quantity (a low level, a calm signal) report it with its sign restored. */
function sign(stream: StreamName): number {
  return stream === "calm" || stream.startsWith("low") ? -1 : 1;
}
