import { AsyncLocalStorage } from "node:async_hooks";
import type { Driver } from "neo4j-driver";

/** How much time the request a query runs for has left. */
export interface TimeLeft {
  remainingMs(): number;
}

/**
 * Carries a request's deadline to the store's queries: what a resolver runs inside `run`, every
 * `executeQuery` of a driver from `bound` gives its transaction the time the request has left,
 * so Neo4j stops the work when the request's time is up instead of running on for nobody.
 * Outside a request (ingest, timers started elsewhere) nothing changes.
 */
export class ReadDeadlines {
  private readonly storage = new AsyncLocalStorage<TimeLeft>();

  run<T>(deadline: TimeLeft, work: () => T): T {
    return this.storage.run(deadline, work);
  }

  /** The transaction timeout for a query started now: at least 1 ms; undefined outside a request. */
  timeoutMs(): number | undefined {
    const deadline = this.storage.getStore();
    return deadline === undefined ? undefined : Math.max(1, Math.ceil(deadline.remainingMs()));
  }

  /** The driver, with `executeQuery` bounded by the current request's deadline. */
  bound(driver: Driver): Driver {
    const timeoutMs = (): number | undefined => this.timeoutMs();
    const executeQuery: Driver["executeQuery"] = (query, parameters, config) => {
      const timeout = timeoutMs();
      if (timeout === undefined) return driver.executeQuery(query, parameters, config);
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- neo4j-driver declares QueryConfig as a class, but it is a plain option bag
      return driver.executeQuery(query, parameters, { ...config, transactionConfig: { ...config?.transactionConfig, timeout } });
    };
    return new Proxy(driver, {
      get(target, prop) {
        if (prop === "executeQuery") return executeQuery;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}
