import type { Point } from "../analytics/point.js";
import { lines, parseUtcDateTime, unquote, type LineProblem, type Parsed } from "./parseProblems.js";

export const UCI_COLUMNS = ["Temperature", "Humidity", "Light", "CO2", "HumidityRatio", "Occupancy"] as const;
export type UciColumn = (typeof UCI_COLUMNS)[number];

/**
 * Parses a UCI Occupancy Detection file. The header names the columns after the row number
 * (`"date","Temperature",…`); each row is a quoted row number, the timestamp (quoted or bare,
 * zone-less, read as UTC) and the six values. Returns one time series per column; a row with
 * any unusable field is skipped whole and reported with its line number.
 */
export function parseUciOccupancy(text: string): Parsed<Record<UciColumn, Point[]>> {
  const series = Object.fromEntries(UCI_COLUMNS.map((c) => [c, [] as Point[]])) as Record<UciColumn, Point[]>;
  const problems: LineProblem[] = [];
  const all = lines(text);
  const header = (all[0] ?? "").split(",").map(unquote);
  const positions = UCI_COLUMNS.map((c) => header.indexOf(c));
  const missing = UCI_COLUMNS.filter((_, i) => positions[i] === -1);
  if (header[0] !== "date" || missing.length > 0) {
    problems.push({
      line: 1,
      message: `expected the header "date","Temperature","Humidity","Light","CO2","HumidityRatio","Occupancy"${missing.length > 0 ? `; missing ${missing.join(", ")}` : ""}`,
    });
    return { value: series, problems };
  }
  // Data rows carry one more field than the header: the row number comes first, unnamed.
  const width = header.length + 1;
  for (let i = 1; i < all.length; i++) {
    const raw = all[i] as string;
    if (raw.trim() === "") continue;
    const fields = raw.split(",").map(unquote);
    if (fields.length !== width) {
      problems.push({ line: i + 1, message: `expected ${width} fields (row number, date and ${width - 2} values), found ${fields.length}` });
      continue;
    }
    const timestampMs = parseUtcDateTime(fields[1] as string);
    if (timestampMs === null) {
      problems.push({ line: i + 1, message: `timestamp "${fields[1]}" is not YYYY-MM-DD HH:MM:SS` });
      continue;
    }
    const values = positions.map((p) => (fields[p + 1] === "" ? Number.NaN : Number(fields[p + 1])));
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad !== -1) {
      problems.push({ line: i + 1, message: `${UCI_COLUMNS[bad]} "${fields[(positions[bad] as number) + 1]}" is not a finite number` });
      continue;
    }
    UCI_COLUMNS.forEach((c, k) => series[c].push({ timestampMs, value: values[k] as number }));
  }
  return { value: series, problems };
}
