import { describe, expect, it } from "vitest";
import { carriedState, INITIAL_RULE_STATE, parseRuleState, RuleStateError, serializeRuleState, type RuleState } from "../../../src/domain/ruleState.js";
import { feed, makeRule, series } from "../automation/support/ruleKit.js";

describe("rule state", () => {
  it("round-trips through JSON in every phase", () => {
    const rule = makeRule({ forSeconds: 2, clearForSeconds: 2, minOnSeconds: 10, cooldownSeconds: 30 });
    const values = [80, 80, 80, 80, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 80, 80, 80];
    const seen = new Set<string>();
    for (let n = 0; n <= values.length; n++) {
      const { state } = feed(rule, series(values.slice(0, n)));
      seen.add(state.phase);
      const text = serializeRuleState(state);
      expect(parseRuleState(text)).toEqual(state);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(state)));
    }
    expect(seen).toEqual(new Set(["IDLE", "PENDING", "ACTIVE", "CLEARING"]));
  });

  it("starts IDLE with no history", () => {
    expect(INITIAL_RULE_STATE).toEqual({
      version: 1,
      phase: "IDLE",
      sinceMs: null,
      lastFiredMs: null,
      lastClearedMs: null,
      switched: {},
      waitReason: null,
      waitUntilMs: null,
    });
    expect(parseRuleState(serializeRuleState(INITIAL_RULE_STATE))).toEqual(INITIAL_RULE_STATE);
  });

  it("refuses stored state it cannot resume, naming the field", () => {
    const good: RuleState = { ...INITIAL_RULE_STATE, phase: "ACTIVE", sinceMs: 5, lastFiredMs: 5, switched: { fan_1: { state: "ON", atMs: 5 } } };
    const bad = (changes: Record<string, unknown>) => () => parseRuleState(JSON.stringify({ ...good, ...changes }));
    expect(() => parseRuleState("nope")).toThrow(RuleStateError);
    expect(() => parseRuleState("[]")).toThrow("rule state must be a JSON object");
    expect(bad({ version: 2 })).toThrow("rule state field version must be 1, got 2");
    expect(bad({ phase: "FIRING" })).toThrow('rule state field phase must be IDLE | PENDING | ACTIVE | CLEARING, got "FIRING"');
    expect(bad({ sinceMs: null })).toThrow("rule state field sinceMs must be a time while ACTIVE, got null");
    expect(bad({ phase: "IDLE" })).toThrow("rule state field sinceMs must be null while IDLE, got 5");
    expect(bad({ lastFiredMs: "5" })).toThrow('rule state field lastFiredMs must be epoch ms or null, got "5"');
    expect(bad({ waitReason: "LATER" })).toThrow('rule state field waitReason must be COOLDOWN | MIN_ON | MIN_OFF or null, got "LATER"');
    expect(bad({ switched: { fan_1: { state: "on", atMs: 1 } } })).toThrow('rule state field switched.fan_1 must be {state: "ON"|"OFF", atMs}');
    expect(() => parseRuleState('{"version":1,"phase":"IDLE","switched":{"__proto__":{"state":"ON","atMs":1}}}')).toThrow(
      'rule state field switched has a key that is not an actuator id: "__proto__"',
    );
  });
});

describe("carriedState (a rule's definition changed)", () => {
  const rule = makeRule();
  const fired: RuleState = { ...INITIAL_RULE_STATE, phase: "ACTIVE", sinceMs: 10_000, lastFiredMs: 10_000, lastClearedMs: 2_000, switched: { cooler_1: { state: "ON", atMs: 10_000 } } };

  it("keeps a firing (ACTIVE or CLEARING) with its times and switches, and drops holds and waits", () => {
    const edited = makeRule({ condition: { type: "VALUE", comparison: "GT", threshold: 72 } });
    expect(carriedState(rule, edited, fired)).toEqual(fired);
    const clearing: RuleState = { ...fired, phase: "CLEARING", sinceMs: 30_000, waitReason: "MIN_ON", waitUntilMs: 40_000 };
    expect(carriedState(rule, edited, clearing)).toEqual(fired);
    const disabled = makeRule({ enabled: false });
    expect(carriedState(rule, disabled, fired)).toEqual(fired);
  });

  it("starts a rule that had not fired (or was only holding) IDLE, remembering its last firing for the cooldown", () => {
    const pending: RuleState = { ...INITIAL_RULE_STATE, phase: "PENDING", sinceMs: 50_000, lastFiredMs: 10_000, lastClearedMs: 20_000, waitReason: "COOLDOWN", waitUntilMs: 60_000 };
    expect(carriedState(rule, rule, pending)).toEqual({ ...INITIAL_RULE_STATE, lastFiredMs: 10_000, lastClearedMs: 20_000 });
  });

  it("starts over when the rule watches another sensor", () => {
    expect(carriedState(rule, makeRule({ sensorId: "temp_9" }), fired)).toBe(INITIAL_RULE_STATE);
  });
});
