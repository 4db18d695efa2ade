/** Bounds on what one GraphQL request may ask (HTTP and graphql-ws alike); 0 turns a limit off. */
export interface QueryLimitSettings {
  /** Nesting levels of fields, introspection left out. */
  readonly maxDepth: number;
  /** Aliased fields in one document. */
  readonly maxAliases: number;
  /** Estimated cost of one request (docs/query-limits.md: how a query is costed). */
  readonly maxCost: number;
  /** Cost one subject (token `sub`, or every unauthenticated client together) may spend per minute. */
  readonly costPerMinute: number;
  /** How long a request may run before its work is stopped (ms). */
  readonly timeoutMs: number;
}

/** The defaults of README's configuration table. */
export const DEFAULT_QUERY_LIMITS: QueryLimitSettings = Object.freeze({ maxDepth: 12, maxAliases: 30, maxCost: 5_000, costPerMinute: 200_000, timeoutMs: 10_000 });
