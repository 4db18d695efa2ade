import { formatDuration } from "../analytics/format.js";
import type { SwitchState } from "../domain/actuatorState.js";
import type { ConcreteAction } from "../domain/decisions.js";
import type { Observation, RuleContext } from "./observation.js";
import type { RuleState, SwitchRecord } from "../domain/ruleState.js";
import type { Rule } from "../domain/ruleTypes.js";
import { fillTemplate, type JsonValue } from "../domain/template.js";

export type Edge = "FIRE" | "CLEAR";

interface SkippedAction {
  readonly reason: "OVERRIDE" | "INTERLOCK" | "ALREADY_IN_STATE";
  readonly action: ConcreteAction;
  readonly message: string;
}

interface ActionWait {
  readonly reason: "MIN_ON" | "MIN_OFF";
  readonly untilMs: number;
  readonly action: ConcreteAction;
  readonly message: string;
}

/** What an edge would do now: actions to issue, actions left out, or why the edge must wait. */
export interface EdgePlan {
  readonly issue: ConcreteAction[];
  readonly skipped: SkippedAction[];
  /** The wait that ends last, if any action may not switch yet; then nothing is issued. */
  readonly wait: ActionWait | null;
}

/**
 * Plans the actions of a firing (`state`, `ms`, webhooks) or a clearing (`clearState`,
 * `clearMs`, webhooks). Per ACTUATE action, in this order: already in the wanted state →
 * skipped; under manual override → skipped (the person has it); switched the other way by
 * this rule less than minOn/minOffSeconds ago → the edge waits; refused by an interlock →
 * skipped (safety wins, the rest still goes).
 */
export function planEdge(rule: Rule, state: RuleState, edge: Edge, o: Observation, ctx: RuleContext): EdgePlan {
  const plan: { issue: ConcreteAction[]; skipped: SkippedAction[]; wait: ActionWait | null } = { issue: [], skipped: [], wait: null };
  const at = o.atMs;
  for (const a of rule.actions) {
    if (a.type === "WEBHOOK") {
      plan.issue.push({ type: "WEBHOOK", url: a.url, body: webhookBody(rule, edge, o, a.body) });
      continue;
    }
    if (a.type === "CALIBRATE") {
      // A calibration is a correction, not a state: nothing to undo when the rule clears.
      if (edge === "FIRE") plan.issue.push({ ...a, sensorId: rule.sensorId });
      continue;
    }
    if (a.type === "SET_INTERVAL") {
      const ms = edge === "FIRE" ? a.ms : a.clearMs;
      if (ms !== null) plan.issue.push({ type: "SET_INTERVAL", deviceId: a.deviceId, ms });
      continue;
    }
    const want = edge === "FIRE" ? a.state : a.clearState;
    if (want === null) continue;
    const id = a.actuatorId;
    const action: ConcreteAction = { type: "ACTUATE", actuatorId: id, state: want };
    if (ctx.actuatorStates.get(id)?.state === want) {
      plan.skipped.push({ reason: "ALREADY_IN_STATE", action, message: `${id} is already ${want}` });
      continue;
    }
    if (ctx.overridden(id)) {
      plan.skipped.push({ reason: "OVERRIDE", action, message: `${id} is under manual override; rule "${rule.name}" leaves it alone` });
      continue;
    }
    const wait = minTimeWait(rule, state.switched, id, want, at, action);
    if (wait !== null) {
      if (plan.wait === null || wait.untilMs > plan.wait.untilMs) plan.wait = wait;
      continue;
    }
    const refusal = ctx.interlockCheck({ actuatorId: id, state: want });
    if (refusal !== null) {
      plan.skipped.push({ reason: "INTERLOCK", action, message: refusal.message });
      continue;
    }
    plan.issue.push(action);
  }
  return plan;
}

function minTimeWait(rule: Rule, switched: RuleState["switched"], id: string, want: SwitchState, at: number, action: ConcreteAction): ActionWait | null {
  // hasOwn: an actuator named "constructor" must not find Object's.
  if (!Object.hasOwn(switched, id)) return null;
  const last = switched[id] as SwitchRecord;
  if (last.state === want) return null;
  const minMs = (last.state === "ON" ? rule.minOnSeconds : rule.minOffSeconds) * 1000;
  const untilMs = last.atMs + minMs;
  if (at >= untilMs) return null;
  const field = last.state === "ON" ? "minOnSeconds" : "minOffSeconds";
  return {
    reason: last.state === "ON" ? "MIN_ON" : "MIN_OFF",
    untilMs,
    action,
    message: `${id} was switched ${last.state} by this rule ${formatDuration(at - last.atMs)} ago; ${field} ${minMs / 1000} keeps it ${last.state} ${formatDuration(untilMs - at)} more`,
  };
}

function webhookBody(rule: Rule, edge: Edge, o: Observation, body: JsonValue | null): JsonValue {
  const values = { sensorId: rule.sensorId, value: o.value, ruleName: rule.name, event: edge === "FIRE" ? "FIRED" : "CLEARED", time: new Date(o.atMs).toISOString() };
  return body === null ? { ...values } : fillTemplate(body, values);
}
