import { isSwitchState, type SwitchState } from "./actuatorState.js";
import { idProblem } from "./validate.js";

const RULE_PHASES = ["IDLE", "PENDING", "ACTIVE", "CLEARING"] as const;
type RulePhase = (typeof RULE_PHASES)[number];

/** Why an edge (firing or clearing) is held back for a while; see `evaluateRule`. */
const WAIT_REASONS = ["COOLDOWN", "MIN_ON", "MIN_OFF"] as const;
export type WaitReason = (typeof WAIT_REASONS)[number];

/** What the rule last did to one actuator, for its min on/off times. */
export interface SwitchRecord {
  readonly state: SwitchState;
  readonly atMs: number;
}

/**
 * A rule's timers, plain JSON so they can be stored and resumed after a restart.
 *
 *   IDLE ─condition holds─▶ PENDING ─held forSeconds (and no wait)─▶ ACTIVE ─clear band holds─▶ CLEARING
 *    ▲                        │ condition stops                       ▲        │ band left
 *    │                        ▼                                       └────────┘
 *    └──── IDLE ◀──────────────────────── held clearForSeconds (and no wait) ─┘
 *
 * `sinceMs`: PENDING — since the condition has held; ACTIVE — the firing; CLEARING — since
 * the clear band has held; IDLE — null. `waitReason`/`waitUntilMs`: the edge is held back
 * (already reported once) until then; kept when PENDING falls back to IDLE so that a
 * flickering condition does not report the same wait again.
 */
export interface RuleState {
  readonly version: 1;
  readonly phase: RulePhase;
  readonly sinceMs: number | null;
  readonly lastFiredMs: number | null;
  readonly lastClearedMs: number | null;
  readonly switched: Readonly<Record<string, SwitchRecord>>;
  readonly waitReason: WaitReason | null;
  readonly waitUntilMs: number | null;
}

/** A rule that has never seen its condition. */
export const INITIAL_RULE_STATE: RuleState = Object.freeze({
  version: 1,
  phase: "IDLE",
  sinceMs: null,
  lastFiredMs: null,
  lastClearedMs: null,
  switched: Object.freeze({}),
  waitReason: null,
  waitUntilMs: null,
});

/**
 * The state a rule continues from after its definition changed (updated, enabled, disabled).
 * A rule that fired stays ACTIVE, with when it fired and cleared and what it switched: its
 * clearing must still undo the firing (a heater it turned on must not be left on because the
 * threshold was edited), and its cooldown and min on/off times still count. A hold or a wait in
 * progress starts over under the new definition. A rule moved to another sensor starts IDLE:
 * what it knew was about a different signal.
 */
export function carriedState(before: { readonly sensorId: string }, after: { readonly sensorId: string }, state: RuleState): RuleState {
  if (before.sensorId !== after.sensorId) return INITIAL_RULE_STATE;
  const fired = state.phase === "ACTIVE" || state.phase === "CLEARING";
  return {
    ...INITIAL_RULE_STATE,
    phase: fired ? "ACTIVE" : "IDLE",
    sinceMs: fired ? state.lastFiredMs : null,
    lastFiredMs: state.lastFiredMs,
    lastClearedMs: state.lastClearedMs,
    switched: state.switched,
  };
}

/** Stored state that cannot be resumed; the message names the field. */
export class RuleStateError extends Error {
  override readonly name = "RuleStateError";
}

/** JSON text of a state (`parseRuleState` reads it back). */
export function serializeRuleState(state: RuleState): string {
  return JSON.stringify(state);
}

/** Reads a stored state; throws `RuleStateError` naming the first unusable field. */
export function parseRuleState(text: string): RuleState {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch (error) {
    throw new RuleStateError(`rule state is not valid JSON (${(error as Error).message})`);
  }
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new RuleStateError("rule state must be a JSON object");
  const s = o as Record<string, unknown>;
  const fail = (field: string, wanted: string): never => {
    throw new RuleStateError(`rule state field ${field} must be ${wanted}, got ${JSON.stringify(s[field] ?? null)}`);
  };
  if (s.version !== 1) fail("version", "1");
  if (!(RULE_PHASES as readonly unknown[]).includes(s.phase)) fail("phase", RULE_PHASES.join(" | "));
  const time = (field: string): number | null => {
    const v = s[field] ?? null;
    return v === null || (typeof v === "number" && Number.isFinite(v)) ? v : fail(field, "epoch ms or null");
  };
  const sinceMs = time("sinceMs");
  if ((s.phase === "IDLE") !== (sinceMs === null)) fail("sinceMs", s.phase === "IDLE" ? "null while IDLE" : `a time while ${String(s.phase)}`);
  const waitReason = s.waitReason ?? null;
  if (waitReason !== null && !(WAIT_REASONS as readonly unknown[]).includes(waitReason)) fail("waitReason", `${WAIT_REASONS.join(" | ")} or null`);
  const switched: Record<string, SwitchRecord> = {};
  const raw = s.switched ?? {};
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- checks state read back from the database, whatever its type says
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("switched", "an object");
  for (const [id, r] of Object.entries(raw)) {
    // Ids are checked like any actuator id; this also keeps "__proto__" out of the record.
    if (idProblem(id, "actuatorId") !== null) throw new RuleStateError(`rule state field switched has a key that is not an actuator id: ${JSON.stringify(id)}`);
    const rec = r as Partial<SwitchRecord> | null;
    if (rec === null || typeof rec !== "object" || !isSwitchState(rec.state) || typeof rec.atMs !== "number" || !Number.isFinite(rec.atMs)) {
      throw new RuleStateError(`rule state field switched.${id} must be {state: "ON"|"OFF", atMs}`);
    }
    switched[id] = { state: rec.state, atMs: rec.atMs };
  }
  return {
    version: 1,
    phase: s.phase as RulePhase,
    sinceMs,
    lastFiredMs: time("lastFiredMs"),
    lastClearedMs: time("lastClearedMs"),
    switched,
    waitReason: waitReason as WaitReason | null,
    waitUntilMs: time("waitUntilMs"),
  };
}
