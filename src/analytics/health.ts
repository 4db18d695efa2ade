import type { ActiveEpisode, Severity } from "../domain/anomalyTypes.js";
import type { HealthThresholds } from "./thresholds.js";
import type { Traits } from "./traits.js";

export type HealthStatus = "HEALTHY" | "DEGRADED" | "FAILED";

export interface Health {
  readonly status: HealthStatus;
  /** 0–100. */
  readonly score: number;
  /** Human-readable reasons for every point deducted. */
  readonly issues: readonly string[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { HIGH: 3, MEDIUM: 2, LOW: 1 };

const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

/**
 * Scores a sensor from its traits: start at 100 and deduct
 * - `unstable` (20) when stability < `minStabilityPercent` (70 %),
 * - `drifting` (20) when |drift| > `maxDriftPerMinute`, the slope is significant (> 3 SE) and the
 *   evidence blames the sensor (`driftCause` SENSOR): a world that changes is no fault of it,
 *   and a drift nobody can pin on the sensor (UNKNOWN) costs it nothing either,
 * - `stale` (30) when silent for longer than the stale limit (`Traits.staleLimitMs`: the fixed
 *   override, else max(5 s, 3 × typical interval)),
 * - the worst open anomaly episode other than GAP (silence is already `stale`): HIGH 30,
 *   MEDIUM 20, LOW 10 — so any stuck, spiking or out-of-range sensor is at most DEGRADED.
 * HEALTHY when score > `healthyAbove` (80), DEGRADED when > `degradedAbove` (50), else FAILED.
 */
export function assessHealth(traits: Traits, thresholds: HealthThresholds, activeEpisodes: readonly ActiveEpisode[] = []): Health {
  const p = thresholds.penalties;
  const issues: string[] = [];
  let score = 100;
  if (traits.stabilityPercent !== null && traits.stabilityPercent < thresholds.minStabilityPercent) {
    score -= p.unstable;
    issues.push(`Unstable (std_dev ${fmt(traits.residualStdDev ?? 0)} around the trend: stability ${traits.stabilityPercent.toFixed(0)} % < ${thresholds.minStabilityPercent} %)`);
  }
  const drift = traits.driftPerMinute;
  if (drift !== null && traits.driftSignificant && Math.abs(drift) > thresholds.maxDriftPerMinute && traits.driftCause === "SENSOR") {
    score -= p.drifting;
    const evidence = traits.driftEvidence === null ? "" : `: ${traits.driftEvidence}`;
    issues.push(`Drifting (${drift > 0 ? "+" : ""}${fmt(drift)}/min, limit ±${fmt(thresholds.maxDriftPerMinute)}/min; cause SENSOR${evidence})`);
  }
  const staleLimit = thresholds.staleAfterMs ?? traits.staleLimitMs;
  if (traits.freshnessSeconds === null || traits.freshnessSeconds * 1000 > staleLimit) {
    score -= p.stale;
    issues.push(traits.freshnessSeconds === null ? "Stale (no reading yet)" : `Stale (last reading ${fmt(traits.freshnessSeconds)} s ago, limit ${fmt(staleLimit / 1000)} s)`);
  }
  const worst = activeEpisodes.filter((e) => e.type !== "GAP").reduce<ActiveEpisode | null>((w, e) => (w === null || SEVERITY_RANK[e.severity] > SEVERITY_RANK[w.severity] ? e : w), null);
  if (worst !== null) {
    score -= worst.severity === "HIGH" ? p.anomalyHigh : worst.severity === "MEDIUM" ? p.anomalyMedium : p.anomalyLow;
    issues.push(`Anomaly (${worst.type}, ${worst.severity} since ${new Date(worst.raisedAtMs).toISOString()}: ${worst.message})`);
  }
  score = Math.max(0, Math.min(100, score));
  const status: HealthStatus = score > thresholds.healthyAbove ? "HEALTHY" : score > thresholds.degradedAbove ? "DEGRADED" : "FAILED";
  return { status, score, issues };
}
