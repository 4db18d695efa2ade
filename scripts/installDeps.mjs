// Installs the npm dependencies (npm ci) when they are missing or older than package-lock.json,
// so `npm start` and `npm test` work as the first command on a fresh clone. Plain JavaScript on
// purpose: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Runs `npm ci` in `root` unless node_modules matches the lock file; exits the process if it fails. */
export function ensureInstalled(root) {
  const installed = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("installing npm dependencies (npm ci)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`npm ci failed (exit ${result.status}); fix the error above and run the command again`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureInstalled(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
