import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { DomainError } from "../errors.js";
import type { Logger } from "../log.js";
import { isLimitError } from "./limits/errors.js";

/** Extracts the error a resolver threw from the wrappers GraphQL execution puts around it. */
function original(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (inner === undefined || inner === null || inner === current) break;
    current = inner;
  }
  return current;
}

/** The database ended a transaction at the time the request gave it (QUERY_TIMEOUT_MS). */
const TIMED_OUT_NEO4J_CODES = /^Neo\.(ClientError|TransientError)\.Transaction\.TransactionTimedOut/;

const USER_NEO4J_CODES = /^Neo\.ClientError\.(Statement\.(ArgumentError|TypeError|SemanticError)|Schema\.ConstraintValidationFailed)/;

/**
 * Maps what escaped a resolver to what the client sees. Errors a user can cause keep their
 * message and get a code; anything else is logged with an id and surfaces as a generic message
 * carrying that id, so no internals leak and the log line can be found.
 */
export function createErrorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const cause = original(error);
    if (cause === error || cause === undefined || cause === null) return formatted; // syntax, validation: graphql-js is clear
    if (isLimitError(cause)) return formatted; // a deadline refusing a resolver: its code and message are for the client
    if (cause instanceof DomainError) {
      return { ...formatted, message: cause.message, extensions: { ...formatted.extensions, code: cause.code } };
    }
    const name = (cause as { name?: string }).name ?? "";
    const code = (cause as { code?: string }).code ?? "";
    if (typeof code === "string" && TIMED_OUT_NEO4J_CODES.test(code)) {
      return {
        ...formatted,
        message: "the database stopped this request's transaction at QUERY_TIMEOUT_MS and rolled it back (nothing of it was written); ask for less or raise QUERY_TIMEOUT_MS",
        extensions: { code: "QUERY_TIMEOUT" },
      };
    }
    if (typeof code === "string" && USER_NEO4J_CODES.test(code)) {
      const conflict = code.endsWith("ConstraintValidationFailed");
      return {
        ...formatted,
        message: (cause as Error).message,
        extensions: { code: conflict ? "CONFLICT" : "BAD_USER_INPUT" },
      };
    }
    if (name.startsWith("Neo4jGraphQL")) {
      const code = /Forbidden|Authentication/.test(name) ? "FORBIDDEN" : name.includes("ConstraintValidation") ? "CONFLICT" : "BAD_USER_INPUT";
      // @neo4j/graphql drops Neo4j's explanation of a constraint failure; say what it means here.
      const message =
        code === "CONFLICT"
          ? `${(cause as Error).message}: a node with this id already exists (sensorId, deviceId, actuatorId and locationId are unique); use another id or update the existing node`
          : (cause as Error).message;
      return { ...formatted, message, extensions: { code } };
    }
    if (formatted.extensions?.["code"] === "BAD_USER_INPUT" || formatted.extensions?.["code"] === "GRAPHQL_VALIDATION_FAILED") {
      return formatted;
    }
    const errorId = randomUUID();
    log.error("internal error in a GraphQL operation", { errorId, path: formatted.path, error: cause });
    return {
      message: `Internal error (id ${errorId}); the server log has the details under this id`,
      ...(formatted.path === undefined ? {} : { path: formatted.path }),
      ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
      extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
    };
  };
}
