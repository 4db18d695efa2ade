import { describe, expect, it } from "vitest";
import type { EdgeDecision } from "../../../src/domain/decisions.js";
import { evaluateRule, leavesRuleAsIs, nextWakeMs } from "../../../src/automation/evaluate.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { INITIAL_RULE_STATE, parseRuleState, serializeRuleState } from "../../../src/domain/ruleState.js";
import { brief, feed, makeContext, makeRule, obs, S, series } from "./support/ruleKit.js";

describe("evaluateRule: phases", () => {
  it("fires only after the condition held forSeconds without a break", () => {
    const rule = makeRule({ forSeconds: 60 });
    // Holds 0–30 s, breaks at 31 s, holds again from 32 s: fires at 32 + 60 = 92 s.
    const values = Array.from({ length: 120 }, (_, i) => (i === 31 ? 69 : 71));
    const { state, decisions } = feed(rule, series(values));
    expect(brief(decisions)).toEqual([[92, "FIRED"]]);
    expect(state).toMatchObject({ phase: "ACTIVE", sinceMs: 92 * S, lastFiredMs: 92 * S });
  });

  it("fires on the first reading when forSeconds is 0, with the actions and a message", () => {
    const { decisions } = feed(makeRule(), [obs(0, 72.34)]);
    const fired = decisions[0] as EdgeDecision;
    expect(fired).toEqual({
      event: "FIRED",
      ruleName: "too hot",
      sensorId: "temp_1",
      atMs: 0,
      value: 72.34,
      message: 'rule "too hot" fired: temp_1 value 72.34 GT 70',
      actions: [{ type: "ACTUATE", actuatorId: "cooler_1", state: "ON" }],
    });
  });

  it("keeps its phase inside the hysteresis band and clears only in the clear band", () => {
    const { decisions, state } = feed(makeRule(), series([71, 65, 61, 70, 60, 59.9, 65, 70, 70.1]));
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [5, "CLEARED"],
      [8, "FIRED"],
    ]);
    expect((decisions[1] as EdgeDecision).message).toBe('rule "too hot" cleared: temp_1 value 59.9 LT 60');
    expect((decisions[1] as EdgeDecision).actions).toEqual([{ type: "ACTUATE", actuatorId: "cooler_1", state: "OFF" }]);
    expect(state.lastClearedMs).toBe(5 * S);
  });

  it("without a clear band clears when the condition stops holding", () => {
    const { decisions } = feed(makeRule({ clear: null }), series([71, 70.5, 70, 71]));
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [2, "CLEARED"],
      [3, "FIRED"],
    ]);
    expect((decisions[1] as EdgeDecision).message).toBe('rule "too hot" cleared: temp_1 value 70 no longer GT 70');
  });

  it("clears only after the band held clearForSeconds; leaving the band goes back to ACTIVE", () => {
    const rule = makeRule({ clearForSeconds: 10 });
    const values = [71, ...Array(5).fill(55), 65, ...Array(12).fill(55)];
    const { decisions, state } = feed(rule, series(values));
    // Band from 1 s, broken at 6 s (65 is not < 60), held again from 7 s: clears at 17 s.
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [17, "CLEARED"],
    ]);
    expect((decisions[1] as EdgeDecision).message).toBe('rule "too hot" cleared: temp_1 value 55 LT 60 for 10 s');
    expect(state.phase).toBe("IDLE");
    const midway = feed(rule, series(values.slice(0, 7)));
    expect(midway.state).toMatchObject({ phase: "ACTIVE", sinceMs: 0 });
  });

  it("returns the same state object and no decisions when nothing changes", () => {
    const rule = makeRule();
    const context = makeContext();
    const idle = evaluateRule(rule, INITIAL_RULE_STATE, obs(0, 20), context);
    expect(idle.state).toBe(INITIAL_RULE_STATE);
    expect(idle.decisions).toEqual([]);
    const active = evaluateRule(rule, INITIAL_RULE_STATE, obs(0, 80), context).state;
    expect(evaluateRule(rule, active, obs(1, 80), context).state).toBe(active);
    expect(evaluateRule(rule, active, obs(2, 65), context).state).toBe(active);
  });

  it("does nothing for a disabled rule", () => {
    expect(feed(makeRule({ enabled: false }), series([80, 50, 80])).decisions).toEqual([]);
  });

  it("ignores stale observations unless the rule is about staleness", () => {
    const rule = makeRule({ clear: null });
    const { decisions, state } = feed(rule, [obs(0, 80), obs(1000, 50, { stale: true })]);
    expect(brief(decisions)).toEqual([[0, "FIRED"]]);
    expect(state.phase).toBe("ACTIVE");
  });

  it("ignores a late reading older than what the rule has already seen", () => {
    const rule = makeRule({ forSeconds: 10 });
    const { decisions, state } = feed(rule, [obs(100 * S, 80), obs(50 * S, 50), obs(110 * S, 80), obs(120 * S, 50), obs(105 * S, 80)]);
    expect(brief(decisions)).toEqual([
      [110, "FIRED"],
      [120, "CLEARED"],
    ]);
    expect(state.phase).toBe("IDLE");
  });

  it("says when it could move without a new reading", () => {
    const rule = makeRule({ forSeconds: 30, clearForSeconds: 5 });
    const pending = feed(rule, [obs(1000, 80)]).state;
    expect(nextWakeMs(rule, pending)).toBe(31_000);
    const active = feed(rule, [obs(0, 80), obs(30_000, 80)]).state;
    expect(nextWakeMs(rule, active)).toBeNull();
    const clearing = feed(rule, [obs(0, 80), obs(30_000, 80), obs(40_000, 50)]).state;
    expect(nextWakeMs(rule, clearing)).toBe(45_000);
    expect(nextWakeMs(rule, INITIAL_RULE_STATE)).toBeNull();
  });

  it("resumes from stored JSON exactly where it stood", () => {
    const rule = makeRule({ forSeconds: 30, clearForSeconds: 10, minOnSeconds: 120 });
    const values = [...Array(40).fill(75), ...Array(200).fill(50)];
    const all = series(values);
    const straight = feed(rule, all);
    for (const cut of [15, 35, 45, 100]) {
      const first = feed(rule, all.slice(0, cut));
      const resumed = feed(rule, all.slice(cut), makeContext(), parseRuleState(serializeRuleState(first.state)));
      expect([...first.decisions, ...resumed.decisions]).toEqual(straight.decisions);
      expect(resumed.state).toEqual(straight.state);
    }
    expect(brief(straight.decisions)).toEqual([
      [30, "FIRED"],
      [50, "SUPPRESSED", "MIN_ON"],
      [150, "CLEARED"],
    ]);
  });
});

