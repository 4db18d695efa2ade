// Build-time (Node): the example operations of README.md and docs/*.md, for GraphiQL's
// Examples list. Each ```graphql block is one example, titled by its operation and root fields.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface Example {
  readonly title: string;
  readonly query: string;
  readonly source: string;
}

function title(query: string): string {
  const kind = /^\s*(query|mutation|subscription)\b/.exec(query)?.[1] ?? "query";
  // The root fields: names at brace depth 1 that are followed by "(", "{", or whitespace.
  const fields: string[] = [];
  let depth = 0;
  let parens = 0;
  for (const token of query.matchAll(/[{}()]|[A-Za-z_][A-Za-z0-9_]*/g)) {
    const t = token[0];
    if (t === "{") depth += 1;
    else if (t === "}") depth -= 1;
    else if (t === "(") parens += 1;
    else if (t === ")") parens -= 1;
    else if (depth === 1 && parens === 0 && !fields.includes(t)) fields.push(t);
  }
  return `${kind} ${fields.slice(0, 3).join(", ")}`;
}

/** Every graphql block of README.md and docs/*.md under `root`, in file order. */
export function readmeExamples(root: string): Example[] {
  const docs = path.join(root, "docs");
  const files = [
    path.join(root, "README.md"),
    ...(existsSync(docs)
      ? readdirSync(docs)
          .filter((f) => f.endsWith(".md"))
          .sort()
          .map((f) => path.join(docs, f))
      : []),
  ];
  const seen = new Set<string>();
  return files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) => {
      const query = (m[1] ?? "").trim();
      if (query === "" || seen.has(query)) return [];
      seen.add(query);
      return [{ title: title(query), query: `${query}\n`, source: path.relative(root, file) }];
    }),
  );
}
