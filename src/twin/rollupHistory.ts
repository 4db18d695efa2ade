import type { Point } from "../analytics/point.js";
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

  /** A trend from the rollups at a resolution. */
  async trend(sensorId: string, resolution: RollupResolution, request: TrendRequest): Promise<Trend> {
    const rollups = await this.store.range(sensorId, resolution, request.windowStartMs, request.windowEndMs);
    return trendFromRollups(rollups, RESOLUTION_MS[resolution], request);
  }

  /**
   * Window stats from the rollups, with the newest reading at or before `asOfMs` and the
   * typical interval as the finest rollup kept knows them (for when raw readings are gone).
   */
  async windowStats(sensorId: string, resolution: RollupResolution, fromMs: number, asOfMs: number): Promise<{ stats: WindowStats; latest: Point | null; typicalIntervalMs: number | null }> {
    const rollups = await this.store.range(sensorId, resolution, fromMs, asOfMs);
    const stats = statsFromMoments(momentsOf(windowFromRollups(rollups, RESOLUTION_MS[resolution], fromMs, asOfMs)));
    const newest = rollups.at(-1) ?? (await this.store.newestBefore(sensorId, resolution, asOfMs));
    const s = newest?.stats ?? null;
    return {
      stats,
      latest: s === null ? null : { timestampMs: s.last, value: s.lastValue },
      typicalIntervalMs: s !== null && s.count > 1 ? (s.last - s.first) / (s.count - 1) : null,
    };
  }
}
