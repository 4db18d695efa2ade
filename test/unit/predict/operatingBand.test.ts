import { describe, expect, it } from "vitest";
import { failureRisk } from "../../../src/analytics/predict/failureRisk.js";
import { hourlyLevels, LEVELS_SPAN_MS, MIN_EXCURSION_HOURS, operatingBand } from "../../../src/analytics/predict/operatingBand.js";
import { columnsFromPoints } from "../../../src/analytics/readingColumns.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { resolveThresholds } from "../../../src/analytics/thresholds.js";
import { DAY, HOUR, MINUTE, series, T0 } from "../analytics/support/series.js";

/**
 * A machine at 90 ± 1 that idles at 60 for `ordinaryHours` every day from 02:00, for `days`
 * days; then, from `faultStartHour` (hours after T0) on, it sits at 40.
 */
function machine(days: number, ordinaryHours: number, faultStartHour: number | null, seed = 7) {
  const random = new SeededRandom(seed);
  return series(days * 24 * 6, 10 * MINUTE, (_i, t) => {
    const hours = (t - T0) / HOUR;
    if (faultStartHour !== null && hours >= faultStartHour) return 40 + random.gaussian(0, 1);
    const hourOfDay = hours % 24;
    return (hourOfDay >= 2 && hourOfDay < 2 + ordinaryHours ? 60 : 90) + random.gaussian(0, 1);
  });
}

const at = (hours: number): number => T0 + hours * HOUR;

describe("hourlyLevels", () => {
  it("averages each hour's readings, the one under way included, within the span", () => {
    const points = [
      { timestampMs: T0 + 10 * MINUTE, value: 1 },
      { timestampMs: T0 + 50 * MINUTE, value: 3 },
      { timestampMs: T0 + HOUR + 5 * MINUTE, value: 10 },
      { timestampMs: T0 + 3 * HOUR, value: 7 },
      { timestampMs: T0 + 3 * HOUR + 20 * MINUTE, value: 9 },
    ];
    const expected = [
      { hourStartMs: T0, level: 2 },
      { hourStartMs: T0 + HOUR, level: 10 },
      { hourStartMs: T0 + 3 * HOUR, level: 7 },
    ];
    expect(hourlyLevels(points, T0, T0 + 3 * HOUR)).toEqual(expected);
    expect(hourlyLevels(columnsFromPoints(points), T0, T0 + 3 * HOUR)).toEqual(expected);
    expect(hourlyLevels(points, T0 + 20 * MINUTE, T0 + 4 * HOUR)).toEqual([
      { hourStartMs: T0, level: 3 },
      { hourStartMs: T0 + HOUR, level: 10 },
      { hourStartMs: T0 + 3 * HOUR, level: 8 },
    ]);
  });
});

describe("operatingBand", () => {
  it("says it has not learnt the band from less than about ten days", () => {
    const points = machine(8, 3, null);
    const check = operatingBand(hourlyLevels(points, 0, at(8 * 24)), at(8 * 24));
    expect(check.assessed).toBe(false);
    expect(check.left).toBe(false);
    expect(check.reason).toMatch(/operating band not learnt yet: \d+ of the 162 hours/);
  });

  it("counts a daily idle as ordinary and a fault that outlasts every excursion of the week as leaving the range", () => {
    // 3 h idle every day for 13 days, then from day 13, 12:00 the machine sits at 40.
    const fault = 13 * 24 + 12;
    const points = machine(15, 3, fault);
    const levels = hourlyLevels(points, 0, at(15 * 24));
    const during = (hours: number) => operatingBand(levels, at(fault + hours) + 30 * MINUTE);

    const idle = operatingBand(levels, at(13 * 24 + 4) + 30 * MINUTE); // the day's idle, 2 h in
    expect(idle.assessed).toBe(true);
    expect(idle.currentHours).toBe(3);
    expect(idle.longestHours).toBe(3);
    expect(idle.left).toBe(false);

    const before = operatingBand(levels, at(fault) - 30 * MINUTE);
    expect(before).toMatchObject({ assessed: true, currentHours: 0, left: false });
    expect(before.median).toBeCloseTo(90, 0);

    // The fault's hours so far: 0 … k (the hour under way counts).
    expect(during(MIN_EXCURSION_HOURS - 2)).toMatchObject({ currentHours: MIN_EXCURSION_HOURS - 1, longestHours: 3, left: false });
    expect(during(MIN_EXCURSION_HOURS - 1)).toMatchObject({ currentHours: MIN_EXCURSION_HOURS, left: true });
    expect(during(20).left).toBe(true);
  });

  it("waits for the fault to outlast the longest ordinary excursion", () => {
    // 8 h idle every day: a fault is told from an idle only once it has lasted 9 h.
    const fault = 12 * 24 + 12;
    const levels = hourlyLevels(machine(14, 8, fault), 0, at(14 * 24));
    const during = (hours: number) => operatingBand(levels, at(fault + hours) + 30 * MINUTE);
    expect(during(7)).toMatchObject({ currentHours: 8, longestHours: 8, left: false });
    expect(during(8)).toMatchObject({ currentHours: 9, longestHours: 8, left: true });
  });

  it("gives a flat level a hair's width, so any real change is an excursion", () => {
    const flat = series(12 * 24 * 6, 10 * MINUTE, (_i, t) => (t - T0 >= 11 * DAY ? 5.5 : 5));
    const check = operatingBand(hourlyLevels(flat, 0, T0 + 11 * DAY + 7 * HOUR), T0 + 11 * DAY + 7 * HOUR);
    expect(check).toMatchObject({ assessed: true, median: 5, currentHours: 8, longestHours: 0, left: true });
    expect(check.halfWidth).toBeLessThan(1e-6);
  });
});

describe("failure risk of a sensor with no physical range", () => {
  const thresholds = resolveThresholds("OTHER");

  it("is 1 once the value has left its learnt operating range, naming it, and 0 from the band before", () => {
    const fault = 13 * 24 + 12;
    const points = machine(15, 3, fault);
    const risk = (asOfMs: number) => {
      const levels = hourlyLevels(points, asOfMs - LEVELS_SPAN_MS, asOfMs);
      const day = points.filter((p) => p.timestampMs > asOfMs - DAY && p.timestampMs <= asOfMs);
      const result = failureRisk(day, { asOfMs, kind: "OTHER", hours: 24, alertHistory: [], thresholds, levels });
      if (!result.ok) throw new Error(result.reason);
      return result.value;
    };
    const quiet = risk(at(fault) - 30 * MINUTE);
    expect(quiet.terms.find((t) => t.name === "range")?.probability).toBe(0);

    const failed = risk(at(fault + 8) + 30 * MINUTE);
    expect(failed.probability).toBe(1);
    const range = failed.terms.find((t) => t.name === "range");
    expect(range).toMatchObject({ probability: 1, presentNow: true });
    expect(failed.drivers.join(" | ")).toMatch(
      /out of its operating band (89|90)\.\d+ ± [\d.]+ .* for 9 h, longer than its ordinary excursions \(the longest before it in the last week lasted 3 h\): it has left its operating range/,
    );
  });

  it("learns nothing from a day of readings alone and says why when it matters", () => {
    const points = machine(2, 3, null);
    const asOfMs = at(47);
    const result = failureRisk(
      points.filter((p) => p.timestampMs > asOfMs - DAY && p.timestampMs <= asOfMs),
      { asOfMs, kind: "OTHER", alertHistory: [], thresholds },
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.terms.find((t) => t.name === "range")).toMatchObject({ probability: 0, presentNow: false, description: expect.stringMatching(/operating band not learnt yet/) });
  });
});
