import type { Principal } from "./auth.js";
import type { Deadline } from "./limits/deadline.js";

/** Per-request context: who is asking. `jwt` is what @neo4j/graphql's @authorization rules read. */
export interface TwinContext {
  /** Correlates log lines of one request. */
  readonly requestId: string;
  readonly principal: Principal;
  readonly jwt: { readonly sub: string; readonly roles: readonly string[] };
  /** When the request's time is up (QUERY_TIMEOUT_MS); undefined when the limit is off. */
  readonly deadline?: Deadline | undefined;
  /**
   * Read by @neo4j/graphql for each transaction it opens: the database ends the transaction
   * when the request's time is up, instead of running on after the response has gone.
   */
  readonly transaction?: { readonly timeout: number | undefined; readonly metadata: Record<string, unknown> } | undefined;
}
