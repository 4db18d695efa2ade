import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/analytics/random.js";
import { evaluateRule } from "../../../src/automation/evaluate.js";
import { indexRules } from "../../../src/automation/ruleIndex.js";
import { INITIAL_RULE_STATE, type RuleState } from "../../../src/automation/ruleState.js";
import type { Rule } from "../../../src/automation/ruleTypes.js";
import { makeContext, makeRule, obs } from "./support/ruleKit.js";

describe("rule index", () => {
  it("finds the enabled rules of a sensor; STALE rules also run on a clock", () => {
    const a = makeRule({ name: "a" });
    const b = makeRule({ name: "b", sensorId: "hum_1" });
    const c = makeRule({ name: "c", enabled: false });
    const d = makeRule({ name: "d", condition: { type: "STALE" }, clear: null });
    const index = indexRules([a, b, c, d]);
    expect(index.forSensor("temp_1")).toEqual([a, d]);
    expect(index.forSensor("hum_1")).toEqual([b]);
    expect(index.forSensor("nothing")).toEqual([]);
    expect(index.forSensor("nothing")).toBe(index.forSensor("other")); // no allocation per miss
    expect(index.clockDriven).toEqual([d]);
    expect(index.size).toBe(3);
  });

  // Speed is measured by bench:command (ingest with 200 rules); this checks the busy path's results.
  it("evaluates 200 rules over a busy signal: every reading reaches only its sensor's rules", () => {
    const random = new SeededRandom(3);
    const rules: Rule[] = [];
    for (let i = 0; i < 200; i++) {
      rules.push(
        makeRule({
          name: `r${i}`,
          sensorId: `s${i % 50}`,
          forSeconds: i % 3,
          clearForSeconds: i % 2,
          minOnSeconds: i % 5,
          actions: [{ type: "ACTUATE", actuatorId: `a${i}`, state: "ON", clearState: "OFF" }],
        }),
      );
    }
    const index = indexRules(rules);
    const states = new Map<string, RuleState>(rules.map((r) => [r.name, INITIAL_RULE_STATE]));
    const context = makeContext();
    const readings = Array.from({ length: 10_000 }, (_, i) => ({ sensorId: `s${i % 50}`, o: obs(i * 20, 65 + random.gaussian(0, 8)) }));
    let evaluations = 0;
    let decisions = 0;
    const run = (offsetMs: number) => {
      for (const { sensorId, o: recorded } of readings) {
        // Time must move forward across the two passes, as it does for the engine.
        const o = offsetMs === 0 ? recorded : { ...recorded, atMs: recorded.atMs + offsetMs };
        for (const rule of index.forSensor(sensorId)) {
          const result = evaluateRule(rule, states.get(rule.name)!, o, context);
          states.set(rule.name, result.state);
          decisions += result.decisions.length;
          evaluations++;
        }
      }
    };
    run(0);
    run(10 ** 9); // time moves forward across the two passes, as it does for the engine
    expect(evaluations).toBe(80_000);
    expect(decisions).toBeGreaterThan(1_000); // a busy signal: many edges, not just the idle path
  });
});
