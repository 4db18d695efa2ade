import { formatDuration } from "../analytics/format.js";

/** At most `maxCommands` commands per actuator in any `windowMs` (a sliding window, not a fixed minute). */
export interface RateLimit {
  readonly maxCommands: number;
  readonly windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = Object.freeze({ maxCommands: 30, windowMs: 60_000 });

export type RateDecision =
  { readonly allowed: true; readonly log: readonly number[] } | { readonly allowed: false; readonly waitMs: number; readonly message: string; readonly log: readonly number[] };

/** A problem with a limit (naming the field), or null. */
export function rateLimitProblem(limit: RateLimit): string | null {
  if (!Number.isInteger(limit.maxCommands) || limit.maxCommands < 1) return `maxCommands must be a positive integer, got ${limit.maxCommands}`;
  if (!Number.isFinite(limit.windowMs) || limit.windowMs <= 0) return `windowMs must be a positive number of milliseconds, got ${limit.windowMs}`;
  return null;
}

/**
 * Decides one command for one actuator. `log` holds the times of its recently admitted
 * commands (oldest first); the answer carries the log to keep: entries older than the window
 * are dropped, and an admitted command is appended. A refusal says how long to wait.
 */
export function admit(log: readonly number[], nowMs: number, actuatorId: string, limit: RateLimit = DEFAULT_RATE_LIMIT): RateDecision {
  let start = 0;
  while (start < log.length && (log[start] as number) <= nowMs - limit.windowMs) start++;
  const recent = start === 0 ? log : log.slice(start);
  if (recent.length < limit.maxCommands) return { allowed: true, log: [...recent, nowMs] };
  // The window frees a slot when the oldest of the last `maxCommands` entries leaves it.
  const oldest = recent[recent.length - limit.maxCommands] as number;
  const waitMs = oldest + limit.windowMs - nowMs;
  return {
    allowed: false,
    waitMs,
    message: `refused: ${actuatorId} got ${recent.length} commands in the last ${formatDuration(limit.windowMs)} ` + `(at most ${limit.maxCommands}); the next is allowed in ${formatDuration(waitMs)}`,
    log: recent,
  };
}

/** `admit` over a map of actuators; holds only timestamps, reads no clock. */
export class RateLimiter {
  private readonly logs = new Map<string, readonly number[]>();

  constructor(private readonly limit: RateLimit = DEFAULT_RATE_LIMIT) {
    const problem = rateLimitProblem(limit);
    if (problem !== null) throw new RangeError(`rate limit: ${problem}`);
  }

  /** Admits (and counts) a command on `actuatorId` at `nowMs`, or says how long to wait. */
  tryAcquire(actuatorId: string, nowMs: number): RateDecision {
    const decision = admit(this.logs.get(actuatorId) ?? [], nowMs, actuatorId, this.limit);
    if (decision.log.length === 0) this.logs.delete(actuatorId);
    else this.logs.set(actuatorId, decision.log);
    return decision;
  }

  /** Forgets actuators with nothing in the window (call now and then to bound memory). */
  prune(nowMs: number): void {
    for (const [id, log] of this.logs) {
      if ((log[log.length - 1] ?? -Infinity) <= nowMs - this.limit.windowMs) this.logs.delete(id);
    }
  }
}
