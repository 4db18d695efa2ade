/**
 * The actuators a device announced in its hello that the graph does not have yet: between the
 * hello and the commit of its registration, a command for one of them should wait for the
 * commit rather than be told the actuator does not exist.
 */
export class PendingRegistrations {
  private readonly pending = new Map<string, ReadonlySet<string>>();
  private waiters: Array<{ actuatorId: string; resolve: (registered: boolean) => void }> = [];

  /** A hello announced these actuators; their registration has not committed yet. */
  announced(deviceId: string, actuatorIds: readonly string[]): void {
    this.pending.set(deviceId, new Set(actuatorIds));
  }

  /** The device's registration committed (true) or the device went away (false). */
  settled(deviceId: string, registered: boolean): void {
    const actuators = this.pending.get(deviceId);
    if (actuators === undefined) return;
    this.pending.delete(deviceId);
    const [mine, others] = partition(this.waiters, (w) => actuators.has(w.actuatorId));
    this.waiters = others;
    for (const w of mine) w.resolve(registered);
  }

  /**
   * Resolves true once a device that announced `actuatorId` has it registered, false at once
   * when no connected device is registering it, or after `timeoutMs`.
   */
  whenRegistered(actuatorId: string, timeoutMs: number): Promise<boolean> {
    if (![...this.pending.values()].some((set) => set.has(actuatorId))) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = {
        actuatorId,
        resolve: (registered: boolean) => {
          clearTimeout(timer);
          resolve(registered);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      this.waiters.push(waiter);
    });
  }
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
