import { readFile } from "node:fs/promises";
import path from "node:path";
import { datasetFolders, type DatasetFolders } from "../config.js";

/**
 * Where to read data sets from: a project root (its configured folders, see `datasetFolders`)
 * or the folders themselves (the tests pass the copies in test/fixtures/datasets).
 */
export type DatasetSource = string | DatasetFolders;

/** The folder holding data set `name` ("nab", "uci-occupancy") for `source`. */
function datasetFolder(source: DatasetSource, name: string): string {
  if (typeof source === "string") return datasetFolders(source)[name] ?? path.resolve(source, "../shared/datasets", name);
  const folder = source[name];
  if (folder === undefined) throw new Error(`no folder for data set "${name}" (known: ${Object.keys(source).join(", ")})`);
  return folder;
}

/** Absolute path of a data set file: the first part names the data set (`"nab", "realKnownCause/x.csv"`). */
export function datasetPath(source: DatasetSource, ...parts: string[]): string {
  const [name, ...rest] = parts;
  if (name === undefined) throw new Error("datasetPath needs the data set's name");
  return path.resolve(datasetFolder(source, name), ...rest);
}

/** Reads a data set file as UTF-8; the error says where it looked and what to check. */
export async function readDatasetText(source: DatasetSource, ...parts: string[]): Promise<string> {
  const file = datasetPath(source, ...parts);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const folder = parts[0] === "nab" ? "NAB_DATA_DIR (default ../shared/datasets/nab) names NAB's folder; " : "";
    throw new Error(`cannot read data set ${file} (${reason}); ${folder}npm run datasets shows what is present and where to get the rest`);
  }
}
