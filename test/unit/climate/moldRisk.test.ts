import { describe, expect, it } from "vitest";
import { hourSteps, meansPerStep, zipClimate } from "../../../src/analytics/climate/climateHours.js";
import { MOLD_HISTORY_HOURS, assessMoldRisk, type ClimateHour, type MoldRiskRequest } from "../../../src/analytics/climate/moldRisk.js";
import { surfaceRelativeHumidity } from "../../../src/analytics/climate/psychrometrics.js";
import { REFERENCE_MODEL, SENSITIVITY_CLASSES, weeksToIndex1Regression } from "../../../src/analytics/climate/vttMold.js";
import type { Point } from "../../../src/analytics/point.js";
import { PredictionInputError } from "../../../src/analytics/predict/errors.js";
import { projectRoot } from "../../../src/config.js";
import { readDatasetText } from "../../../src/datasets/files.js";
import { parseUciOccupancy } from "../../../src/datasets/uciOccupancy.js";

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 30, 12, 0, 0);
const names = { temperature: "temp_1", humidity: "humidity_1" };
const request = (over: Partial<MoldRiskRequest> = {}): MoldRiskRequest => ({ asOfMs: END, hours: 24, model: REFERENCE_MODEL, surface: null, names, ...over });

/** The 30 days before END, hour by hour, with the conditions `at(hoursAgo)` gives. */
function history(at: (hoursAgo: number) => [number, number] | null): ClimateHour[] {
  return Array.from({ length: MOLD_HISTORY_HOURS }, (_, i) => {
    const ago = MOLD_HISTORY_HOURS - 1 - i;
    const c = at(ago);
    return { startMs: END - (ago + 1) * HOUR, endMs: END - ago * HOUR, celsius: c?.[0] ?? null, relativeHumidity: c?.[1] ?? null };
  });
}

