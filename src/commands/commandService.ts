import { randomUUID } from "node:crypto";
import type { Bridge } from "../bridge/bridge.js";
import { CommandTimeoutError, DeviceRefusedError } from "../bridge/correlator.js";
import type { CommandBody } from "../bridge/deviceSession.js";
import { InterlockError, InvalidInputError, NotFoundError, RateLimitedError, UnavailableError } from "../errors.js";
import type { Logger } from "../log.js";
import type { AcceptedState, ActuatorEntry, ActuatorStore } from "../store/actuatorStore.js";
import type { CommandStore, SavedCommand } from "../store/commandStore.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import { CoalescingWriter } from "../util/coalescingWriter.js";
import type { ActuatorSnapshot, SwitchState } from "../domain/actuatorState.js";
import { createCommand, isTerminal, type Command, type CommandKind } from "../domain/command.js";
import type { CalibrateRequest, SendCommandRequest, SetIntervalRequest } from "./commandInput.js";
import { reuseForKey } from "./idempotency.js";
import { checkCommand, type Interlock, type InterlockRefusal } from "./interlocks.js";
import { transition, type CommandEvent } from "./lifecycle.js";
import { DEFAULT_OVERRIDE_MS, isOverridden, overrideUntil } from "./override.js";
import { deviceOffline, logRefused, logSettled } from "./outcomes.js";
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from "./rateLimit.js";

export interface SafetySettings {
  readonly interlocks: readonly Interlock[];
  readonly rateLimit: RateLimit;
  /** How long a manual command pauses rules on its actuator. */
  readonly overrideMs: number;
}

export const DEFAULT_SAFETY: SafetySettings = { interlocks: [], rateLimit: DEFAULT_RATE_LIMIT, overrideMs: DEFAULT_OVERRIDE_MS };

export interface Issuer {
  /** A user's subject, `rule:<ruleId>` or `safety:<interlock>`. */
  readonly issuedBy: string;
  readonly ruleId?: string | null;
  /** A person's command: pauses rules on the actuator (manual override wins). */
  readonly manual: boolean;
}

/** A command about to be issued: what, to which target over which device, and on whose behalf. */
interface CommandRequest {
  readonly kind: CommandKind;
  readonly targetId: string;
  readonly deviceId: string;
  readonly payload: Record<string, unknown>;
  readonly idempotencyKey: string | null;
  readonly timeoutMs: number;
  readonly reason: string | null;
  readonly issuer: Issuer;
}

/** Settled commands remembered by idempotency key. */
const RECENT_KEYS = 10_000;
/** Command records and desired states gather this long before they are written together. */
const RECORD_LINGER_MS = 50;
/** How long after a restart a command left unfinished waits for its device's hello. */
const RESTART_GRACE_MS = 30_000;
/** How long a command waits for the graph to register an actuator a device has just announced. */
const REGISTRATION_WAIT_MS = 5_000;

/**
 * The command path: validate, check interlocks and the rate limit, record the command in Neo4j,
 * send it through the bridge with retries and backoff until its deadline, and publish every
 * status change. An idempotency key returns the first command for it and never switches twice.
 */
export class CommandService {
  private directory = new Map<string, ActuatorEntry>();
  private directoryReads = 0;
  private directoryApplied = 0;
  private readonly states = new Map<string, ActuatorSnapshot>();
  private readonly lastReportMs = new Map<string, number>();
  /** The newest accepted, unsettled ACTUATE per actuator. */
  private readonly pending = new Map<string, ActuatorSnapshot & { readonly commandId: string }>();
  private readonly overrides = new Map<string, number>();
  private readonly limiter: RateLimiter;
  private readonly inFlight = new Map<string, Promise<Command>>();
  private readonly byKey = new Map<string, Promise<Command>>();
  /** Command records, newest per command, written in batches (one transaction per batch). */
  private readonly saves: CoalescingWriter<string, SavedCommand>;
  /** Desired states, newest per actuator, written in batches, in acceptance order. */
  private readonly desired: CoalescingWriter<string, AcceptedState>;
  /** Per command in flight, the write of its desired state: its answer waits for it. */
  private readonly desiredWrites = new Map<string, Promise<boolean>>();
  /** Settled commands by idempotency key, newest last (bounded): answers repeats before and after the save lands. */
  private readonly recentByKey = new Map<string, Command>();
  private readonly unresolved = new Map<string, Command>();
  private startedAt = 0;
  private readonly cancelled = new Set<string>();
  private readonly cancelledBy = new Map<string, string>();
  private stopped = false;

