import type { Logger } from "../log.js";

type Listener<T> = (payload: T) => void | Promise<void>;

interface Registration {
  readonly event: string;
  readonly owner: string;
  readonly listener: Listener<never>;
}

/**
 * A typed in-process event bus. Each listener is isolated: a throw or a rejected promise is
 * logged with its owner and event and never reaches the emitter or the other listeners.
 * Listeners are registered by owner so a component removes all of its own on stop.
 */
export class EventBus<Events extends object> {
  private readonly byEvent = new Map<keyof Events, Registration[]>();
  private readonly watchers = new Set<(owner: string) => void>();

  constructor(private readonly log: Logger) {}

  on<K extends keyof Events & string>(event: K, owner: string, listener: Listener<Events[K]>): () => void {
    const registration: Registration = { event, owner, listener: listener };
    const list = this.byEvent.get(event) ?? [];
    this.byEvent.set(event, [...list, registration]);
    for (const watch of this.watchers) watch(owner);
    return () => this.remove(event, registration);
  }

  /** Calls `watch` with the owner of every listener registered from now on (until the returned function is called). */
  watchRegistrations(watch: (owner: string) => void): () => void {
    this.watchers.add(watch);
    return () => this.watchers.delete(watch);
  }

  /** Removes every listener this owner registered. */
  removeOwner(owner: string): void {
    for (const [event, list] of this.byEvent) {
      this.byEvent.set(
        event,
        list.filter((r) => r.owner !== owner),
      );
    }
  }

  emit<K extends keyof Events & string>(event: K, payload: Events[K]): void {
    const list = this.byEvent.get(event);
    if (list === undefined) return;
    for (const registration of list) {
      try {
        const result = (registration.listener as Listener<Events[K]>)(payload);
        if (result instanceof Promise) result.catch((error: unknown) => this.failed(registration, error));
      } catch (error) {
        this.failed(registration, error);
      }
    }
  }

  listenerCount(event: keyof Events & string): number {
    return this.byEvent.get(event)?.length ?? 0;
  }

  /**
   * How many listeners have an owner starting with `prefix`, by the owner's next segment: for
   * owners named `subscription:readingAdded:7`, `ownerCounts("subscription:")` counts the open
   * subscriptions per field.
   */
  ownerCounts(prefix: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const list of this.byEvent.values()) {
      for (const { owner } of list) {
        if (!owner.startsWith(prefix)) continue;
        const name = owner.slice(prefix.length).split(":")[0] ?? "";
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
    return counts;
  }

  private remove(event: keyof Events, registration: Registration): void {
    const list = this.byEvent.get(event);
    if (list !== undefined)
      this.byEvent.set(
        event,
        list.filter((r) => r !== registration),
      );
  }

  private failed(registration: Registration, error: unknown): void {
    this.log.error("event listener failed; other listeners are unaffected", {
      event: registration.event,
      owner: registration.owner,
      error,
    });
  }
}

/**
 * A bus of `Events` seen as a bus of some of them (`Sub`): what listeners of those events need.
 * Only the compiler's view changes: the bus's private maps are keyed by event name, so the class
 * is not assignable by itself.
 */
export function narrowBus<Sub extends object, Events extends Sub>(bus: EventBus<Events>): EventBus<Sub> {
  return bus as unknown as EventBus<Sub>;
}
