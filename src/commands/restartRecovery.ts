import type { SwitchState } from "../domain/actuatorState.js";
import type { Command } from "../domain/command.js";
import type { TwinEvents } from "../domain/events.js";
import type { Logger } from "../log.js";
import type { CommandStore } from "../store/commandStore.js";
import type { EventBus } from "../util/eventBus.js";
import { transition, type CommandEvent } from "./lifecycle.js";

/** How long after a restart a command left unfinished waits for its device's hello. */
const RESTART_GRACE_MS = 30_000;

/**
 * Commands left unfinished in the graph — by a previous run, or in flight in another twin on the
 * same database. Each is settled through the lifecycle from its device's status when the device
 * reports (ACKED if it now reports what the command asked, else TIMED_OUT), or TIMED_OUT once
 * both its deadline and a grace period after this start have passed; a command someone else
 * settled meanwhile is left as they wrote it.
 */
export class RestartRecovery {
  private readonly unresolved = new Map<string, Command>();
  private startedAt = 0;
  private stopped = false;

  constructor(
    private readonly deps: {
      readonly store: Pick<CommandStore, "unfinished" | "settleIfUnfinished">;
      readonly bus: EventBus<TwinEvents>;
      readonly clock: () => number;
      readonly log: Logger;
    },
  ) {}

  async start(): Promise<void> {
    this.startedAt = this.deps.clock();
    for (const c of await this.deps.store.unfinished()) this.unresolved.set(c.commandId, c);
    if (this.unresolved.size > 0) {
      this.deps.log.info(`${this.unresolved.size} commands were unfinished at the last stop; resolving them from their devices' status`);
    }
    await this.expire();
  }

  stop(): void {
    this.stopped = true;
  }

  /** A device reported an actuator's state: an unfinished ACTUATE of it is settled by it. */
  actuatorReported(actuatorId: string, state: SwitchState): void {
    for (const c of this.unresolved.values()) {
      const payload = JSON.parse(c.payload) as { actuatorId?: string; state?: string };
      if (c.kind === "ACTUATE" && payload.actuatorId === actuatorId) void this.finish(c, state === payload.state ? { state } : null);
    }
  }

  /** A device said hello with its sampling interval: an unfinished SET_INTERVAL for it is settled by it. */
  deviceRegistered(deviceId: string, intervalMs: number): void {
    for (const c of this.unresolved.values()) {
      const payload = JSON.parse(c.payload) as { deviceId?: string; ms?: number };
      if (c.kind === "SET_INTERVAL" && payload.deviceId === deviceId) void this.finish(c, payload.ms === intervalMs ? { ms: intervalMs } : null);
    }
  }

  /** `matched`: what the device reports that the command asked for, or null when it reports something else (or nothing). */
  private async finish(c: Command, matched: Readonly<Record<string, unknown>> | null): Promise<void> {
    if (!this.unresolved.delete(c.commandId)) return;
    const event: CommandEvent = matched === null ? { type: "unresolvedAfterRestart" } : { type: "reportedAfterRestart", matched };
    const result = transition(c, event, this.deps.clock());
    if (!result.ok) {
      this.deps.log.warn("an unfinished command could not be settled after the restart", { commandId: c.commandId, error: result.error.message });
      return;
    }
    try {
      if (await this.deps.store.settleIfUnfinished(result.command)) this.deps.bus.emit("commandUpdated", result.command);
      else this.deps.log.debug("an unfinished command was settled elsewhere meanwhile; left as it is", { commandId: c.commandId });
    } catch (error) {
      this.deps.log.error("settling a command left unfinished failed", { commandId: c.commandId, error });
    }
  }

  /** TIMED_OUT for unfinished commands past their deadline and the grace after start; checks again when the next one is due. */
  private async expire(): Promise<void> {
    if (this.stopped) return;
    const now = this.deps.clock();
    let next = Number.POSITIVE_INFINITY;
    for (const c of [...this.unresolved.values()]) {
      const due = Math.max(c.deadlineAt, this.startedAt) + RESTART_GRACE_MS;
      if (due <= now) await this.finish(c, null);
      else next = Math.min(next, due);
    }
    if (Number.isFinite(next)) setTimeout(() => void this.expire(), next - now).unref();
  }
}
