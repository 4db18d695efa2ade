import { describe, expect, it } from "vitest";
import type { Point } from "../../../src/analytics/point.js";
import { maintenance, type Maintenance } from "../../../src/analytics/predict/maintenance.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { HOUR, T0 } from "../analytics/support/series.js";

const ASOF = T0 + 30 * HOUR;

/**
 * A reading every 10 s for the 30 h before ASOF, around 21 °C, with noise σ(t) = sigmaNow +
 * k·(hours relative to ASOF). 360 readings an hour: an hour's σ is then known to ~4 %, so the
 * extrapolation's own error (≈ 5 % of the time left) leaves the 20 % bound a wide margin; at one
 * reading a minute it is ≈ 11 % and the bound would fail for about one seed in fifteen.
 */
function growingNoise(seed: number, sigmaNow: number, perHour: number): Point[] {
  const random = new SeededRandom(seed);
  const points: Point[] = [];
  for (let t = T0 + 10_000; t <= ASOF; t += 10_000) {
    const sigma = Math.max(0.001, sigmaNow + perHour * ((t - ASOF) / HOUR));
    points.push({ timestampMs: t, value: 21 + random.gaussian(0, sigma) });
  }
  return points;
}

const run = (points: Point[], calibration: { validUntilMs: number | null } | null = null): Maintenance => {
  const result = maintenance(points, { asOfMs: ASOF, kind: "TEMPERATURE", calibration });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe("maintenance", () => {
  it("predicts when stability falls below 60 % within 20 % of the construction's truth", () => {
    // TEMPERATURE: stability = 100·(1 − σ/1 °C), so 60 % is σ = 0.4 °C. σ is 0.29 now and grows
    // 0.01 °C/h: the truth is (0.4 − 0.29)/0.01 = 11 h.
    for (const seed of [1, 2, 3, 4, 5]) {
      const m = run(growingNoise(seed, 0.29, 0.01));
      expect(m.hoursUntilMaintenance).not.toBeNull();
      expect(Math.abs((m.hoursUntilMaintenance as number) - 11) / 11).toBeLessThanOrEqual(0.2);
      expect(m.degradationRatePerHour).toBeCloseTo(1, 0); // 1 % of stability per hour
      expect(m.status).toBe("URGENT");
      expect(m.recommendedAction).toBe("RECALIBRATE");
      expect(m.reasons.join(" ")).toMatch(/falling .* reaches 60 % in ~1\d/);
    }
  });

  it("grades the time left: SCHEDULE_SOON with RECALIBRATE under 72 h, MONITOR beyond", () => {
    const soon = run(growingNoise(4, 0.2, 0.005)); // 40 h
    expect(soon.status).toBe("SCHEDULE_SOON");
    expect(soon.recommendedAction).toBe("RECALIBRATE");
    const later = run(growingNoise(5, 0.2, 0.0018)); // ~110 h
    expect(later.status).toBe("SCHEDULE_SOON");
    expect(later.recommendedAction).toBe("MONITOR");
  });

  it("calls a steady sensor HEALTHY with nothing to do, and does not extrapolate its noise", () => {
    const m = run(growingNoise(6, 0.1, 0));
    expect(m.status).toBe("HEALTHY");
    expect(m.hoursUntilMaintenance).toBeNull();
    expect(m.recommendedAction).toBe("NONE");
    expect(m.currentStability).toBeGreaterThan(85);
    expect(m.hourly).toHaveLength(24);
  });

  it("sees a sensor that is getting quieter as IMPROVING", () => {
    const m = run(growingNoise(7, 0.1, -0.01));
    expect(m.status).toBe("IMPROVING");
    expect(m.degradationRatePerHour).toBeLessThan(0);
  });

  it("is URGENT now when stability is already below 60 %", () => {
    const m = run(growingNoise(8, 0.5, 0));
    expect(m.hoursUntilMaintenance).toBe(0);
    expect(m.status).toBe("URGENT");
    expect(m.recommendedAction).toBe("RECALIBRATE");
  });

  it("recommends recalibration when the calibration expires within 72 h, even for a steady sensor", () => {
    const expiring = run(growingNoise(9, 0.1, 0), { validUntilMs: ASOF + 48 * HOUR });
    expect(expiring.status).toBe("HEALTHY");
    expect(expiring.recommendedAction).toBe("RECALIBRATE");
    expect(expiring.calibrationValidUntil).toBe(ASOF + 48 * HOUR);
    expect(expiring.reasons.join(" ")).toMatch(/calibration expires in 48 h/);
    expect(run(growingNoise(9, 0.1, 0), { validUntilMs: ASOF + 200 * HOUR }).recommendedAction).toBe("NONE");
  });

  it("answers thin history with a reason", () => {
    const points = growingNoise(10, 0.1, 0).filter((p) => p.timestampMs > ASOF - 3 * HOUR);
    const result = maintenance(points, { asOfMs: ASOF, kind: "TEMPERATURE" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/3 of the last 24 hours have ≥ 6 readings; need 6/);
  });
});
