import { describe, expect, it } from "vitest";
import { clearBandProblem } from "../../../src/automation/validateCondition.js";
import { parseRule, RuleInputError, validateRuleInput } from "../../../src/automation/validateRule.js";

const VALID = {
  name: "too hot",
  sensorId: "temp_1",
  condition: { type: "VALUE", comparison: "GT", threshold: 70 },
  clear: { comparison: "LT", threshold: 60 },
  actions: [{ type: "ACTUATE", actuatorId: "cooler_1", state: "ON", clearState: "OFF" }],
};

/** Problems of VALID with some fields replaced. */
const problemsWith = (changes: Record<string, unknown>) => validateRuleInput({ ...VALID, ...changes });
const cond = (c: Record<string, unknown>) => problemsWith({ condition: c, clear: null });
const action = (a: Record<string, unknown>) => problemsWith({ actions: [a] });

describe("validateRuleInput", () => {
  it("accepts a good rule and fills the defaults", () => {
    expect(validateRuleInput(VALID)).toEqual([]);
    expect(parseRule(VALID)).toEqual({
      ...VALID,
      condition: { type: "VALUE", comparison: "GT", threshold: 70 },
      forSeconds: 0,
      clearForSeconds: 0,
      cooldownSeconds: 0,
      minOnSeconds: 0,
      minOffSeconds: 0,
      enabled: true,
    });
    // GraphQL sends null for omitted optional fields.
    expect(problemsWith({ forSeconds: null, cooldownSeconds: null, enabled: null })).toEqual([]);
  });

  it("names the rule's own fields", () => {
    expect(validateRuleInput("x")).toEqual(['a rule must be an object, got "x"']);
    expect(problemsWith({ name: undefined, sensorId: undefined })).toEqual(["name is required", "sensorId is required"]);
    expect(problemsWith({ name: "  ", sensorId: "temp 1" })).toEqual([
      'name must be a non-blank string of at most 100 characters, got "  "',
      "sensorId \"temp 1\" has characters other than letters, digits, '_', '.', ':' and '-' (or does not start with a letter or digit)",
    ]);
    expect(problemsWith({ forSeconds: -1, clearForSeconds: "5", cooldownSeconds: 1e9, minOnSeconds: Number.NaN, minOffSeconds: 700_000 })).toEqual([
      "forSeconds must be a number of seconds in 0..604800 (7 days), got -1",
      'clearForSeconds must be a number of seconds in 0..604800 (7 days), got "5"',
      "cooldownSeconds must be a number of seconds in 0..604800 (7 days), got 1000000000",
      "minOnSeconds must be a number of seconds in 0..604800 (7 days), got NaN",
      "minOffSeconds must be a number of seconds in 0..604800 (7 days), got 700000",
    ]);
    expect(problemsWith({ enabled: "yes" })).toEqual(['enabled must be true or false, got "yes"']);
    expect(problemsWith({ forSecond: 5 })).toEqual([
      "forSecond does not apply to a rule; leave it out (fields: name, sensorId, condition, forSeconds, clear, clearForSeconds, actions, cooldownSeconds, minOnSeconds, minOffSeconds, enabled)",
    ]);
  });

  it("names what each condition type needs and refuses what it does not use", () => {
    expect(problemsWith({ condition: undefined })).toEqual(["condition is required"]);
    expect(problemsWith({ condition: 5 })).toEqual(["condition must be an object, got 5"]);
    expect(cond({ type: "LEVEL" })).toEqual(['condition.type must be one of VALUE, DRIFT, FORECAST, ANOMALY, STALE, MOLD_RISK, got "LEVEL"']);
    expect(cond({ type: "VALUE" })).toEqual(["condition.comparison is required for VALUE (one of GT, GTE, LT, LTE)", "condition.threshold is required for VALUE"]);
    expect(cond({ type: "DRIFT", comparison: "EQ", threshold: "1" })).toEqual([
      'condition.comparison must be one of GT, GTE, LT, LTE, got "EQ"',
      'condition.threshold must be a finite number, got "1"',
    ]);
    expect(cond({ type: "FORECAST", comparison: "GT", threshold: 70 })).toEqual(["condition.horizonMinutes is required for FORECAST (1..10080 minutes)"]);
    expect(cond({ type: "FORECAST", comparison: "GT", threshold: 70, horizonMinutes: 10_081 })).toEqual(["condition.horizonMinutes must be an integer in 1..10080 (minutes, up to 7 days), got 10081"]);
    expect(cond({ type: "FORECAST", comparison: "GT", threshold: 70, horizonMinutes: 0.5 })).toEqual(["condition.horizonMinutes must be an integer in 1..10080 (minutes, up to 7 days), got 0.5"]);
    expect(cond({ type: "VALUE", comparison: "GT", threshold: 70, horizonMinutes: 5, anomalyTypes: ["SPIKE"] })).toEqual([
      "condition.horizonMinutes applies only to FORECAST; leave it out",
      "condition.anomalyTypes applies only to ANOMALY; leave it out",
    ]);
    expect(cond({ type: "STALE", comparison: "GT", threshold: 1 })).toEqual([
      "condition.comparison does not apply to STALE; leave it out",
      "condition.threshold does not apply to STALE; leave it out",
    ]);
    expect(cond({ type: "ANOMALY", anomalyTypes: [] })).toEqual([
      "condition.anomalyTypes must be a non-empty list of SPIKE, LEVEL_SHIFT, DISTRIBUTION_CHANGE, SEASONAL_BREAK, STUCK, RAPID_CHANGE, OUT_OF_RANGE, GAP, CALIBRATION_MISMATCH; leave it out for all of them",
    ]);
    expect(cond({ type: "ANOMALY", anomalyTypes: ["SPIKE", "NOISE", "SPIKE"] })).toEqual([
      'condition.anomalyTypes[1] must be one of SPIKE, LEVEL_SHIFT, DISTRIBUTION_CHANGE, SEASONAL_BREAK, STUCK, RAPID_CHANGE, OUT_OF_RANGE, GAP, CALIBRATION_MISMATCH, got "NOISE"',
      "condition.anomalyTypes[2] repeats SPIKE",
    ]);
    expect(cond({ type: "VALUE", comparison: "GT", threshold: 1, window: 5 })).toEqual([
      "condition.window does not apply to a condition; leave it out (fields: type, comparison, threshold, horizonMinutes, anomalyTypes, measure, forecastHours)",
    ]);
    expect(parseRule({ ...VALID, condition: { type: "ANOMALY" }, clear: null }).condition).toEqual({
      type: "ANOMALY",
      anomalyTypes: ["SPIKE", "LEVEL_SHIFT", "DISTRIBUTION_CHANGE", "SEASONAL_BREAK", "STUCK", "RAPID_CHANGE", "OUT_OF_RANGE", "GAP", "CALIBRATION_MISMATCH"],
    });
  });

  it("requires the clear band on the far side of the threshold, saying why", () => {
    expect(problemsWith({ clear: { comparison: "GT", threshold: 80 } })).toEqual([
      "clear.comparison GT 80 does not leave the condition GT 70: a clear band for GT must be below the threshold (use LT or LTE)",
    ]);
    expect(problemsWith({ clear: { comparison: "LT", threshold: 80 } })).toEqual([
      "clear.threshold 80 does not leave the condition GT 70: a clear band for GT must be below the threshold (values between 70 and 80 would both fire and clear)",
    ]);
    expect(problemsWith({ clear: { comparison: "LT", threshold: 70 } })).toEqual([]); // touching, not overlapping
    expect(problemsWith({ clear: { comparison: "LTE", threshold: 70 } })).toEqual([]); // GT 70 excludes 70 itself
    expect(clearBandProblem({ comparison: "GTE", threshold: 70 }, { comparison: "LTE", threshold: 70 })).toBe(
      "clear.threshold 70 does not leave the condition GTE 70: a clear band for GTE must be below the threshold (the value 70 itself would both fire and clear; use LT 70)",
    );
    expect(clearBandProblem({ comparison: "LT", threshold: 15 }, { comparison: "GT", threshold: 12 })).toBe(
      "clear.threshold 12 does not leave the condition LT 15: a clear band for LT must be above the threshold (values between 12 and 15 would both fire and clear)",
    );
    expect(clearBandProblem({ comparison: "LTE", threshold: 15 }, { comparison: "LT", threshold: 10 })).toBe(
      "clear.comparison LT 10 does not leave the condition LTE 15: a clear band for LTE must be above the threshold (use GT or GTE)",
    );
    expect(clearBandProblem({ comparison: "LT", threshold: 15 }, { comparison: "GTE", threshold: 15 })).toBeNull();
    expect(problemsWith({ clear: { comparison: "LT" } })).toEqual(["clear.threshold is required for a clear band"]);
    expect(problemsWith({ clear: { threshold: 5, below: true } })).toEqual([
      "clear.below does not apply to a clear band; leave it out (fields: comparison, threshold)",
      "clear.comparison is required for a clear band (one of GT, GTE, LT, LTE)",
    ]);
    expect(problemsWith({ clear: [60] })).toEqual(["clear must be an object {comparison, threshold} or null, got a list"]);
    expect(problemsWith({ condition: { type: "ANOMALY" } })).toEqual(["clear does not apply to ANOMALY: the rule clears when none of its anomaly types is active; set clear to null"]);
    expect(problemsWith({ condition: { type: "STALE" } })).toEqual(["clear does not apply to STALE: the rule clears when the sensor is fresh again; set clear to null"]);
  });

  it("names each bad action by its index", () => {
    expect(problemsWith({ actions: [] })).toEqual(["actions must hold 1..10 actions, got 0"]);
    expect(problemsWith({ actions: undefined })).toEqual(["actions must be a list of 1..10 actions, got nothing"]);
    expect(problemsWith({ actions: Array.from({ length: 11 }, () => ({ type: "WEBHOOK", url: "http://x" })) })).toEqual(["actions must hold 1..10 actions, got 11"]);
    expect(problemsWith({ actions: [{ type: "WEBHOOK", url: "http://x" }, "switch"] })).toEqual(['actions[1] must be an object, got "switch"']);
    expect(action({ type: "EMAIL" })).toEqual(['actions[0].type must be one of ACTUATE, SET_INTERVAL, WEBHOOK, CALIBRATE, got "EMAIL"']);
    expect(action({ type: "ACTUATE" })).toEqual(["actions[0].actuatorId is required for ACTUATE", 'actions[0].state is required for ACTUATE ("ON" or "OFF")']);
    expect(action({ type: "ACTUATE", actuatorId: "fan_1", state: "on", clearState: 1 })).toEqual([
      'actions[0].state must be "ON" or "OFF", got "on"',
      'actions[0].clearState must be "ON" or "OFF", got 1',
    ]);
    expect(action({ type: "ACTUATE", actuatorId: "fan_1", state: "ON", clearState: "ON" })).toEqual([
      "actions[0].clearState ON equals state: clearing would change nothing; leave clearState out or use OFF",
    ]);
    expect(action({ type: "ACTUATE", actuatorId: "fan_1", state: "ON", url: "http://x" })).toEqual([
      "actions[0].url does not apply to ACTUATE; leave it out (fields: type, actuatorId, state, clearState)",
    ]);
    expect(
      problemsWith({
        actions: [
          { type: "ACTUATE", actuatorId: "fan_1", state: "ON" },
          { type: "ACTUATE", actuatorId: "fan_1", state: "OFF" },
        ],
      }),
    ).toEqual(["actions[1].actuatorId fan_1 is already used by actions[0]; give each actuator one action"]);
    expect(action({ type: "SET_INTERVAL", deviceId: "node-1" })).toEqual(["actions[0].ms is required for SET_INTERVAL (100..60000 milliseconds)"]);
    expect(action({ type: "SET_INTERVAL", deviceId: "node-1", ms: 50, clearMs: 100.5 })).toEqual([
      "actions[0].ms must be an integer in 100..60000 (milliseconds), got 50",
      "actions[0].clearMs must be an integer in 100..60000 (milliseconds), got 100.5",
    ]);
    expect(action({ type: "SET_INTERVAL", ms: 500 })).toEqual(["actions[0].deviceId is required for SET_INTERVAL"]);
  });

  it("accepts only http(s) webhooks with a JSON object body whose templates it knows", () => {
    expect(action({ type: "WEBHOOK" })).toEqual(["actions[0].url is required for WEBHOOK"]);
    expect(action({ type: "WEBHOOK", url: "hooks" })).toEqual(['actions[0].url is not a valid absolute URL: "hooks"']);
    expect(
      problemsWith({
        actions: [
          { type: "WEBHOOK", url: "http://a" },
          { type: "WEBHOOK", url: "ftp://files.example/drop" },
        ],
      }),
    ).toEqual(["actions[1].url must be http or https, got ftp://files.example/drop"]);
    expect(action({ type: "WEBHOOK", url: "https://a", body: [1] })).toEqual(["actions[0].body must be a JSON object, got a list"]);
    expect(action({ type: "WEBHOOK", url: "https://a", body: "{nope" })[0]).toMatch(/^actions\[0\]\.body is not valid JSON \(/);
    expect(action({ type: "WEBHOOK", url: "https://a", body: '"text"' })).toEqual(['actions[0].body must be a JSON object, got "text"']);
    expect(action({ type: "WEBHOOK", url: "https://a", body: { text: "{{sensorId}} {{valu}}", list: ["{{ rule }}"] } })).toEqual([
      "actions[0].body.text uses unknown template field {{valu}}; known: {{sensorId}}, {{value}}, {{ruleName}}, {{event}}, {{time}}",
      "actions[0].body.list[0] uses unknown template field {{rule}}; known: {{sensorId}}, {{value}}, {{ruleName}}, {{event}}, {{time}}",
    ]);
    expect(action({ type: "WEBHOOK", url: "https://a", body: { text: "x".repeat(5000) } })).toEqual(["actions[0].body is 5011 characters of JSON; at most 4096 are allowed"]);
    const parsed = parseRule({ ...VALID, actions: [{ type: "WEBHOOK", url: "https://a", body: '{"text":"{{ruleName}}"}' }] });
    expect(parsed.actions).toEqual([{ type: "WEBHOOK", url: "https://a", body: { text: "{{ruleName}}" } }]);
  });

  it("refuses an invalid rule with every message, naming the rule", () => {
    expect(() => parseRule({ ...VALID, forSeconds: -1, actions: [] })).toThrow(RuleInputError);
    expect(() => parseRule({ ...VALID, forSeconds: -1, actions: [] })).toThrow(
      'rule "too hot" refused: forSeconds must be a number of seconds in 0..604800 (7 days), got -1; actions must hold 1..10 actions, got 0',
    );
    try {
      parseRule({});
    } catch (e) {
      expect((e as RuleInputError).problems).toEqual(["name is required", "sensorId is required", "condition is required", "actions must be a list of 1..10 actions, got nothing"]);
      expect((e as RuleInputError).code).toBe("BAD_USER_INPUT");
      expect((e as RuleInputError).message).toMatch(/^rule refused: /);
    }
  });
});