describe("leavesRuleAsIs: the engine's shortcut", () => {
  it("is true only where evaluateRule returns the same state and no decisions", () => {
    // A random walk across the fire, band and clear zones (and gaps), through every phase,
    // cooldown and hold: wherever the shortcut says "as is", the full evaluation agrees.
    const rng = new SeededRandom(11);
    const random = (): number => rng.next();
    const ctx = makeContext();
    for (const rule of [makeRule(), makeRule({ forSeconds: 20, clearForSeconds: 10, cooldownSeconds: 90 })]) {
      let state = INITIAL_RULE_STATE;
      let value = 65;
      let shortcuts = 0;
      let moves = 0;
      let edges = 0;
      for (let i = 0; i < 5_000; i++) {
        value = Math.min(80, Math.max(50, value + (random() - 0.5) * 4));
        const o = obs(i * S, random() < 0.02 ? null : value);
        const result = evaluateRule(rule, state, o, ctx);
        if (leavesRuleAsIs(rule, state, o)) {
          shortcuts += 1;
          expect(result.state).toBe(state);
          expect(result.decisions).toHaveLength(0);
        } else moves += 1;
        edges += result.decisions.filter((d) => d.event !== "SUPPRESSED").length;
        state = result.state;
      }
      expect(shortcuts).toBeGreaterThan(1_000);
      expect(moves).toBeGreaterThan(10);
      expect(edges).toBeGreaterThan(4);
    }
  });

  it("is true for a disabled rule and for a reading older than the rule's state", () => {
    expect(leavesRuleAsIs(makeRule({ enabled: false }), INITIAL_RULE_STATE, obs(0, 90))).toBe(true);
    const fired = feed(makeRule(), [obs(10 * S, 75)]).state;
    expect(leavesRuleAsIs(makeRule(), fired, obs(5 * S, 40))).toBe(true);
    expect(leavesRuleAsIs(makeRule(), fired, obs(11 * S, 40))).toBe(false);
  });
});
