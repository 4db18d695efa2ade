import { describe, expect, it } from "vitest";
import { COMMAND_STATUSES, createCommand, isTerminal, type Command, type CommandStatus } from "../../../src/domain/command.js";
import { IllegalTransitionError, RETRIED_EVENTS, transition, transitionOrThrow, type CommandEvent, type CommandEventType } from "../../../src/commands/lifecycle.js";

const T0 = 1_700_000_000_000;
const fresh = (timeoutMs?: number): Command =>
  createCommand({
    commandId: "c1",
    kind: "ACTUATE",
    targetId: "heater_1",
    payload: { state: "ON", actuatorId: "heater_1" },
    issuedBy: "alice",
    atMs: T0,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });

const EVENTS: Record<CommandEventType, CommandEvent> = {
  sent: { type: "sent" },
  acked: { type: "acked", answer: { t: "ack", id: "h1", a: "heater_1", state: "ON" } },
  refused: { type: "refused", code: "UNKNOWN_ACTUATOR", message: "a must be fan_1" },
  attemptTimedOut: { type: "attemptTimedOut" },
  deadlinePassed: { type: "deadlinePassed" },
  cancelled: { type: "cancelled", by: "bob" },
  deviceGone: { type: "deviceGone" },
  reportedAfterRestart: { type: "reportedAfterRestart", matched: { state: "ON" } },
  unresolvedAfterRestart: { type: "unresolvedAfterRestart" },
};

const step = (c: Command, e: CommandEventType, at: number): Command => transitionOrThrow(c, EVENTS[e], at);

/** A command in each situation worth telling apart. */
function situations(): Record<string, Command> {
  const pending0 = fresh();
  const sent = step(pending0, "sent", T0);
  const pending1 = step(sent, "attemptTimedOut", T0 + 250);
  return {
    "PENDING (never sent)": pending0,
    "PENDING (retry due)": pending1,
    SENT: sent,
    ACKED: step(sent, "acked", T0 + 10),
    FAILED: step(sent, "refused", T0 + 10),
    TIMED_OUT: step(sent, "deadlinePassed", T0 + 5000),
    CANCELLED: step(sent, "cancelled", T0 + 10),
  };
}

// Expected status after each event, or null for an illegal transition.
const TABLE: Record<string, Record<CommandEventType, CommandStatus | null>> = {
  "PENDING (never sent)": {
    sent: "SENT",
    acked: null,
    refused: null,
    attemptTimedOut: null,
    deadlinePassed: "TIMED_OUT",
    cancelled: "CANCELLED",
    deviceGone: "PENDING",
    reportedAfterRestart: "ACKED",
    unresolvedAfterRestart: "TIMED_OUT",
  },
  "PENDING (retry due)": {
    sent: "SENT",
    acked: "ACKED",
    refused: "FAILED",
    attemptTimedOut: null,
    deadlinePassed: "TIMED_OUT",
    cancelled: "CANCELLED",
    deviceGone: "PENDING",
    reportedAfterRestart: "ACKED",
    unresolvedAfterRestart: "TIMED_OUT",
  },
  SENT: {
    sent: null,
    acked: "ACKED",
    refused: "FAILED",
    attemptTimedOut: "PENDING",
    deadlinePassed: "TIMED_OUT",
    cancelled: "CANCELLED",
    deviceGone: "PENDING",
    reportedAfterRestart: "ACKED",
    unresolvedAfterRestart: "TIMED_OUT",
  },
  ACKED: { sent: null, acked: null, refused: null, attemptTimedOut: null, deadlinePassed: null, cancelled: null, deviceGone: null, reportedAfterRestart: null, unresolvedAfterRestart: null },
  FAILED: { sent: null, acked: null, refused: null, attemptTimedOut: null, deadlinePassed: null, cancelled: null, deviceGone: null, reportedAfterRestart: null, unresolvedAfterRestart: null },
  TIMED_OUT: { sent: null, acked: null, refused: null, attemptTimedOut: null, deadlinePassed: null, cancelled: null, deviceGone: null, reportedAfterRestart: null, unresolvedAfterRestart: null },
  CANCELLED: { sent: null, acked: null, refused: null, attemptTimedOut: null, deadlinePassed: null, cancelled: null, deviceGone: null, reportedAfterRestart: null, unresolvedAfterRestart: null },
};

