import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface Subscription<T> {
  /** Messages received so far. */
  readonly received: T[];
  /** Resolves with the first `n` messages (rejects after `timeoutMs`). */
  take(n: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

export function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    ...(connectionParams === undefined ? {} : { connectionParams }),
  });
}

/** Subscribes and collects `data` payloads; errors reject the pending `take`. */
export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const received: T[] = [];
  let failure = null as Error | null;
  const waiters: Array<() => void> = [];
  const wake = (): void => {
    for (const w of waiters.splice(0)) w();
  };
  const dispose = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (msg) => {
        // Each error with its code, as "message [CODE]".
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a code is a string; anything else is shown as it comes
        if (msg.errors !== undefined) failure = new Error(msg.errors.map((e) => (e.extensions?.["code"] === undefined ? e.message : `${e.message} [${String(e.extensions["code"])}]`)).join("; "));
        const data = msg.data;
        if (data !== undefined && data !== null) received.push(Object.values(data)[0] as T);
        wake();
      },
      error: (error) => {
        const close = error as { code?: unknown; reason?: unknown };
        failure =
          error instanceof Error
            ? error
            : typeof close?.code === "number"
              ? // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a close reason is a string; anything else is shown as it comes
                new Error(`closed ${close.code}: ${String(close.reason ?? "")}`)
              : new Error(JSON.stringify(error));
        wake();
      },
      complete: wake,
    },
  );
  return {
    received,
    take: (n, timeoutMs = 10_000) =>
      new Promise<T[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${n} messages within ${timeoutMs} ms`)), timeoutMs);
        const check = (): void => {
          if (failure !== null) {
            clearTimeout(timer);
            reject(failure);
          } else if (received.length >= n) {
            clearTimeout(timer);
            resolve(received.slice(0, n));
          } else {
            waiters.push(check);
          }
        };
        check();
      }),
    close: async () => {
      dispose();
    },
  };
}
