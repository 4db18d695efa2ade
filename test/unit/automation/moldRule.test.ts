import { describe, expect, it } from "vitest";
import type { ClimateHour } from "../../../src/analytics/climate/moldRisk.js";
import { weeksToIndex1Regression } from "../../../src/analytics/climate/vttMold.js";
import type { EdgeDecision } from "../../../src/domain/decisions.js";
import { dryRun } from "../../../src/automation/dryRun.js";
import { moldObservations } from "../../../src/automation/moldObservations.js";
import { validateRuleInput } from "../../../src/automation/validateRule.js";
import { cellarSetup } from "../climate/support/cellar.js";
import { brief, feed, makeRule, obs } from "./support/ruleKit.js";

const HOUR = 3_600_000;
const keepDry = {
  name: "keep the cellar dry",
  sensorId: "humidity_1",
  condition: { type: "MOLD_RISK", measure: "HOURS_TO_INDEX1_FORECAST", comparison: "LT", threshold: 168, forecastHours: 24 },
  clear: { comparison: "GT", threshold: 336 },
  actions: [{ type: "ACTUATE", actuatorId: "dehumidifier_1", state: "ON", clearState: "OFF" }],
};

describe("MOLD_RISK rule condition", () => {
  it("is validated: a measure is required, the threshold fits it, the forecast basis is 1–720 h", () => {
    expect(validateRuleInput(keepDry)).toEqual([]);
    const c = keepDry.condition;
    expect(validateRuleInput({ ...keepDry, condition: { ...c, measure: undefined } })).toEqual([
      "condition.measure is required for MOLD_RISK (one of INDEX, INDEX_FORECAST, HOURS_TO_INDEX1, HOURS_TO_INDEX1_FORECAST)",
    ]);
    expect(validateRuleInput({ ...keepDry, clear: null, condition: { ...c, measure: "INDEX", comparison: "GTE", threshold: 7 } })).toEqual([
      "condition.threshold for INDEX is a mold index, 0..6; got 7",
    ]);
    expect(validateRuleInput({ ...keepDry, condition: { ...c, forecastHours: 0 } })).toEqual(["condition.forecastHours must be an integer in 1..720 (hours of history the forecast repeats), got 0"]);
    expect(validateRuleInput({ ...keepDry, condition: { type: "VALUE", comparison: "GT", threshold: 70, measure: "INDEX" }, clear: null })).toEqual([
      "condition.measure applies only to MOLD_RISK; leave it out",
    ]);
    // The clear band must lie outside the condition, as for any compared condition.
    expect(validateRuleInput({ ...keepDry, clear: { comparison: "GT", threshold: 100 } })[0]).toMatch(/clear.threshold 100 does not leave the condition LT 168/);
  });

  it("fires when index 1 comes within a week and clears when it is two weeks off or never", () => {
    const rule = makeRule(keepDry);
    const hours = [400, 200, 150, 120, 200, 300, Number.POSITIVE_INFINITY, 100, null];
    const { decisions } = feed(
      rule,
      hours.map((h, i) => obs(i * HOUR, 80, { moldValue: h })),
    );
    expect(brief(decisions)).toEqual([
      [2 * 3600, "FIRED"],
      [6 * 3600, "CLEARED"],
      [7 * 3600, "FIRED"],
    ]);
    expect((decisions[0] as EdgeDecision).message).toBe('rule "keep the cellar dry" fired: humidity_1 room\'s mold hours to index 1 (the last 24 h repeating) 150 LT 168');
    expect((decisions[1] as EdgeDecision).message).toMatch(/humidity_1 room's mold hours to index 1 \(the last 24 h repeating\) never GT 336$/);
  });

  it("dry-runs over a room's hourly history with the measure moldRisk would have answered each hour", () => {
    const setup = cellarSetup();
    // 30 dry days, then 5 days at 97 %: index 1 takes t_m ≈ 249 h from the rise.
    const start = Date.UTC(2026, 0, 1);
    const history: ClimateHour[] = Array.from({ length: 35 * 24 }, (_, k) => ({
      startMs: start + k * HOUR,
      endMs: start + (k + 1) * HOUR,
      celsius: 20,
      relativeHumidity: k >= 30 * 24 ? 97 : 45,
    }));
    const from = start + 30 * 24 * HOUR;
    const rule = makeRule({ ...keepDry, forSeconds: 0 });
    const observations = moldObservations(rule, setup, history, from, start + 35 * 24 * HOUR);
    expect(observations).toHaveLength(5 * 24);
    expect(observations[0]!.moldValue).toBe(Number.POSITIVE_INFINITY); // one wet hour repeated with 23 dry ones: never
    const result = dryRun(rule, observations);
    expect(result.firings).toBe(1);
    // Fires once index 1 is less than a week (168 h) away: t_m − 168 h after the humidity rose.
    const tm = weeksToIndex1Regression(20, 97) * 168;
    const fired = result.timeline[0]!;
    expect((fired.atMs - from) / HOUR).toBeCloseTo(tm - 168, -0.5);
    const last = observations.at(-1)!;
    expect(last.moldValue).toBeCloseTo(tm - 5 * 24, -1);
  });
});
