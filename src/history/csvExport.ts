import type { Point } from "../analytics/point.js";

export const CSV_HEADER = "timestamp,value\n";

/** One CSV row: ISO-8601 UTC timestamp, value as JavaScript prints it (round-trips exactly). */
export function csvRow(p: Point): string {
  return `${new Date(p.timestampMs).toISOString()},${p.value}\n`;
}

/** A file name for a sensor's export: the id made safe, and the range. */
export function exportFileName(sensorId: string, fromMs: number, toMs: number): string {
  const day = (ms: number): string =>
    new Date(ms)
      .toISOString()
      .replace(/[:]/g, "")
      .replace(/\.\d{3}Z$/, "Z");
  return `${sensorId.replace(/[^A-Za-z0-9_.-]/g, "_")}_${day(fromMs)}_${day(toMs)}.csv`;
}
