import type { Point } from "../analytics/point.js";
import { readDatasetText, type DatasetSource } from "./files.js";
import { labelWindows, parseNabCsv, parseNabLabels, parseNabWindows, type NabWindow } from "./nab.js";
import { parseUciOccupancy, type UciColumn } from "./uciOccupancy.js";

export const UCI_FILES = ["datatest.txt", "datatraining.txt", "datatest2.txt"] as const;

/** A named series for the prediction evaluations, with how many lines its files could not use. */
export interface EvaluationSeries {
  readonly name: string;
  readonly unit: string;
  readonly points: readonly Point[];
  readonly parseProblems: number;
}

/**
 * One UCI Occupancy column over all three files in time order (2–18 Feb 2015, ~1 reading a
 * minute, with the two multi-hour holes between the files left as gaps).
 */
export async function loadUciSeries(projectRoot: DatasetSource, column: UciColumn, unit: string): Promise<EvaluationSeries> {
  const all: Point[] = [];
  let problems = 0;
  for (const file of UCI_FILES) {
    const parsed = parseUciOccupancy(await readDatasetText(projectRoot, "uci-occupancy", file));
    problems += parsed.problems.length;
    all.push(...parsed.value[column]);
  }
  all.sort((a, b) => a.timestampMs - b.timestampMs);
  const points = all.filter((p, i) => i === 0 || p.timestampMs !== (all[i - 1] as Point).timestampMs);
  return { name: `uci-occupancy/${column}`, unit, points, parseProblems: problems };
}

/** A NAB series (`<folder>/<file>.csv`) with its labelled windows. */
export async function loadNabSeries(projectRoot: DatasetSource, file: string, unit: string): Promise<EvaluationSeries & { readonly windows: readonly NabWindow[] }> {
  const parsed = parseNabCsv(await readDatasetText(projectRoot, "nab", file));
  const windows = labelWindows(
    parseNabWindows(await readDatasetText(projectRoot, "nab", "combined_windows.json"), file),
    parseNabLabels(await readDatasetText(projectRoot, "nab", "combined_labels.json"), file),
  );
  return { name: `nab/${file}`, unit, points: parsed.value, parseProblems: parsed.problems.length, windows };
}