  constructor(
    private readonly deps: {
      readonly store: CommandStore;
      readonly actuators: Pick<ActuatorStore, "directory" | "acceptMany">;
      readonly bridge: Pick<Bridge, "send" | "isConnected" | "statuses" | "whenRegistered">;
      readonly deviceExists: (deviceId: string) => Promise<boolean>;
      /** When the device was last seen (epoch ms), or null if never: for the DEVICE_OFFLINE message. */
      readonly lastSeen: (deviceId: string) => Promise<number | null>;
      readonly bus: EventBus<TwinEvents>;
      readonly clock: () => number;
      readonly log: Logger;
      readonly safety: SafetySettings;
    },
  ) {
    this.limiter = new RateLimiter(deps.safety.rateLimit);
    this.saves = new CoalescingWriter({
      what: "command records",
      lingerMs: RECORD_LINGER_MS,
      // A record keeps the rule of its first save (the link to its rule is made on creation).
      merge: (older, newer) => ({ command: newer.command, ruleId: older.ruleId ?? newer.ruleId, reported: newer.reported ?? older.reported ?? null }),
      write: (entries) => deps.store.saveMany(entries),
      log: deps.log,
    });
    this.desired = new CoalescingWriter({
      what: "desired actuator states",
      lingerMs: RECORD_LINGER_MS,
      // The newest state wins; a person's override is kept even if a later acceptance sets none.
      merge: (older, newer) => ({ ...newer, overrideUntilMs: newer.overrideUntilMs ?? older.overrideUntilMs }),
      write: (accepted) => deps.actuators.acceptMany(accepted),
      log: deps.log,
    });
  }

