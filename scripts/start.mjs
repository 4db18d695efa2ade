// `npm start` on a fresh clone: install the npm dependencies if they are missing or stale,
// then run the twin in this process (TypeScript through tsx). Plain JavaScript on purpose:
// it must run before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const installed = path.join(root, "node_modules", ".package-lock.json");
const lock = path.join(root, "package-lock.json");

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log("installing npm dependencies (npm ci)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`npm ci failed (exit ${result.status}); fix the error above and run npm start again`);
    process.exit(1);
  }
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "src", "main.ts"));
