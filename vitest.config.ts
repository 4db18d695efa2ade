import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// @neo4j/graphql is CommonJS; without this alias ESM tests can load a second copy of graphql
// ("Cannot use GraphQLSchema from another module or realm").
const graphqlEntry = fileURLToPath(new URL("./node_modules/graphql/index.js", import.meta.url));

export default defineConfig({
  resolve: { alias: { graphql: graphqlEntry } },
  test: {
    // After vitest's summary: the tiers skipped for a missing requirement (test/support/requirements.ts).
    reporters: ["default", "./test/support/requirementsReporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // e2e tests (firmware in the simulator → bridge → Neo4j → API) share the database.
          include: ["test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
