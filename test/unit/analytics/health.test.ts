import { describe, expect, it } from "vitest";
import type { ActiveEpisode } from "../../../src/domain/anomalyTypes.js";
import { assessHealth } from "../../../src/analytics/health.js";
import { resolveThresholds, ThresholdError } from "../../../src/analytics/thresholds.js";
import type { Traits } from "../../../src/analytics/traits.js";

const steady: Traits = {
  readingCount: 600,
  mean: 21,
  stdDev: 0.05,
  residualStdDev: 0.05,
  stabilityPercent: 95,
  driftPerMinute: 0.001,
  driftSignificant: false,
  driftCause: null,
  driftEvidence: null,
  driftCorrection: null,
  freshnessSeconds: 1,
  freshness: "FRESH",
  staleLimitMs: 5000,
  typicalIntervalMs: 1000,
  trend: "STABLE",
  anomaly: false,
  current: 21,
};
const episode = (type: ActiveEpisode["type"], severity: ActiveEpisode["severity"]): ActiveEpisode => ({
  episodeKey: `s:${type}:0`,
  type,
  severity,
  message: "test",
  raisedAtMs: 0,
  lastSeenMs: 0,
});

describe("assessHealth", () => {
  const t = resolveThresholds("TEMPERATURE");

  it("scores a steady, fresh sensor 100 and HEALTHY", () => {
    expect(assessHealth(steady, t)).toEqual({ status: "HEALTHY", score: 100, issues: [] });
  });

  it("deducts 20 for instability, 20 for significant drift and 30 for staleness", () => {
    const unstable = assessHealth({ ...steady, stabilityPercent: 60, residualStdDev: 0.4 }, t);
    expect(unstable.score).toBe(80);
    expect(unstable.status).toBe("DEGRADED"); // HEALTHY needs > 80
    expect(unstable.issues[0]).toMatch(/^Unstable \(std_dev 0\.40/);
    const onSensor = { driftSignificant: true, driftCause: "SENSOR", driftEvidence: "it diverges from temp_2 by +0.2/min" } as const;
    const drifting = assessHealth({ ...steady, driftPerMinute: 0.2, ...onSensor }, t);
    expect(drifting.score).toBe(80);
    expect(drifting.issues[0]).toBe("Drifting (+0.20/min, limit ±0.10/min; cause SENSOR: it diverges from temp_2 by +0.2/min)");
    // A drift blamed on the world, or that nobody can pin on the sensor, costs it nothing.
    expect(assessHealth({ ...steady, driftPerMinute: 0.2, driftSignificant: true, driftCause: "WORLD", driftEvidence: "its peers change too" }, t).score).toBe(100);
    expect(assessHealth({ ...steady, driftPerMinute: 0.2, driftSignificant: true, driftCause: "UNKNOWN", driftEvidence: "no peer" }, t)).toMatchObject({ score: 100, issues: [] });
    // A large slope that is not significant against the noise is not drift.
    expect(assessHealth({ ...steady, driftPerMinute: 0.2, driftSignificant: false }, t).score).toBe(100);
    const stale = assessHealth({ ...steady, freshnessSeconds: 6, freshness: "STALE" }, t);
    expect(stale.score).toBe(70);
    expect(stale.issues[0]).toMatch(/^Stale \(last reading 6\.00 s ago, limit 5\.00 s\)/);
    const all = assessHealth({ ...steady, stabilityPercent: 10, driftPerMinute: -1, ...onSensor, freshnessSeconds: 60 }, t);
    expect(all).toMatchObject({ score: 30, status: "FAILED" });
    expect(all.issues).toHaveLength(3);
  });

  it("uses the stale limit derived from the sensor's own interval", () => {
    const minutely = { ...steady, typicalIntervalMs: 60_000, staleLimitMs: 180_000, freshnessSeconds: 90 };
    expect(assessHealth(minutely, t).score).toBe(100);
    expect(assessHealth({ ...minutely, freshnessSeconds: 200 }, t).score).toBe(70);
  });

  it("charges the worst open anomaly, but not a GAP (staleness covers silence)", () => {
    expect(assessHealth(steady, t, [episode("STUCK", "MEDIUM")])).toMatchObject({ score: 80, status: "DEGRADED" });
    expect(assessHealth(steady, t, [episode("GAP", "LOW"), episode("SPIKE", "MEDIUM"), episode("OUT_OF_RANGE", "HIGH")]).score).toBe(70);
    expect(assessHealth(steady, t, [episode("GAP", "LOW")]).score).toBe(100);
    expect(assessHealth(steady, t, [episode("SPIKE", "LOW")]).issues[0]).toMatch(/^Anomaly \(SPIKE, LOW/);
  });

  it("applies per-kind defaults, then per-kind and per-sensor overrides in order", () => {
    expect(resolveThresholds("CO2").maxDriftPerMinute).toBe(10);
    const co2Drift = { ...steady, mean: 600, driftPerMinute: 5, driftSignificant: true, driftCause: "SENSOR" as const };
    expect(assessHealth(co2Drift, resolveThresholds("CO2")).score).toBe(100); // 5 ppm/min is fine for CO2
    expect(assessHealth(co2Drift, resolveThresholds("TEMPERATURE")).score).toBe(80); // 5 °C/min is not
    const kindLayer = { minStabilityPercent: 90, penalties: { unstable: 40 } };
    const sensorLayer = { minStabilityPercent: 50, staleAfterMs: 60_000 };
    const resolved = resolveThresholds("TEMPERATURE", kindLayer, sensorLayer);
    expect(resolved).toMatchObject({ minStabilityPercent: 50, staleAfterMs: 60_000 });
    expect(resolved.penalties.unstable).toBe(40);
    expect(resolved.penalties.stale).toBe(30);
    expect(assessHealth({ ...steady, stabilityPercent: 60 }, resolved).score).toBe(100);
    expect(assessHealth({ ...steady, stabilityPercent: 40 }, resolved).score).toBe(60);
    expect(assessHealth({ ...steady, freshnessSeconds: 30 }, resolved).score).toBe(100); // 30 s < the sensor's 60 s
    expect(resolveThresholds("TEMPERATURE", { minStabilityPercent: undefined }).minStabilityPercent).toBe(70);
  });

  it("refuses thresholds that would make scoring meaningless, naming the field", () => {
    expect(() => resolveThresholds("TEMPERATURE", { minStabilityPercent: 120 })).toThrow(ThresholdError);
    expect(() => resolveThresholds("TEMPERATURE", { healthyAbove: 40, degradedAbove: 50 })).toThrow(/healthyAbove\/degradedAbove/);
    expect(() => resolveThresholds("TEMPERATURE", { maxDriftPerMinute: -1 })).toThrow(/maxDriftPerMinute=-1/);
  });
});
