import { formatDuration } from "../analytics/format.js";
import { planEdge, type Edge } from "./actionPlan.js";
import { describeClearing, describeFiring, zoneOf } from "./condition.js";
import type { ConcreteAction, Evaluation, RuleDecision, SuppressedDecision, SuppressionReason } from "../domain/decisions.js";
import type { Observation, RuleContext } from "./observation.js";
import type { RuleState, SwitchRecord, WaitReason } from "../domain/ruleState.js";
import type { Rule } from "../domain/ruleTypes.js";

const NONE: readonly RuleDecision[] = Object.freeze([]);

/**
 * Advances one rule by one observation. Observations older than the newest time the state
 * holds are ignored (the twin accepts late readings; a rule must not act on the past).
 * Pure: the input state is not modified; when nothing changes the same state object comes
 * back with no decisions, and no memory is allocated beyond the result.
 *
 * Edges: a firing needs the condition to hold for `forSeconds` without a break, a clearing
 * the clear band for `clearForSeconds`; between the condition and the band (hysteresis)
 * the rule keeps its phase, so a signal wobbling around either threshold cannot flap.
 *
 * Held-back edges: within `cooldownSeconds` of the last firing, or when an actuator the rule
 * switched has not had its minOn/minOffSeconds, the edge waits (PENDING or CLEARING),
 * reported once as SUPPRESSED/DELAYED, and happens as soon as allowed if the rule still
 * calls for it; if the condition (or band) goes away meanwhile, the edge never happens —
 * that is the point of anti-short-cycling. Actions under manual override, refused by an
 * interlock or already in the wanted state are left out of an edge that happens
 * (SUPPRESSED/SKIPPED) and are not retried: a person or a safety limit decided.
 */
export function evaluateRule(rule: Rule, state: RuleState, o: Observation, ctx: RuleContext): Evaluation {
  const zone = activeZone(rule, state, o);
  if (zone === null) return { state, decisions: NONE };
  switch (state.phase) {
    case "IDLE":
      if (zone !== "FIRE") return { state, decisions: NONE };
      return tryEdge(rule, { ...state, phase: "PENDING", sinceMs: o.atMs }, "FIRE", o, ctx);
    case "PENDING":
      // The wait stays recorded: re-entering PENDING during it must not report it again.
      if (zone !== "FIRE") return { state: { ...state, phase: "IDLE", sinceMs: null }, decisions: NONE };
      return tryEdge(rule, state, "FIRE", o, ctx);
    case "ACTIVE":
      if (zone !== "CLEAR") return { state, decisions: NONE };
      return tryEdge(rule, { ...state, phase: "CLEARING", sinceMs: o.atMs }, "CLEAR", o, ctx);
    case "CLEARING":
      if (zone !== "CLEAR") return { state: { ...state, phase: "ACTIVE", sinceMs: state.lastFiredMs }, decisions: NONE };
      return tryEdge(rule, state, "CLEAR", o, ctx);
  }
}

/**
 * True when `evaluateRule` would return the state unchanged with no decisions: a disabled rule,
 * a late or unusable observation, or one that keeps an IDLE rule idle or an ACTIVE rule active.
 * Lets the engine skip the evaluation (and its allocation) for the common reading.
 */
export function leavesRuleAsIs(rule: Rule, state: RuleState, o: Observation): boolean {
  return activeZone(rule, state, o) === null;
}

/** The observation's zone when it can move the rule; null when it cannot (see `leavesRuleAsIs`). */
function activeZone(rule: Rule, state: RuleState, o: Observation): Exclude<ReturnType<typeof zoneOf>, "UNKNOWN"> | null {
  if (!rule.enabled || isLate(state, o.atMs)) return null;
  const zone = zoneOf(rule, o);
  if (zone === "UNKNOWN") return null;
  if (state.phase === "IDLE" && zone !== "FIRE") return null;
  if (state.phase === "ACTIVE" && zone !== "CLEAR") return null;
  return zone;
}

/** When the rule could move without a new reading (a hold or a wait ends); null if only a reading can move it. */
export function nextWakeMs(rule: Rule, state: RuleState): number | null {
  if (state.phase !== "PENDING" && state.phase !== "CLEARING") return null;
  const holdSeconds = state.phase === "PENDING" ? rule.forSeconds : rule.clearForSeconds;
  return Math.max((state.sinceMs ?? 0) + holdSeconds * 1000, state.waitUntilMs ?? 0);
}