  /**
   * Loads actuators and overrides, and takes over commands left unfinished in the graph — by a
   * previous run, or in flight in another twin on the same database. Each is settled from its
   * device's status when the device reports, else TIMED_OUT once both its deadline and a grace
   * period after this start have passed; a command someone else settled meanwhile is left as
   * they wrote it.
   */
  async start(): Promise<void> {
    await this.refreshDirectory();
    this.startedAt = this.deps.clock();
    for (const c of await this.deps.store.unfinished()) this.unresolved.set(c.commandId, c);
    if (this.unresolved.size > 0) {
      this.deps.log.info(`${this.unresolved.size} commands were unfinished at the last stop; resolving them from their devices' status`);
    }
    await this.expireUnresolved();
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * What each actuator is or is about to be: the state its device last reported, overlaid with
   * an accepted ACTUATE command still in flight. Interlocks and rules read this, so a heater
   * whose ON is on the wire already counts as ON, and a rule clearing while its own ON command
   * is still being sent issues the OFF instead of thinking the actuator is already off.
   */
  actuatorStates(): ReadonlyMap<string, ActuatorSnapshot> {
    if (this.pending.size === 0) return this.states;
    const merged = new Map(this.states);
    for (const [id, p] of this.pending) if (merged.get(id)?.state !== p.state) merged.set(id, p);
    return merged;
  }

  /** True while a person's command pauses rules on this actuator. */
  isOverridden(actuatorId: string, nowMs: number): boolean {
    return isOverridden(actuatorId, this.overrides, nowMs);
  }

  /** The interlock that would refuse switching now, or null. */
  interlockCheck(actuatorId: string, state: SwitchState, nowMs: number): InterlockRefusal | null {
    return checkCommand({ actuatorId, state }, { states: this.actuatorStates() }, this.deps.safety.interlocks, nowMs);
  }

  /** The bridge reported an actuator state (ack or hello): resolves commands left by a restart. */
  onActuatorReported(actuatorId: string, state: SwitchState, atMs: number): void {
    // A hello's states reach here after its registration is written, so an ack received later
    // can arrive first: an older report never overrides a newer one.
    if (atMs < (this.lastReportMs.get(actuatorId) ?? -Infinity)) return;
    this.lastReportMs.set(actuatorId, atMs);
    const known = this.states.get(actuatorId);
    if (known?.state !== state) this.states.set(actuatorId, { state, sinceMs: atMs });
    for (const c of this.unresolved.values()) {
      const payload = JSON.parse(c.payload) as { actuatorId?: string; state?: string };
      if (c.kind === "ACTUATE" && payload.actuatorId === actuatorId) void this.finishUnresolved(c, state === payload.state ? { state } : null);
    }
  }

  /**
   * A device said hello (its registration is written): its actuators now route to it, and the
   * SET_INTERVAL commands a restart left for it are resolved by the interval it reports.
   */
  onDeviceRegistered(deviceId: string, intervalMs: number): void {
    this.refreshDirectory().catch((error: unknown) => this.deps.log.warn("reloading the actuators after a hello failed; the next command reloads them", { deviceId, error }));
    for (const c of this.unresolved.values()) {
      const payload = JSON.parse(c.payload) as { deviceId?: string; ms?: number };
      if (c.kind === "SET_INTERVAL" && payload.deviceId === deviceId) void this.finishUnresolved(c, payload.ms === intervalMs ? { ms: intervalMs } : null);
    }
  }

  /** Switches an actuator; resolves when the command is settled (at most its timeout). */
  async actuate(request: SendCommandRequest, issuer: Issuer): Promise<Command> {
    let entry = this.directory.get(request.actuatorId);
    // Unknown, or routed to a device that is not here: another may have taken it over since.
    if (entry === undefined || entry.deviceId === null || !this.deps.bridge.isConnected(entry.deviceId)) {
      await this.refreshDirectory();
      entry = this.directory.get(request.actuatorId);
    }
    // A device just said hello with it, and its registration is on its way to the graph.
    if (entry === undefined && (await this.deps.bridge.whenRegistered(request.actuatorId, REGISTRATION_WAIT_MS))) {
      await this.refreshDirectory();
      entry = this.directory.get(request.actuatorId);
    }
    if (entry === undefined) throw new NotFoundError(`no actuator with actuatorId "${request.actuatorId}"; Query.actuators lists them`);
    if (entry.deviceId === null) throw new InvalidInputError(`actuator ${entry.actuatorId} belongs to no device, so nothing can switch it`);
    const payload = { actuatorId: entry.actuatorId, state: request.state };
    const id = entry.actuatorId;
    const deviceId = entry.deviceId;
    const options = { idempotencyKey: request.idempotencyKey, timeoutMs: request.timeoutMs, reason: request.reason };
    return this.issue({ kind: "ACTUATE", targetId: id, deviceId, payload, ...options, issuer }, async (now, commandId) => {
      await this.requireConnected(deviceId, `${id} ${request.state}`);
      now = this.deps.clock();
      const refusal = this.interlockCheck(id, request.state, now);
      if (refusal !== null) throw new InterlockError(refusal.message);
      this.admit(id, now);
      // Counted as this state from here on (no await between the check and this line), until settled.
      this.pending.set(id, { state: request.state, sinceMs: now, commandId });
      const until = issuer.manual ? overrideUntil(now, this.deps.safety.overrideMs) : null;
      if (until !== null) this.overrides.set(id, until);
      // Written while the device is asked, not before: the device need not wait for Neo4j. The
      // in-memory state above is what interlocks and rules read; the answer waits for the write.
      this.desiredWrites.set(commandId, this.desired.putNow(id, { actuatorId: id, state: request.state, atMs: now, overrideUntilMs: until }));
    });
  }

  /** Changes a device's sampling interval. */
  async setInterval(request: SetIntervalRequest, issuer: Issuer): Promise<Command> {
    if (!this.deps.bridge.isConnected(request.deviceId) && !(await this.deps.deviceExists(request.deviceId))) {
      throw new NotFoundError(`no device with deviceId "${request.deviceId}"; Query.deviceStatuses lists the connected ones`);
    }
    const options = { idempotencyKey: request.idempotencyKey, timeoutMs: request.timeoutMs, reason: request.reason };
    const payload = { deviceId: request.deviceId, ms: request.ms };
    return this.issue({ kind: "SET_INTERVAL", targetId: request.deviceId, deviceId: request.deviceId, payload, ...options, issuer }, async (now) => {
      await this.requireConnected(request.deviceId, `the sampling interval ${request.ms} ms`);
      this.admit(request.deviceId, now);
    });
  }

  /**
   * Sends a sensor's calibration offset to its device (`cal`), through the same lifecycle as a
   * switch: idempotency key, a rate limit per sensor, the device's ack, retries until the deadline.
   */
  async calibrate(request: CalibrateRequest, issuer: Issuer): Promise<Command> {
    const options = { idempotencyKey: request.idempotencyKey, timeoutMs: request.timeoutMs, reason: request.reason };
    const payload = { deviceId: request.deviceId, sensorId: request.sensorId, offset: request.offset };
    return this.issue({ kind: "CALIBRATE", targetId: request.deviceId, deviceId: request.deviceId, payload, ...options, issuer }, async (now) => {
      await this.requireConnected(request.deviceId, `the calibration offset ${request.offset} of ${request.sensorId}`);
      this.admit(request.sensorId, now);
    });
  }

  /** Fails at once with DEVICE_OFFLINE, naming the device's last sighting, unless it is connected: retrying a dead route helps nobody. */
  private async requireConnected(deviceId: string, what: string): Promise<void> {
    if (this.deps.bridge.isConnected(deviceId)) return;
    const lastSeen = await this.deps.lastSeen(deviceId).catch(() => null);
    throw deviceOffline(
      deviceId,
      what,
      lastSeen,
      this.deps.clock(),
      this.deps.bridge.statuses().map((s) => s.deviceId),
    );
  }

  /** Stops retrying a command that has not settled. */
  async cancel(commandId: string, by: string): Promise<Command> {
    const running = this.inFlight.get(commandId);
    if (running !== undefined) {
      // Still being tried here: the attempt loop notices, records CANCELLED and returns.
      this.cancelled.add(commandId);
      this.cancelledBy.set(commandId, by);
      return running;
    }
    const command = await this.deps.store.get(commandId);
    if (command === null) throw new NotFoundError(`no command with commandId "${commandId}"`);
    const result = transition(command, { type: "cancelled", by }, this.deps.clock());
    if (!result.ok) throw new InvalidInputError(`command ${commandId} is ${command.status} and cannot be cancelled`);
    this.cancelled.add(commandId);
    await this.settle(result.command, null);
    return result.command;
  }

  private admit(targetId: string, now: number): void {
    const decision = this.limiter.tryAcquire(targetId, now);
    if (!decision.allowed) throw new RateLimitedError(decision.message);
  }

  private async issue(request: CommandRequest, accept: (now: number, commandId: string) => Promise<void>): Promise<Command> {
    const { idempotencyKey: key, kind, targetId, payload } = request;
    if (key === null) return this.issueNew(request, accept);
    // The key is claimed synchronously: a second request with it, even one arriving while the
    // first is still being checked, waits for the first and gets its command.
    const running = this.byKey.get(key);
    if (running !== undefined) return reuseForKey(await running, kind, targetId, payload) as Command;
    const recent = this.recentByKey.get(key);
    if (recent !== undefined) return reuseForKey(recent, kind, targetId, payload) as Command;
    const first = (async () => {
      const reused = reuseForKey(await this.deps.store.byIdempotencyKey(key), kind, targetId, payload);
      return reused ?? this.issueNew(request, accept);
    })();
    this.byKey.set(key, first);
    try {
      return await first;
    } finally {
      this.byKey.delete(key);
    }
  }

  private async issueNew(request: CommandRequest, accept: (now: number, commandId: string) => Promise<void>): Promise<Command> {
    const commandId = randomUUID();
    const { kind, targetId, payload, issuer, timeoutMs, idempotencyKey, reason } = request;
    try {
      await accept(this.deps.clock(), commandId);
    } catch (error) {
      logRefused(this.deps.log, kind, targetId, issuer.issuedBy, error);
      throw error;
    }
    const now = this.deps.clock();
    const command = createCommand({ commandId, kind, targetId, payload, issuedBy: issuer.issuedBy, atMs: now, timeoutMs, idempotencyKey, reason });
    const run = this.run(command, request.deviceId, issuer.ruleId ?? null);
    this.inFlight.set(command.commandId, run);
    try {
      return await run;
    } finally {
      this.inFlight.delete(command.commandId);
    }
  }

  /** Attempts until the command settles; every status change is saved and published. */
  private async run(initial: Command, deviceId: string, ruleId: string | null): Promise<Command> {
    let c = initial;
    // Not awaited: saves are chained per command, so the node exists before any later status
    // is written, and the device does not wait for Neo4j. A crash in between loses only the
    // record; the device reports its actual state in the hello after the restart.
    this.record(c, ruleId);
    const body = this.bodyOf(c);
    while (!isTerminal(c.status)) {
      if (this.cancelled.has(c.commandId) || this.stopped) {
        c = this.apply(c, { type: "cancelled", by: this.stopped ? "shutdown" : this.cancelledBy.get(c.commandId) }, ruleId);
        this.cancelledBy.delete(c.commandId);
        break;
      }
      const now = this.deps.clock();
      if (now >= c.deadlineAt) {
        c = this.apply(c, { type: "deadlinePassed" }, ruleId);
        break;
      }
      if (c.nextAttemptAt !== null && c.nextAttemptAt > now) {
        await new Promise((r) => setTimeout(r, Math.min(c.nextAttemptAt! - now, c.deadlineAt - now)));
        continue;
      }
      c = this.apply(c, { type: "sent" }, ruleId);
      if (!this.deps.bridge.isConnected(deviceId)) {
        c = this.apply(c, { type: "deviceGone" }, ruleId);
        continue;
      }
      try {
        const answer = await this.deps.bridge.send(deviceId, body, Math.min(c.attemptTimeoutMs, Math.max(1, c.deadlineAt - this.deps.clock())));
        c = this.apply(c, { type: "acked", answer: answer as unknown as Record<string, unknown> }, ruleId);
      } catch (error) {
        if (error instanceof DeviceRefusedError) c = this.apply(c, { type: "refused", code: error.code, message: error.message }, ruleId);
        else if (error instanceof CommandTimeoutError) c = this.apply(c, { type: "attemptTimedOut" }, ruleId);
        else c = this.apply(c, { type: "deviceGone" }, ruleId);
      }
    }
    if (c.kind === "ACTUATE") this.settlePending(c.targetId, c.commandId);
    this.cancelled.delete(c.commandId);
    this.cancelledBy.delete(c.commandId);
    // The idempotency key is answered from memory from here on, and for a while after.
    if (c.idempotencyKey !== null) this.remember(c);
    logSettled(this.deps.log, c, deviceId);
    await this.settle(c, ruleId);
    return c;
  }

  /**
   * Writes a settled command — for an ACKED switch, in the same transaction, the actuator's
   * reported state — and only then publishes it and lets its caller have the answer, so every
   * read after the answer shows it. The desired state written at acceptance is waited for too.
   */
  private async settle(c: Command, ruleId: string | null): Promise<void> {
    const payload = JSON.parse(c.payload) as { actuatorId?: string; state?: SwitchState };
    const reported =
      c.status === "ACKED" && c.kind === "ACTUATE" && payload.actuatorId !== undefined && payload.state !== undefined
        ? { actuatorId: payload.actuatorId, state: payload.state, atMs: c.ackedAt ?? this.deps.clock() }
        : null;
    const recorded = await this.saves.putNow(c.commandId, { command: c, ruleId, reported });
    const desired = (await this.desiredWrites.get(c.commandId)) ?? true;
    this.desiredWrites.delete(c.commandId);
    this.deps.bus.emit("commandUpdated", c);
    if (!recorded || !desired) {
      throw new UnavailableError(
        `command ${c.commandId} is ${c.status} at the device, but recording it in Neo4j failed (the log says why); ` + "the graph may show the actuator's old state until the device reports again",
      );
    }
  }

  private remember(c: Command): void {
    const key = c.idempotencyKey as string;
    this.recentByKey.delete(key);
    this.recentByKey.set(key, c);
    if (this.recentByKey.size > RECENT_KEYS) this.recentByKey.delete(this.recentByKey.keys().next().value as string);
  }

  /** Saves still being written (tests and shutdown wait for them). */
  async drain(): Promise<void> {
    await Promise.all([this.saves.drain(), this.desired.drain()]);
  }

  /** Forgets a settled command's in-flight state (unless a newer command replaced it). */
  private settlePending(actuatorId: string, commandId: string): void {
    if (this.pending.get(actuatorId)?.commandId === commandId) this.pending.delete(actuatorId);
  }

  private bodyOf(c: Command): CommandBody {
    const p = JSON.parse(c.payload) as Record<string, unknown>;
    if (c.kind === "ACTUATE") return { t: "set", a: p["actuatorId"] as string, state: p["state"] as SwitchState };
    if (c.kind === "SET_INTERVAL") return { t: "interval", ms: p["ms"] as number };
    if (c.kind === "CALIBRATE") return { t: "cal", s: p["sensorId"] as string, off: p["offset"] as number };
    return { t: "status" };
  }

  /** Applies an event (an illegal one is logged and ignored) and records the result unless it is final (`settle` does that). */
  private apply(c: Command, event: CommandEvent, ruleId: string | null): Command {
    const result = transition(c, event, this.deps.clock());
    if (!result.ok) {
      this.deps.log.warn("ignored an impossible command transition", { error: result.error.message });
      return c;
    }
    if (!isTerminal(result.command.status)) this.record(result.command, ruleId);
    return result.command;
  }

  /**
   * A status on the way (PENDING, SENT): published at once; saves follow in batches, in order
   * per command. While a record waits, a newer status replaces it (SENT is history once ACKED
   * is known).
   */
  private record(c: Command, ruleId: string | null): void {
    this.deps.bus.emit("commandUpdated", c);
    void this.saves.put(c.commandId, { command: c, ruleId, reported: null });
  }

  private async refreshDirectory(): Promise<void> {
    // Refreshes overlap (a hello's and a command's): a read that began before the newest applied
    // one may have missed what that one saw, so it must not overwrite it.
    const generation = ++this.directoryReads;
    const entries = await this.deps.actuators.directory();
    if (generation < this.directoryApplied) return;
    this.directoryApplied = generation;
    this.directory = new Map(entries.map((e) => [e.actuatorId, e]));
    for (const e of entries) {
      if (e.reportedState !== null && !this.states.has(e.actuatorId)) this.states.set(e.actuatorId, { state: e.reportedState, sinceMs: e.reportedAtMs ?? 0 });
      if (e.overrideUntilMs !== null) this.overrides.set(e.actuatorId, e.overrideUntilMs);
    }
  }

  /**
   * A command a restart left behind: ACKED if the device now reports what it asked (`matched`:
   * the reported state or interval), else TIMED_OUT.
   */
  private async finishUnresolved(c: Command, matched: { readonly state: SwitchState } | { readonly ms: number } | null): Promise<void> {
    if (!this.unresolved.delete(c.commandId)) return;
    const now = this.deps.clock();
    const settled: Command =
      matched !== null
        ? { ...c, status: "ACKED", ackedAt: now, finishedAt: now, nextAttemptAt: null, error: null, answer: JSON.stringify({ resolvedBy: "status after restart", ...matched }) }
        : { ...c, status: "TIMED_OUT", finishedAt: now, nextAttemptAt: null, error: "unfinished when the twin stopped; after the restart the device did not report what it asked for" };
    try {
      if (await this.deps.store.settleIfUnfinished(settled)) this.deps.bus.emit("commandUpdated", settled);
      else this.deps.log.debug("an unfinished command was settled elsewhere meanwhile; left as it is", { commandId: c.commandId });
    } catch (error) {
      this.deps.log.error("settling a command left unfinished failed", { commandId: c.commandId, error });
    }
  }

  /** TIMED_OUT for unfinished commands past their deadline and the grace after start; checks again when the next one is due. */
  private async expireUnresolved(): Promise<void> {
    if (this.stopped) return;
    const now = this.deps.clock();
    let next = Number.POSITIVE_INFINITY;
    for (const c of [...this.unresolved.values()]) {
      const due = Math.max(c.deadlineAt, this.startedAt) + RESTART_GRACE_MS;
      if (due <= now) await this.finishUnresolved(c, null);
      else next = Math.min(next, due);
    }
    if (Number.isFinite(next)) setTimeout(() => void this.expireUnresolved(), next - now).unref();
  }
}
