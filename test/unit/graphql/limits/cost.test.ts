import { getIntrospectionQuery, parse, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { ASSUMED_LIST_SIZE, ASSUMED_READINGS, estimateCost } from "../../../../src/graphql/limits/cost.js";
import { measureShape } from "../../../../src/graphql/limits/shape.js";
import { servedSchema } from "./schemaFixture.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await servedSchema();
});

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const estimate = estimateCost(schema, parse(query), undefined, variables);
  if (estimate === null || estimate === "too many fields") throw new Error(`no estimate: ${String(estimate)}`);
  return estimate.total;
}

describe("measureShape", () => {
  it("counts nested levels of fields, not fragment spreads", () => {
    expect(measureShape(schema, parse("{ sensors { device { sensors { sensorId } } } }")).depth).toBe(4);
    const viaFragment = "{ sensors { ...D } } fragment D on Sensor { device { sensors { sensorId } } }";
    expect(measureShape(schema, parse(viaFragment)).depth).toBe(4);
  });

  it("leaves __schema introspection out of the depth", () => {
    expect(measureShape(schema, parse(getIntrospectionQuery())).depth).toBe(0);
  });

  it("counts aliases, also those inside fragments each time they are spread", () => {
    const query = "{ a: sensorStates { sensorId } ...F b: health { score } } fragment F on Query { c: ranking { sensorId } d: ranking { sensorId } }";
    expect(measureShape(schema, parse(query)).aliases).toBe(4);
    expect(measureShape(schema, parse("{ a: sensorStates { x: sensorId } ...F ...F } fragment F on Query { y: health { score } }")).aliases).toBe(4);
  });
});

describe("estimateCost", () => {
  it("multiplies a list's selection by its assumed size, and `limit` lowers it", () => {
    expect(cost("{ sensors { sensorId } }")).toBe(1 + ASSUMED_LIST_SIZE * 1);
    expect(cost("{ sensors(limit: 3) { sensorId kind } }")).toBe(1 + 3 * 2);
    expect(cost("query ($n: Int) { sensors(limit: $n) { sensorId } }", { n: 5 })).toBe(1 + 5);
    // Nested lists multiply: the "sensors → device → sensors" walk grows with every level.
    expect(cost("{ sensors { device { sensors { sensorId } } } }")).toBe(1 + 20 * (1 + (1 + 20 * 1)));
  });

  it("counts a filter on the type's own id as that many items", () => {
    expect(cost('{ sensors(where: { sensorId: { eq: "temp_1" } }) { latestReadings(limit: 1000) { value } } }')).toBe(1 + 1 * (1 + 1000 * 1));
    expect(cost('{ rules(where: { ruleId: { in: ["a", "b"] } }) { name } }')).toBe(1 + 2 * 1);
    expect(cost('{ sensors(where: { sensorId: { in: ["a", "b", "c"] } }, limit: 2) { sensorId } }')).toBe(1 + 2 * 1);
    // Reading.sensorId is not a reading's id: a sensor's readings are still a huge list.
    expect(cost('{ readings(where: { sensorId: { eq: "temp_1" } }) { value } }')).toBe(1 + ASSUMED_READINGS);
    expect(cost("{ sensors(where: { kind: { eq: TEMPERATURE } }) { sensorId } }")).toBe(1 + ASSUMED_LIST_SIZE);
  });

  it("assumes an unbounded list of readings is huge", () => {
    expect(cost("{ readings { value } }")).toBe(1 + ASSUMED_READINGS);
    expect(cost("{ sensors(limit: 1) { readings(limit: 10) { value } } }")).toBe(1 + 1 * (1 + 10 * 1));
    // latestReadings has a default limit of 100.
    expect(cost("{ sensors(limit: 1) { latestReadings { value } } }")).toBe(1 + 1 * (1 + 100 * 1));
  });

  it("costs a connection by `first`, without counting its edges twice", () => {
    expect(cost("{ sensorsConnection(first: 4) { edges { node { sensorId } } } }")).toBe(1 + 4 * (1 + (1 + 1)));
    expect(cost("{ sensorsConnection { totalCount } }")).toBe(1 + ASSUMED_LIST_SIZE * 1);
  });

  it("makes analytics and predictions cost more than plain fields of the same shape", () => {
    const plain = cost("{ sensorStates { sensorId } }");
    expect(cost("{ health { sensorId } }")).toBeGreaterThan(plain);
    expect(cost("{ recommendations { sensorId } }")).toBeGreaterThan(cost("{ health { sensorId } }"));
    expect(cost('{ simulate(scenario: { sensorId: "t", hours: 1 }) { sensorId } }')).toBeGreaterThan(cost('{ traits(sensorId: "t") { sensorId } }'));
  });

  it("costs introspection and __typename nothing", () => {
    expect(cost(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }))).toBe(0);
    expect(cost("{ sensorStates { __typename sensorId } }")).toBe(cost("{ sensorStates { sensorId } }"));
  });

  it("counts only the chosen operation, and names the costliest top-level fields", () => {
    const document = parse("query Small { sensorStates { sensorId } } query Big { a: recommendations { action } b: health { score } }");
    const small = estimateCost(schema, document, "Small", {});
    const big = estimateCost(schema, document, "Big", {});
    expect(small).toMatchObject({ total: 21 });
    expect(big).toMatchObject({ parts: [{ field: "a" }, { field: "b" }] });
  });

  it("refuses to expand a fragment bomb, and leaves bad variables to execution", () => {
    let fragments = "fragment F0 on Sensor { sensorId kind }";
    for (let i = 1; i <= 16; i++) fragments += ` fragment F${i} on Sensor { ...F${i - 1} ...F${i - 1} }`;
    expect(estimateCost(schema, parse(`{ sensors(limit: 1) { ...F16 } } ${fragments}`), undefined, {})).toBe("too many fields");
    expect(estimateCost(schema, parse("query ($n: Int) { sensors(limit: $n) { sensorId } }"), undefined, { n: "many" })).toBeNull();
  });
});
