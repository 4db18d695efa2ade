import { readdir } from "node:fs/promises";
import type { Point } from "../analytics/point.js";
import { datasetPath, readDatasetText, type DatasetSource } from "./files.js";
import { parseNabCsv, parseNabWindows, type NabWindow } from "./nab.js";

/** One NAB data file with its labelled windows. */
export interface NabFile {
  /** `<folder>/<file>.csv`, the key of `combined_windows.json`. */
  readonly key: string;
  readonly folder: string;
  readonly points: readonly Point[];
  readonly windows: readonly NabWindow[];
  readonly parseProblems: number;
}

/** Every `<folder>/<file>.csv` under the NAB folder (NAB_DATA_DIR), sorted. */
export async function listNabFiles(projectRoot: DatasetSource): Promise<string[]> {
  const root = datasetPath(projectRoot, "nab");
  const keys: string[] = [];
  for (const folder of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const file of await readdir(`${root}/${folder.name}`)) if (file.endsWith(".csv")) keys.push(`${folder.name}/${file}`);
  }
  return keys.sort();
}

/** Loads NAB files (all of them by default) with their windows. */
export async function loadNabCorpus(projectRoot: DatasetSource, keys?: readonly string[]): Promise<NabFile[]> {
  const windowsText = await readDatasetText(projectRoot, "nab", "combined_windows.json");
  const files: NabFile[] = [];
  for (const key of keys ?? (await listNabFiles(projectRoot))) {
    const parsed = parseNabCsv(await readDatasetText(projectRoot, "nab", key));
    files.push({ key, folder: key.split("/")[0] as string, points: parsed.value, windows: parseNabWindows(windowsText, key), parseProblems: parsed.problems.length });
  }
  return files;
}

/** Published raw standard-profile scores: detector → file key → score. */
export type PublishedScores = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Parses `published_standard_scores.csv` (`detector,file,raw_score_standard`); throws on a malformed row. */
export function parsePublishedScores(text: string): PublishedScores {
  const scores = new Map<string, Map<string, number>>();
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if ((rows[0] ?? "").trim() !== "detector,file,raw_score_standard") {
    throw new Error(`published scores: expected the header "detector,file,raw_score_standard", found "${(rows[0] ?? "").slice(0, 60)}"`);
  }
  rows.slice(1).forEach((row, i) => {
    const [detector, file, raw] = row.split(",");
    const value = Number(raw);
    if (detector === undefined || file === undefined || raw === undefined || !Number.isFinite(value)) {
      throw new Error(`published scores line ${i + 2} is not detector,file,score: "${row.slice(0, 80)}"`);
    }
    const perFile = scores.get(detector) ?? new Map<string, number>();
    perFile.set(file, value);
    scores.set(detector, perFile);
  });
  return scores;
}
