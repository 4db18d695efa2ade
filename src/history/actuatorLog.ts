import type { ActuatorState } from "../analytics/predict/actuators.js";
import type { Logger } from "../log.js";
import type { ActuatorStore, LoggedChange } from "../store/actuatorStore.js";
import { CoalescingWriter } from "../util/coalescingWriter.js";

/** Reported states gather this long before they are written together. */
const LINGER_MS = 50;

/**
 * Writes reported actuator states to the state log (the plant fit's record of when a heater or
 * fan ran), in the order they were reported and in batches: one transaction per batch, not per
 * ack. A report that repeats the actuator's last logged state is not a change and is skipped.
 * Only this writer adds changes, so after its first read of an actuator's last logged state it
 * knows it in memory and writing needs no read of the log.
 */
export class ActuatorLog {
  private readonly last = new Map<string, ActuatorState>();
  private next = 0;
  /** Keyed by arrival number: nothing coalesces, every report is kept in order. */
  private readonly writer: CoalescingWriter<number, LoggedChange>;

  constructor(
    private readonly store: Pick<ActuatorStore, "lastStates" | "recordChanges">,
    log: Logger,
  ) {
    this.writer = new CoalescingWriter({ what: "actuator state changes", lingerMs: LINGER_MS, write: (reports) => this.write(reports), log });
  }

  /** Queues a reported state; resolves when it (and everything before it) is written. */
  record(actuatorId: string, state: ActuatorState, atMs: number): Promise<boolean> {
    return this.writer.put(this.next++, { actuatorId, state, atMs });
  }

  /** Resolves when every queued state is written. */
  flush(): Promise<void> {
    return this.writer.drain();
  }

  private async write(reports: readonly LoggedChange[]): Promise<void> {
    try {
      const unknown = [...new Set(reports.map((c) => c.actuatorId))].filter((id) => !this.last.has(id));
      if (unknown.length > 0) {
        const stored = await this.store.lastStates(unknown);
        for (const id of unknown) {
          const state = stored.get(id);
          if (state !== undefined) this.last.set(id, state);
        }
      }
      const changes: LoggedChange[] = [];
      for (const c of reports) {
        if (this.last.get(c.actuatorId) === c.state) continue;
        this.last.set(c.actuatorId, c.state);
        changes.push(c);
      }
      await this.store.recordChanges(changes);
    } catch (error) {
      // Memory may now be ahead of the log: read it again before the retry.
      for (const c of reports) this.last.delete(c.actuatorId);
      throw error;
    }
  }
}
