import { GraphQLError, locatedError } from "graphql";
import { describe, expect, it } from "vitest";
import { createErrorFormatter } from "../../../src/graphql/errors.js";
import { limitError } from "../../../src/graphql/limits/errors.js";
import { silentLogger } from "../../../src/log.js";

const format = createErrorFormatter(silentLogger);

describe("the error formatter", () => {
  it("keeps a limit's refusal raised inside execution as it is", () => {
    const error = locatedError(limitError("QUERY_TIMEOUT", "the query ran past QUERY_TIMEOUT_MS=5", { limit: 5 }), undefined, ["slow"]);
    expect(format(error.toJSON(), error)).toMatchObject({ message: "the query ran past QUERY_TIMEOUT_MS=5", extensions: { code: "QUERY_TIMEOUT", limit: 5 } });
  });

  it("reports a transaction Neo4j ended at its timeout as QUERY_TIMEOUT, not as an internal error", () => {
    const neo4j = Object.assign(new Error("The transaction has been terminated."), { code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" });
    const error = new GraphQLError(neo4j.message, { originalError: neo4j, path: ["updateSensors"] });
    const formatted = format(error.toJSON(), error);
    expect(formatted.extensions).toEqual({ code: "QUERY_TIMEOUT" });
    expect(formatted.message).toMatch(/rolled it back \(nothing of it was written\); ask for less or raise QUERY_TIMEOUT_MS/);
  });
});
