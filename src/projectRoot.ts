import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the project lives; the embedded database and its jars default to folders under it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
