import { stdDevOf } from "../analytics/rollup/bucketMath.js";
import { isKept, RESOLUTION_MS, ROLLUP_RESOLUTIONS, type KeptFrom, type Resolution } from "../analytics/rollup/resolution.js";
import type { RollupBucket } from "../analytics/rollup/rollupTrend.js";
import { InvalidInputError } from "../errors.js";
import type { ReadingStore } from "../store/readingStore.js";
import type { RollupStore } from "../store/rollupStore.js";
import { CSV_HEADER, csvRow } from "./csvExport.js";

const ROLLUP_CSV_HEADER = "start,end,count,mean,min,max,stdDev\n";

/** One rollup CSV row: the bucket (start, end] in ISO-8601 UTC and its stats (stdDev empty below two readings). */
function rollupCsvRow(b: RollupBucket, widthMs: number): string {
  const s = b.stats;
  return `${new Date(b.startMs).toISOString()},${new Date(b.startMs + widthMs).toISOString()},${s.count},${s.mean},${s.min},${s.max},${stdDevOf(s) ?? ""}\n`;
}

export interface SeriesCsv {
  readonly resolution: Resolution;
  readonly rows: number;
  readonly csv: string;
}

/**
 * A sensor's history in (fromMs, toMs] as CSV at a resolution: asked for (if still kept for the
 * whole range), else the finest kept that gives at most `maxRows` rows.
 */
export async function exportSeries(
  deps: { readonly readings: ReadingStore; readonly rollups: RollupStore; readonly kept: KeptFrom },
  sensorId: string,
  fromMs: number,
  toMs: number,
  requested: Resolution | null,
  maxRows: number,
): Promise<SeriesCsv> {
  let resolution = requested;
  if (resolution !== null && !isKept(resolution, fromMs, deps.kept)) {
    throw new InvalidInputError(`${resolution} history of ${sensorId} is not kept back to ${new Date(fromMs).toISOString()} (retention); ask for a coarser resolution or leave it out`);
  }
  if (resolution === null) {
    if (isKept("RAW", fromMs, deps.kept) && (await deps.readings.countInWindow(sensorId, fromMs, toMs)) <= maxRows) resolution = "RAW";
    else resolution = ROLLUP_RESOLUTIONS.find((r) => isKept(r, fromMs, deps.kept) && (toMs - fromMs) / RESOLUTION_MS[r] <= maxRows) ?? "DAY";
  }
  if (resolution === "RAW") {
    const rows = await deps.readings.countInWindow(sensorId, fromMs, toMs);
    if (rows > maxRows)
      throw new InvalidInputError(
        `${sensorId} has ${rows} readings in that range; at most ${maxRows} rows are returned: ask for MINUTE, HOUR or DAY, or download GET /export/${encodeURIComponent(sensorId)}.csv`,
      );
    const points = await deps.readings.window(sensorId, fromMs, toMs);
    return { resolution, rows: points.length, csv: CSV_HEADER + points.map(csvRow).join("") };
  }
  const width = RESOLUTION_MS[resolution];
  if ((toMs - fromMs) / width > maxRows) throw new InvalidInputError(`(from, to] holds more than ${maxRows} ${resolution} buckets; ask for a coarser resolution or a shorter range`);
  const buckets = await deps.rollups.range(sensorId, resolution, fromMs, toMs);
  return { resolution, rows: buckets.length, csv: ROLLUP_CSV_HEADER + buckets.map((b) => rollupCsvRow(b, width)).join("") };
}
