/**
 * What a predictive model answers: a value, or the reason it cannot give one (too little
 * history, nothing to identify a parameter from). Thin input is an answer, not an error: the
 * caller shows the reason instead of a made-up number.
 */
export type Prediction<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A prediction that has a value. */
export function predicted<T>(value: T): Prediction<T> {
  return { ok: true, value };
}

/** A prediction that cannot be made, and why (the message says what more data would fix it). */
export function unavailable<T>(reason: string): Prediction<T> {
  return { ok: false, reason };
}
