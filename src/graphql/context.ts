import type { Principal } from "./auth.js";

/** Per-request context: who is asking. `jwt` is what @neo4j/graphql's @authorization rules read. */
export interface TwinContext {
  /** Correlates log lines of one request. */
  readonly requestId: string;
  readonly principal: Principal;
  readonly jwt: { readonly sub: string; readonly roles: readonly string[] };
}
