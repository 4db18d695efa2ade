import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { validate, type DocumentNode, type GraphQLSchema } from "graphql";

/** How deep and how aliased a document is (the largest over its operations). */
export interface Shape {
  readonly depth: number;
  readonly aliases: number;
}

/**
 * Measures with graphql-armor's counters (fragments followed once, `__schema` introspection
 * left out of the depth). Their limits are set out of reach so that every document is
 * "accepted" with its measured value: the refusal, its message and its code are ours.
 */
export function measureShape(schema: GraphQLSchema, document: DocumentNode): Shape {
  let depth = 0;
  let aliases = 0;
  validate(schema, document, [
    maxDepthRule({
      n: Number.POSITIVE_INFINITY,
      ignoreIntrospection: true,
      // A fragment spread is not a level of the answer: `{ a { ...F } }` is as deep as `{ a { b } }`.
      flattenFragments: true,
      onAccept: [(_context, details: { n: number }) => void (depth = Math.max(depth, details.n))],
    }),
    maxAliasesRule({
      n: Number.POSITIVE_INFINITY,
      onAccept: [(_context, details: { n: number }) => void (aliases = Math.max(aliases, details.n))],
    }),
  ]);
  return { depth, aliases };
}
