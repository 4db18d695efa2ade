// `npm start` on a fresh clone: install the npm dependencies if they are missing or stale,
// then run the twin in this process (TypeScript through tsx). Plain JavaScript on purpose:
// it must run before anything is installed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInstalled } from "./installDeps.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
ensureInstalled(root);

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "src", "main.ts"));
