export type CommandKind = "ACTUATE" | "SET_INTERVAL" | "CALIBRATE" | "STATUS";

export const COMMAND_STATUSES = ["PENDING", "SENT", "ACKED", "FAILED", "TIMED_OUT", "CANCELLED"] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

/** Statuses a command never leaves. */
export const TERMINAL_STATUSES: ReadonlySet<CommandStatus> = new Set(["ACKED", "FAILED", "TIMED_OUT", "CANCELLED"]);

/** Default time one attempt waits for its answer: the protocol's ~10 ms round trip with room for a busy USB link. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 250;
/** Default time from creation until a command that got no answer is TIMED_OUT. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 5_000;
/** Bounds of a caller-given overall timeout. */
export const COMMAND_TIMEOUT_RANGE_MS = { min: 100, max: 60_000 } as const;

/**
 * One command to a device. Times are epoch ms (null until they happen). A PENDING command is
 * due at `nextAttemptAt` (its first send, or a retry after backoff); `deadlineAt` bounds all
 * attempts. Flat fields only, so it maps onto one graph node.
 */
export interface Command {
  readonly commandId: string;
  readonly kind: CommandKind;
  /** The actuator (ACTUATE) or device (the other kinds) it targets. */
  readonly targetId: string;
  /** JSON text of the kind's parameters, e.g. {"actuatorId":"heater_1","state":"ON"}. */
  readonly payload: string;
  readonly status: CommandStatus;
  /** Sends so far (0 while the first is still due). */
  readonly attempts: number;
  readonly createdAt: number;
  /** The first send. */
  readonly sentAt: number | null;
  /** The latest send. */
  readonly lastAttemptAt: number | null;
  /** PENDING: when the next send is due; null otherwise. */
  readonly nextAttemptAt: number | null;
  readonly ackedAt: number | null;
  /** When it reached a terminal status. */
  readonly finishedAt: number | null;
  readonly deadlineAt: number;
  readonly attemptTimeoutMs: number;
  /** Why it FAILED, TIMED_OUT or was CANCELLED (and, while PENDING, why the last attempt did not succeed). */
  readonly error: string | null;
  /** JSON text of the device's answer once ACKED. */
  readonly answer: string | null;
  /** Who asked: a user's name or `rule:<rule name>`. */
  readonly issuedBy: string;
  readonly idempotencyKey: string | null;
  readonly reason: string | null;
}

export interface NewCommand {
  readonly commandId: string;
  readonly kind: CommandKind;
  readonly targetId: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly issuedBy: string;
  readonly atMs: number;
  readonly timeoutMs?: number;
  readonly attemptTimeoutMs?: number;
  readonly idempotencyKey?: string | null;
  readonly reason?: string | null;
}

/** True once the command can no longer change. */
export function isTerminal(status: CommandStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** A PENDING command, due at once; ids and time come from the caller (no randomness, no clock here). */
export function createCommand(n: NewCommand): Command {
  const timeoutMs = n.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return {
    commandId: n.commandId,
    kind: n.kind,
    targetId: n.targetId,
    payload: payloadJson(n.payload),
    status: "PENDING",
    attempts: 0,
    createdAt: n.atMs,
    sentAt: null,
    lastAttemptAt: null,
    nextAttemptAt: n.atMs,
    ackedAt: null,
    finishedAt: null,
    deadlineAt: n.atMs + timeoutMs,
    attemptTimeoutMs: n.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
    error: null,
    answer: null,
    issuedBy: n.issuedBy,
    idempotencyKey: n.idempotencyKey ?? null,
    reason: n.reason ?? null,
  };
}

/** Payload as JSON text with its top-level keys sorted, so equal payloads give equal text (idempotency compares it). */
export function payloadJson(payload: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(payload).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
