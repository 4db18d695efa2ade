import { describe, expect, it } from "vitest";
import type { Point } from "../../../src/analytics/point.js";
import type { AlertRecord } from "../../../src/analytics/predict/alertHistory.js";
import { PredictionInputError } from "../../../src/analytics/predict/errors.js";
import { failureRisk, type FailureRisk, type FailureRiskContext } from "../../../src/analytics/predict/failureRisk.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { resolveThresholds } from "../../../src/analytics/thresholds.js";
import { HOUR, MINUTE, T0 } from "../analytics/support/series.js";

const ASOF = T0 + 72 * HOUR;
const temperature = (alertHistory: AlertRecord[] = [], hours = 24): FailureRiskContext => ({
  asOfMs: ASOF,
  kind: "TEMPERATURE",
  hours,
  alertHistory,
  thresholds: resolveThresholds("TEMPERATURE"),
});

/** One reading a minute up to ASOF (from `fromHours` before it), noise σ(t) = sigmaNow + k·(hours relative to ASOF), floored. */
function readings(seed: number, sigmaNow: number, perHour: number, fromHours = 26, level = (_h: number) => 21): Point[] {
  const random = new SeededRandom(seed);
  const out: Point[] = [];
  for (let t = ASOF - fromHours * HOUR; t <= ASOF; t += MINUTE) {
    const h = (t - ASOF) / HOUR;
    out.push({ timestampMs: t, value: level(h) + random.gaussian(0, Math.max(0.01, sigmaNow + perHour * h)) });
  }
  return out;
}

