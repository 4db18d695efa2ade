import type { SwitchState } from "../domain/actuatorState.js";
import type { Command } from "../domain/command.js";
import type { TwinEvents } from "../domain/events.js";
import { UnavailableError } from "../errors.js";
import type { Logger } from "../log.js";
import type { AcceptedState, ActuatorStore } from "../store/actuatorStore.js";
import type { CommandStore, SavedCommand } from "../store/commandStore.js";
import { CoalescingWriter } from "../util/coalescingWriter.js";
import type { EventBus } from "../util/eventBus.js";

/** Command records and desired states gather this long before they are written together. */
const RECORD_LINGER_MS = 50;

/**
 * Where commands and the desired states they set are written and published: statuses on the way
 * in batches, a settled command (with an ACKED switch's reported state, in one transaction)
 * before its answer, so every read after the answer shows it.
 */
export class CommandRecords {
  /** Command records, newest per command, written in batches (one transaction per batch). */
  private readonly saves: CoalescingWriter<string, SavedCommand>;
  /** Desired states, newest per actuator, written in batches, in acceptance order. */
  private readonly desired: CoalescingWriter<string, AcceptedState>;
  /** Per command in flight, the write of its desired state: its answer waits for it. */
  private readonly desiredWrites = new Map<string, Promise<boolean>>();

  constructor(
    private readonly deps: {
      readonly store: Pick<CommandStore, "saveMany">;
      readonly actuators: Pick<ActuatorStore, "acceptMany">;
      readonly bus: EventBus<TwinEvents>;
      readonly clock: () => number;
      readonly log: Logger;
    },
  ) {
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
   * The desired state an accepted switch sets, written while the device is asked, not before:
   * the device need not wait for Neo4j; the command's answer waits for the write (`settle`).
   */
  desire(commandId: string, state: AcceptedState): void {
    this.desiredWrites.set(commandId, this.desired.putNow(state.actuatorId, state));
  }

  /**
   * A status on the way (PENDING, SENT): published at once; saves follow in batches, in order
   * per command. While a record waits, a newer status replaces it (SENT is history once ACKED
   * is known).
   */
  record(c: Command, ruleId: string | null): void {
    this.deps.bus.emit("commandUpdated", c);
    void this.saves.put(c.commandId, { command: c, ruleId, reported: null });
  }

  /**
   * Writes a settled command — for an ACKED switch, in the same transaction, the actuator's
   * reported state — and only then publishes it and lets its caller have the answer, so every
   * read after the answer shows it. The desired state written at acceptance is waited for too.
   */
  async settle(c: Command, ruleId: string | null): Promise<void> {
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

  /** Saves still being written (tests and shutdown wait for them). */
  async drain(): Promise<void> {
    await Promise.all([this.saves.drain(), this.desired.drain()]);
  }
}
