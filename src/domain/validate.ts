import type { Reading, ReadingCandidate } from "./reading.js";

const MAX_ID_LENGTH = 128;
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
// ISO-8601 date-time with a zone (Z or ±hh:mm); a bare date or a zone-less time is ambiguous.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export type Validation = { readonly ok: true; readonly reading: Reading } | { readonly ok: false; readonly message: string };

/** Checks an id chosen by a source (sensor, device, actuator); returns a problem or null. */
export function idProblem(id: unknown, what = "sensorId"): string | null {
  if (typeof id !== "string") return `${what} must be a string`;
  if (id.length === 0) return `${what} is empty`;
  if (id.length > MAX_ID_LENGTH) return `${what} is ${id.length} characters long; at most ${MAX_ID_LENGTH} are allowed`;
  if (!ID_PATTERN.test(id)) {
    return `${what} "${id}" has characters other than letters, digits, '_', '.', ':' and '-' (or does not start with a letter or digit)`;
  }
  return null;
}

/** Parses a timestamp given as ISO-8601 text, epoch milliseconds or Date; null if unusable. */
export function parseTimestamp(value: unknown): number | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : null;
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === "string" && ISO_DATE_TIME.test(value.trim())) {
    const ms = Date.parse(value.trim().replace(" ", "T"));
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** Validates one candidate reading at host time `nowMs`; a missing timestamp means now. */
export function validateReading(candidate: ReadingCandidate, nowMs: number): Validation {
  const idError = idProblem(candidate.sensorId);
  if (idError !== null) return { ok: false, message: idError };
  const sensorId = candidate.sensorId as string;

  const value = candidate.value;
  if (typeof value !== "number") return { ok: false, message: `value of ${sensorId} must be a number, got ${typeof value}` };
  if (!Number.isFinite(value)) return { ok: false, message: `value of ${sensorId} is ${value}; only finite numbers are stored` };

  let timestampMs = nowMs;
  if (candidate.timestamp !== undefined && candidate.timestamp !== null) {
    const parsed = parseTimestamp(candidate.timestamp);
    if (parsed === null) {
      return {
        ok: false,
        message: `timestamp ${JSON.stringify(candidate.timestamp)} of ${sensorId} is not an ISO-8601 date-time with a zone (e.g. 2026-01-31T12:00:00Z)`,
      };
    }
    if (parsed < 0) return { ok: false, message: `timestamp of ${sensorId} is before 1970-01-01` };
    if (parsed - nowMs > MAX_FUTURE_MS) {
      return {
        ok: false,
        message: `timestamp ${new Date(parsed).toISOString()} of ${sensorId} lies more than 1 day in the future; check the source's clock`,
      };
    }
    timestampMs = parsed;
  }

  let seq: number | null = null;
  if (candidate.seq !== undefined && candidate.seq !== null) {
    if (typeof candidate.seq !== "number" || !Number.isSafeInteger(candidate.seq) || candidate.seq < 0) {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- quotes whatever the client sent
      return { ok: false, message: `seq of ${sensorId} must be a non-negative integer, got ${String(candidate.seq)}` };
    }
    seq = candidate.seq;
  }
  return { ok: true, reading: { sensorId, value, timestampMs, seq } };
}
