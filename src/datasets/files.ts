import { readFile } from "node:fs/promises";
import path from "node:path";

/** Absolute path of a file under the shared data sets (`<projectRoot>/../shared/datasets`). */
export function datasetPath(projectRoot: string, ...parts: string[]): string {
  return path.resolve(projectRoot, "../shared/datasets", ...parts);
}

/** Reads a data set file as UTF-8; the error says where it looked and what to check. */
export async function readDatasetText(projectRoot: string, ...parts: string[]): Promise<string> {
  const file = datasetPath(projectRoot, ...parts);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read data set ${file} (${reason}); the data sets live in ../shared/datasets next to the project`);
  }
}