const risk = (points: Point[], context: FailureRiskContext): FailureRisk => {
  const result = failureRisk(points, context);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

const highSpikes: AlertRecord[] = [
  { type: "SPIKE", severity: "HIGH", raisedAtMs: ASOF - 10 * HOUR, clearedAtMs: ASOF - 9.5 * HOUR },
  { type: "SPIKE", severity: "HIGH", raisedAtMs: ASOF - 3 * HOUR, clearedAtMs: ASOF - 2.8 * HOUR },
];

describe("failureRisk", () => {
  it("stays low for a steady, fresh sensor without alerts", () => {
    const r = risk(readings(1, 0.05, 0), temperature());
    expect(r.probability).toBeLessThan(0.01);
    expect(r.healthNow.status).toBe("HEALTHY");
    expect(r.horizonHours).toBe(24);
    expect(r.method).toMatch(/P = 1 − \(1 − P_health\)\(1 − P_range\)/);
  });

  it("rises with a degrading stability trend when HIGH alerts keep coming, and says why in numbers", () => {
    // σ 0.24 °C now (stability 76 %), growing 0.0092 °C/h: crosses 70 % in ~6.5 h.
    const points = readings(2, 0.24, 0.0092);
    const withAlerts = risk(points, temperature(highSpikes));
    const without = risk(points, temperature());
    // Unstable (20) alone cannot fail a sensor; with a HIGH alert (30) it does: 2 in 24 h → P(another) = 1 − e⁻² ≈ 0.86.
    expect(withAlerts.probability).toBeGreaterThan(0.75);
    expect(without.probability).toBeLessThan(0.1);
    expect(withAlerts.drivers.some((d) => /^stability falling 0\.\d+ %\/h .*crosses 70 % in ~[4-9](\.\d+)? h/.test(d))).toBe(true);
    expect(withAlerts.drivers).toContain("2 HIGH alerts in the last 24 h");
    const unstable = withAlerts.terms.find((t) => t.name === "unstable");
    expect(unstable?.probability).toBeGreaterThan(0.9);
    expect(unstable?.influence).toBeGreaterThan(0.5);
  });

  it("is 1 when health is FAILED now (stale and a HIGH alert open)", () => {
    const points = readings(3, 0.05, 0).filter((p) => p.timestampMs <= ASOF - 30 * MINUTE);
    const open: AlertRecord[] = [{ type: "OUT_OF_RANGE", severity: "HIGH", raisedAtMs: ASOF - 40 * MINUTE, clearedAtMs: null }];
    const r = risk(points, temperature(open));
    expect(r.probability).toBe(1);
    expect(r.healthNow.status).toBe("FAILED");
    expect(r.drivers[0]).toMatch(/^health FAILED now/);
    expect(r.drivers.join(" | ")).toMatch(/stale now: last reading 30 min ago/);
    expect(r.drivers.join(" | ")).toMatch(/HIGH alert open now/);
  });

  it("counts a value forecast to leave the valid range", () => {
    // Humidity climbing 0.015 %RH/min for 3 days: 95 % now, past 100 % within the day.
    const points = readings(4, 0.2, 0, 72, (h) => 95 + 0.9 * h);
    const r = risk(points, { ...temperature([], 24), kind: "HUMIDITY", thresholds: resolveThresholds("HUMIDITY") });
    const range = r.terms.find((t) => t.name === "range");
    expect(range?.probability).toBeGreaterThan(0.5);
    expect(r.probability).toBeGreaterThan(0.5);
    expect(r.drivers.join(" | ")).toMatch(/valid range 0\.\.100/);
  });

  it("forecasts the range term on the longer history it is given, the other terms on the day", () => {
    // The same climb, with only the last day as the readings: a 24 h forecast cannot be
    // calibrated on one day, so the range is not assessed — unless the days before are given.
    const all = readings(4, 0.2, 0, 72, (h) => 95 + 0.9 * h);
    const day = all.filter((p) => p.timestampMs > ASOF - 25 * HOUR);
    const context = { ...temperature([], 24), kind: "HUMIDITY" as const, thresholds: resolveThresholds("HUMIDITY") };
    const blind = risk(day, context).terms.find((t) => t.name === "range");
    expect(blind?.probability).toBe(0);
    expect(blind?.description).toMatch(/range not assessed: too little history to calibrate a 1440-min forecast/);
    const seen = risk(day, { ...context, rangeHistory: all });
    expect(seen.terms.find((t) => t.name === "range")?.probability).toBeGreaterThan(0.5);
    // Readings after asOf in the longer history are not used.
    const later = [...all, { timestampMs: ASOF + HOUR, value: 0 }];
    expect(risk(day, { ...context, rangeHistory: later })).toEqual(seen);
  });

  it("counts a drift now only when the evidence blames the sensor, as health does", () => {
    // The last hour rises 0.15 °C/min: beyond the drift limit (0.1), within what a room does (1): UNKNOWN.
    const slow = risk(
      readings(5, 0.05, 0, 26, (h) => 21 + Math.max(0, h + 1) * 60 * 0.15),
      temperature(),
    );
    const slowTerm = slow.terms.find((t) => t.name === "drifting");
    expect(slowTerm?.presentNow).toBe(false);
    expect(slowTerm?.description).toMatch(
      /^drifting now: \+0\.1[45]\d*\/min \(limit ±0\.1\/min\), cause UNKNOWN: not the sensor's fault on this evidence; drift limit exceeded in 1 of the last 24 h$/,
    );
    expect(slow.healthNow.issues.filter((i) => i.startsWith("Drifting"))).toEqual([]);
    // 1.5 °C/min kept up for the hour: faster than a room keeps changing, so the sensor's.
    const fast = risk(
      readings(5, 0.05, 0, 26, (h) => 21 + Math.max(0, h + 1) * 60 * 1.5),
      temperature(),
    );
    const fastTerm = fast.terms.find((t) => t.name === "drifting");
    expect(fastTerm?.presentNow).toBe(true);
    expect(fastTerm?.description).toMatch(/^drifting now: \+1\.5\d*\/min/);
    expect(fast.healthNow.issues.some((i) => i.startsWith("Drifting"))).toBe(true);
  });

  it("refuses a horizon outside 1..168 h and answers no readings with a reason", () => {
    for (const hours of [0, 169, 2.5]) expect(() => failureRisk(readings(5, 0.05, 0), temperature([], hours))).toThrow(PredictionInputError);
    expect(() => failureRisk([], temperature([], 0))).toThrow(/whole number of hours from 1 to 168/);
    const none = failureRisk([], temperature());
    expect(none.ok).toBe(false);
  });
});
