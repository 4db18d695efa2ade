import type { ActuatorState } from "./actuators.js";
import type { PlantModel } from "./plantModel.js";
import { physicalFrom } from "./plantModel.js";

/** How fast a location's fitted plant says its quantity changes at one value and set of actuator states. */
export interface PlantRate {
  /** Expected change per minute over the next grid step (sensor unit per minute). */
  readonly perMinute: number;
  /** Its standard error, from the fit's parameter covariance. */
  readonly stdErr: number;
  /** Where the plant settles with these states (ambient + τ·Σ gains ON); null when τ is not physical. */
  readonly settlesAt: number | null;
  readonly tauMinutes: number | null;
  /** The states used, by actuator id (identified actuators only). */
  readonly states: Readonly<Record<string, ActuatorState>>;
}

/**
 * The rate the fitted plant expects at `value` with the actuators in `states` (one missing is
 * taken as OFF): the regression's one-step change a + b·(value − reference) + Σ d_i·u_i divided
 * by the step, with its standard error √(gᵀ·C·g) for g = [1, value − reference, u…] — linear in
 * the coefficients, so exact. Null when the model is not valid for these states: an actuator it
 * could not identify is not in the state it held while fitted.
 */
export function plantRate(model: PlantModel, value: number, states: Readonly<Record<string, ActuatorState | null>>): PlantRate | null {
  for (const u of model.unidentified) if ((states[u.actuatorId] ?? "OFF") !== u.heldState) return null;
  const r = model.regression;
  const on = model.actuators.map((a) => ((states[a.actuatorId] ?? "OFF") === "ON" ? 1 : 0));
  const g = [1, value - r.reference, ...on];
  const n = g.length;
  let change = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    change += (r.coefficients[i] as number) * (g[i] as number);
    for (let j = 0; j < n; j++) variance += (g[i] as number) * (r.covariance[i * n + j] as number) * (g[j] as number);
  }
  const physical = physicalFrom(r.coefficients, r.reference, r.stepMinutes);
  const settlesAt = physical === null ? null : physical.ambient + physical.tau * physical.gains.reduce((sum, gain, i) => sum + gain * (on[i] as number), 0);
  return {
    perMinute: change / r.stepMinutes,
    stdErr: Math.sqrt(Math.max(0, variance)) / r.stepMinutes,
    settlesAt,
    tauMinutes: physical?.tau ?? null,
    states: Object.fromEntries(model.actuators.map((a, i) => [a.actuatorId, on[i] === 1 ? "ON" : "OFF"])),
  };
}
