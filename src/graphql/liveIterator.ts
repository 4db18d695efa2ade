import type { Logger } from "../log.js";
import type { EventBus } from "../util/eventBus.js";

/**
 * Turns one bus event into an async iterator for a subscription. Each subscriber has its own
 * bounded queue: a client too slow to keep up loses its oldest undelivered events (counted and
 * logged once) rather than growing the server's memory or slowing the other subscribers.
 */
export function busIterator<Events extends object, K extends keyof Events & string>(
  bus: EventBus<Events>,
  event: K,
  owner: string,
  accept: (payload: Events[K]) => boolean,
  log: Logger,
  maxQueue = 1_000,
): AsyncIterableIterator<Events[K]> {
  const queue: Array<Events[K]> = [];
  let waiting: ((result: IteratorResult<Events[K]>) => void) | null = null;
  let done = false;
  let dropped = 0;

  const unsubscribe = bus.on(event, owner, (payload) => {
    if (done || !accept(payload)) return;
    if (waiting !== null) {
      const resolve = waiting;
      waiting = null;
      resolve({ value: payload, done: false });
      return;
    }
    if (queue.length >= maxQueue) {
      queue.shift();
      if (dropped++ === 0) log.warn("a subscriber is not keeping up; dropping its oldest events", { event, owner, maxQueue });
    }
    queue.push(payload);
  });

  const finish = (): Promise<IteratorResult<Events[K]>> => {
    if (!done) {
      done = true;
      unsubscribe();
      queue.length = 0;
      if (waiting !== null) waiting({ value: undefined, done: true });
      waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  };

  return {
    next(): Promise<IteratorResult<Events[K]>> {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as Events[K], done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: async (error?: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
