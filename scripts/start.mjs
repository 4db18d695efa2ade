// `npm start` on a fresh clone: install the npm dependencies if they are missing or stale,
// build the dashboard when it is missing or stale, then run the twin in this process
// (TypeScript through tsx). Plain JavaScript on purpose: it must run before anything is installed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureWebBuilt } from "./ensureWeb.mjs";
import { ensureInstalled } from "./installDeps.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
ensureInstalled(root);
try {
  ensureWebBuilt(root);
} catch (error) {
  // The API works without the pages; / says how to build them.
  console.error(`${error.message}\nstarting without the dashboard; fix the error and run npm run build:web`);
}

// `npm start` is one process tree: npm forwards SIGTERM/SIGINT to this process (package.json
// execs it, so no shell stands between them to swallow the signal), and if npm itself dies —
// killed hard — this process is re-parented: it then stops as if signalled, and the database
// and the simulator it started stop with it.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch); // once: a second SIGTERM would cut the clean stop short
  process.kill(process.pid, "SIGTERM");
}, 500);
watch.unref();

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "src", "main.ts"));
