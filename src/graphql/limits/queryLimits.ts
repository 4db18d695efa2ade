import type { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { DEFAULT_QUERY_LIMITS, type QueryLimitSettings } from "./queryLimitSettings.js";
import { CostBudget } from "./budget.js";
import { ASSUMED_LIST_SIZE, ASSUMED_READINGS, estimateCost, MAX_COSTED_FIELDS, type CostEstimate } from "./cost.js";
import { Deadline } from "./deadline.js";
import { limitError } from "./errors.js";
import { measureShape } from "./shape.js";

function costliest(estimate: CostEstimate): string {
  const top = estimate.parts.slice(0, 3).map((p) => `${p.field} ${p.cost}`);
  const more = estimate.parts.length > 3 ? `, and ${estimate.parts.length - 3} more` : "";
  return top.length === 0 ? "" : ` (${top.join(", ")}${more})`;
}

/**
 * The limits on one GraphQL operation, the same over HTTP and graphql-ws: its depth, its aliases,
 * its estimated cost per request and per subject per minute (checked before it runs), and its
 * time (a Deadline in its context while it runs). A limit set to 0 is off.
 */
export class QueryLimits {
  private readonly budget: CostBudget | undefined;

  constructor(
    private readonly schema: GraphQLSchema,
    readonly settings: QueryLimitSettings = DEFAULT_QUERY_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    this.budget = settings.costPerMinute > 0 ? new CostBudget(settings.costPerMinute, clock) : undefined;
  }

  /**
   * Null if the operation (of a valid document) may run, and then its cost is charged to the
   * subject's minute; else the refusal, which charges nothing.
   */
  refusal(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, subject: string): GraphQLError | null {
    const { maxDepth, maxAliases, maxCost } = this.settings;
    const shape = measureShape(this.schema, document);
    if (maxDepth > 0 && shape.depth > maxDepth) {
      return limitError(
        "QUERY_TOO_DEEP",
        `query depth ${shape.depth} exceeds QUERY_MAX_DEPTH=${maxDepth}; ask for fewer nested levels (query the inner type at the top level instead) or raise QUERY_MAX_DEPTH`,
        { limit: maxDepth, measured: shape.depth },
      );
    }
    if (maxAliases > 0 && shape.aliases > maxAliases) {
      return limitError("TOO_MANY_ALIASES", `${shape.aliases} aliases exceed QUERY_MAX_ALIASES=${maxAliases}; split the request into several with fewer aliased fields, or raise QUERY_MAX_ALIASES`, {
        limit: maxAliases,
        measured: shape.aliases,
      });
    }
    if (maxCost === 0 && this.budget === undefined) return null;
    const estimate = estimateCost(this.schema, document, operation.name?.value, variables);
    if (estimate === null) return null;
    if (estimate === "too many fields") {
      return limitError("QUERY_TOO_COMPLEX", `the query selects more than ${MAX_COSTED_FIELDS} fields once its fragments are expanded; ask for fewer fields or spread fragments less often`, {
        limit: MAX_COSTED_FIELDS,
      });
    }
    if (maxCost > 0 && estimate.total > maxCost) {
      return limitError(
        "QUERY_TOO_COMPLEX",
        `query cost ${estimate.total} exceeds QUERY_MAX_COST=${maxCost}${costliest(estimate)}; ask for fewer fields or sensors, give lists a limit ` +
          `(a list without one counts as ${ASSUMED_LIST_SIZE} items, of readings as ${ASSUMED_READINGS}), split the request, or raise QUERY_MAX_COST`,
        { limit: maxCost, measured: estimate.total },
      );
    }
    const answer = this.budget?.take(subject, estimate.total) ?? { granted: true };
    if (answer.granted) return null;
    const perMinute = this.settings.costPerMinute;
    if (!Number.isFinite(answer.retryAfterMs)) {
      return limitError(
        "QUERY_TOO_COMPLEX",
        `query cost ${estimate.total} exceeds what QUERY_COST_PER_MINUTE=${perMinute} allows in a minute${costliest(estimate)}; ask for less, or raise QUERY_COST_PER_MINUTE`,
        { limit: perMinute, measured: estimate.total },
      );
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(answer.retryAfterMs / 1000));
    return limitError(
      "QUERY_RATE_LIMITED",
      `query cost ${estimate.total} is more than the ${answer.left} left of QUERY_COST_PER_MINUTE=${perMinute} for "${subject}"; retry in ${retryAfterSeconds} s, ask less often, or raise QUERY_COST_PER_MINUTE`,
      { limit: perMinute, measured: estimate.total, retryAfterSeconds },
    );
  }

  /** The deadline of a request starting now; undefined when QUERY_TIMEOUT_MS is 0. */
  deadline(): Deadline | undefined {
    const { timeoutMs } = this.settings;
    if (timeoutMs === 0) return undefined;
    return new Deadline(
      timeoutMs,
      () =>
        limitError("QUERY_TIMEOUT", `the query ran past QUERY_TIMEOUT_MS=${timeoutMs} and was stopped; ask for less (a shorter window, fewer sensors, a limit on lists) or raise QUERY_TIMEOUT_MS`, {
          limit: timeoutMs,
        }),
      this.clock,
    );
  }
}
