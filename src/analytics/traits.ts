import type { SensorKind } from "../domain/sensorKind.js";
import type { ActiveEpisode } from "../domain/anomalyTypes.js";
import { classifyDirection, slopeIsSignificant, type Direction } from "./direction.js";
import { judgeByWorldRate, type DriftCause, type DriftVerdict } from "./driftCause.js";
import { classifyFreshness, DEFAULT_STALENESS, staleLimitMs, typicalIntervalOf, type Freshness, type StalenessRule } from "./freshness.js";
import { atLevel, kindProfile } from "./kindProfiles.js";
import { MS_PER_MINUTE, type Point } from "./point.js";
import { firstAfter, typicalIntervalOfTimes, type ReadingColumns } from "./readingColumns.js";
import type { SeriesWindow } from "./seriesWindow.js";
import { stabilityPercent } from "./stability.js";
import { rangeMoments, statsFromMoments, statsOf, type WindowStats } from "./windowStats.js";

/** What the twin reports about one sensor over the window (asOf − window, asOf]. */
export interface Traits {
  readonly readingCount: number;
  readonly mean: number | null;
  readonly stdDev: number | null;
  /** σ around the least-squares line (what stability is computed from). */
  readonly residualStdDev: number | null;
  readonly stabilityPercent: number | null;
  /** Least-squares slope, units per minute. */
  readonly driftPerMinute: number | null;
  /** Whether the drift is significant against the noise (|b| > 3·SE). */
  readonly driftSignificant: boolean;
  /**
   * For a significant drift beyond the limit, what it is blamed on (see `judgeDrift`): the
   * sensor, the world it measures, or UNKNOWN; null when the sensor does not drift.
   */
  readonly driftCause: DriftCause | null;
  /** The evidence behind `driftCause`, with numbers; null when there is no drift. */
  readonly driftEvidence: string | null;
  /** When peers show the sensor drifting: what to add to its readings to agree with them again; else null. */
  readonly driftCorrection: number | null;
  /** asOf − newest reading at or before asOf (seconds); null if the sensor never reported. */
  readonly freshnessSeconds: number | null;
  readonly freshness: Freshness;
  readonly staleLimitMs: number;
  readonly typicalIntervalMs: number | null;
  readonly trend: Direction;
  /** An anomaly episode is open. */
  readonly anomaly: boolean;
  /** Value of the newest reading at or before asOf. */
  readonly current: number | null;
}

export interface TraitsContext {
  readonly kind: SensorKind;
  readonly asOfMs: number;
  readonly windowMs: number;
  /** Open episodes from the sensor's `AnomalyDetector` (empty when unknown). */
  readonly activeEpisodes?: readonly ActiveEpisode[];
  /** Fixed stale limit (threshold override); null/undefined derives it from the interval. */
  readonly staleAfterMs?: number | null;
  /** Noise scale override for stability. */
  readonly sigmaMax?: number | null;
  /** The drift limit (threshold override); default the kind's. A drift within it is not judged. */
  readonly maxDriftPerMinute?: number | null;
}

/** A significant drift beyond the limit: the slope, else null. */
function driftBeyondLimit(stats: WindowStats, limit: number): number | null {
  const slope = stats.slopePerMinute;
  return slope !== null && slopeIsSignificant(stats) && Math.abs(slope) > limit ? slope : null;
}

/** The traits with a drift verdict in place of the one they carry (peers judged it better). */
export function withDriftVerdict<T extends Traits>(traits: T, verdict: DriftVerdict | null): T {
  return { ...traits, driftCause: verdict?.cause ?? null, driftEvidence: verdict?.evidence ?? null, driftCorrection: verdict?.correction ?? null };
}

/** Traits from precomputed window stats; both the live and the history paths end here. */
export function traitsFromStats(stats: WindowStats, latest: Point | null, typicalIntervalMs: number | null, context: TraitsContext): Traits {
  const rule: StalenessRule = { ...DEFAULT_STALENESS, staleAfterMs: context.staleAfterMs ?? null };
  const limit = staleLimitMs(typicalIntervalMs, rule);
  const ageMs = latest === null ? null : Math.max(0, context.asOfMs - latest.timestampMs);
  const slope = stats.slopePerMinute;
  // Without peers (the caller may judge with them later) only the kind's world rates can tell.
  const drift = driftBeyondLimit(stats, context.maxDriftPerMinute ?? kindProfile(context.kind).maxDriftPerMinute);
  const spanMinutes = stats.firstTimestampMs === null || stats.lastTimestampMs === null ? 0 : (stats.lastTimestampMs - stats.firstTimestampMs) / MS_PER_MINUTE;
  const verdict = drift === null ? null : judgeByWorldRate(context.kind, drift, spanMinutes);
  return {
    readingCount: stats.count,
    mean: stats.mean,
    stdDev: stats.stdDev,
    residualStdDev: stats.residualStdDev,
    stabilityPercent: stabilityPercent(stats, context.kind, context.sigmaMax ?? null),
    driftPerMinute: slope,
    driftSignificant: slopeIsSignificant(stats),
    driftCause: verdict?.cause ?? null,
    driftEvidence: verdict?.evidence ?? null,
    driftCorrection: null,
    freshnessSeconds: ageMs === null ? null : ageMs / 1000,
    freshness: classifyFreshness(ageMs, limit, rule),
    staleLimitMs: limit,
    typicalIntervalMs,
    trend: classifyDirection(stats, atLevel(kindProfile(context.kind).trendMinChange, stats.mean)),
    anomaly: (context.activeEpisodes ?? []).length > 0,
    current: latest?.value ?? null,
  };
}

/** Traits from the live rolling window: O(log n). */
export function traitsFromWindow(window: SeriesWindow, context: TraitsContext): Traits {
  const stats = window.stats(context.asOfMs - context.windowMs, context.asOfMs);
  return traitsFromStats(stats, window.latestAtOrBefore(context.asOfMs), window.typicalIntervalMs(context.asOfMs), context);
}

/**
 * Traits from readings read from the database: `points` in time order, covering the window and
 * ideally the reading just before it (so freshness and the interval are known when the window
 * is empty); readings outside (asOf − window, asOf] only feed freshness and the interval.
 */
export function traitsFromPoints(points: readonly Point[], context: TraitsContext): Traits {
  const from = context.asOfMs - context.windowMs;
  const upToAsOf = points.filter((p) => p.timestampMs <= context.asOfMs);
  const inWindow = upToAsOf.filter((p) => p.timestampMs > from);
  return traitsFromStats(statsOf(inWindow), upToAsOf[upToAsOf.length - 1] ?? null, typicalIntervalOf(upToAsOf), context);
}

/**
 * `traitsFromPoints` for time-ordered columns: the window and the readings up to asOf found by
 * binary search, the window's moments taken in place — the same numbers without a pass over
 * the readings outside the window.
 */
export function traitsFromColumns(columns: ReadingColumns, context: TraitsContext): Traits {
  const { timestampsMs: ts, values: vs } = columns;
  const upToAsOf = firstAfter(ts, context.asOfMs);
  const first = Math.min(firstAfter(ts, context.asOfMs - context.windowMs), upToAsOf);
  const stats = statsFromMoments(rangeMoments(ts, vs, first, upToAsOf));
  const latest = upToAsOf === 0 ? null : { timestampMs: ts[upToAsOf - 1] as number, value: vs[upToAsOf - 1] as number };
  return traitsFromStats(stats, latest, typicalIntervalOfTimes(ts, upToAsOf), context);
}
