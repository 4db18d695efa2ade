import { randomUUID } from "node:crypto";
import type { Bridge } from "../bridge/bridge.js";
import { CommandTimeoutError, DeviceRefusedError } from "../bridge/correlator.js";
import { InterlockError, InvalidInputError, NotFoundError, RateLimitedError } from "../errors.js";
import type { Logger } from "../log.js";
import type { ActuatorStore } from "../store/actuatorStore.js";
import type { CommandStore } from "../store/commandStore.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import type { ActuatorSnapshot, SwitchState } from "../domain/actuatorState.js";
import { createCommand, isTerminal, type Command, type CommandKind } from "../domain/command.js";
import type { CalibrateRequest, SendCommandRequest, SetIntervalRequest } from "./commandInput.js";
import { ActuatorBook } from "./actuatorBook.js";
import { IdempotencyBook } from "./idempotencyBook.js";
import { checkCommand, type InterlockRefusal } from "./interlocks.js";
import { transition, type CommandEvent } from "./lifecycle.js";
import { overrideUntil } from "./override.js";
import { deviceOffline, logRefused, logSettled } from "./outcomes.js";
import { RateLimiter } from "./rateLimit.js";
import { MaxOnWatch, type SafetySettings } from "./safety.js";
import { RestartRecovery } from "./restartRecovery.js";
import { commandBody } from "./commandBody.js";
import { CommandRecords } from "./commandRecords.js";

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

/** How long a command waits for the graph to register an actuator a device has just announced. */
const REGISTRATION_WAIT_MS = 5_000;

/**
 * The command path: validate, check interlocks and the rate limit, record the command in Neo4j,
 * send it through the bridge with retries and backoff until its deadline, and publish every
 * status change. An idempotency key returns the first command for it and never switches twice.
 */
export class CommandService {
  private readonly book: ActuatorBook;
  private readonly keys: IdempotencyBook;
  private readonly recovery: RestartRecovery;
  private readonly records: CommandRecords;
  private readonly maxOn: MaxOnWatch;
  private readonly limiter: RateLimiter;
  private readonly inFlight = new Map<string, Promise<Command>>();
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
    this.book = new ActuatorBook(deps.actuators);
    this.keys = new IdempotencyBook(deps.store);
    this.recovery = new RestartRecovery(deps);
    this.records = new CommandRecords(deps);
    this.maxOn = new MaxOnWatch(this, deps.safety.interlocks, deps.clock, deps.log);
  }

  /**
   * Loads actuators and overrides, takes over commands left unfinished in the graph
   * (RestartRecovery), and starts switching OFF actuators past their MAX_ON limits.
   */
  async start(): Promise<void> {
    await this.book.refresh();
    await this.recovery.start();
    this.maxOn.start();
  }

  stop(): void {
    this.stopped = true;
    this.recovery.stop();
    this.maxOn.stop();
  }

  /** What each actuator is or is about to be (ActuatorBook.snapshots): interlocks and rules read this. */
  actuatorStates(): ReadonlyMap<string, ActuatorSnapshot> {
    return this.book.snapshots();
  }

  /** True while a person's command pauses rules on this actuator. */
  isOverridden(actuatorId: string, nowMs: number): boolean {
    return this.book.isOverridden(actuatorId, nowMs);
  }

  /** The interlock that would refuse switching now, or null. */
  interlockCheck(actuatorId: string, state: SwitchState, nowMs: number): InterlockRefusal | null {
    return checkCommand({ actuatorId, state }, { states: this.actuatorStates() }, this.deps.safety.interlocks, nowMs);
  }

  /** The bridge reported an actuator state (ack or hello): resolves commands left by a restart. */
  onActuatorReported(actuatorId: string, state: SwitchState, atMs: number): void {
    if (this.book.report(actuatorId, state, atMs)) this.recovery.actuatorReported(actuatorId, state);
  }

  /**
   * A device said hello (its registration is written): its actuators now route to it, and the
   * SET_INTERVAL commands a restart left for it are resolved by the interval it reports.
   */
  onDeviceRegistered(deviceId: string, intervalMs: number): void {
    this.book.refresh().catch((error: unknown) => this.deps.log.warn("reloading the actuators after a hello failed; the next command reloads them", { deviceId, error }));
    this.recovery.deviceRegistered(deviceId, intervalMs);
  }

  /** Switches an actuator; resolves when the command is settled (at most its timeout). */
  async actuate(request: SendCommandRequest, issuer: Issuer): Promise<Command> {
    let entry = this.book.entry(request.actuatorId);
    // Unknown, or routed to a device that is not here: another may have taken it over since.
    if (entry === undefined || entry.deviceId === null || !this.deps.bridge.isConnected(entry.deviceId)) {
      await this.book.refresh();
      entry = this.book.entry(request.actuatorId);
    }
    // A device just said hello with it, and its registration is on its way to the graph.
    if (entry === undefined && (await this.deps.bridge.whenRegistered(request.actuatorId, REGISTRATION_WAIT_MS))) {
      await this.book.refresh();
      entry = this.book.entry(request.actuatorId);
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
      const until = issuer.manual ? overrideUntil(now, this.deps.safety.overrideMs) : null;
      this.book.accept(id, request.state, now, commandId, until);
      // The in-memory state above is what interlocks and rules read; the answer waits for the write.
      this.records.desire(commandId, { actuatorId: id, state: request.state, atMs: now, overrideUntilMs: until });
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
    await this.records.settle(result.command, null);
    return result.command;
  }

  private admit(targetId: string, now: number): void {
    const decision = this.limiter.tryAcquire(targetId, now);
    if (!decision.allowed) throw new RateLimitedError(decision.message);
  }

  private async issue(request: CommandRequest, accept: (now: number, commandId: string) => Promise<void>): Promise<Command> {
    const { idempotencyKey: key, kind, targetId, payload } = request;
    if (key === null) return this.issueNew(request, accept);
    return this.keys.issue(key, kind, targetId, payload, () => this.issueNew(request, accept));
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
    this.records.record(c, ruleId);
    const body = commandBody(c);
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
    if (c.kind === "ACTUATE") this.book.settle(c.targetId, c.commandId);
    this.cancelled.delete(c.commandId);
    this.cancelledBy.delete(c.commandId);
    // The idempotency key is answered from memory from here on, and for a while after.
    this.keys.remember(c);
    logSettled(this.deps.log, c, deviceId);
    await this.records.settle(c, ruleId);
    return c;
  }

  /** Saves still being written (tests and shutdown wait for them). */
  drain(): Promise<void> {
    return this.records.drain();
  }

  /** Applies an event (an illegal one is logged and ignored) and records the result unless it is final (`settle` does that). */
  private apply(c: Command, event: CommandEvent, ruleId: string | null): Command {
    const result = transition(c, event, this.deps.clock());
    if (!result.ok) {
      this.deps.log.warn("ignored an impossible command transition", { error: result.error.message });
      return c;
    }
    if (!isTerminal(result.command.status)) this.records.record(result.command, ruleId);
    return result.command;
  }
}
