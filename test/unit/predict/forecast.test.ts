import { describe, expect, it } from "vitest";
import type { Point } from "../../../src/analytics/point.js";
import { PredictionInputError } from "../../../src/analytics/predict/errors.js";
import { forecast, type Forecast } from "../../../src/analytics/predict/forecast.js";
import { backtestForecast } from "../../../src/analytics/predict/forecastBacktest.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { HOUR, MINUTE, T0, noisy, series } from "../analytics/support/series.js";

const value = (result: ReturnType<typeof forecast>): Forecast => {
  if (!result.ok) throw new Error(`expected a forecast, got: ${result.reason}`);
  return result.value;
};

/** A random walk with reading noise: what a room sensor looks like at minute scale. */
function walk(seed: number, count: number, intervalMs: number, step: number, noise: number): Point[] {
  const random = new SeededRandom(seed);
  let level = 20;
  return series(count, intervalMs, () => {
    level += random.gaussian(0, step);
    return level + random.gaussian(0, noise);
  });
}

describe("forecast", () => {
  it("refuses horizons outside (0, 7 days] with a typed error that says the limit", () => {
    const points = series(100, MINUTE, noisy(1, 20, 0.1));
    const asOfMs = T0 + 100 * MINUTE;
    for (const horizonMinutes of [0, -5, 7 * 24 * 60 + 1, Number.NaN]) {
      expect(() => forecast(points, { horizonMinutes, asOfMs })).toThrow(PredictionInputError);
    }
    expect(() => forecast(points, { horizonMinutes: 0, asOfMs })).toThrow(/more than 0 and at most 10080 \(7 days\), got 0/);
    expect(() => forecast(points, { horizonMinutes: 10, asOfMs: Number.NaN })).toThrow(/asOfMs/);
  });

  it("answers too little history with a reason instead of a number", () => {
    const few = forecast(series(12, MINUTE, noisy(2, 20, 0.1)), { horizonMinutes: 10, asOfMs: T0 + 12 * MINUTE });
    expect(few.ok).toBe(false);
    if (!few.ok) expect(few.reason).toMatch(/too little history/);
    const shortForHorizon = forecast(series(120, MINUTE, noisy(3, 20, 0.1)), { horizonMinutes: 24 * 60, asOfMs: T0 + 120 * MINUTE });
    expect(shortForHorizon.ok).toBe(false);
    if (!shortForHorizon.ok) expect(shortForHorizon.reason).toMatch(/need 30/);
  });

  it("follows a trend, reports its rate and when it reaches a threshold", () => {
    // 0.01 °C/min over 2 days of 1-min readings, σ 0.05.
    const points = series(2880, MINUTE, noisy(4, 20, 0.05, 0.01));
    const asOfMs = (points[points.length - 1] as Point).timestampMs;
    const f = value(forecast(points, { horizonMinutes: 60, asOfMs, threshold: 50 }));
    const truth = 20 + 0.01 * (2879 + 60);
    expect(Math.abs(f.value - truth)).toBeLessThan(0.1);
    expect(f.lower).toBeLessThan(truth);
    expect(f.upper).toBeGreaterThan(truth);
    expect(f.ratePerMinute).toBeCloseTo(0.01, 3);
    // 50 − (20 + 28.79) = 1.21 °C at 0.01 °C/min ≈ 121 min (a damped fit may take a little longer).
    expect(f.minutesToThreshold).not.toBeNull();
    expect(Math.abs((f.minutesToThreshold as number) - 121) / 121).toBeLessThan(0.15);
    expect(value(forecast(points, { horizonMinutes: 60, asOfMs, threshold: 10 })).minutesToThreshold).toBeNull(); // moving away
  });

  it("calibrates its 90 % interval on the series' own errors (rolling backtest)", () => {
    const points = walk(5, 6 * 1440, MINUTE, 0.02, 0.05);
    const [h10, h60] = backtestForecast(points, { horizonsMinutes: [10, 60], historyMs: 48 * HOUR, originEveryMs: 60 * MINUTE });
    for (const h of [h10, h60]) {
      expect(h?.scored).toBeGreaterThan(50);
      expect(h?.coverage).toBeGreaterThanOrEqual(0.8);
      expect(h?.coverage).toBeLessThanOrEqual(0.97);
      // A random walk is the naive forecast's home ground: the fit must not do worse.
      expect(h?.mae as number).toBeLessThanOrEqual((h?.naiveMae as number) * 1.05);
    }
    // The 60-min interval is wider than the 10-min one: errors grow with the horizon.
    expect(h60?.meanIntervalWidth as number).toBeGreaterThan(1.5 * (h10?.meanIntervalWidth as number));
  });

  it("handles irregular sampling and gaps, and widens the interval for a silent sensor", () => {
    const random = new SeededRandom(6);
    const regular = series(3000, MINUTE, noisy(7, 22, 0.05));
    // Jittered timestamps and a 3-hour hole.
    const points = regular
      .map((p) => ({ timestampMs: p.timestampMs + Math.round(random.gaussian(0, 10_000)), value: p.value }))
      .filter((p) => p.timestampMs < T0 + 1000 * MINUTE || p.timestampMs > T0 + 1180 * MINUTE)
      .sort((a, b) => a.timestampMs - b.timestampMs);
    const last = (points[points.length - 1] as Point).timestampMs;
    const fresh = value(forecast(points, { horizonMinutes: 30, asOfMs: last }));
    expect(Math.abs(fresh.value - 22)).toBeLessThan(0.1);
    const silent = value(forecast(points, { horizonMinutes: 30, asOfMs: last + 3 * HOUR }));
    expect(silent.upper - silent.lower).toBeGreaterThanOrEqual(fresh.upper - fresh.lower);
    expect(silent.lastReadingMs).toBe(last);
  });

  it("answers a horizon shorter than the reading interval from one step's errors", () => {
    const hourly = series(24 * 10, HOUR, noisy(8, 70, 0.5));
    const asOfMs = (hourly[hourly.length - 1] as Point).timestampMs;
    const f = value(forecast(hourly, { horizonMinutes: 10, asOfMs }));
    expect(f.method).toMatch(/horizon shorter than one 60-min step/);
    expect(f.upper - f.lower).toBeGreaterThan(0);
  });

  it("refuses readings that are not finite numbers, naming the index", () => {
    const points = [...series(50, MINUTE, noisy(9, 20, 0.1)), { timestampMs: T0 + 51 * MINUTE, value: Number.NaN }];
    expect(() => forecast(points, { horizonMinutes: 10, asOfMs: T0 + 60 * MINUTE })).toThrow(/points\[50\]/);
  });
});
