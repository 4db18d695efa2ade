import { describe, expect, it } from "vitest";
import type { Point } from "../../../src/analytics/point.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { dryRun } from "../../../src/automation/dryRun.js";
import { historyNeededMs, historyObservations } from "../../../src/automation/historyObservations.js";
import { makeRule } from "./support/ruleKit.js";

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;

/** Four days of 5-min readings climbing 0.1 °C/h from 20 °C, with a little noise. */
function climb(): Point[] {
  const random = new SeededRandom(5);
  const out: Point[] = [];
  for (let t = 5 * MIN; t <= 4 * DAY; t += 5 * MIN) out.push({ timestampMs: t, value: 20 + (0.1 * t) / H + random.gaussian(0, 0.05) });
  return out;
}

const forecastRule = (horizonMinutes: number) =>
  makeRule({ name: "warm tomorrow", condition: { type: "FORECAST", comparison: "GT", threshold: 29, horizonMinutes }, clear: { comparison: "LT", threshold: 28 } });

describe("historyObservations", () => {
  it("needs a day before the range, or 2.5 horizons for a FORECAST rule looking further than 10 h", () => {
    expect(historyNeededMs(makeRule())).toBe(DAY);
    expect(historyNeededMs(forecastRule(60))).toBe(DAY);
    expect(historyNeededMs(forecastRule(1440))).toBe(2.5 * DAY);
  });

  it("forecasts a day ahead in a dry run from the 2.5 days before each observation, as the live twin does", () => {
    // From day 2.5 on, the value 24 h ahead (value + 2.4) passes 29 once the value passes 26.6, near day 2.78.
    const rule = forecastRule(1440);
    const points = climb();
    const from = 4 * DAY - 1.5 * DAY;
    const observations = historyObservations(rule, "TEMPERATURE", points, from, 4 * DAY);
    const forecasts = observations.map((o) => o.forecastValue).filter((v) => v !== null);
    expect(forecasts.length).toBe(observations.length);
    const result = dryRun(rule, observations);
    expect(result.firings).toBe(1);
    const firedAt = result.timeline.find((e) => e.event === "FIRED")!.atMs;
    expect(firedAt / DAY).toBeGreaterThan(2.7);
    expect(firedAt / DAY).toBeLessThan(2.9);
  });
});
