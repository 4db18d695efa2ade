import { num } from "../format.js";
import { medianBySelection } from "../quantiles.js";
import { isColumns, type Readings } from "../readingColumns.js";
import { HOUR_MS } from "./stabilityHistory.js";

/** One hour's mean level; `hourStartMs` is a whole multiple of an hour. */
export interface HourlyLevel {
  readonly hourStartMs: number;
  readonly level: number;
}

const DAY_MS = 24 * HOUR_MS;
/** Each hour is judged against the band of the week before it… */
const BAND_DAYS = 7;
/** …once that week holds at least this many days of hourly levels. */
const BAND_MIN_DAYS = 3;
/** Band half-width in robust standard deviations (1.4826 · MAD of the hourly levels). */
const BAND_WIDTH_SIGMAS = 3;
/** The excursions the current one is compared with: those of the last week. */
const MEMORY_DAYS = 7;
/** An excursion shorter than this never counts, however unusual. */
export const MIN_EXCURSION_HOURS = 6;
/** How much older history the check reads: the week it remembers plus the week each hour's band looks back. */
export const LEVELS_SPAN_MS = (BAND_DAYS + MEMORY_DAYS) * DAY_MS;

/**
 * Hourly mean levels of the readings in [fromMs, toMs], one per hour that has any, oldest first.
 * The hour holding `toMs` is included with the readings it has so far.
 */
export function hourlyLevels(readings: Readings, fromMs: number, toMs: number): HourlyLevel[] {
  const levels: HourlyLevel[] = [];
  let hour = Number.NaN;
  let sum = 0;
  let count = 0;
  const flush = (): void => {
    if (count > 0) levels.push({ hourStartMs: hour, level: sum / count });
  };
  const add = (t: number, v: number): void => {
    if (t < fromMs || t > toMs) return;
    const h = Math.floor(t / HOUR_MS) * HOUR_MS;
    if (h !== hour) {
      flush();
      hour = h;
      sum = 0;
      count = 0;
    }
    sum += v;
    count += 1;
  };
  if (isColumns(readings)) {
    for (let i = 0; i < readings.timestampsMs.length; i++) add(readings.timestampsMs[i] as number, readings.values[i] as number);
  } else {
    for (const p of readings) add(p.timestampMs, p.value);
  }
  flush();
  return levels;
}

export interface OperatingBandCheck {
  /** False with too little history; `reason` says how much is needed. */
  readonly assessed: boolean;
  readonly reason: string | null;
  /** The band the latest hour was judged against: median ± halfWidth. */
  readonly median: number | null;
  readonly halfWidth: number | null;
  /** Hours the current excursion has lasted (0: inside the band now). */
  readonly currentHours: number;
  /** The longest excursion that ended in the last week before the current one. */
  readonly longestHours: number;
  /** Out of the band for at least `MIN_EXCURSION_HOURS` and longer than any excursion of the last week. */
  readonly left: boolean;
}

/**
 * Has a process value left its operating range? For a sensor with no physical range (a machine
 * temperature, a pressure in arbitrary units) the twin learns the range from the sensor itself:
 * every hour's mean level is judged against the band of the week before it (median ± 3 robust σ
 * of that week's hourly levels); consecutive hours outside it are an excursion. Ordinary
 * operation has excursions (a machine idles, a batch runs hot); the value has left its operating
 * range when the current excursion has lasted at least 6 h and longer than every excursion that
 * ended in the last week. It needs about ten days of hourly levels (a week to remember, each hour
 * with at least three days of band behind it) and says so otherwise.
 */
export function operatingBand(levels: readonly HourlyLevel[], asOfMs: number): OperatingBandCheck {
  const known = levels.filter((l) => l.hourStartMs <= asOfMs && Number.isFinite(l.level));
  const memoryFrom = asOfMs - MEMORY_DAYS * DAY_MS;
  const scratch = new Float64Array(BAND_DAYS * 24 + 1);
  const judged: Array<{ out: boolean; median: number; halfWidth: number }> = [];
  let first = 0;
  for (let i = 0; i < known.length; i++) {
    const hour = known[i] as HourlyLevel;
    while ((known[first] as HourlyLevel).hourStartMs < hour.hourStartMs - BAND_DAYS * DAY_MS) first += 1;
    if (hour.hourStartMs <= memoryFrom) continue;
    const count = i - first;
    if (count < BAND_MIN_DAYS * 24) continue;
    const band = bandOf(known, first, i, scratch);
    judged.push({ out: Math.abs(hour.level - band.median) > band.halfWidth, ...band });
  }
  const needed = MEMORY_DAYS * 24 - MIN_EXCURSION_HOURS;
  if (judged.length < needed) {
    return {
      assessed: false,
      reason: `operating band not learnt yet: ${judged.length} of the ${needed} hours of the last week judged against a band (each hour needs ${BAND_MIN_DAYS} days of hourly levels before it)`,
      median: null,
      halfWidth: null,
      currentHours: 0,
      longestHours: 0,
      left: false,
    };
  }
  let current = 0;
  while (current < judged.length && judged[judged.length - 1 - current]?.out === true) current += 1;
  let longest = 0;
  let run = 0;
  for (let i = 0; i < judged.length - current; i++) {
    run = judged[i]?.out === true ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const latest = judged[judged.length - 1] as { median: number; halfWidth: number };
  return {
    assessed: true,
    reason: null,
    median: latest.median,
    halfWidth: latest.halfWidth,
    currentHours: current,
    longestHours: longest,
    left: current >= MIN_EXCURSION_HOURS && current > longest,
  };
}

/** Median ± 3 robust σ of the levels [from, to); `scratch` holds at least to − from numbers. */
function bandOf(levels: readonly HourlyLevel[], from: number, to: number, scratch: Float64Array): { median: number; halfWidth: number } {
  const n = to - from;
  const values = n <= scratch.length ? scratch : new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = (levels[from + k] as HourlyLevel).level;
  const median = medianBySelection(values, n);
  for (let k = 0; k < n; k++) values[k] = Math.abs((levels[from + k] as HourlyLevel).level - median);
  const sigma = 1.4826 * medianBySelection(values, n);
  // A level that never moved still has a width: a relative hair, so float noise is not an excursion.
  return { median, halfWidth: BAND_WIDTH_SIGMAS * Math.max(sigma, 1e-9 * Math.max(1, Math.abs(median))) };
}

/** The check in words, for the failure-risk drivers. */
export function describeBand(check: OperatingBandCheck): string {
  if (!check.assessed) return check.reason ?? "";
  const band = `operating band ${num(check.median as number)} ± ${num(check.halfWidth as number)} (its last week's hourly levels)`;
  if (check.currentHours === 0) return `inside its ${band}`;
  const longest = check.longestHours === 0 ? "none before it in the last week" : `the longest before it in the last week lasted ${check.longestHours} h`;
  return check.left
    ? `out of its ${band} for ${check.currentHours} h, longer than its ordinary excursions (${longest}): it has left its operating range`
    : `out of its ${band} for ${check.currentHours} h (${longest}; it counts as leaving its range after ${Math.max(MIN_EXCURSION_HOURS, check.longestHours + 1)} h)`;
}
