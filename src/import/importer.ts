import type { Point } from "../analytics/point.js";
import { parseNabCsv } from "../datasets/nab.js";
import { UCI_COLUMNS, parseUciOccupancy, type UciColumn } from "../datasets/uciOccupancy.js";

export interface ChunkOutcome {
  readonly accepted: number;
  readonly rejected: number;
  /** Accepted readings older than raw retention: kept in the rollups only. */
  readonly rollupOnly?: number;
  readonly note?: string | null;
  readonly errors: ReadonlyArray<{ readonly index: number; readonly message: string }>;
}

export interface ImportProgress {
  readonly sent: number;
  readonly total: number;
  readonly accepted: number;
  readonly rejected: number;
}

export interface ImportSummary extends ImportProgress {
  /** The first refusals, with the row they came from. */
  readonly firstErrors: string[];
  /** Readings kept in the rollups only (older than the twin's raw retention), and why. */
  readonly rollupOnly: number;
  readonly rollupNote: string | null;
}

/** Which recorded format a file is in, from its header line. */
export function parseSeriesFile(text: string, column: string | undefined): { points: Point[]; format: string; problems: string[] } {
  const header = text.slice(0, text.indexOf("\n")).trim().toLowerCase();
  if (header.startsWith('"date"') || header.includes("temperature")) {
    if (column === undefined || !(UCI_COLUMNS as readonly string[]).includes(column)) {
      throw new Error(`this is a UCI occupancy file: choose a column with --column (${UCI_COLUMNS.join(", ")})`);
    }
    const parsed = parseUciOccupancy(text);
    return { points: parsed.value[column as UciColumn], format: `UCI occupancy, column ${column}`, problems: parsed.problems.map((p) => `line ${p.line}: ${p.message}`) };
  }
  if (header === "timestamp,value") {
    const parsed = parseNabCsv(text);
    return { points: parsed.value, format: "NAB timestamp,value", problems: parsed.problems.map((p) => `line ${p.line}: ${p.message}`) };
  }
  throw new Error(`unknown file format (header "${header.slice(0, 60)}"); expected NAB "timestamp,value" or a UCI occupancy file`);
}

/**
 * Sends a recorded series through the twin's ingest pipeline in chunks (recordReadings takes
 * up to 10,000), in time order so the live analytics judge it as if it were streaming.
 */
export async function importSeries(
  points: readonly Point[],
  options: {
    readonly sensorId: string;
    readonly chunkSize?: number;
    readonly send: (readings: Array<{ sensorId: string; value: number; timestamp: string }>) => Promise<ChunkOutcome>;
    readonly onProgress?: (progress: ImportProgress) => void;
  },
): Promise<ImportSummary> {
  const chunk = Math.min(10_000, options.chunkSize ?? 5_000);
  const sorted = [...points].sort((a, b) => a.timestampMs - b.timestampMs);
  let accepted = 0;
  let rejected = 0;
  let rollupOnly = 0;
  let rollupNote: string | null = null;
  const firstErrors: string[] = [];
  for (let start = 0; start < sorted.length; start += chunk) {
    const slice = sorted.slice(start, start + chunk);
    const outcome = await options.send(slice.map((p) => ({ sensorId: options.sensorId, value: p.value, timestamp: new Date(p.timestampMs).toISOString() })));
    accepted += outcome.accepted;
    rejected += outcome.rejected;
    if ((outcome.rollupOnly ?? 0) > 0) {
      rollupOnly += outcome.rollupOnly ?? 0;
      rollupNote ??= outcome.note ?? null;
    }
    for (const e of outcome.errors) if (firstErrors.length < 5) firstErrors.push(`row ${start + e.index + 1}: ${e.message}`);
    options.onProgress?.({ sent: Math.min(sorted.length, start + chunk), total: sorted.length, accepted, rejected });
  }
  return { sent: sorted.length, total: sorted.length, accepted, rejected, firstErrors, rollupOnly, rollupNote };
}