function isLate(state: RuleState, atMs: number): boolean {
  return (state.sinceMs !== null && atMs < state.sinceMs) || (state.lastFiredMs !== null && atMs < state.lastFiredMs) || (state.lastClearedMs !== null && atMs < state.lastClearedMs);
}

function tryEdge(rule: Rule, state: RuleState, edge: Edge, o: Observation, ctx: RuleContext): Evaluation {
  const at = o.atMs;
  const heldMs = at - (state.sinceMs ?? at);
  if (heldMs < (edge === "FIRE" ? rule.forSeconds : rule.clearForSeconds) * 1000) return { state, decisions: NONE };
  if (state.waitUntilMs !== null && at < state.waitUntilMs) return { state, decisions: NONE };

  if (edge === "FIRE" && state.lastFiredMs !== null) {
    const untilMs = state.lastFiredMs + rule.cooldownSeconds * 1000;
    if (at < untilMs) {
      const message = `rule "${rule.name}" fired ${formatDuration(at - state.lastFiredMs)} ago; cooldownSeconds ${rule.cooldownSeconds} holds it back ${formatDuration(untilMs - at)} more`;
      return wait(rule, state, edge, "COOLDOWN", untilMs, message, null, at);
    }
  }
  const plan = planEdge(rule, state, edge, o, ctx);
  if (plan.wait !== null) return wait(rule, state, edge, plan.wait.reason, plan.wait.untilMs, plan.wait.message, plan.wait.action, at);

  const decisions: RuleDecision[] = [
    {
      event: edge === "FIRE" ? "FIRED" : "CLEARED",
      ruleName: rule.name,
      sensorId: rule.sensorId,
      atMs: at,
      value: o.value,
      message: `rule "${rule.name}" ${edge === "FIRE" ? "fired" : "cleared"}: ${edge === "FIRE" ? describeFiring(rule, o, heldMs) : describeClearing(rule, o, heldMs)}`,
      actions: plan.issue,
    },
  ];
  for (const s of plan.skipped) decisions.push(suppressed(rule, edge, s.reason, "SKIPPED", s.message, s.action, null, at));
  const switched = recordSwitches(state.switched, plan.issue, at);
  const base = { ...state, switched, waitReason: null, waitUntilMs: null };
  const next: RuleState = edge === "FIRE" ? { ...base, phase: "ACTIVE", sinceMs: at, lastFiredMs: at } : { ...base, phase: "IDLE", sinceMs: null, lastClearedMs: at };
  return { state: next, decisions };
}

function wait(rule: Rule, state: RuleState, edge: Edge, reason: WaitReason, untilMs: number, message: string, action: ConcreteAction | null, at: number): Evaluation {
  const next: RuleState = { ...state, waitReason: reason, waitUntilMs: untilMs };
  // Reported once per wait, however often the condition comes and goes meanwhile.
  if (state.waitReason === reason && state.waitUntilMs === untilMs) return { state: next, decisions: NONE };
  return { state: next, decisions: [suppressed(rule, edge, reason, "DELAYED", message, action, untilMs, at)] };
}

function suppressed(
  rule: Rule,
  edge: Edge,
  reason: SuppressionReason,
  effect: SuppressedDecision["effect"],
  message: string,
  action: ConcreteAction | null,
  retryAtMs: number | null,
  at: number,
): SuppressedDecision {
  const prefix = effect === "DELAYED" ? `rule "${rule.name}" ${edge === "FIRE" ? "firing" : "clearing"} delayed: ` : `rule "${rule.name}" skipped an action: `;
  return { event: "SUPPRESSED", ruleName: rule.name, sensorId: rule.sensorId, atMs: at, edge, reason, effect, message: prefix + message, action, retryAtMs };
}

function recordSwitches(switched: RuleState["switched"], issued: readonly ConcreteAction[], at: number): RuleState["switched"] {
  let out: Record<string, SwitchRecord> | null = null;
  for (const a of issued) {
    if (a.type !== "ACTUATE") continue;
    out ??= { ...switched };
    out[a.actuatorId] = { state: a.state, atMs: at };
  }
  return out ?? switched;
}
