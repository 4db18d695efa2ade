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

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "src", "main.ts"));
