import { getOperationAST, parse, type GraphQLError, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUERY_LIMITS, type QueryLimitSettings } from "../../../../src/config.js";
import { QueryLimits } from "../../../../src/graphql/limits/queryLimits.js";
import { servedSchema } from "./schemaFixture.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await servedSchema();
});

function refusal(limits: QueryLimits, query: string, subject = "local"): GraphQLError | null {
  const document = parse(query);
  return limits.refusal(document, getOperationAST(document)!, {}, subject);
}

function nested(levels: number): string {
  let selection = "sensors { sensorId }";
  for (let i = 0; i < levels; i++) selection = `sensors { device { ${selection} } }`;
  return `{ ${selection} }`;
}

const aliases = (n: number, field = "recommendations { action }"): string => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;

describe("QueryLimits", () => {
  it("refuses a deep query saying the depth, the limit and what to do", () => {
    const error = refusal(new QueryLimits(schema), nested(25));
    expect(error?.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", limit: 12, measured: 52 });
    expect(error?.message).toBe("query depth 52 exceeds QUERY_MAX_DEPTH=12; ask for fewer nested levels (query the inner type at the top level instead) or raise QUERY_MAX_DEPTH");
  });

  it("refuses too many aliases", () => {
    const error = refusal(new QueryLimits(schema), aliases(300));
    expect(error?.extensions).toMatchObject({ code: "TOO_MANY_ALIASES", limit: 30, measured: 300 });
    expect(error?.message).toMatch(/^300 aliases exceed QUERY_MAX_ALIASES=30; split the request/);
    expect(refusal(new QueryLimits(schema), aliases(30, "sensorStates { sensorId }"))).toBeNull();
  });

  it("refuses a request over its cost budget, naming the costliest fields", () => {
    const error = refusal(new QueryLimits(schema), aliases(25));
    expect(error?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: 5_000, measured: 25 * 1021 });
    expect(error?.message).toMatch(/^query cost 25525 exceeds QUERY_MAX_COST=5000 \(a0 1021, a1 1021, a2 1021, and 22 more\); .*give lists a limit/);
    // Within the depth limit, list multiplicity is what refuses the sensors → device → sensors walk.
    expect(refusal(new QueryLimits(schema), nested(5))?.extensions["code"]).toBe("QUERY_TOO_COMPLEX");
  });

  it("charges each subject's minute and refuses past it with when to retry", () => {
    let now = 0;
    const settings: QueryLimitSettings = { ...DEFAULT_QUERY_LIMITS, maxCost: 2_000, costPerMinute: 2_500 };
    const limits = new QueryLimits(schema, settings, () => now);
    const query = aliases(1); // costs 1021
    expect(refusal(limits, query)).toBeNull();
    expect(refusal(limits, query)).toBeNull();
    const error = refusal(limits, query);
    expect(error?.extensions).toMatchObject({ code: "QUERY_RATE_LIMITED", limit: 2_500, measured: 1021, retryAfterSeconds: 14 });
    expect(error?.message).toBe('query cost 1021 is more than the 458 left of QUERY_COST_PER_MINUTE=2500 for "local"; retry in 14 s, ask less often, or raise QUERY_COST_PER_MINUTE');
    expect(refusal(limits, query, "someone-else")).toBeNull();
    now = 14_000;
    expect(refusal(limits, query)).toBeNull();
  });

  it("turns each limit off with 0", () => {
    const off = new QueryLimits(schema, { maxDepth: 0, maxAliases: 0, maxCost: 0, costPerMinute: 0, timeoutMs: 0 });
    expect(refusal(off, nested(25))).toBeNull();
    expect(refusal(off, aliases(300))).toBeNull();
    expect(off.deadline()).toBeUndefined();
    expect(new QueryLimits(schema).deadline()?.limitMs).toBe(10_000);
  });

  it("times out with the limit named", () => {
    let now = 0;
    const deadline = new QueryLimits(schema, DEFAULT_QUERY_LIMITS, () => now).deadline()!;
    now = 10_000;
    expect(() => deadline.check()).toThrow(/^the query ran past QUERY_TIMEOUT_MS=10000 and was stopped; ask for less/);
  });
});
