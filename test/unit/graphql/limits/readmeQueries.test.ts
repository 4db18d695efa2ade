import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getIntrospectionQuery, getOperationAST, parse, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../../src/config.js";
import { QueryLimits } from "../../../../src/graphql/limits/queryLimits.js";
import { servedSchema } from "./schemaFixture.js";

// README is the front door; the examples with their answers live in docs/*.md.
const docs = path.join(projectRoot, "docs");
const pages = [
  "README.md",
  ...readdirSync(docs)
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join("docs", f)),
];
const texts = pages.map((page) => readFileSync(path.join(projectRoot, page), "utf8"));
const blocks = texts.flatMap((text) => [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!));
// Whole operations quoted inline in the prose, e.g. `{ rules { name phase … } }`.
const inline = texts.flatMap((text) => [...text.matchAll(/`(\{ \w+[ (][^`]* \})`/g)].map((m) => m[1]!));
const readmeBlocks = [...texts[0]!.matchAll(/```graphql\n/g)].length;

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await servedSchema();
});

describe("the example operations of README and docs/", () => {
  it("are found", () => {
    expect(readmeBlocks).toBeGreaterThanOrEqual(5);
    expect(blocks.length).toBeGreaterThanOrEqual(25);
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
