import type { ActuatorSnapshot, SwitchRequest } from "../domain/actuatorState.js";
import type { InterlockRefusal } from "../commands/interlocks.js";

/** What a rule sees of its sensor at one moment; the engine builds it from the live twin. */
export interface Observation {
  readonly atMs: number;
  /** The latest reading (null if the sensor has none). */
  readonly value: number | null;
  /** From the sensor's traits; null when there is too little data. */
  readonly driftPerMinute: number | null;
  /** The forecast at the rule's horizon; null when there is none. */
  readonly forecastValue: number | null;
  /** Anomaly types with an open episode on the sensor. */
  readonly anomalyTypesActive: readonly string[];
  readonly stale: boolean;
  /** MOLD_RISK: the rule's measure of its sensor's room (+∞: never reached); null or missing when there is none. */
  readonly moldValue?: number | null;
}

/** What a rule may know about the plant when it acts. */
export interface RuleContext {
  /** Reported states of actuators. */
  readonly actuatorStates: ReadonlyMap<string, ActuatorSnapshot>;
  /** True while a manual override keeps rules off the actuator. */
  overridden(actuatorId: string): boolean;
  /** Null if the switch is allowed, else the refusal (see `checkCommand`). */
  interlockCheck(command: SwitchRequest): InterlockRefusal | null;
}
