import { describe, expect, it } from "vitest";
import type { ActiveEpisode } from "../../../src/domain/anomalyTypes.js";
import { classifyDirection } from "../../../src/analytics/direction.js";
import { classifyFreshness, staleLimitMs } from "../../../src/analytics/freshness.js";
import { SeriesWindow } from "../../../src/analytics/seriesWindow.js";
import { stabilityPercent } from "../../../src/analytics/stability.js";
import { traitsFromPoints, traitsFromWindow } from "../../../src/analytics/traits.js";
import { statsOf } from "../../../src/analytics/windowStats.js";
import { HOUR, MINUTE, T0, noisy, series } from "./support/series.js";

const windowOf = (points: ReturnType<typeof series>): SeriesWindow => {
  const w = new SeriesWindow({ retentionMs: 24 * HOUR });
  for (const p of points) w.append(p.timestampMs, p.value);
  return w;
};

describe("traits", () => {
  it("recover drift and noise, call a real drift RISING and agree between the live and history paths", () => {
    const points = series(3600, 1000, noisy(1, 21, 0.05, 0.02)); // +1.2 °C over the hour
    const asOfMs = points[points.length - 1]!.timestampMs + 2000;
    const context = { kind: "TEMPERATURE" as const, asOfMs, windowMs: HOUR };
    const live = traitsFromWindow(windowOf(points), context);
    const history = traitsFromPoints(points, context);
    expect(live.driftPerMinute).toBeCloseTo(0.02, 3);
    expect(live.residualStdDev).toBeCloseTo(0.05, 2);
    expect(live.stabilityPercent).toBeCloseTo(95, 0); // 100·(1 − 0.05/1 °C)
    expect(live.trend).toBe("RISING");
    expect(live.freshnessSeconds).toBe(2);
    expect(live.freshness).toBe("FRESH");
    expect(live.current).toBe(points[points.length - 1]!.value);
    for (const key of ["readingCount", "mean", "stdDev", "driftPerMinute", "stabilityPercent", "trend", "freshness", "staleLimitMs"] as const) {
      const a = live[key];
      const b = history[key];
      if (typeof a === "number" && typeof b === "number") expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
      else expect(a).toBe(b);
    }
  });

  it("do not call pure noise a trend, nor a tiny significant slope", () => {
    const flat = statsOf(series(3600, 1000, noisy(2, 21, 0.3)));
    expect(classifyDirection(flat, 0.3)).toBe("STABLE");
    // 0.1 °C over an hour with almost no noise: significant, but below the kind's 0.3 °C.
    const tiny = statsOf(series(3600, 1000, noisy(3, 21, 0.001, 0.1 / 60)));
    expect(classifyDirection(tiny, 0.3)).toBe("STABLE");
    expect(classifyDirection(tiny, 0.05)).toBe("RISING");
    const falling = statsOf(series(600, 1000, noisy(4, 50, 0.5, -0.5)));
    expect(classifyDirection(falling, 2)).toBe("FALLING");
  });

  it("measure stability against the kind's noise scale, not in raw units", () => {
    const noise = (sigma: number, mean: number) => statsOf(series(2000, 1000, noisy(5, mean, sigma)));
    expect(stabilityPercent(noise(0.3, 21), "TEMPERATURE")).toBeCloseTo(70, -0.5); // 0.3 °C of 1 °C
    expect(stabilityPercent(noise(0.3, 600), "CO2")).toBeGreaterThan(99); // 0.3 ppm of 50 ppm
    expect(stabilityPercent(noise(30, 600), "CO2")).toBeCloseTo(40, -0.5);
    expect(stabilityPercent(noise(5, 1000), "OTHER")).toBeCloseTo(90, -0.5); // 5 of 5 % · 1000
    expect(stabilityPercent(noise(3, 21), "TEMPERATURE")).toBe(0);
    expect(stabilityPercent(statsOf(series(2, 1000, () => 1)), "TEMPERATURE")).toBeNull();
  });

  it("derive the stale limit from the reporting interval and classify freshness", () => {
    expect(staleLimitMs(1000)).toBe(5000); // 1 Hz: the 5 s floor
    expect(staleLimitMs(60_000)).toBe(180_000); // once a minute: 3 missed readings
    expect(staleLimitMs(null)).toBe(5000);
    expect(staleLimitMs(60_000, { staleAfterMs: 600_000, minStaleMs: 5000, staleIntervals: 3, offlineFactor: 10 })).toBe(600_000);
    expect(classifyFreshness(179_000, 180_000)).toBe("FRESH");
    expect(classifyFreshness(181_000, 180_000)).toBe("STALE");
    expect(classifyFreshness(1_800_001, 180_000)).toBe("OFFLINE");
    expect(classifyFreshness(null, 180_000)).toBe("OFFLINE");
  });

  it("use the reading before an empty window for freshness and report the open anomaly", () => {
    const points = series(60, MINUTE, () => 21);
    const last = points[points.length - 1]!.timestampMs;
    const episode: ActiveEpisode = { episodeKey: "k", type: "STUCK", severity: "MEDIUM", message: "m", raisedAtMs: last, lastSeenMs: last };
    const traits = traitsFromWindow(windowOf(points), { kind: "TEMPERATURE", asOfMs: last + 10 * MINUTE, windowMs: 5 * MINUTE, activeEpisodes: [episode] });
    expect(traits.readingCount).toBe(0);
    expect(traits.mean).toBeNull();
    expect(traits.current).toBe(21);
    expect(traits.freshnessSeconds).toBe(600);
    expect(traits.staleLimitMs).toBe(3 * MINUTE);
    expect(traits.freshness).toBe("STALE");
    expect(traits.anomaly).toBe(true);
    expect(traits.trend).toBe("STABLE");
    const never = traitsFromPoints([], { kind: "TEMPERATURE", asOfMs: T0, windowMs: HOUR });
    expect(never).toMatchObject({ readingCount: 0, freshness: "OFFLINE", freshnessSeconds: null, current: null, anomaly: false });
  });
});
