import type { SensorKind } from "../domain/sensorKind.js";
import { stabilityPercent } from "./stability.js";
import type { WindowStats } from "./windowStats.js";

/** What ranking needs to know about one sensor over the ranking window (windowStartMs, asOfMs]. */
export interface ReliabilityInput {
  readonly sensorId: string;
  readonly kind: SensorKind;
  readonly stats: WindowStats;
  readonly windowStartMs: number;
  readonly asOfMs: number;
  /** The sensor's typical reporting interval (median); null when unknown. */
  readonly typicalIntervalMs: number | null;
  /** The sensor's first reading ever (or in the store); readings before it are not "missing". */
  readonly firstSeenMs?: number | null;
  /** STUCK episodes raised in the window. */
  readonly stuckEpisodes: number;
  /** Other episodes raised in the window, GAP excluded (missing readings count already). */
  readonly alertEpisodes: number;
}

export interface Reliability {
  readonly sensorId: string;
  /** 0–100, higher is better. */
  readonly score: number;
  readonly stabilityPercent: number | null;
  readonly expectedReadings: number;
  /** 0..1: share of expected readings that did not arrive. */
  readonly missingFraction: number;
  readonly stuckEpisodes: number;
  readonly alertEpisodes: number;
}

const RELIABILITY_WEIGHTS = Object.freeze({ noise: 40, missing: 30, perStuck: 10, maxStuck: 20, perAlert: 2, maxAlerts: 10 });

/** Readings the sensor should have sent in the window at its typical interval (≥ 1 once it exists). */
export function expectedReadings(input: Pick<ReliabilityInput, "windowStartMs" | "asOfMs" | "typicalIntervalMs" | "firstSeenMs">): number {
  const from = Math.max(input.windowStartMs, input.firstSeenMs ?? input.windowStartMs);
  if (input.typicalIntervalMs === null || !(input.typicalIntervalMs > 0) || !(input.asOfMs > from)) return 0;
  return Math.floor((input.asOfMs - from) / input.typicalIntervalMs);
}

/**
 * A unit-free reliability score:
 * `100 − 40·(1 − stability/100) − 30·missing − min(20, 10·stuck) − min(10, 2·alerts)`, clamped
 * to 0..100, where stability is the unit-aware `stabilityPercent` (noise relative to the kind's
 * scale; 0 when unknown), missing = max(0, 1 − readings / expected) with expected = the window
 * (from the sensor's first reading) divided by its typical interval, stuck = STUCK episodes and
 * alerts = other anomaly episodes (GAP excluded) raised in the window. A silent sensor scores ≤ 30.
 */
export function reliabilityScore(input: ReliabilityInput): Reliability {
  const w = RELIABILITY_WEIGHTS;
  const stability = stabilityPercent(input.stats, input.kind);
  const expected = expectedReadings(input);
  const missing = expected > 0 ? Math.max(0, Math.min(1, 1 - input.stats.count / expected)) : input.stats.count > 0 ? 0 : 1;
  const raw = 100 - w.noise * (1 - (stability ?? 0) / 100) - w.missing * missing - Math.min(w.maxStuck, w.perStuck * input.stuckEpisodes) - Math.min(w.maxAlerts, w.perAlert * input.alertEpisodes);
  return {
    sensorId: input.sensorId,
    score: Math.max(0, Math.min(100, raw)),
    stabilityPercent: stability,
    expectedReadings: expected,
    missingFraction: missing,
    stuckEpisodes: input.stuckEpisodes,
    alertEpisodes: input.alertEpisodes,
  };
}

/** Scores and orders sensors best first; equal scores by sensorId so the order is stable. */
export function rankByReliability(inputs: readonly ReliabilityInput[]): Reliability[] {
  return inputs.map(reliabilityScore).sort((a, b) => b.score - a.score || (a.sensorId < b.sensorId ? -1 : a.sensorId > b.sensorId ? 1 : 0));
}
