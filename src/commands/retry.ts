import { DEFAULT_ATTEMPT_TIMEOUT_MS } from "../domain/command.js";

const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 2_000;
/** A retry starts only if this much time (five protocol round trips) is left before the deadline. */
const MIN_ATTEMPT_WINDOW_MS = 50;

/** One attempt of a worst-case plan, as offsets from the command's creation. */
export interface PlannedAttempt {
  readonly attempt: number;
  readonly startMs: number;
  /** How long it waits for an answer: the per-attempt timeout, cut at the deadline. */
  readonly waitMs: number;
}

/**
 * Backoff before the next send after `attemptsMade` unanswered ones: 0 before the first,
 * then 100, 200, 400, 800, 1600 ms, then 2 s each. No jitter: there is one host per serial
 * link, so there is no herd to spread.
 */
export function nextAttemptDelayMs(attemptsMade: number): number {
  if (attemptsMade <= 0) return 0;
  // Capping the exponent keeps 2 ** n finite for absurd attempt counts.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attemptsMade - 1, 20));
}

/**
 * When the next attempt is due after `attemptsMade` sends failed at `atMs`, or null when it
 * would not start `MIN_ATTEMPT_WINDOW_MS` (or the whole per-attempt timeout, if shorter)
 * before the deadline.
 */
export function retryAtMs(attemptsMade: number, atMs: number, deadlineAtMs: number, attemptTimeoutMs = DEFAULT_ATTEMPT_TIMEOUT_MS): number | null {
  const start = atMs + nextAttemptDelayMs(attemptsMade);
  return start + Math.min(attemptTimeoutMs, MIN_ATTEMPT_WINDOW_MS) <= deadlineAtMs ? start : null;
}

/** How long an attempt started at `atMs` waits: the per-attempt timeout, cut at the deadline. */
export function attemptWaitMs(atMs: number, deadlineAtMs: number, attemptTimeoutMs = DEFAULT_ATTEMPT_TIMEOUT_MS): number {
  return Math.max(0, Math.min(attemptTimeoutMs, deadlineAtMs - atMs));
}

/**
 * The attempts a command makes if none is answered: the first at once, each retry after its
 * backoff while one still fits before the deadline (5 s, 250 ms per attempt → 6 attempts,
 * starting at 0, 350, 800, 1450, 2500, 4350 ms).
 */
export function planAttempts(timeoutMs: number, perAttemptTimeoutMs = DEFAULT_ATTEMPT_TIMEOUT_MS): readonly PlannedAttempt[] {
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  if (!(perAttemptTimeoutMs > 0 && Number.isFinite(perAttemptTimeoutMs))) {
    throw new RangeError(`perAttemptTimeoutMs must be a positive number of milliseconds, got ${perAttemptTimeoutMs}`);
  }
  const plan: PlannedAttempt[] = [{ attempt: 1, startMs: 0, waitMs: attemptWaitMs(0, timeoutMs, perAttemptTimeoutMs) }];
  for (;;) {
    const last = plan[plan.length - 1] as PlannedAttempt;
    const next = retryAtMs(last.attempt, last.startMs + last.waitMs, timeoutMs, perAttemptTimeoutMs);
    if (next === null) return plan;
    plan.push({ attempt: last.attempt + 1, startMs: next, waitMs: attemptWaitMs(next, timeoutMs, perAttemptTimeoutMs) });
  }
}
