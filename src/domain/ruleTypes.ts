import type { AnomalyType } from "./anomalyTypes.js";
import type { SwitchState } from "./actuatorState.js";
import type { JsonObject } from "./template.js";

export const CONDITION_TYPES = ["VALUE", "DRIFT", "FORECAST", "ANOMALY", "STALE", "MOLD_RISK"] as const;
type ConditionType = (typeof CONDITION_TYPES)[number];

export const COMPARISONS = ["GT", "GTE", "LT", "LTE"] as const;

/** What a MOLD_RISK rule compares of its sensor's room (see `MoldRisk`); hours never reached count as +∞. */
export const MOLD_MEASURES = ["INDEX", "INDEX_FORECAST", "HOURS_TO_INDEX1", "HOURS_TO_INDEX1_FORECAST"] as const;
export type MoldMeasure = (typeof MOLD_MEASURES)[number];
export type Comparison = (typeof COMPARISONS)[number];

export const ACTION_TYPES = ["ACTUATE", "SET_INTERVAL", "WEBHOOK", "CALIBRATE"] as const;
type ActionType = (typeof ACTION_TYPES)[number];

/**
 * What a rule watches. VALUE compares the latest reading, DRIFT the drift per minute,
 * FORECAST the forecast `horizonMinutes` ahead; ANOMALY holds while one of `anomalyTypes`
 * is active on the sensor, STALE while the sensor is stale; MOLD_RISK compares a measure of the
 * mold risk of the sensor's room, its forecast repeating the last `forecastHours`.
 */
export type Condition =
  | { readonly type: "VALUE" | "DRIFT"; readonly comparison: Comparison; readonly threshold: number }
  | { readonly type: "FORECAST"; readonly comparison: Comparison; readonly threshold: number; readonly horizonMinutes: number }
  | { readonly type: "ANOMALY"; readonly anomalyTypes: readonly AnomalyType[] }
  | { readonly type: "STALE" }
  | { readonly type: "MOLD_RISK"; readonly comparison: Comparison; readonly threshold: number; readonly measure: MoldMeasure; readonly forecastHours: number };

/** The hysteresis band: the rule clears only once the measure is in it. */
export interface ClearBand {
  readonly comparison: Comparison;
  readonly threshold: number;
}

/** One thing a rule does when it fires; the `clear*` field, when set, is done when it clears. */
export type RuleAction =
  | { readonly type: "ACTUATE"; readonly actuatorId: string; readonly state: SwitchState; readonly clearState: SwitchState | null }
  | { readonly type: "SET_INTERVAL"; readonly deviceId: string; readonly ms: number; readonly clearMs: number | null }
  /** Sent on firing and on clearing; the body's {{fields}} are filled in each time. */
  | { readonly type: "WEBHOOK"; readonly url: string; readonly body: JsonObject | null }
  /**
   * On firing, recalibrates the rule's sensor: by the offset its drift diagnosis estimated from
   * its peers, or, with `referenceSensorId`, the one that makes it agree with that sensor. Not
   * applied when the resulting offset exceeds ±maxOffset or the sensor was calibrated within
   * `cooldownSeconds`; verified against the reference over the hour after.
   */
  | { readonly type: "CALIBRATE"; readonly referenceSensorId: string | null; readonly maxOffset: number; readonly cooldownSeconds: number; readonly validDays: number };

/** A validated rule with every default applied (see `parseRule`). */
export interface Rule {
  readonly name: string;
  readonly sensorId: string;
  readonly condition: Condition;
  readonly forSeconds: number;
  /** Null: the rule clears as soon as (and for as long as `clearForSeconds`) the condition stops holding. */
  readonly clear: ClearBand | null;
  readonly clearForSeconds: number;
  readonly actions: readonly RuleAction[];
  readonly cooldownSeconds: number;
  readonly minOnSeconds: number;
  readonly minOffSeconds: number;
  readonly enabled: boolean;
}

/**
 * A rule as a client sends it (GraphQL input or JSON). Optional fields may be absent or null;
 * `validateRuleInput` says what is wrong with one, `parseRule` turns a good one into a `Rule`.
 */
export interface RuleInput {
  readonly name: string;
  readonly sensorId: string;
  readonly condition: {
    readonly type: ConditionType;
    readonly comparison?: Comparison | null;
    readonly threshold?: number | null;
    readonly horizonMinutes?: number | null;
    readonly anomalyTypes?: readonly AnomalyType[] | null;
    readonly measure?: MoldMeasure | null;
    readonly forecastHours?: number | null;
  };
  readonly forSeconds?: number | null;
  readonly clear?: ClearBand | null;
  readonly clearForSeconds?: number | null;
  readonly actions: ReadonlyArray<{
    readonly type: ActionType;
    readonly actuatorId?: string | null;
    readonly state?: SwitchState | null;
    readonly clearState?: SwitchState | null;
    readonly deviceId?: string | null;
    readonly ms?: number | null;
    readonly clearMs?: number | null;
    readonly url?: string | null;
    /** A JSON object, or JSON text of one. */
    readonly body?: JsonObject | string | null;
    readonly referenceSensorId?: string | null;
    readonly maxOffset?: number | null;
    readonly cooldownSeconds?: number | null;
    readonly validDays?: number | null;
  }>;
  readonly cooldownSeconds?: number | null;
  readonly minOnSeconds?: number | null;
  readonly minOffSeconds?: number | null;
  readonly enabled?: boolean | null;
}
