import type { GraphQLSchema } from "graphql";
import { buildSchema, createResolvers } from "../../../../src/graphql/schema.js";
import type { TwinServices } from "../../../../src/graphql/services.js";

let built: Promise<GraphQLSchema> | undefined;

/** The schema as served; no resolver runs in these tests, so no service is needed. */
export function servedSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema(createResolvers({} as TwinServices)).then((s) => s.schema);
  return built;
}
