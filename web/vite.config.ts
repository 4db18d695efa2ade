import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { readmeExamples } from "./readmeExamples.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

/** `virtual:twin-examples`: README's example operations, read when the page is built. */
function examples(): Plugin {
  const id = "virtual:twin-examples";
  return {
    name: "twin-examples",
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      for (const file of ["README.md", "docs"]) this.addWatchFile(path.join(root, file));
      return `export default ${JSON.stringify(readmeExamples(root))};`;
    },
  };
}

// Two pages, both served by the twin from web/dist: the dashboard (/) and GraphiQL (/graphql).
// Everything they load is bundled here, so they work on a machine without internet.
export default defineConfig({
  root: here,
  base: "/",
  plugins: [examples()],
  build: {
    outDir: path.join(here, "dist"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6_000,
    rolldownOptions: {
      input: { dashboard: path.join(here, "index.html"), graphiql: path.join(here, "graphiql.html") },
      // GraphiQL's React dependencies mark modules "use client", which means nothing to a bundle.
      onLog(level, log, handler) {
        if (log.code !== "MODULE_LEVEL_DIRECTIVE") handler(level, log);
      },
    },
  },
  server: { proxy: { "/graphql": { target: `http://127.0.0.1:${process.env["PORT"] ?? 4000}`, ws: true } } },
});
