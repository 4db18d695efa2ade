import { describe, expect, it } from "vitest";
import { hourlyLevels, LEVELS_SPAN_MS, operatingBand } from "../../../src/analytics/predict/operatingBand.js";
import type { Point } from "../../../src/analytics/point.js";
import { riskContributions } from "../../../src/analytics/predict/riskContributions.js";
import { replayRisk, scoreRisk, type RiskSample } from "../../../src/analytics/predict/riskReplay.js";
import { fixtures } from "../../support/requirements.js";
import { loadNabSeries } from "../../../src/datasets/predictionSeries.js";
import { HOUR } from "../analytics/support/series.js";

describe("failure risk replayed on NAB machine temperature (asOf every hour)", () => {
  it("rises before every labelled machine failure, once before its window opens, and stays under 0.5 for 99 % of the time elsewhere", async () => {
    const series = await loadNabSeries(fixtures, "realKnownCause/machine_temperature_system_failure.csv", "");
    const samples = replayRisk(series.points, { kind: "OTHER", hours: 24 });
    const score = scoreRisk(samples, series.windows, 24);
    expect(score.steps).toBeGreaterThan(1800);
    expect(score.windows.every((w) => w.labelMs !== null)).toBe(true);
    // NAB's first window is the machine's planned shutdown, eight days into the recording: the
    // operating band is not learnt yet and nothing in the readings foretells a plan. The three
    // failures after it are each warned of before their labelled instant (10, 21 and 25 h on
    // this recording), the last one before its window opens, when the machine's temperature has
    // been below its operating band for longer than any excursion of the week before.
    const failures = score.windows.slice(1);
    expect(failures).toHaveLength(3);
    for (const w of failures) expect(w.hoursBeforeLabel).toBeGreaterThan(5);
    expect(score.windowsWarnedBefore).toBeGreaterThanOrEqual(1);
    expect(score.shareAboveOutside).toBeLessThanOrEqual(0.01);
    expect(score.shareAboveOutsideStrict).toBeLessThanOrEqual(0.01);
  }, 60_000);

  it("never rises above 0.5 on NAB's noise-only daily series", async () => {
    const series = await loadNabSeries(fixtures, "artificialNoAnomaly/art_daily_small_noise.csv", "");
    const samples = replayRisk(series.points, { kind: "OTHER", hours: 24 });
    expect(samples.length).toBeGreaterThan(300);
    // The series alternates between two levels every day: the operating band is learnt by its
    // last days, and the daily excursion to the other level is ordinary, never "left".
    expect(samples.filter((s) => s.probability > 0.5)).toEqual([]);
    const endMs = (series.points[series.points.length - 1] as Point).timestampMs;
    const band = operatingBand(hourlyLevels(series.points, endMs - LEVELS_SPAN_MS, endMs), endMs);
    expect(band.assessed).toBe(true);
    expect(band.longestHours).toBeGreaterThanOrEqual(6);
    expect(band.left).toBe(false);
  }, 60_000);

  it("scores lead times against the window start (negative = before) and its label, and the share above 0.5 elsewhere", () => {
    const windows = [{ startMs: 100 * HOUR, endMs: 120 * HOUR, labelMs: 110 * HOUR }];
    const samples: RiskSample[] = Array.from({ length: 200 }, (_, h) => ({
      asOfMs: h * HOUR,
      probability: (h >= 90 && h <= 110) || h === 150 ? 0.8 : 0.1,
      drivers: [],
    }));
    const score = scoreRisk(samples, windows, 24);
    expect(score.windows[0]?.leadHours).toBe(-10);
    expect(score.windows[0]?.peakBefore).toBe(0.8);
    expect(score.windowsWarnedBefore).toBe(1);
    expect(score.windows[0]?.hoursBeforeLabel).toBe(20);
    expect(score.windowsWarnedBeforeLabel).toBe(1);
    // Without a label there is nothing to measure from.
    expect(scoreRisk(samples, [{ startMs: 100 * HOUR, endMs: 120 * HOUR }], 24).windows[0]?.hoursBeforeLabel).toBeNull();
    // Outside [76 h, 120 h]: 155 steps, one above 0.5.
    expect(score.shareAboveOutside).toBeCloseTo(1 / 155, 6);
    // Outside [100 h, 120 h] only: 179 steps, 11 above (90..99 and 150).
    expect(score.shareAboveOutsideStrict).toBeCloseTo(11 / 179, 6);
  });

  it("asked every 6 h, as the issue's protocol asks: above 0.5 near every window, at most 5 % elsewhere, mostly carried by the operating range", async () => {
    const series = await loadNabSeries(fixtures, "realKnownCause/machine_temperature_system_failure.csv", "");
    const samples = replayRisk(series.points, { kind: "OTHER", hours: 24, stepMs: 6 * HOUR });
    const score = scoreRisk(samples, series.windows, 24);
    expect(score.windowsWarned).toBeGreaterThanOrEqual(3);
    expect(score.shareAboveOutside).toBeLessThanOrEqual(0.05);
    const c = riskContributions(samples, series.windows, 24);
    expect(c.warningsNearWindows).toBeGreaterThan(c.warningsElsewhere);
    // The range term (left its operating band) is decisive for most warnings.
    expect(c.nearWindows["range"]!.decisive).toBeGreaterThan(c.warningsNearWindows / 2);
  }, 60_000);

  it("names, per term, how often it was present in a warning and how often the warning needed it", () => {
    const windows = [{ startMs: 100 * HOUR, endMs: 120 * HOUR }];
    const terms = (range: number, anomaly: number, total: number) => [
      { name: "range" as const, probability: range, without: range > 0 ? 0.1 : total },
      { name: "anomaly" as const, probability: anomaly, without: total },
    ];
    const samples: RiskSample[] = [
      { asOfMs: 90 * HOUR, probability: 1, drivers: [], terms: terms(1, 0.3, 1) },
      { asOfMs: 110 * HOUR, probability: 0.9, drivers: [], terms: terms(0, 0.9, 0.9) },
      { asOfMs: 150 * HOUR, probability: 0.2, drivers: [], terms: terms(0, 0.2, 0.2) },
      { asOfMs: 160 * HOUR, probability: 1, drivers: [], terms: terms(1, 0, 1) },
    ];
    const c = riskContributions(samples, windows, 24);
    expect(c.warningsNearWindows).toBe(2);
    expect(c.nearWindows["range"]).toEqual({ present: 1, decisive: 1, meanProbability: 0.5 });
    expect(c.nearWindows["anomaly"]).toEqual({ present: 2, decisive: 0, meanProbability: 0.6 });
    expect(c.warningsElsewhere).toBe(1);
    expect(c.elsewhere["range"]).toMatchObject({ present: 1, decisive: 1 });
  });
});
