import { MAX_TREND_BUCKETS } from "../analytics/trend.js";
import { InvalidInputError } from "../errors.js";
import { parseTimestamp } from "../domain/validate.js";

const MAX_WINDOW_SECONDS = 30 * 24 * 3600;
/** Windows that rollups can answer (trend, traits): up to 3,660 days; RAW ones are still held to 30 days. */
export const MAX_HISTORY_WINDOW_SECONDS = 3_660 * 24 * 3600;

/** A DateTime argument as epoch ms; undefined when absent. */
export function timeArg(value: string | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = parseTimestamp(value);
  if (ms === null) throw new InvalidInputError(`${name} "${value}" is not an ISO-8601 date-time with a zone, e.g. 2026-01-31T12:00:00Z`);
  return ms;
}

/** A window length in seconds, as milliseconds: 1 s to 30 days (or `max`). */
export function windowArg(seconds: number | null | undefined, fallback: number, name = "windowSeconds", max = MAX_WINDOW_SECONDS): number {
  const value = seconds ?? fallback;
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new InvalidInputError(`${name} must be a whole number of seconds from 1 to ${max} (${Math.round(max / 86_400)} days), got ${value}`);
  }
  return value * 1000;
}

/** Chart buckets: 1 to 10,000. */
export function bucketsArg(buckets: number | null | undefined): number {
  const value = buckets ?? 60;
  if (!Number.isInteger(value) || value < 1 || value > MAX_TREND_BUCKETS) {
    throw new InvalidInputError(`buckets must be from 1 to ${MAX_TREND_BUCKETS}, got ${value}`);
  }
  return value;
}

/** Two ordered times (from before to). */
export function rangeArgs(fromMs: number, toMs: number, fromName = "from", toName = "to"): void {
  if (fromMs >= toMs) {
    throw new InvalidInputError(`${fromName} (${new Date(fromMs).toISOString()}) must be before ${toName} (${new Date(toMs).toISOString()})`);
  }
}
