import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FIXTURE_DATASETS, type DatasetFolders } from "../config.js";
import { UCI_FILES } from "./predictionSeries.js";

/** NAB's public repository: `data/<category>/*.csv`, `labels/combined_*.json`, `LICENSE.txt`. */
export const NAB_REPOSITORY = "https://github.com/numenta/NAB";

/** The files `npm test` reads, by data set; they are committed under test/fixtures/datasets. */
export const FIXTURE_FILES: Readonly<Record<string, readonly string[]>> = {
  nab: [
    "LICENSE.txt",
    "combined_windows.json",
    "combined_labels.json",
    "realKnownCause/machine_temperature_system_failure.csv",
    "realKnownCause/ambient_temperature_system_failure.csv",
    "artificialNoAnomaly/art_daily_small_noise.csv",
  ],
  "uci-occupancy": UCI_FILES,
};

/** The folders of the committed copies, for the tests. */
export function fixtureFolders(projectRoot: string): DatasetFolders {
  return Object.freeze(Object.fromEntries(Object.keys(FIXTURE_FILES).map((name) => [name, path.resolve(projectRoot, FIXTURE_DATASETS, name)])));
}

/** The committed files that are not where they should be (empty on a sound clone). */
export function missingFixtures(projectRoot: string): string[] {
  const folders = fixtureFolders(projectRoot);
  return Object.entries(FIXTURE_FILES).flatMap(([name, files]) => files.map((file) => path.join(folders[name] as string, file)).filter((file) => !existsSync(file)));
}

interface NabCategory {
  readonly name: string;
  /** Series that combined_windows.json names in this category (null without that file). */
  readonly named: number | null;
  readonly present: number;
}

/** What a NAB folder holds, measured against the series its combined_windows.json names. */
export interface NabInventory {
  readonly folder: string;
  readonly windows: boolean;
  readonly labels: boolean;
  readonly categories: readonly NabCategory[];
  readonly seriesPresent: number;
  readonly seriesNamed: number | null;
}

function csvFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? readdirSync(path.join(folder, entry.name))
          .filter((f) => f.endsWith(".csv"))
          .map((f) => `${entry.name}/${f}`)
      : [],
  );
}

/** Counts NAB's series in `folder` by category; never throws for a missing or partial folder. */
export function nabInventory(folder: string): NabInventory {
  const windowsFile = path.join(folder, "combined_windows.json");
  const named = existsSync(windowsFile) ? Object.keys(JSON.parse(readFileSync(windowsFile, "utf8")) as Record<string, unknown>) : null;
  const present = new Set(csvFiles(folder));
  const categoryOf = (file: string): string => file.split("/")[0] ?? file;
  const names = [...new Set([...(named ?? []), ...present].map(categoryOf))].sort();
  const categories = names.map((name) => ({
    name,
    named: named === null ? null : named.filter((f) => categoryOf(f) === name).length,
    present: [...present].filter((f) => categoryOf(f) === name && (named === null || named.includes(f))).length,
  }));
  return {
    folder,
    windows: named !== null,
    labels: existsSync(path.join(folder, "combined_labels.json")),
    categories,
    seriesPresent: categories.reduce((sum, c) => sum + c.present, 0),
    seriesNamed: named?.length ?? null,
  };
}
