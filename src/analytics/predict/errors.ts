import { InvalidInputError } from "../../errors.js";

/**
 * A request a predictive model cannot serve as asked (a horizon beyond 7 days, a schedule that
 * switches an actuator the model knows nothing about). Transport-free; the GraphQL layer maps
 * it to BAD_USER_INPUT like every `InvalidInputError`.
 */
export class PredictionInputError extends InvalidInputError {}

/** Throws `PredictionInputError` unless `asOfMs` is a finite epoch-ms number. */
export function requireAsOf(asOfMs: number): void {
  if (!Number.isFinite(asOfMs)) throw new PredictionInputError(`asOfMs must be a finite epoch time in milliseconds, got ${asOfMs}`);
}
