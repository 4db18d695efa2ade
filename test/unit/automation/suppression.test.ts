import { describe, expect, it } from "vitest";
import type { EdgeDecision, SuppressedDecision } from "../../../src/domain/decisions.js";
import { brief, feed, makeContext, makeRule, obs, S, series } from "./support/ruleKit.js";

describe("evaluateRule: suppression", () => {
  it("holds back a re-firing within the cooldown, reports it once, fires when it ends if still called for", () => {
    const rule = makeRule({ cooldownSeconds: 60 });
    // Fire at 0, clear at 5; from 10 s the value flickers around 70 during the cooldown, then stays high.
    const values = [80, 80, 80, 80, 80, 50, 50, 50, 50, 50, ...Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 71 : 69)), ...Array(20).fill(75)];
    const { decisions } = feed(rule, series(values));
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [5, "CLEARED"],
      [10, "SUPPRESSED", "COOLDOWN"],
      [60, "FIRED"],
    ]);
    const s = decisions[2] as SuppressedDecision;
    expect(s).toMatchObject({ edge: "FIRE", effect: "DELAYED", action: null, retryAtMs: 60 * S });
    expect(s.message).toBe('rule "too hot" firing delayed: rule "too hot" fired 10 s ago; cooldownSeconds 60 holds it back 50 s more');
  });

  it("never fires a cooled-down edge when the condition is gone by then", () => {
    const rule = makeRule({ cooldownSeconds: 60 });
    const { decisions, state } = feed(rule, series([80, 50, 80, ...Array(70).fill(50)]));
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [1, "CLEARED"],
      [2, "SUPPRESSED", "COOLDOWN"],
    ]);
    expect(state.phase).toBe("IDLE");
  });

  it("delays a clearing until the actuator had its minimum on-time, staying CLEARING meanwhile", () => {
    const rule = makeRule({ minOnSeconds: 300 });
    const values = [80, ...Array(400).fill(55)];
    const { decisions, state } = feed(rule, series(values));
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [1, "SUPPRESSED", "MIN_ON"],
      [300, "CLEARED"],
    ]);
    const s = decisions[1] as SuppressedDecision;
    expect(s).toMatchObject({ edge: "CLEAR", effect: "DELAYED", retryAtMs: 300 * S, action: { type: "ACTUATE", actuatorId: "cooler_1", state: "OFF" } });
    expect(s.message).toBe('rule "too hot" clearing delayed: cooler_1 was switched ON by this rule 1 s ago; minOnSeconds 300 keeps it ON 5 min more');
    expect((decisions[2] as EdgeDecision).actions).toEqual([{ type: "ACTUATE", actuatorId: "cooler_1", state: "OFF" }]);
    expect(state).toMatchObject({ phase: "IDLE", waitReason: null, waitUntilMs: null, switched: { cooler_1: { state: "OFF", atMs: 300 * S } } });
    const midway = feed(rule, series(values.slice(0, 100)));
    expect(midway.state).toMatchObject({ phase: "CLEARING", waitReason: "MIN_ON", waitUntilMs: 300 * S });
  });

  it("drops a delayed clearing when the condition returns: the actuator simply stays ON", () => {
    const rule = makeRule({ minOnSeconds: 300 });
    const { decisions, state } = feed(rule, series([80, ...Array(100).fill(55), ...Array(300).fill(80)]));
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [1, "SUPPRESSED", "MIN_ON"],
    ]);
    expect(state.phase).toBe("ACTIVE");
  });

  it("reports a minimum-time wait once even when the band is left and re-entered", () => {
    const rule = makeRule({ minOnSeconds: 300 });
    const values = [80, ...Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? 65 : 55))];
    expect(brief(feed(rule, series(values)).decisions)).toEqual([
      [0, "FIRED"],
      [2, "SUPPRESSED", "MIN_ON"], // 1 s is 65: in the hysteresis band, not yet clearing
      [300, "CLEARED"],
    ]);
  });

  it("delays a re-firing until the actuator had its minimum off-time", () => {
    const rule = makeRule({ minOffSeconds: 120 });
    const { decisions } = feed(rule, series([80, 50, ...Array(200).fill(80)]));
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [1, "CLEARED"],
      [2, "SUPPRESSED", "MIN_OFF"],
      [121, "FIRED"],
    ]);
    expect((decisions[2] as SuppressedDecision).message).toContain("cooler_1 was switched OFF by this rule 1 s ago; minOffSeconds 120 keeps it OFF 119 s more");
  });

  it("leaves an overridden actuator alone, still doing the rest, and does not retry it", () => {
    const rule = makeRule({
      actions: [
        { type: "ACTUATE", actuatorId: "cooler_1", state: "ON", clearState: "OFF" },
        { type: "WEBHOOK", url: "https://hooks.example/alert" },
      ],
    });
    const context = (o: { atMs: number }) => makeContext({ overridden: o.atMs < 10 * S ? ["cooler_1"] : [] });
    const { decisions, state } = feed(rule, series(Array(20).fill(80)), context);
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [0, "SUPPRESSED", "OVERRIDE"],
    ]);
    expect((decisions[0] as EdgeDecision).actions).toEqual([
      { type: "WEBHOOK", url: "https://hooks.example/alert", body: { sensorId: "temp_1", value: 80, ruleName: "too hot", event: "FIRED", time: "1970-01-01T00:00:00.000Z" } },
    ]);
    expect(decisions[1]).toMatchObject({ effect: "SKIPPED", retryAtMs: null, message: 'rule "too hot" skipped an action: cooler_1 is under manual override; rule "too hot" leaves it alone' });
    expect(state.switched).toEqual({}); // the rule did not switch it, so no min on/off applies
  });

  it("skips an action an interlock refuses, with the interlock's message", () => {
    const rule = makeRule();
    const refusal = { interlock: "heat-vs-cool", message: "refused: interlock heat-vs-cool forbids cooler_1 ON while heater_1 is ON" };
    const context = makeContext({ refuse: (c) => (c.actuatorId === "cooler_1" && c.state === "ON" ? refusal : null) });
    const { decisions, state } = feed(rule, series([80, 50]), context);
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [0, "SUPPRESSED", "INTERLOCK"],
      [1, "CLEARED"],
    ]);
    expect(decisions[1]).toMatchObject({ reason: "INTERLOCK", message: `rule "too hot" skipped an action: ${refusal.message}` });
    expect((decisions[0] as EdgeDecision).actions).toEqual([]);
    expect((decisions[2] as EdgeDecision).actions).toEqual([{ type: "ACTUATE", actuatorId: "cooler_1", state: "OFF" }]);
    expect(state.switched).toEqual({ cooler_1: { state: "OFF", atMs: 1000 } });
  });

  it("skips switching an actuator that is already in the wanted state", () => {
    const context = makeContext({ states: { cooler_1: { state: "ON", sinceMs: 0 } } });
    const { decisions } = feed(makeRule(), [obs(0, 80)], context);
    expect(brief(decisions)).toEqual([
      [0, "FIRED"],
      [0, "SUPPRESSED", "ALREADY_IN_STATE"],
    ]);
    expect(decisions[1]).toMatchObject({ message: 'rule "too hot" skipped an action: cooler_1 is already ON', effect: "SKIPPED" });
  });

  it("issues SET_INTERVAL on firing and its clearMs on clearing; none without clearMs", () => {
    const rule = makeRule({
      actions: [
        { type: "SET_INTERVAL", deviceId: "node-1", ms: 200, clearMs: 1000 },
        { type: "SET_INTERVAL", deviceId: "node-2", ms: 500 },
      ],
    });
    const { decisions } = feed(rule, series([80, 50]));
    expect((decisions[0] as EdgeDecision).actions).toEqual([
      { type: "SET_INTERVAL", deviceId: "node-1", ms: 200 },
      { type: "SET_INTERVAL", deviceId: "node-2", ms: 500 },
    ]);
    expect((decisions[1] as EdgeDecision).actions).toEqual([{ type: "SET_INTERVAL", deviceId: "node-1", ms: 1000 }]);
  });

  it("fills webhook templates with the event, value and names", () => {
    const rule = makeRule({
      name: "hot room",
      actions: [{ type: "WEBHOOK", url: "http://hooks.local/x", body: { text: "{{ruleName}}: {{sensorId}} at {{value}} ({{event}})", v: "{{value}}", at: "{{time}}" } }],
    });
    const { decisions } = feed(rule, [obs(0, 80), obs(60_000, 55.5)]);
    expect((decisions[1] as EdgeDecision).actions).toEqual([
      { type: "WEBHOOK", url: "http://hooks.local/x", body: { text: "hot room: temp_1 at 55.5 (CLEARED)", v: 55.5, at: "1970-01-01T00:01:00.000Z" } },
    ]);
  });
});
