// Generates codegen.ts's outputs with @graphql-codegen/core, which the CLI itself calls. The CLI
// is not used because its schema loaders (URL, GitHub, Apollo engine) and prompts pull packages
// that need Node 22; reading one local SDL file needs none of them. Like the CLI, the schema is
// sorted lexicographically before the plugins see it. An output with `preset: "client"` is the
// typed client: its documents are the graphql(`…`) calls under the folders it names.
import { mkdirSync, writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { codegen } from "@graphql-codegen/core";
import * as add from "@graphql-codegen/add";
import { preset as clientPreset } from "@graphql-codegen/client-preset";
import { getCachedDocumentNodeFromSchema, normalizeConfig, type CodegenPlugin } from "@graphql-codegen/plugin-helpers";
import * as typescript from "@graphql-codegen/typescript";
import * as typescriptResolvers from "@graphql-codegen/typescript-resolvers";
import { buildSchema, lexicographicSortSchema } from "graphql";
import config from "../codegen.js";
import { pluckDocuments, sourceFiles } from "./codegenDocuments.js";

const pluginMap: Record<string, CodegenPlugin> = { add, typescript, "typescript-resolvers": typescriptResolvers };

if (typeof config.schema !== "string") throw new Error("codegen.ts: schema must be the path of one SDL file (scripts/codegen.ts reads nothing else)");
const schemaAst = lexicographicSortSchema(buildSchema(readFileSync(config.schema, "utf8"), { assumeValidSDL: true }));
const schema = getCachedDocumentNodeFromSchema(schemaAst);
// The CLI's defaults for these two: plain CommonJS-style import paths (ours carry .js already).
const paths = { importExtension: "" as const, emitLegacyCommonJSImports: true };

function write(filename: string, content: string): void {
  mkdirSync(path.dirname(filename), { recursive: true });
  writeFileSync(filename, content);
}

for (const [filename, output] of Object.entries(config.generates)) {
  if (Array.isArray(output) || (output.plugins === undefined && output.preset === undefined))
    throw new Error(`codegen.ts: output ${filename} must be { plugins, config } or { preset: "client", documents }`);
  const plugins = normalizeConfig(output.plugins ?? []);
  const unknown = plugins.map((p) => Object.keys(p)[0] ?? "").filter((name) => !(name in pluginMap));
  if (unknown.length > 0) throw new Error(`codegen.ts: plugin ${unknown.join(", ")} is not in scripts/codegen.ts's pluginMap; install it and add it there`);
  const settings = { ...config.config, ...output.config, ...paths };
  if (output.preset === undefined) {
    write(filename, await codegen({ filename, schema, schemaAst, documents: [], plugins, pluginMap, config: settings, ...paths }));
    continue;
  }
  if (output.preset !== "client") throw new Error(`codegen.ts: preset ${JSON.stringify(output.preset)} is not supported by scripts/codegen.ts (only "client")`);
  const folders = ([] as string[]).concat((output.documents as string | string[] | undefined) ?? []);
  const documents = pluckDocuments(folders.flatMap((folder) => sourceFiles(folder)).sort());
  const sections = await clientPreset.buildGeneratesSection({
    baseOutputDir: filename,
    presetConfig: output.presetConfig ?? {},
    plugins,
    pluginMap,
    schema,
    schemaAst,
    documents,
    config: { ...settings, importExtension: ".js", emitLegacyCommonJSImports: false },
  });
  // The client's files import each other with .js, as ESM under NodeNext and in the browser build need.
  const esm = { importExtension: ".js" as const, emitLegacyCommonJSImports: false };
  for (const section of sections) {
    write(section.filename, await codegen({ ...section, schemaAst, config: { ...section.config, ...esm }, ...esm }));
  }
}
