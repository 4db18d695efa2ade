import { describe, expect, it } from "vitest";
import { expectedReadings, rankByReliability, reliabilityScore, type ReliabilityInput } from "../../../src/analytics/reliability.js";
import { statsOf } from "../../../src/analytics/windowStats.js";
import { HOUR, MINUTE, T0, noisy, series } from "./support/series.js";

const asOfMs = T0 + HOUR;
const input = (sensorId: string, kind: ReliabilityInput["kind"], points: ReturnType<typeof series>, extra: Partial<ReliabilityInput> = {}): ReliabilityInput => ({
  sensorId,
  kind,
  stats: statsOf(points),
  windowStartMs: T0,
  asOfMs,
  typicalIntervalMs: MINUTE,
  stuckEpisodes: 0,
  alertEpisodes: 0,
  ...extra,
});

describe("reliability", () => {
  it("is unit-free: the same relative noise scores the same in °C and in ppm", () => {
    const temp = reliabilityScore(input("temp_1", "TEMPERATURE", series(60, MINUTE, noisy(1, 21, 0.2), T0 + MINUTE)));
    const co2 = reliabilityScore(input("co2_1", "CO2", series(60, MINUTE, noisy(1, 600, 10), T0 + MINUTE)));
    expect(temp.score).toBeCloseTo(co2.score, 6); // 0.2 of 1 °C ≡ 10 of 50 ppm
    expect(temp.missingFraction).toBe(0);
    expect(temp.expectedReadings).toBe(60);
  });

  it("charges missing readings against the sensor's own interval, from its first reading", () => {
    const half = series(30, MINUTE, () => 21, T0 + MINUTE);
    expect(reliabilityScore(input("t", "TEMPERATURE", half)).missingFraction).toBeCloseTo(0.5, 9);
    expect(expectedReadings({ windowStartMs: T0, asOfMs, typicalIntervalMs: MINUTE, firstSeenMs: T0 + 30 * MINUTE })).toBe(30);
    expect(reliabilityScore(input("t", "TEMPERATURE", half, { firstSeenMs: T0 + 30 * MINUTE })).missingFraction).toBe(0);
    expect(reliabilityScore(input("silent", "TEMPERATURE", [])).score).toBeLessThanOrEqual(30);
  });

  it("ranks best first: steady and complete, then noisy, gappy, stuck, alerting", () => {
    const steady = series(60, MINUTE, noisy(2, 21, 0.02), T0 + MINUTE);
    const ranked = rankByReliability([
      input("alerting", "TEMPERATURE", steady, { alertEpisodes: 4 }),
      input(
        "gappy",
        "TEMPERATURE",
        steady.filter((_, i) => i % 3 !== 0),
      ),
      input("steady", "TEMPERATURE", steady),
      input("noisy", "TEMPERATURE", series(60, MINUTE, noisy(2, 21, 0.4), T0 + MINUTE)),
      input("stuck", "TEMPERATURE", steady, { stuckEpisodes: 2 }),
      input("also-steady", "TEMPERATURE", steady),
    ]);
    expect(ranked.map((r) => r.sensorId)).toEqual(["also-steady", "steady", "alerting", "gappy", "noisy", "stuck"]);
    expect(ranked[0]!.score).toBeGreaterThan(95);
    for (const r of ranked) expect(r.score).toBeGreaterThanOrEqual(0);
  });
});