function assessed(h: ClimateHour[], over: Partial<MoldRiskRequest> = {}) {
  const r = assessMoldRisk(h, request(over));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe("mold risk of a room", () => {
  it("follows the reference curve when a dry room turns wet: index 1 one t_m after the humidity rose", () => {
    const tm = weeksToIndex1Regression(20, 97) * 168; // 249 h
    // Dry for 20 days, then 10 days (240 h) at 97 %: just short of index 1.
    const risk = assessed(history((ago) => (ago < 240 ? [20, 97] : [20, 45])));
    expect(risk.index).toBeCloseTo(240 / tm, 2);
    expect(risk.hoursToIndex1).toBeCloseTo(tm - 240, 0);
    expect(risk.hoursToIndex1Forecast).toBeCloseTo(tm - 240, 0);
    expect(risk.indexForecast).toBeGreaterThan(risk.index);
    expect(risk.drivers[0]).toMatch(/20 °C and 97 % RH, critical 80.04 % there: mold can grow/);
  });

  it("tells a wet spell that has passed from conditions that persist", () => {
    // Wet until two days ago, dry since: growth now stopped, the index declining.
    const risk = assessed(history((ago) => (ago < 48 ? [21, 50] : ago < 300 ? [20, 95] : [20, 45])));
    expect(risk.index).toBeGreaterThan(0.5);
    expect(risk.hoursToIndex1).toBeNull();
    expect(risk.hoursToIndex1Forecast).toBeNull();
    expect(risk.indexForecast).toBeLessThan(risk.index);
    expect(risk.drivers[1]).toMatch(/not favourable for growth in any of the last 24 h/);
  });

  it("judges the coldest surface: room air at 70 % is safe, a wall 6 °C colder is not", () => {
    const h = history(() => [20, 70]);
    expect(assessed(h).hoursToIndex1).toBeNull();
    const wall = assessed(h, { surface: { kind: "OFFSET", celsius: 6 } });
    expect(surfaceRelativeHumidity(20, 70, 14)).toBeGreaterThan(97);
    expect(wall.index).toBeGreaterThan(1);
    expect(wall.hoursToIndex1).toBe(0);
    expect(wall.drivers[0]).toMatch(/coldest surface \(6 °C below the air/);
  });

  it("forecasts from the last `hours`: a daily wet night repeated", () => {
    // Nights (8 h) at 98 %, days at 60 %: the last day repeats.
    const h = history((ago) => (ago % 24 >= 16 ? [19, 98] : [21, 60]));
    const risk = assessed(h);
    expect(risk.hoursToIndex1).toBeNull(); // the newest hour is a dry day hour
    expect(risk.hoursToIndex1Forecast).not.toBeNull();
    expect(risk.drivers[1]).toBe("favourable for growth 8 of the last 24 h");
    // asOf in the middle of an hour: the cycle is still 24 h, the oldest hour cut to its part in them.
    const halfPast = assessed(h.slice(0, -1).concat([{ ...h.at(-1)!, endMs: END - HOUR / 2 }]), { asOfMs: END - HOUR / 2 });
    expect(halfPast.drivers[1]).toMatch(/^favourable for growth 8(\.5)? of the last 24 h$/);
  });

  it("says when growth can go on but stalls short of index 1", () => {
    // SENSITIVE at 82 %: M_max = 0.3 + 6x − x² with x = (80.04 − 82)/(80.04 − 100) is 0.88, so index 1 is never reached.
    const risk = assessed(
      history(() => [20, 82]),
      { model: { sensitivity: "SENSITIVE", declineCoefficient: 1 } },
    );
    expect(risk.hoursToIndex1).toBeNull();
    expect(risk.index).toBeGreaterThan(0.1); // growing, slowly
    expect(risk.drivers[1]).toMatch(/^held at these conditions growth stalls at index 0\.8795 \(M_max\), short of 1$/);
  });

  it("skips hours without both readings and says so", () => {
    const risk = assessed(history((ago) => (ago % 10 === 3 ? null : [20, 40])));
    expect(risk.index).toBe(0);
    expect(risk.drivers.at(-1)).toMatch(/^72 of 720 hours lack a reading of either sensor/);
  });

  it("is unavailable without fresh readings of both, and refuses humidity outside 0–100 % naming the hour", () => {
    const stale = assessMoldRisk(
      history((ago) => (ago < 5 ? null : [20, 50])),
      request(),
    );
    expect(stale).toEqual({ ok: false, reason: expect.stringMatching(/ended 5 h before asOf; the conditions now need readings of both within 2 h/) });
    const none = assessMoldRisk(
      history(() => null),
      request(),
    );
    expect(none).toEqual({ ok: false, reason: expect.stringMatching(/has both a temperature \(temp_1\) and a humidity \(humidity_1\) reading/) });
    const wrong = assessMoldRisk(
      history((ago) => (ago === 7 ? [20, 104] : [20, 50])),
      request(),
    );
    expect(wrong).toEqual({ ok: false, reason: expect.stringMatching(/^refused: the hour to 2026-11-30T05:00:00.000Z: humidity_1's relative humidity 104 % lies outside 0–100 %/) });
    const hot = assessMoldRisk(
      history(() => [55, 50]),
      request(),
    );
    expect(hot).toEqual({ ok: false, reason: expect.stringMatching(/temp_1's temperature 55 °C lies outside -40…50 °C/) });
    expect(() => assessMoldRisk([], request({ hours: 0 }))).toThrow(PredictionInputError);
  });

  it("finds no risk in the UCI office, for every sensitivity class", async () => {
    const files = await Promise.all(["datatest.txt", "datatraining.txt", "datatest2.txt"].map((f) => readDatasetText(projectRoot, "uci-occupancy", f)));
    const temperature: Point[] = [];
    const humidity: Point[] = [];
    for (const text of files) {
      const { value } = parseUciOccupancy(text);
      temperature.push(...value.Temperature);
      humidity.push(...value.Humidity);
    }
    temperature.sort((a, b) => a.timestampMs - b.timestampMs);
    humidity.sort((a, b) => a.timestampMs - b.timestampMs);
    const asOfMs = temperature.at(-1)!.timestampMs;
    const steps = hourSteps(Math.floor(asOfMs / HOUR) * HOUR - (MOLD_HISTORY_HOURS - 1) * HOUR, asOfMs);
    const climate = zipClimate(steps, meansPerStep(temperature, steps), meansPerStep(humidity, steps));
    expect(climate.filter((c) => c.celsius !== null).length).toBeGreaterThan(300); // two weeks of the office
    for (const sensitivity of SENSITIVITY_CLASSES) {
      for (const hours of [1, 24, 168]) {
        const risk = assessed(climate, { asOfMs, hours, model: { sensitivity, declineCoefficient: 1 } });
        expect(risk).toMatchObject({ index: 0, indexForecast: 0, hoursToIndex1: null, hoursToIndex1Forecast: null, sensitivityClass: sensitivity });
        expect(risk.drivers[0]).toMatch(/too dry \(or cold\) for mold to grow/);
      }
    }
  });
});
