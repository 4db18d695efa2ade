// Builds the dashboard and GraphiQL (web/ → web/dist) when the build is missing or older than
// its sources, as `npm start` does for the firmware. Plain JavaScript: start.mjs imports it
// before tsx is registered. The build uses only npm packages, so it works offline.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(entry)
      .filter((n) => n !== "dist" && n !== "node_modules")
      .map((n) => newest(path.join(entry, n))),
  );
}

/** True when web/dist is missing or older than web/, client/, README.md or docs/ (their examples). */
export function webBuildStale(root) {
  const built = path.join(root, "web", "dist", "index.html");
  if (!existsSync(built) || !existsSync(path.join(root, "web", "dist", "graphiql.html"))) return true;
  const sources = Math.max(newest(path.join(root, "web")), newest(path.join(root, "client")), newest(path.join(root, "README.md")), newest(path.join(root, "docs")));
  return sources > statSync(built).mtimeMs;
}

/** Runs `vite build` for web/ if needed; throws with vite's output when it fails. */
export function ensureWebBuilt(root, log = (line) => console.log(line)) {
  if (!webBuildStale(root)) return false;
  log("building the dashboard and GraphiQL (npm run build:web)…");
  const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--config", path.join(root, "web", "vite.config.ts"), "--logLevel", "warn"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`building web/ failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuilt(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
