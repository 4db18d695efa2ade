import type { Point } from "../analytics/point.js";
import { lines, parseUtcDateTime, unquote, type LineProblem, type Parsed } from "./parseProblems.js";

/** A labelled anomaly window of a NAB file: [startMs, endMs], both inclusive. */
export interface NabWindow {
  readonly startMs: number;
  readonly endMs: number;
  /** The labelled instant inside it (`combined_labels.json`: NAB centres its windows on them), when known. */
  readonly labelMs?: number;
}

/**
 * Parses a NAB data file (`timestamp,value` header, then `YYYY-MM-DD HH:MM:SS,<number>`;
 * zone-less timestamps are UTC). Blank lines are skipped; any other unusable line is reported.
 */
export function parseNabCsv(text: string): Parsed<Point[]> {
  const points: Point[] = [];
  const problems: LineProblem[] = [];
  const all = lines(text);
  const header = (all[0] ?? "").trim().toLowerCase().replace(/"/g, "");
  if (header !== "timestamp,value") {
    problems.push({ line: 1, message: `expected the header "timestamp,value", found "${(all[0] ?? "").slice(0, 60)}"` });
  }
  for (let i = 1; i < all.length; i++) {
    const raw = all[i] as string;
    if (raw.trim() === "") continue;
    const fields = raw.split(",");
    if (fields.length !== 2) {
      problems.push({ line: i + 1, message: `expected 2 fields (timestamp,value), found ${fields.length}` });
      continue;
    }
    const timestampMs = parseUtcDateTime(unquote(fields[0] as string));
    const valueText = unquote(fields[1] as string);
    const value = valueText === "" ? Number.NaN : Number(valueText);
    if (timestampMs === null) {
      problems.push({ line: i + 1, message: `timestamp "${fields[0]}" is not YYYY-MM-DD HH:MM:SS` });
    } else if (!Number.isFinite(value)) {
      problems.push({ line: i + 1, message: `value "${fields[1]}" is not a finite number` });
    } else {
      points.push({ timestampMs, value });
    }
  }
  return { value: points, problems };
}

/**
 * The anomaly windows of one file from NAB's `combined_windows.json` text, keyed
 * `"<folder>/<file>.csv"`. Throws when the key is missing or a window is malformed.
 */
export function parseNabWindows(jsonText: string, fileKey: string): NabWindow[] {
  const all = JSON.parse(jsonText) as Record<string, unknown>;
  const entry = all[fileKey];
  if (!Array.isArray(entry)) {
    throw new Error(`combined_windows.json has no windows for "${fileKey}"; keys look like "realKnownCause/machine_temperature_system_failure.csv"`);
  }
  return entry.map((pair: unknown, i) => {
    const [a, b] = Array.isArray(pair) ? (pair as unknown[]) : [];
    const startMs = typeof a === "string" ? parseUtcDateTime(a) : null;
    const endMs = typeof b === "string" ? parseUtcDateTime(b) : null;
    if (startMs === null || endMs === null || endMs < startMs) {
      throw new Error(`window ${i} of "${fileKey}" is not a [start, end] pair of date-times: ${JSON.stringify(pair)}`);
    }
    return { startMs, endMs };
  });
}

/**
 * The labelled instants of one file from NAB's `combined_labels.json` text (same keys as the
 * windows), in time order. Throws when the key is missing or a label is not a date-time.
 */
export function parseNabLabels(jsonText: string, fileKey: string): number[] {
  const entry = (JSON.parse(jsonText) as Record<string, unknown>)[fileKey];
  if (!Array.isArray(entry)) throw new Error(`combined_labels.json has no labels for "${fileKey}"`);
  return entry
    .map((label: unknown, i) => {
      const ms = typeof label === "string" ? parseUtcDateTime(label) : null;
      if (ms === null) throw new Error(`label ${i} of "${fileKey}" is not a date-time: ${JSON.stringify(label)}`);
      return ms;
    })
    .sort((a, b) => a - b);
}

/** Each window with the label that falls inside it (the first, if several; none: left without). */
export function labelWindows(windows: readonly NabWindow[], labels: readonly number[]): NabWindow[] {
  return windows.map((w) => {
    const labelMs = labels.find((l) => l >= w.startMs && l <= w.endMs);
    return labelMs === undefined ? { startMs: w.startMs, endMs: w.endMs } : { startMs: w.startMs, endMs: w.endMs, labelMs };
  });
}
