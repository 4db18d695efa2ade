import type { Point } from "../analytics/point.js";
import type { HourlyLevel } from "../analytics/predict/operatingBand.js";
import type { RangeStats } from "../analytics/predict/stabilityHistory.js";
import { momentsOf } from "../analytics/rollup/bucketMath.js";
import { chooseResolution, checkWindow, RESOLUTION_MS, type Resolution, type RollupResolution } from "../analytics/rollup/resolution.js";
import { trendFromRollups, windowFromRollups } from "../analytics/rollup/rollupTrend.js";
import type { Trend, TrendRequest } from "../analytics/trend.js";
import { statsFromMoments, type WindowStats } from "../analytics/windowStats.js";
import type { RollupStore } from "../store/rollupStore.js";
import type { RetentionPolicy } from "./retentionPolicy.js";

const HOUR_MS = RESOLUTION_MS.HOUR;
/** Buckets a traits window is thought of as having when its resolution is chosen: edges cost at most 1 %. */
const TRAITS_BUCKETS = 100;

/** Answers history questions from the rollups, and says at which resolution a question is best read. */
export class RollupHistory {
  /** Sensors known to have complete rollups (a sensor never loses that once it has it). */
  private readonly complete = new Set<string>();

  constructor(
    private readonly store: RollupStore,
    private readonly policy: RetentionPolicy,
    private readonly clock: () => number,
  ) {}

  /** The resolution for a window (see chooseResolution); checks the window's length for it. */
  resolutionFor(sensorId: string, requested: Resolution | null, startMs: number, endMs: number, buckets: number | null, live: boolean): Resolution {
    const kept = this.policy.kept(sensorId, this.clock());
    const resolution = chooseResolution({ requested, startMs, endMs, buckets: buckets ?? TRAITS_BUCKETS, live, kept });
    checkWindow(resolution, endMs - startMs, live);
    return resolution;
  }

  /**
   * The mean level of each hour ending in (fromMs, toMs], oldest first, from the hour rollups
   * (one index range scan); null when the sensor's rollups do not yet hold all its readings (a
   * sensor from before rollups, until retention's backfill has rolled it up).
   */
  async hourlyLevels(sensorId: string, fromMs: number, toMs: number): Promise<HourlyLevel[] | null> {
    if (!(await this.isComplete(sensorId))) return null;
    const hours = await this.store.range(sensorId, "HOUR", fromMs, toMs);
    return hours.filter((h) => h.stats.count > 0).map((h) => ({ hourStartMs: h.startMs, level: h.stats.mean }));
  }

  /**
   * The mean of each clock hour starting in [fromMs, toMs) (both on the hour), from the hour
   * rollups in one range scan, null for an hour without readings; null as a whole when the
   * sensor's rollups do not yet hold all its readings.
   */
  async hourMeans(sensorId: string, fromMs: number, toMs: number): Promise<Map<number, number | null> | null> {
    if (!(await this.isComplete(sensorId))) return null;
    const means = new Map<number, number | null>();
    for (let h = fromMs; h < toMs; h += HOUR_MS) means.set(h, null);
    for (const bucket of await this.store.range(sensorId, "HOUR", fromMs, toMs)) if (bucket.stats.count > 0 && means.has(bucket.startMs)) means.set(bucket.startMs, bucket.stats.mean);
    return means;
  }

  private async isComplete(sensorId: string): Promise<boolean> {
    if (this.complete.has(sensorId)) return true;
    if (!(await this.store.isComplete(sensorId))) return false;
    this.complete.add(sensorId);
    return true;
  }

  /**
   * Statistics of any range from the hour rollups ending in (fromMs, toMs], read in one range
   * scan: a range (a, b] is the merge of the hours that end in it (exact on the hour grid).
   * Null when the sensor's rollups do not yet hold all its readings.
   */
  async hourRangeStats(sensorId: string, fromMs: number, toMs: number): Promise<RangeStats | null> {
    if (!(await this.isComplete(sensorId))) return null;
    const hours = await this.store.range(sensorId, "HOUR", fromMs, toMs);
    return { stats: (a, b) => statsFromMoments(momentsOf(windowFromRollups(hours, HOUR_MS, a, b))) };
  }

  /** A trend from the rollups at a resolution. */
  async trend(sensorId: string, resolution: RollupResolution, request: TrendRequest): Promise<Trend> {
    const rollups = await this.store.range(sensorId, resolution, request.windowStartMs, request.windowEndMs);
    return trendFromRollups(rollups, RESOLUTION_MS[resolution], request);
  }

  /**
   * Window stats from the rollups, with the newest reading at or before `asOfMs` and the
   * typical interval as the finest rollup kept knows them (for when raw readings are gone).
   */
  async windowStats(
    sensorId: string,
    resolution: RollupResolution,
    fromMs: number,
    asOfMs: number,
  ): Promise<{ stats: WindowStats; latest: Point | null; typicalIntervalMs: number | null; firstMs: number | null }> {
    const rollups = await this.store.range(sensorId, resolution, fromMs, asOfMs);
    const stats = statsFromMoments(momentsOf(windowFromRollups(rollups, RESOLUTION_MS[resolution], fromMs, asOfMs)));
    const newest = rollups.at(-1) ?? (await this.store.newestBefore(sensorId, resolution, asOfMs));
    const s = newest?.stats ?? null;
    return {
      stats,
      latest: s === null ? null : { timestampMs: s.last, value: s.lastValue },
      typicalIntervalMs: s !== null && s.count > 1 ? (s.last - s.first) / (s.count - 1) : null,
      firstMs: rollups[0]?.stats.first ?? null,
    };
  }

  /**
   * Ranking's inputs from the rollups: the window's stats, the typical interval, and the first
   * reading when the sensor has none in an earlier bucket (it was first seen inside the window).
   */
  async rankingStats(sensorId: string, resolution: RollupResolution, fromMs: number, asOfMs: number): Promise<{ stats: WindowStats; typicalIntervalMs: number | null; firstSeenMs: number | null }> {
    const [window, before] = await Promise.all([this.windowStats(sensorId, resolution, fromMs, asOfMs), this.store.newestBefore(sensorId, resolution, fromMs)]);
    const first = window.firstMs;
    return { stats: window.stats, typicalIntervalMs: window.typicalIntervalMs, firstSeenMs: before === null && first !== null && first > fromMs ? first : null };
  }
}
