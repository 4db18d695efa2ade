import { describe, expect, it } from "vitest";
import type { EdgeDecision } from "../../../src/domain/decisions.js";
import { zoneOf } from "../../../src/automation/condition.js";
import { brief, feed, makeRule, MIN, obs, S } from "./support/ruleKit.js";

describe("evaluateRule: condition types", () => {
  it("DRIFT compares the drift per minute; no drift yet moves nothing", () => {
    const rule = makeRule({ condition: { type: "DRIFT", comparison: "GTE", threshold: 0.5 }, clear: { comparison: "LT", threshold: 0.2 } });
    const drifts = [null, 0.3, 0.5, null, 0.3, 0.19];
    const { decisions } = feed(
      rule,
      drifts.map((d, i) => obs(i * S, 20, { driftPerMinute: d })),
    );
    expect(brief(decisions)).toEqual([
      [2, "FIRED"],
      [5, "CLEARED"],
    ]);
    expect((decisions[0] as EdgeDecision).message).toBe('rule "too hot" fired: temp_1 drift per minute 0.5 GTE 0.5');
  });

  it("FORECAST compares the forecast at the horizon; a missing forecast breaks nothing and fires nothing", () => {
    const rule = makeRule({
      condition: { type: "FORECAST", comparison: "GT", threshold: 70, horizonMinutes: 30 },
      forSeconds: 120,
      clear: { comparison: "LT", threshold: 65 },
    });
    const forecasts = [72, 73, null, 74, 74, 60];
    const { decisions } = feed(
      rule,
      forecasts.map((f, i) => obs(i * MIN, 50, { forecastValue: f })),
    );
    // Holds from 0; the null at 2 min tells nothing (neither breaks nor confirms); 3 min ≥ 120 s → fires.
    expect(brief(decisions)).toEqual([
      [180, "FIRED"],
      [300, "CLEARED"],
    ]);
    expect((decisions[0] as EdgeDecision).message).toBe('rule "too hot" fired: temp_1 forecast in 30 min 74 GT 70 for 3 min');
  });

  it("STALE fires while the sensor is stale and clears when it reports again", () => {
    const rule = makeRule({ condition: { type: "STALE" }, clear: null, forSeconds: 10 });
    const stale = [false, true, true, true, false, true, true, true, true];
    const { decisions } = feed(
      rule,
      stale.map((s, i) => obs(i * 5 * S, 20, { stale: s })),
    );
    expect(brief(decisions)).toEqual([
      [15, "FIRED"],
      [20, "CLEARED"],
      [35, "FIRED"],
    ]);
    expect((decisions[0] as EdgeDecision).message).toBe('rule "too hot" fired: temp_1 is stale for 10 s');
    expect((decisions[1] as EdgeDecision).message).toBe('rule "too hot" cleared: temp_1 is fresh again');
  });

  it("ANOMALY fires while one of its types is active; other types do not count", () => {
    const rule = makeRule({ condition: { type: "ANOMALY", anomalyTypes: ["STUCK", "GAP"] }, clear: null });
    const active = [[], ["SPIKE"], ["SPIKE", "STUCK"], ["STUCK"], ["SPIKE"], []];
    const { decisions } = feed(
      rule,
      active.map((a, i) => obs(i * S, 20, { anomalyTypesActive: a })),
    );
    expect(brief(decisions)).toEqual([
      [2, "FIRED"],
      [4, "CLEARED"],
    ]);
    expect((decisions[0] as EdgeDecision).message).toBe('rule "too hot" fired: temp_1 has STUCK');
    expect((decisions[1] as EdgeDecision).message).toBe('rule "too hot" cleared: temp_1 has no STUCK/GAP anomaly');
  });

  it("ANOMALY without types listens to every type", () => {
    const rule = makeRule({ condition: { type: "ANOMALY" }, clear: null });
    expect(zoneOf(rule, obs(0, 1, { anomalyTypesActive: ["OUT_OF_RANGE"] }))).toBe("FIRE");
    expect(zoneOf(rule, obs(0, 1, { anomalyTypesActive: [] }))).toBe("CLEAR");
  });

  it("LT/LTE conditions with a clear band above work the same way round", () => {
    const rule = makeRule({ condition: { type: "VALUE", comparison: "LTE", threshold: 15 }, clear: { comparison: "GTE", threshold: 18 } });
    const { decisions } = feed(
      rule,
      [14, 15, 17.9, 18, 16, 15].map((v, i) => obs(i * S, v)),
    );
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [3, "CLEARED"],
      [5, "FIRED"],
    ]);
  });

  it("puts readings into zones: fire, band, clear, unknown", () => {
    const rule = makeRule();
    expect([71, 65, 59, null, Number.NaN].map((v) => zoneOf(rule, obs(0, v)))).toEqual(["FIRE", "BAND", "CLEAR", "UNKNOWN", "UNKNOWN"]);
    expect(zoneOf(rule, obs(0, 80, { stale: true }))).toBe("UNKNOWN");
  });
});
