import { InvalidInputError } from "../../errors.js";

/** How finely a history answer was read: raw readings, or 1-minute, 1-hour or 1-day rollups. */
export type Resolution = "RAW" | "MINUTE" | "HOUR" | "DAY";
export type RollupResolution = Exclude<Resolution, "RAW">;

/** Finest first. */
export const ROLLUP_RESOLUTIONS: readonly RollupResolution[] = ["MINUTE", "HOUR", "DAY"];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const RESOLUTION_MS: Readonly<Record<RollupResolution, number>> = Object.freeze({ MINUTE: MINUTE_MS, HOUR: HOUR_MS, DAY: DAY_MS });

/** Raw readings are scanned for windows up to this long (what queries allowed before rollups). */
const MAX_RAW_WINDOW_MS = 30 * DAY_MS;
/** Windows answered from rollups may reach this far back. */
const MAX_ROLLUP_WINDOW_MS = 3_660 * DAY_MS;
/** Without a resolution asked for, a window up to this long that raw readings still cover is answered from them. */
const RAW_DEFAULT_MAX_WINDOW_MS = DAY_MS;

/**
 * The start of the bucket (start, start + width] a time falls in. Buckets are closed at their
 * end like the trend's chart buckets and the climate's hours, so a rollup bucket holds exactly
 * the readings a raw scan of (start, start + width] finds.
 */
export function bucketStartOf(timestampMs: number, widthMs: number): number {
  return Math.ceil(timestampMs / widthMs) * widthMs - widthMs;
}

/** From when each resolution is still kept for a sensor (epoch ms); null: kept for ever. Hour and day rollups are always kept. */
export interface KeptFrom {
  readonly raw: number | null;
  readonly minute: number | null;
}

export function isKept(resolution: Resolution, fromMs: number, kept: KeptFrom): boolean {
  if (resolution === "RAW") return kept.raw === null || fromMs >= kept.raw;
  if (resolution === "MINUTE") return kept.minute === null || fromMs >= kept.minute;
  return true;
}

export interface ResolutionRequest {
  /** What the caller asked for; null: choose. */
  readonly requested: Resolution | null;
  /** The window (startMs, endMs]. */
  readonly startMs: number;
  readonly endMs: number;
  /** Buckets the answer is divided into (a trend's chart); traits and exports take 1. */
  readonly buckets: number;
  /** The live in-memory window covers the whole window: raw readings at no cost. */
  readonly live: boolean;
  readonly kept: KeptFrom;
}

/**
 * The resolution a history question is answered at. Asked for: that one, if it is still kept
 * for the whole window (else an error naming what is). Otherwise RAW when memory holds the
 * window, or when raw readings still cover a window of at most a day; else the coarsest rollup
 * still kept whose buckets fit inside the answer's buckets, so every answer bucket is made of
 * whole rollup buckets (exact when the window's ends lie on that rollup's grid); RAW, then the
 * finest rollup kept, when even a minute is wider than the answer's buckets.
 */
export function chooseResolution(r: ResolutionRequest): Resolution {
  const windowMs = r.endMs - r.startMs;
  if (r.requested !== null) {
    if (!isKept(r.requested, r.startMs, r.kept)) {
      const finest = (["RAW", ...ROLLUP_RESOLUTIONS] as const).find((res) => isKept(res, r.startMs, r.kept)) ?? "HOUR";
      const since = r.requested === "RAW" ? r.kept.raw : r.kept.minute;
      throw new InvalidInputError(
        `${r.requested} history of this sensor is kept only from ${new Date(since ?? 0).toISOString()} (retention), and the window starts ${new Date(r.startMs).toISOString()}; ` +
          `ask for resolution ${finest} or coarser, or leave resolution out`,
      );
    }
    if (r.requested === "RAW" && windowMs > MAX_RAW_WINDOW_MS && !r.live) {
      throw new InvalidInputError(`resolution RAW covers windows up to ${MAX_RAW_WINDOW_MS / DAY_MS} days; ask for MINUTE, HOUR or DAY for longer ones, or leave resolution out`);
    }
    return r.requested;
  }
  if (r.live) return "RAW";
  const rawKept = isKept("RAW", r.startMs, r.kept);
  if (rawKept && windowMs <= RAW_DEFAULT_MAX_WINDOW_MS) return "RAW";
  const bucketMs = windowMs / Math.max(1, r.buckets);
  for (const res of [...ROLLUP_RESOLUTIONS].reverse()) {
    if (RESOLUTION_MS[res] <= bucketMs && isKept(res, r.startMs, r.kept)) return res;
  }
  if (rawKept && windowMs <= MAX_RAW_WINDOW_MS) return "RAW";
  return isKept("MINUTE", r.startMs, r.kept) ? "MINUTE" : "HOUR";
}

/** Checks a window's length for the resolution it will be read at. */
export function checkWindow(resolution: Resolution, windowMs: number, live: boolean): void {
  const max = resolution === "RAW" && !live ? MAX_RAW_WINDOW_MS : MAX_ROLLUP_WINDOW_MS;
  if (windowMs > max) {
    throw new InvalidInputError(`a ${resolution} window covers at most ${max / DAY_MS} days, got ${Math.round(windowMs / DAY_MS)}; shorten the window or ask for a coarser resolution`);
  }
}
