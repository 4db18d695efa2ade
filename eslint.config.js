// ESLint over the TypeScript of the twin, its tests, benches, scripts and the web pages, with
// typescript-eslint's strict type-checked rules. Each file is checked with the tsconfig that
// holds it (projectService): web/tsconfig.json for web/, tsconfig.json for the rest.
// Formatting is Prettier's (`npm run format`); eslint-config-prettier turns off the rules it owns.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["src/generated/", "client/generated/", "web/dist/", "firmware/", "db/", "coverage/", "dist/", "test/artifacts/", ".scratch/"],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Numbers in messages ("after ${ms} ms") are the point of most templates; other types still need a String().
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // With noUncheckedIndexedAccess, `xs[i]!` marks an index the loop or a length check already keeps in
      // range; the code says so on purpose, and forbidding it would only turn each into a needless branch.
      "@typescript-eslint/no-non-null-assertion": "off",
      // `xs[i] as number` and `xs[i]!` say the same thing; rewriting the ~480 casts buys nothing.
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
      // process.env["X"] and other index-signature reads keep the brackets: they say "may be missing".
      "@typescript-eslint/dot-notation": ["error", { allowIndexSignaturePropertyAccess: true }],
      // The code writes `T[]` for a simple T and `Array<A | B>`, `Array<{ ... }>` for the rest.
      "@typescript-eslint/array-type": ["error", { default: "array-simple" }],
      // `(x) => void list.push(x)` as a callback and `return this.send(...)` in a void method are idiomatic here.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // An async function without await implements a Promise-returning interface (a link's open(), a fake
      // store, a bridge's device factory); `async` keeps a throw a rejection, as callers expect.
      "@typescript-eslint/require-await": "off",
      // A leading underscore names a parameter the signature needs and the body does not.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // neo4j-driver declares its option bags (SessionConfig, QueryConfig, Config) as classes, but takes and
      // documents plain object literals for them; nothing else here trips this rule.
      "@typescript-eslint/no-unsafe-class-instance-assignment": "off",
      // Spreading a SessionConfig copies a plain option bag for the same reason.
      "@typescript-eslint/no-misused-spread": ["error", { allow: [{ from: "package", package: "neo4j-driver-core", name: ["SessionConfig"] }] }],
      // Passing on a caught error as it came (`reject(error)` in a catch) is not inventing a non-Error reason.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
      // Every control character in a regex here is there on purpose: to find and escape it (log lines, topics).
      "no-control-regex": "off",
      // `let timer; const settle = () => clearTimeout(timer); ... timer = setTimeout(...)`: settle needs it declared first.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // `if (x === null) x = start()` stays an if when the start is a statement worth reading (a timer, a launch).
      "@typescript-eslint/prefer-nullish-coalescing": ["error", { ignoreIfStatements: true }],
    },
  },
  {
    files: ["test/**"],
    rules: {
      // Tests hold a twin in `let twin: TestTwin` set by beforeAll and closed with `twin?.close()` (unset when
      // beforeAll failed), and wait in loops on flags their callbacks set: both invisible to this rule's types.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // vitest's asymmetric matchers (expect.stringMatching, expect.any) are typed `any` by design.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    files: ["web/src/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The plain JavaScript (this file, scripts/*.mjs) is in no tsconfig: linted without types.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
