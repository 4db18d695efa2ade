import type { ActuatorKind, ActuatorState, PlantQuantity } from "./actuators.js";

/** A fitted parameter with its standard error (from the regression covariance, delta method). */
export interface PlantParameter {
  /** "tau" (minutes), "ambient" (the sensor's unit), "gain:<actuatorId>" (unit per minute while ON). */
  readonly name: string;
  readonly value: number;
  readonly stdErr: number;
}

/** An actuator the history could not identify: it never changed state while readings were taken. */
export interface UnidentifiedActuator {
  readonly actuatorId: string;
  readonly kind: ActuatorKind;
  /** The state it held throughout; the model is valid only while it stays so. */
  readonly heldState: ActuatorState;
  readonly reason: string;
}

/**
 * The regression the physical parameters come from, kept for simulation: over one step Δ,
 * x' − x = a + b·(x − reference) + Σ d_i·u_i, with u_i the share of the step actuator i is ON.
 * It is the exact discretisation of dx/dt = (ambient − x)/τ + Σ g_i·u_i:
 * b = e^(−Δ/τ) − 1, a = −b·(ambient − reference), d_i = −b·τ·g_i.
 */
interface PlantRegression {
  readonly stepMinutes: number;
  readonly reference: number;
  /** [a, b, d_1 … d_m] in the order of `PlantModel.actuators`. */
  readonly coefficients: readonly number[];
  /** Their covariance, row-major. */
  readonly covariance: readonly number[];
  /** σ of the random disturbance per step (what the room does that the model does not know). */
  readonly processNoise: number;
  /** σ of one reading around the true value. */
  readonly readingNoise: number;
}

export interface PlantModel {
  readonly kind: "first-order-newton";
  readonly quantity: PlantQuantity;
  /** tau, ambient, then one gain per identified actuator. */
  readonly parameters: readonly PlantParameter[];
  /** Readings the fit used. */
  readonly fittedOn: number;
  /** RMS one-step prediction error (sensor unit). */
  readonly rmse: number;
  /** RMS error of a free run over the fitted history from its first value with the logged actuators. */
  readonly simulationRmse: number;
  readonly fittedFromMs: number;
  readonly fittedToMs: number;
  readonly actuators: ReadonlyArray<{ readonly actuatorId: string; readonly kind: ActuatorKind }>;
  readonly unidentified: readonly UnidentifiedActuator[];
  readonly regression: PlantRegression;
}

/** The physical parameters of one set of regression coefficients. */
export interface PhysicalParameters {
  readonly tau: number;
  readonly ambient: number;
  readonly gains: readonly number[];
}

/** τ, ambient and gains from [a, b, d…]; null when b is outside (−1, 0) (no relaxation towards an ambient). */
export function physicalFrom(coefficients: readonly number[], reference: number, stepMinutes: number): PhysicalParameters | null {
  const a = coefficients[0] as number;
  const b = coefficients[1] as number;
  if (!(b < 0 && b > -1)) return null;
  const tau = -stepMinutes / Math.log1p(b);
  return { tau, ambient: reference - a / b, gains: coefficients.slice(2).map((d) => -d / (b * tau)) };
}
