import type { SwitchState } from "./actuatorState.js";
import type { RuleState } from "./ruleState.js";
import type { JsonValue } from "./template.js";

/** A command or call to make now, with everything filled in. */
export type ConcreteAction =
  | { readonly type: "ACTUATE"; readonly actuatorId: string; readonly state: SwitchState }
  | { readonly type: "SET_INTERVAL"; readonly deviceId: string; readonly ms: number }
  | { readonly type: "WEBHOOK"; readonly url: string; readonly body: JsonValue }
  | {
      readonly type: "CALIBRATE";
      readonly sensorId: string;
      readonly referenceSensorId: string | null;
      readonly maxOffset: number;
      readonly cooldownSeconds: number;
      readonly validDays: number;
    };

export type SuppressionReason =
  "COOLDOWN" | "MIN_ON" | "MIN_OFF" | "OVERRIDE" | "INTERLOCK" | "ALREADY_IN_STATE" | "RATE_LIMITED" | "ACTION_FAILED" | "MAX_OFFSET" | "CALIBRATION_COOLDOWN" | "NO_OFFSET_ESTIMATE";

/** The rule fired or cleared; `actions` are to be issued now. */
export interface EdgeDecision {
  readonly event: "FIRED" | "CLEARED";
  readonly ruleName: string;
  readonly sensorId: string;
  readonly atMs: number;
  /** The latest reading. */
  readonly value: number | null;
  readonly message: string;
  readonly actions: readonly ConcreteAction[];
}

/**
 * Something the rule did not do. DELAYED (COOLDOWN, MIN_ON, MIN_OFF): the whole edge waits
 * until `retryAtMs` and happens then if the rule still calls for it. SKIPPED (OVERRIDE,
 * INTERLOCK, ALREADY_IN_STATE): `action` was left out of an edge that happened.
 */
export interface SuppressedDecision {
  readonly event: "SUPPRESSED";
  readonly ruleName: string;
  readonly sensorId: string;
  readonly atMs: number;
  readonly edge: "FIRE" | "CLEAR";
  readonly reason: SuppressionReason;
  readonly effect: "DELAYED" | "SKIPPED";
  readonly message: string;
  /** The action concerned; null for COOLDOWN, which holds back the whole firing. */
  readonly action: ConcreteAction | null;
  /** DELAYED: when the edge may happen; SKIPPED: null. */
  readonly retryAtMs: number | null;
}

export type RuleDecision = EdgeDecision | SuppressedDecision;

export interface Evaluation {
  readonly state: RuleState;
  /** Usually empty: waiting, holding and staying active are not decisions. */
  readonly decisions: readonly RuleDecision[];
}