describe("command lifecycle", () => {
  const all = situations();
  for (const [name, command] of Object.entries(all)) {
    for (const [event, expected] of Object.entries(TABLE[name]!) as Array<[CommandEventType, CommandStatus | null]>) {
      it(`${name} + ${event} → ${expected ?? "illegal"}`, () => {
        const at = T0 + 600;
        const result = transition(command, EVENTS[event], at);
        if (expected === null) {
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error).toBeInstanceOf(IllegalTransitionError);
          expect(result.error.message).toContain(`command c1: ${event} is not possible in status ${command.status}`);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.command.status).toBe(expected);
        expect(result.command.finishedAt).toBe(isTerminal(expected) ? at : null);
        expect(command.status).toBe(name.split(" ")[0]); // the input is untouched
      });
    }
  }

  it("covers every status in the table", () => {
    expect(new Set(Object.values(all).map((c) => c.status))).toEqual(new Set(COMMAND_STATUSES));
  });

  it("starts PENDING and due at once, with the default 5 s deadline and 250 ms attempts", () => {
    const c = fresh();
    expect(c).toMatchObject({ status: "PENDING", attempts: 0, nextAttemptAt: T0, deadlineAt: T0 + 5000, attemptTimeoutMs: 250, sentAt: null });
    expect(c.payload).toBe('{"actuatorId":"heater_1","state":"ON"}'); // keys sorted
  });

  it("counts attempts, keeps the first send time and records the answer", () => {
    let c = step(fresh(), "sent", T0 + 1);
    c = step(c, "attemptTimedOut", T0 + 251);
    expect(c).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: T0 + 351, error: "no answer within 250 ms" });
    c = step(c, "sent", T0 + 351);
    expect(c).toMatchObject({ status: "SENT", attempts: 2, sentAt: T0 + 1, lastAttemptAt: T0 + 351, nextAttemptAt: null });
    c = step(c, "acked", T0 + 360);
    expect(c).toMatchObject({ status: "ACKED", ackedAt: T0 + 360, error: null, finishedAt: T0 + 360 });
    expect(JSON.parse(c.answer!)).toEqual({ t: "ack", id: "h1", a: "heater_1", state: "ON" });
  });

  it("fails at once on a refusal, with the device's code: retrying cannot help", () => {
    const c = step(step(fresh(), "sent", T0), "refused", T0 + 10);
    expect(c.status).toBe("FAILED");
    expect(c.error).toBe("device refused: UNKNOWN_ACTUATOR (a must be fan_1)");
    expect(RETRIED_EVENTS.has("refused")).toBe(false);
  });

  it("retries timeouts with backoff until no attempt fits before the deadline, then TIMED_OUT", () => {
    let c = fresh();
    const sends: number[] = [];
    let now = T0;
    while (c.status !== "TIMED_OUT") {
      expect(c.status).toBe("PENDING");
      now = c.nextAttemptAt!;
      sends.push(now - T0);
      c = step(c, "sent", now);
      now += c.attemptTimeoutMs;
      c = step(c, "attemptTimedOut", now);
    }
    expect(sends).toEqual([0, 350, 800, 1450, 2500, 4350]);
    expect(c.attempts).toBe(6);
    expect(c.error).toBe("no answer after 6 attempts in 4600 ms: no further attempt fits in its 5000 ms timeout (last: no answer within 250 ms)");
    expect(RETRIED_EVENTS.has("attemptTimedOut")).toBe(true);
  });

  it("retries when the device goes away, and names that when the deadline ends it", () => {
    let c = step(fresh(1000), "sent", T0);
    c = step(c, "deviceGone", T0 + 5);
    expect(c).toMatchObject({ status: "PENDING", nextAttemptAt: T0 + 105, error: "the device went away" });
    c = step(c, "deviceGone", T0 + 50); // nothing on the wire: the scheduled retry stands
    expect(c.nextAttemptAt).toBe(T0 + 105);
    c = step(step(c, "sent", T0 + 105), "deviceGone", T0 + 960); // retry would start at 1160 > deadline 1000
    expect(c.status).toBe("TIMED_OUT");
    expect(c.error).toBe("no answer after 2 attempts in 960 ms: no further attempt fits in its 1000 ms timeout (last: the device went away)");
  });

  it("says a never-sent command was not sent", () => {
    const c = step(fresh(), "deadlinePassed", T0 + 5000);
    expect(c.error).toBe("not sent in 5000 ms: its 5000 ms timeout ran out");
  });

  it("refuses to send past the deadline and names the event to report instead", () => {
    const result = transition(fresh(1000), EVENTS.sent, T0 + 1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/deadline passed at .*report deadlinePassed/);
  });

  it("accepts a late answer to an earlier attempt while a retry is due", () => {
    const waiting = step(step(fresh(), "sent", T0), "attemptTimedOut", T0 + 250);
    expect(step(waiting, "acked", T0 + 300).status).toBe("ACKED");
  });

  it("names who cancelled", () => {
    expect(step(fresh(), "cancelled", T0).error).toBe("cancelled by bob");
    expect(transitionOrThrow(fresh(), { type: "cancelled" }, T0).error).toBe("cancelled");
  });

  it("throws the typed error from transitionOrThrow (ACKED → SENT)", () => {
    const acked = step(step(fresh(), "sent", T0), "acked", T0 + 10);
    expect(() => step(acked, "sent", T0 + 20)).toThrow(IllegalTransitionError);
    expect(() => step(acked, "sent", T0 + 20)).toThrow("command c1: sent is not possible in status ACKED: ACKED is final");
  });
});
