/** The two states an actuator has (protocol `set`). */
export type SwitchState = "ON" | "OFF";

/** An actuator's reported state and since when it has held it (epoch ms). */
export interface ActuatorSnapshot {
  readonly state: SwitchState;
  readonly sinceMs: number;
}

/** What a command or a rule asks of one actuator. */
export interface SwitchRequest {
  readonly actuatorId: string;
  readonly state: SwitchState;
}

/** True for exactly "ON" or "OFF" (the protocol is case-sensitive). */
export function isSwitchState(value: unknown): value is SwitchState {
  return value === "ON" || value === "OFF";
}
