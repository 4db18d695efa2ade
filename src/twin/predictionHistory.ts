import { forecastHistoryMs, forecastStepMs } from "../analytics/predict/forecast.js";
import { hourlyLevels, LEVELS_SPAN_MS, type HourlyLevel } from "../analytics/predict/operatingBand.js";
import type { RangeStats } from "../analytics/predict/stabilityHistory.js";
import type { Resolution } from "../analytics/rollup/resolution.js";
import { prependPoints, type ReadingColumns } from "../analytics/readingColumns.js";
import type { RollupHistory } from "../history/rollupHistory.js";
import type { SampledHistory } from "../history/sampledHistory.js";
import type { LiveAnalytics } from "../live/liveAnalytics.js";
import type { Diagnostics } from "./diagnostics.js";

export const HOUR_MS = 3_600_000;
/** History the models learn from: what the live state holds by default. */
export const HISTORY_MS = 24 * HOUR_MS;
/** Older history for the operating band: one reading per quarter hour, four to each hourly level. */
const LEVEL_SAMPLE_MS = 15 * 60_000;

/**
 * The history each predictive model learns from, assembled from the live window, raw readings
 * (sampled where the model would sample them anyway) and the hour rollups.
 */
export class PredictionHistory {
  constructor(
    private readonly diagnostics: Pick<Diagnostics, "seriesColumns">,
    private readonly live: Pick<LiveAnalytics, "windowFor">,
    private readonly sampled: Pick<SampledHistory, "sampled">,
    /** Hourly levels and hour statistics from the rollups; without, older history is read from raw readings. */
    private readonly hours: Pick<RollupHistory, "hourlyLevels" | "hourRangeStats" | "resolutionFor"> | null,
  ) {}

  /**
   * Where the hour-by-hour statistics of the day before asOf come from: the live window when it
   * holds the day (RAW), else the raw readings while retention keeps them for the whole day
   * (RAW: null here, the caller reads the day), else the hour rollups (HOUR).
   */
  async dayStats(sensorId: string, asOfMs: number): Promise<{ rangeStats: RangeStats | null; resolution: Resolution }> {
    const live = this.liveDay(sensorId, asOfMs);
    if (live !== null || this.hours === null) return { rangeStats: live, resolution: "RAW" };
    if (this.hours.resolutionFor(sensorId, null, asOfMs - HISTORY_MS, asOfMs, 24, false) !== "HOUR") return { rangeStats: null, resolution: "RAW" };
    const fromRollups = await this.hours.hourRangeStats(sensorId, asOfMs - HISTORY_MS, asOfMs);
    return fromRollups === null ? { rangeStats: null, resolution: "RAW" } : { rangeStats: fromRollups, resolution: "HOUR" };
  }

  /** The live window when it holds the whole day before asOf: its statistics over any hour in O(log n). */
  liveDay(sensorId: string, asOfMs: number): RangeStats | null {
    return this.live.windowFor(sensorId, asOfMs - HISTORY_MS);
  }

  /** The readings the models learn from: the 24 h up to asOf, as columns (one copy, no object per reading). */
  day(sensorId: string, asOfMs: number): Promise<ReadingColumns> {
    return this.diagnostics.seriesColumns(sensorId, asOfMs - HISTORY_MS, asOfMs);
  }

  /**
   * The readings a forecast at this horizon learns from: the day up to asOf as it is, and when
   * the horizon needs more to calibrate (beyond about 10 h), the days before it sampled on a
   * quarter of the forecast's grid step — what the forecast would sample of them anyway.
   */
  async forHorizon(sensorId: string, asOfMs: number, horizonMinutes: number, recent = this.day(sensorId, asOfMs)): Promise<ReadingColumns> {
    const spanMs = forecastHistoryMs(horizonMinutes);
    if (spanMs <= HISTORY_MS) return recent;
    const older = this.sampled.sampled(sensorId, asOfMs - spanMs, asOfMs - HISTORY_MS, forecastStepMs(horizonMinutes) / 4);
    const [before, day] = await Promise.all([older, recent]);
    return prependPoints(before, day);
  }

  /**
   * Hourly levels of the two weeks before asOf (the operating band's input) and what the older
   * days were read at: the hours before the live day's first whole hour from the hour rollups
   * (one range scan; a bucket holds the readings of (start, start + 1 h], so a reading on the
   * boundary is the last hour's), the rest from the day's readings as they are. A sensor whose
   * rollups are not complete yet has the days before its live one sampled four times an hour
   * from raw readings instead (1,250 index seeks, kept for 10 minutes).
   */
  async levels(sensorId: string, asOfMs: number, recent: Promise<ReadingColumns>): Promise<{ levels: HourlyLevel[]; resolution: Resolution }> {
    const fromMs = asOfMs - LEVELS_SPAN_MS;
    const dayFromMs = asOfMs - HISTORY_MS;
    const wholeHoursFromMs = Math.ceil(dayFromMs / HOUR_MS) * HOUR_MS;
    const older = this.hours === null ? null : await this.hours.hourlyLevels(sensorId, fromMs, wholeHoursFromMs);
    if (older !== null) return { levels: [...older, ...hourlyLevels(await recent, wholeHoursFromMs + 1, asOfMs)], resolution: "HOUR" };
    const [before, day] = await Promise.all([this.sampled.sampled(sensorId, fromMs, dayFromMs, LEVEL_SAMPLE_MS), recent]);
    return { levels: hourlyLevels(prependPoints(before, day), fromMs, asOfMs), resolution: "RAW" };
  }
}
