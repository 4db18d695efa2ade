import type { ActuatorSnapshot, SwitchRequest } from "../../../../src/domain/actuatorState.js";
import type { InterlockRefusal } from "../../../../src/commands/interlocks.js";
import type { RuleDecision } from "../../../../src/domain/decisions.js";
import { evaluateRule } from "../../../../src/automation/evaluate.js";
import type { Observation, RuleContext } from "../../../../src/automation/observation.js";
import { INITIAL_RULE_STATE, type RuleState } from "../../../../src/domain/ruleState.js";
import type { Rule } from "../../../../src/domain/ruleTypes.js";
import { parseRule } from "../../../../src/automation/validateRule.js";

export const S = 1000;
export const MIN = 60_000;

/** "too hot": temp_1 above 70 switches cooler_1 ON, below 60 OFF; override any field. */
export function makeRule(overrides: Record<string, unknown> = {}): Rule {
  return parseRule({
    name: "too hot",
    sensorId: "temp_1",
    condition: { type: "VALUE", comparison: "GT", threshold: 70 },
    clear: { comparison: "LT", threshold: 60 },
    actions: [{ type: "ACTUATE", actuatorId: "cooler_1", state: "ON", clearState: "OFF" }],
    ...overrides,
  });
}

export function obs(atMs: number, value: number | null, extra: Partial<Observation> = {}): Observation {
  return { atMs, value, driftPerMinute: null, forecastValue: null, anomalyTypesActive: [], stale: false, ...extra };
}

export interface ContextOptions {
  readonly states?: Record<string, ActuatorSnapshot>;
  readonly overridden?: readonly string[];
  readonly refuse?: (command: SwitchRequest) => InterlockRefusal | null;
}

export function makeContext(options: ContextOptions = {}): RuleContext {
  return {
    actuatorStates: new Map(Object.entries(options.states ?? {})),
    overridden: (id) => (options.overridden ?? []).includes(id),
    interlockCheck: options.refuse ?? (() => null),
  };
}

/** Feeds observations through one rule, collecting every decision. */
export function feed(
  rule: Rule,
  observations: Iterable<Observation>,
  context: RuleContext | ((o: Observation) => RuleContext) = makeContext(),
  start: RuleState = INITIAL_RULE_STATE,
): { state: RuleState; decisions: RuleDecision[] } {
  let state = start;
  const decisions: RuleDecision[] = [];
  for (const o of observations) {
    const result = evaluateRule(rule, state, o, typeof context === "function" ? context(o) : context);
    state = result.state;
    decisions.push(...result.decisions);
  }
  return { state, decisions };
}

/** [atMs in seconds, event, reason?] for compact expectations. */
export function brief(decisions: readonly RuleDecision[]): Array<[number, string] | [number, string, string]> {
  return decisions.map((d) => (d.event === "SUPPRESSED" ? [d.atMs / S, d.event, d.reason] : [d.atMs / S, d.event]));
}

/** Observations every `stepMs` from 0 with the given values. */
export function series(values: ReadonlyArray<number | null>, stepMs = S, extra: Partial<Observation> = {}): Observation[] {
  return values.map((v, i) => obs(i * stepMs, v, extra));
}
