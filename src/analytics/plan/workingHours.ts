import { InvalidInputError } from "../../errors.js";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Daily working hours as minutes after local midnight, start before end (no shift over midnight). */
export interface WorkingHours {
  readonly startMinute: number;
  readonly endMinute: number;
  readonly text: string;
}

/** A stretch of working time, UTC epoch ms [startMs, endMs). */
export interface Window {
  readonly startMs: number;
  readonly endMs: number;
}

/** "08:00-17:00" as minutes; throws `InvalidInputError` saying what a good value looks like. */
export function parseWorkingHours(text: string): WorkingHours {
  const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  const example = 'e.g. "08:00-17:00"';
  if (m === null) throw new InvalidInputError(`workingHours must be "HH:MM-HH:MM", ${example}; got "${text}"`);
  const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (sm > 59 || em > 59 || start >= 24 * 60 || end > 24 * 60) throw new InvalidInputError(`workingHours "${text}" holds a time that is not on the clock (00:00 to 24:00), ${example}`);
  if (end <= start) {
    throw new InvalidInputError(`workingHours "${text}" leaves no working time: the end must be after the start on the same day (${example}; a shift over midnight is not supported)`);
  }
  return { startMinute: start, endMinute: end, text: text.trim() };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Null if `timeZone` is an IANA zone this runtime knows, else why not (for a message naming where it was set). */
export function timeZoneProblem(timeZone: string): string | null {
  try {
    formatter(timeZone);
    return null;
  } catch {
    return `"${timeZone}" is not an IANA time zone (e.g. "Europe/Helsinki", "America/New_York")`;
  }
}

/** The local calendar fields of an instant in a zone (month 0-based, as Date.UTC takes it). */
function localFields(ms: number, timeZone: string): { y: number; mo: number; d: number; localMs: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const y = Number(parts["year"]);
  const mo = Number(parts["month"]) - 1;
  const d = Number(parts["day"]);
  const localMs = Date.UTC(y, mo, d, Number(parts["hour"]), Number(parts["minute"]), Number(parts["second"]));
  return { y, mo, d, localMs };
}

/** The zone's offset from UTC at an instant, ms (local − UTC, whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return localFields(whole, timeZone).localMs - whole;
}

/** The instant a local wall-clock time names (`localMs` as if UTC); in a DST gap, the instant an hour later. */
function instantOf(localMs: number, timeZone: string): number {
  const first = localMs - offsetAt(localMs, timeZone);
  const second = localMs - offsetAt(first, timeZone);
  return second;
}

/**
 * The working windows between fromMs and toMs, in UTC, for working hours local to `timeZone`
 * (null: UTC): one per calendar day, clipped to [fromMs, toMs), empty ones left out, in order.
 * Days with a daylight-saving change get their true length.
 */
export function workingWindows(hours: WorkingHours, timeZone: string | null, fromMs: number, toMs: number): Window[] {
  const zone = timeZone ?? "UTC";
  const first = localFields(fromMs, zone);
  const windows: Window[] = [];
  for (let k = -1; ; k++) {
    const midnight = Date.UTC(first.y, first.mo, first.d + k);
    const start = instantOf(midnight + hours.startMinute * MINUTE_MS, zone);
    if (start >= toMs) break;
    const end = instantOf(midnight + hours.endMinute * MINUTE_MS, zone);
    const w = { startMs: Math.max(start, fromMs), endMs: Math.min(end, toMs) };
    if (w.endMs > w.startMs) windows.push(w);
    if (k > (toMs - fromMs) / DAY_MS + 2) break;
  }
  return windows;
}
