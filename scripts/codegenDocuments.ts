// Finds the GraphQL documents of the typed client: every `graphql(`…`)` call with a plain
// template literal in the given TypeScript files, read with the TypeScript compiler (the CLI's
// graphql-tag-pluck would bring @graphql-tools/utils 12, which wants a newer Node).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Types } from "@graphql-codegen/plugin-helpers";
import { parse } from "graphql";
import ts from "typescript";

/** The .ts/.tsx files under `dir` (node_modules, dist and generated folders left out). */
export function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (["node_modules", "dist", "generated"].includes(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** One codegen source per `graphql(` call; rawSDL is the literal's text, which the generated overloads match. */
export function pluckDocuments(files: readonly string[], tagName = "graphql"): Types.DocumentFile[] {
  const out: Types.DocumentFile[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!text.includes(`${tagName}(`)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === tagName) {
        const arg = node.arguments[0];
        if (arg !== undefined && ts.isNoSubstitutionTemplateLiteral(arg)) {
          const { line } = source.getLineAndCharacterOfPosition(arg.getStart());
          const location = `${file}:${line + 1}`;
          try {
            out.push({ location, rawSDL: arg.text, document: parse(arg.text) });
          } catch (error) {
            throw new Error(`${location}: ${(error as Error).message}`);
          }
        } else if (arg !== undefined) {
          const { line } = source.getLineAndCharacterOfPosition(arg.getStart());
          throw new Error(`${file}:${line + 1}: ${tagName}() takes one template literal without \${…}, so codegen can read it`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
