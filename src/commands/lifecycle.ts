import { isTerminal, type Command, type CommandStatus } from "../domain/command.js";
import { retryAtMs } from "./retry.js";

/** What can happen to a command; the engine reports each with the time it happened. */
export type CommandEvent =
  | { readonly type: "sent" }
  | { readonly type: "acked"; readonly answer: Readonly<Record<string, unknown>> }
  | { readonly type: "refused"; readonly code: string; readonly message: string }
  | { readonly type: "attemptTimedOut" }
  | { readonly type: "deadlinePassed" }
  | { readonly type: "cancelled"; readonly by?: string }
  | { readonly type: "deviceGone" }
  /** After a restart, the device reports what an unfinished command asked for (`matched`: the state or interval). */
  | { readonly type: "reportedAfterRestart"; readonly matched: Readonly<Record<string, unknown>> }
  /** After a restart, the device did not report it by the command's deadline and the grace after the start. */
  | { readonly type: "unresolvedAfterRestart" };

export type CommandEventType = CommandEvent["type"];

/** Events after which the command is sent again while the deadline allows (else TIMED_OUT). */
export const RETRIED_EVENTS: ReadonlySet<CommandEventType> = new Set(["attemptTimedOut", "deviceGone"]);

/** An event that cannot happen in the command's status (e.g. `sent` after ACKED); nothing changed. */
export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
  constructor(
    readonly commandId: string,
    readonly from: CommandStatus,
    readonly event: CommandEventType,
    why: string,
  ) {
    super(`command ${commandId}: ${event} is not possible in status ${from}: ${why}`);
  }
}

export type TransitionResult = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: IllegalTransitionError };

/**
 * Applies one event at `atMs`:
 *
 *   PENDING ──sent──▶ SENT ──acked──▶ ACKED
 *      ▲               │ ├──refused──▶ FAILED        (the device said no: retrying cannot help)
 *      └─attemptTimedOut/deviceGone─┘ │               (after backoff, while the deadline allows;
 *                                     │                otherwise ──▶ TIMED_OUT)
 *   PENDING|SENT ──deadlinePassed──▶ TIMED_OUT
 *   PENDING|SENT ──cancelled──▶ CANCELLED
 *   PENDING (after ≥ 1 send) ──acked / refused──▶ ACKED / FAILED   (a late answer still counts)
 *   PENDING|SENT ──reportedAfterRestart──▶ ACKED, ──unresolvedAfterRestart──▶ TIMED_OUT
 *                                      (a command a restart left behind, judged by its device's status)
 *
 * Terminal statuses accept nothing. The input is not modified.
 */
export function transition(command: Command, event: CommandEvent, atMs: number): TransitionResult {
  const from = command.status;
  const illegal = (why: string): TransitionResult => ({ ok: false, error: new IllegalTransitionError(command.commandId, from, event.type, why) });
  const to = (changes: Partial<Command>): TransitionResult => ({ ok: true, command: { ...command, ...changes } });
  const finish = (status: CommandStatus, error: string | null, extra: Partial<Command> = {}): TransitionResult => to({ status, error, finishedAt: atMs, nextAttemptAt: null, ...extra });

  if (isTerminal(from)) return illegal(`${from} is final`);
  const neverSent = command.attempts === 0;

  switch (event.type) {
    case "sent":
      if (from === "SENT") return illegal("the previous attempt has not been answered or timed out yet");
      if (atMs >= command.deadlineAt) return illegal(`its deadline passed at ${new Date(command.deadlineAt).toISOString()}; report deadlinePassed`);
      return to({ status: "SENT", attempts: command.attempts + 1, sentAt: command.sentAt ?? atMs, lastAttemptAt: atMs, nextAttemptAt: null });
    case "acked":
      if (neverSent) return illegal("it was never sent");
      return finish("ACKED", null, { ackedAt: atMs, answer: JSON.stringify(event.answer) });
    case "refused":
      if (neverSent) return illegal("it was never sent");
      return finish("FAILED", `device refused: ${event.code}${event.message === "" ? "" : ` (${event.message})`}`);
    case "attemptTimedOut":
      if (from !== "SENT") return illegal("no attempt is outstanding");
      return retryOrTimeOut(command, atMs, `no answer within ${command.attemptTimeoutMs} ms`, to, finish);
    case "deviceGone":
      // While PENDING nothing is on the wire: the retry already scheduled stays as it is.
      if (from === "PENDING") return to({});
      return retryOrTimeOut(command, atMs, "the device went away", to, finish);
    case "deadlinePassed":
      return finish("TIMED_OUT", timedOutMessage(command, atMs, command.error));
    case "cancelled":
      return finish("CANCELLED", event.by === undefined ? "cancelled" : `cancelled by ${event.by}`);
    case "reportedAfterRestart":
      return finish("ACKED", null, { ackedAt: atMs, answer: JSON.stringify({ resolvedBy: "status after restart", ...event.matched }) });
    case "unresolvedAfterRestart":
      return finish("TIMED_OUT", "unfinished when the twin stopped; after the restart the device did not report what it asked for");
  }
}

/** Like `transition`, but throws the `IllegalTransitionError`. */
export function transitionOrThrow(command: Command, event: CommandEvent, atMs: number): Command {
  const result = transition(command, event, atMs);
  if (!result.ok) throw result.error;
  return result.command;
}

function retryOrTimeOut(
  command: Command,
  atMs: number,
  why: string,
  to: (changes: Partial<Command>) => TransitionResult,
  finish: (status: CommandStatus, error: string | null) => TransitionResult,
): TransitionResult {
  const next = retryAtMs(command.attempts, atMs, command.deadlineAt, command.attemptTimeoutMs);
  if (next === null) return finish("TIMED_OUT", timedOutMessage(command, atMs, why));
  return to({ status: "PENDING", nextAttemptAt: next, error: why });
}

/**
 * Why a command TIMED_OUT, with the time it actually waited: that is less than its timeout when
 * it gives up because no further attempt fits before the deadline.
 */
function timedOutMessage(command: Command, atMs: number, lastProblem: string | null): string {
  const timeout = command.deadlineAt - command.createdAt;
  const waited = atMs - command.createdAt;
  const why = waited >= timeout ? `its ${timeout} ms timeout ran out` : `no further attempt fits in its ${timeout} ms timeout`;
  if (command.attempts === 0) return `not sent in ${waited} ms: ${why}${lastProblem === null ? "" : ` (${lastProblem})`}`;
  const tries = command.attempts === 1 ? "1 attempt" : `${command.attempts} attempts`;
  return `no answer after ${tries} in ${waited} ms: ${why}${lastProblem === null ? "" : ` (last: ${lastProblem})`}`;
}
