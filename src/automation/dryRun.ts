import type { ActuatorSnapshot } from "../domain/actuatorState.js";
import type { ConcreteAction, SuppressionReason } from "../domain/decisions.js";
import { evaluateRule } from "./evaluate.js";
import type { Observation, RuleContext } from "./observation.js";
import { INITIAL_RULE_STATE, type RuleState } from "../domain/ruleState.js";
import type { Rule } from "../domain/ruleTypes.js";

/** Beyond this many entries the timeline is cut (the counts stay complete). */
const MAX_TIMELINE = 10_000;

export interface TimelineEntry {
  readonly atMs: number;
  readonly event: "FIRED" | "CLEARED" | "SUPPRESSED";
  readonly reason?: SuppressionReason;
  readonly message: string;
  readonly actions?: readonly ConcreteAction[];
}

export interface DryRunResult {
  readonly firings: number;
  readonly clearings: number;
  readonly suppressions: number;
  readonly timeline: readonly TimelineEntry[];
  readonly truncated: boolean;
  /** Where the rule would stand after the last observation. */
  readonly finalState: RuleState;
}

/**
 * Builds the context for one observation; `simulated` holds the actuator states the rule's
 * own commands would have produced (layer recorded overrides or interlocks on top).
 */
export type DryRunContextFactory = (atMs: number, simulated: ReadonlyMap<string, ActuatorSnapshot>) => RuleContext;

/** Only the rule's own switching: no overrides, no interlocks. */
export const ownCommandsOnly: DryRunContextFactory = (_atMs, simulated) => ({
  actuatorStates: simulated,
  overridden: () => false,
  interlockCheck: () => null,
});

export interface DryRunOptions {
  readonly initialState?: RuleState;
  /** Actuator states before the first observation. */
  readonly initialActuators?: ReadonlyMap<string, ActuatorSnapshot>;
}

/**
 * What the rule would have done over recorded observations (time order), assuming every
 * command it issued succeeded at once. Also evaluates a disabled rule: a dry run is how one
 * tries a rule before enabling it.
 */
export function dryRun(rule: Rule, observations: Iterable<Observation>, contextFactory: DryRunContextFactory = ownCommandsOnly, options: DryRunOptions = {}): DryRunResult {
  const simulated = new Map(options.initialActuators ?? []);
  const target = rule.enabled ? rule : { ...rule, enabled: true };
  let state = options.initialState ?? INITIAL_RULE_STATE;
  let firings = 0;
  let clearings = 0;
  let suppressions = 0;
  const timeline: TimelineEntry[] = [];
  let truncated = false;
  for (const o of observations) {
    const result = evaluateRule(target, state, o, contextFactory(o.atMs, simulated));
    state = result.state;
    for (const d of result.decisions) {
      if (d.event === "SUPPRESSED") suppressions++;
      else {
        if (d.event === "FIRED") firings++;
        else clearings++;
        for (const a of d.actions) if (a.type === "ACTUATE") simulated.set(a.actuatorId, { state: a.state, sinceMs: d.atMs });
      }
      if (timeline.length >= MAX_TIMELINE) {
        truncated = true;
        continue;
      }
      timeline.push(d.event === "SUPPRESSED" ? { atMs: d.atMs, event: d.event, reason: d.reason, message: d.message } : { atMs: d.atMs, event: d.event, message: d.message, actions: d.actions });
    }
  }
  return { firings, clearings, suppressions, timeline, truncated, finalState: state };
}
