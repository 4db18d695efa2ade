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

  constructor(private readonly log: Logger) {}

  on<K extends keyof Events & string>(event: K, owner: string, listener: Listener<Events[K]>): () => void {
    const registration: Registration = { event, owner, listener: listener as Listener<never> };
    const list = this.byEvent.get(event) ?? [];
    this.byEvent.set(event, [...list, registration]);
    return () => this.remove(event, registration);
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

  listenerCount<K extends keyof Events & string>(event: K): number {
    return this.byEvent.get(event)?.length ?? 0;
  }

  private remove(event: keyof Events, registration: Registration): void {
    const list = this.byEvent.get(event);
    if (list !== undefined) this.byEvent.set(event, list.filter((r) => r !== registration));
  }

  private failed(registration: Registration, error: unknown): void {
    this.log.error("event listener failed; other listeners are unaffected", {
      event: registration.event,
      owner: registration.owner,
      error,
    });
  }
}
