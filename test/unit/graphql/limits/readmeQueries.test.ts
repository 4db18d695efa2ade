import { readFileSync } from "node:fs";
import path from "node:path";
import { getIntrospectionQuery, getOperationAST, parse, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../../src/config.js";
import { QueryLimits } from "../../../../src/graphql/limits/queryLimits.js";
import { servedSchema } from "./schemaFixture.js";

const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
// Whole operations quoted inline in the prose, e.g. `{ rules { name phase … } }`.
const inline = [...readme.matchAll(/`(\{ \w+[ (][^`]* \})`/g)].map((m) => m[1]!);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await servedSchema();
});

describe("README's example operations", () => {
  it("are found", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    expect(inline.some((q) => q.startsWith("{ rules"))).toBe(true);
  });

  it.each([...blocks, ...inline].map((q) => [q.replace(/\s+/g, " ").slice(0, 60), q]))("pass the default limits: %s", (_name, query) => {
    const document = parse(query);
    expect(validate(schema, document)).toEqual([]);
    const limits = new QueryLimits(schema);
    expect(limits.refusal(document, getOperationAST(document)!, {}, "local")).toBeNull();
  });
});

describe("introspection", () => {
  it("passes the default limits, as GraphiQL, Apollo Sandbox and codegen send it", () => {
    const full = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const document = parse(full);
    expect(new QueryLimits(schema).refusal(document, getOperationAST(document)!, {}, "local")).toBeNull();
  });
});
