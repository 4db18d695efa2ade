import { DomainError } from "../errors.js";
import { payloadJson, type Command } from "../domain/command.js";

/** An idempotency key already used for a different request; the caller must pick a new key. */
export class IdempotencyConflictError extends DomainError {
  constructor(message: string) {
    super(message, "CONFLICT");
  }
}

/**
 * What a repeated request must match: same kind, target and payload. Whatever its status
 * (even FAILED or TIMED_OUT), the first command is the answer — a key never switches twice;
 * to try again after a failure, send a new key.
 */
export function reuseForKey(existing: Command | null, kind: Command["kind"], targetId: string, payload: Readonly<Record<string, unknown>>): Command | null {
  if (existing === null) return null;
  const wanted = payloadJson(payload);
  if (existing.kind === kind && existing.targetId === targetId && existing.payload === wanted) return existing;
  throw new IdempotencyConflictError(
    `idempotencyKey ${JSON.stringify(existing.idempotencyKey)} was already used for ${existing.kind} ${existing.targetId} ${existing.payload} ` +
      `(command ${existing.commandId}); use a new key for ${kind} ${targetId} ${wanted}`,
  );
}
