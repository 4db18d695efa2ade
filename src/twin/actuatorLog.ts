import type { ActuatorState } from "../analytics/predict/actuators.js";
import type { Logger } from "../log.js";
import type { ActuatorStore } from "../store/actuatorStore.js";

/**
 * Writes reported actuator states to the state log one at a time, in the order they were
 * reported: concurrent writes could each see the same "previous state" and drop a change,
 * and the plant fit would then believe a heater stayed on.
 */
export class ActuatorLog {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<ActuatorStore, "recordState">,
    private readonly log: Logger,
  ) {}

  /** Queues a reported state; resolves when it (and everything before it) is written. */
  record(actuatorId: string, state: ActuatorState, atMs: number): Promise<void> {
    this.tail = this.tail.then(() =>
      this.store.recordState(actuatorId, state, atMs).catch((error: unknown) => {
        this.log.error("logging an actuator state failed; the plant fit will miss this change", { actuatorId, state, atMs, error });
      }),
    );
    return this.tail;
  }

  /** Resolves when every queued state is written. */
  flush(): Promise<void> {
    return this.tail;
  }
}
