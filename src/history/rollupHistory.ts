import type { Point } from "../analytics/point.js";
import type { HourlyLevel } from "../analytics/predict/operatingBand.js";
import { momentsOf } from "../analytics/rollup/bucketMath.js";
import { chooseResolution, checkWindow, RESOLUTION_MS, type Resolution, type RollupResolution } from "../analytics/rollup/resolution.js";
import { trendFromRollups, windowFromRollups } from "../analytics/rollup/rollupTrend.js";
import type { Trend, TrendRequest } from "../analytics/trend.js";
import { statsFromMoments, type WindowStats } from "../analytics/windowStats.js";
import type { RollupStore } from "../store/rollupStore.js";
import type { RetentionPolicy } from "./retentionPolicy.js";

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
    if (!this.complete.has(sensorId)) {
      if (!(await this.store.isComplete(sensorId))) return null;
      this.complete.add(sensorId);
    }
    const hours = await this.store.range(sensorId, "HOUR", fromMs, toMs);
    return hours.filter((h) => h.stats.count > 0).map((h) => ({ hourStartMs: h.startMs, level: h.stats.mean }));
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
