import { GraphQLError } from "graphql";

/** The codes of refusals by the query limits; each names one limit. */
export type LimitCode = "QUERY_TOO_DEEP" | "TOO_MANY_ALIASES" | "QUERY_TOO_COMPLEX" | "QUERY_RATE_LIMITED" | "QUERY_TIMEOUT";

const LIMIT_CODES: ReadonlySet<string> = new Set<LimitCode>(["QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "QUERY_TOO_COMPLEX", "QUERY_RATE_LIMITED", "QUERY_TIMEOUT"]);

/** What a refusal reports besides its message: the limit, what was measured, when to retry. */
export interface LimitDetails {
  readonly limit: number;
  readonly measured?: number;
  readonly retryAfterSeconds?: number;
}

/** A refusal as a GraphQL error: the code and the numbers in `extensions` for programs, the message for people. */
export function limitError(code: LimitCode, message: string, details: LimitDetails): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** True for an error the limits raised on purpose (its message is meant for the client). */
export function isLimitError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && LIMIT_CODES.has(String(error.extensions["code"]));
}
