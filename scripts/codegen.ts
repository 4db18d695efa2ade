// Generates codegen.ts's outputs with @graphql-codegen/core, which the CLI itself calls. The CLI
// is not used because its schema loaders (URL, GitHub, Apollo engine) and prompts pull packages
// that need Node 22; reading one local SDL file needs none of them. Like the CLI, the schema is
// sorted lexicographically before the plugins see it.
import { readFileSync, writeFileSync } from "node:fs";
import { codegen } from "@graphql-codegen/core";
import * as add from "@graphql-codegen/add";
import { getCachedDocumentNodeFromSchema, normalizeConfig, type CodegenPlugin } from "@graphql-codegen/plugin-helpers";
import * as typescript from "@graphql-codegen/typescript";
import * as typescriptResolvers from "@graphql-codegen/typescript-resolvers";
import { buildSchema, lexicographicSortSchema } from "graphql";
import config from "../codegen.js";

const pluginMap: Record<string, CodegenPlugin> = { add, typescript, "typescript-resolvers": typescriptResolvers };

if (typeof config.schema !== "string") throw new Error("codegen.ts: schema must be the path of one SDL file (scripts/codegen.ts reads nothing else)");
const schemaAst = lexicographicSortSchema(buildSchema(readFileSync(config.schema, "utf8"), { assumeValidSDL: true }));
const schema = getCachedDocumentNodeFromSchema(schemaAst);

for (const [filename, output] of Object.entries(config.generates)) {
  if (Array.isArray(output) || output.plugins === undefined) throw new Error(`codegen.ts: output ${filename} must be { plugins, config }`);
  const plugins = normalizeConfig(output.plugins);
  const unknown = plugins.map((p) => Object.keys(p)[0] ?? "").filter((name) => !(name in pluginMap));
  if (unknown.length > 0) throw new Error(`codegen.ts: plugin ${unknown.join(", ")} is not in scripts/codegen.ts's pluginMap; install it and add it there`);
  // The CLI's defaults for these two: plain CommonJS-style import paths (ours carry .js already).
  const settings = { ...config.config, ...output.config, importExtension: "" as const, emitLegacyCommonJSImports: true };
  const content = await codegen({ filename, schema, schemaAst, documents: [], plugins, pluginMap, config: settings, importExtension: "", emitLegacyCommonJSImports: true });
  writeFileSync(filename, content);
}
