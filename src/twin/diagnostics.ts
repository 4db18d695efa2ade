import type { ActiveEpisode } from "../domain/anomalyTypes.js";
import { judgeDrift } from "../analytics/driftCause.js";
import { typicalIntervalOf } from "../analytics/freshness.js";
import { assessHealth, type Health } from "../analytics/health.js";
import type { Point } from "../analytics/point.js";
import { columnsFromPoints, type ReadingColumns } from "../analytics/readingColumns.js";
import { rankByReliability, type Reliability } from "../analytics/reliability.js";
import { ThresholdError, resolveThresholds, type HealthThresholds } from "../analytics/thresholds.js";
import { traitsFromStats, traitsFromWindow, withDriftVerdict, type Traits } from "../analytics/traits.js";
import { computeTrend, type Trend } from "../analytics/trend.js";
import { statsOf, type WindowStats } from "../analytics/windowStats.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { AlertRecord, AlertStore } from "../store/alertStore.js";
import type { ReadingStore } from "../store/readingStore.js";
import type { Resolution } from "../analytics/rollup/resolution.js";
import type { LiveAnalytics } from "../live/liveAnalytics.js";
import type { RollupHistory } from "../history/rollupHistory.js";
import type { CatalogEntry, SensorCatalog } from "./sensorCatalog.js";
import { kindFromId } from "../domain/sensorKind.js";

/** Which path answered: the in-memory rolling state, or a range scan of Neo4j. */
type AnalyticsSource = "LIVE" | "HISTORY";

export interface SensorTraits extends Traits {
  readonly sensorId: string;
  readonly windowMs: number;
  readonly asOfMs: number;
  readonly source: AnalyticsSource;
  /** The co-located sensors the drift was judged against (absent: none were). */
  readonly driftPeerIds?: readonly string[];
  /** What the window was read at: raw readings, or minute, hour or day rollups. */
  readonly resolution: Resolution;
}

export interface SensorHealthReport extends Health {
  readonly sensorId: string;
  readonly currentValue: number | null;
  readonly traits: SensorTraits;
  /** The anomaly episodes open at asOf that health counted (from the live detector, or the store for an earlier asOf). */
  readonly openEpisodes: readonly ActiveEpisode[];
}

export interface SensorTrend extends Trend {
  readonly sensorId: string;
  readonly windowMs: number;
  readonly asOfMs: number;
  readonly source: AnalyticsSource;
  readonly resolution: Resolution;
}

export interface SensorRanking extends Reliability {
  readonly readingCount: number;
  readonly mean: number | null;
  readonly stdDev: number | null;
  readonly resolution: Resolution;
}

/** Readings fetched to learn the reporting interval and the newest reading (history path). */
const RECENT_FOR_INTERVAL = 65;

const toEpisode = (a: AlertRecord): ActiveEpisode => ({
  episodeKey: a.alertId,
  type: a.type,
  severity: a.severity,
  message: a.message,
  raisedAtMs: a.raisedAtMs,
  lastSeenMs: a.raisedAtMs,
});

/**
 * Answers the diagnostic questions for any `asOf`: from the live rolling state when it holds
 * the whole window (O(log n)), else from an index range scan of Neo4j. Both paths end in the
 * same pure functions, so they agree.
 */
export class Diagnostics {
  constructor(
    private readonly live: LiveAnalytics,
    private readonly readings: ReadingStore,
    private readonly alerts: AlertStore,
    private readonly catalog: SensorCatalog,
    private readonly clock: () => number,
    /** Rollups for long windows; without, every window is read raw. */
    private readonly history: RollupHistory | null = null,
  ) {}

  /** Traits of one sensor over (asOf − window, asOf], at the resolution asked for or chosen. */
  async traits(sensorId: string, windowMs: number, asOfMs = this.clock(), resolution: Resolution | null = null): Promise<SensorTraits> {
    const entry = await this.entry(sensorId);
    const chosen = this.resolution(sensorId, resolution, asOfMs - windowMs, asOfMs, null);
    if (chosen === "RAW" || this.history === null) return (await this.traitsOf(entry, windowMs, asOfMs)).traits;
    const thresholds = this.thresholds(entry).thresholds;
    const [window, open] = await Promise.all([this.history.windowStats(sensorId, chosen, asOfMs - windowMs, asOfMs), this.alerts.openAt(sensorId, asOfMs)]);
    // The newest reading and the interval from raw readings while they are kept, else as the rollups know them.
    const recent = await this.readings.recentBefore(sensorId, asOfMs, RECENT_FOR_INTERVAL);
    const latest = recent.at(-1) ?? window.latest;
    const interval = recent.length > 1 ? typicalIntervalOf(recent) : window.typicalIntervalMs;
    const context = { kind: entry.kind, asOfMs, windowMs, staleAfterMs: thresholds.staleAfterMs, sigmaMax: thresholds.sigmaMax, activeEpisodes: open.map(toEpisode) };
    return { ...traitsFromStats(window.stats, latest, interval, context), sensorId, windowMs, asOfMs, source: "HISTORY", resolution: chosen };
  }

  /** The resolution a window is read at (RAW when the live window holds it and none is asked for). */
  private resolution(sensorId: string, requested: Resolution | null, fromMs: number, toMs: number, buckets: number | null): Resolution {
    const live = this.live.windowFor(sensorId, fromMs) !== null;
    if (this.history === null) {
      if (requested !== null && requested !== "RAW") throw new InvalidInputError("this twin keeps no rollups; ask for resolution RAW or leave it out");
      return "RAW";
    }
    return this.history.resolutionFor(sensorId, requested, fromMs, toMs, buckets, live);
  }

  /** Health of one sensor. */
  async sensorHealth(sensorId: string, windowMs: number, asOfMs = this.clock()): Promise<SensorHealthReport> {
    return this.healthOf(await this.entry(sensorId), windowMs, asOfMs);
  }

  /** Health of every sensor, worst first. */
  async health(windowMs: number, asOfMs = this.clock()): Promise<SensorHealthReport[]> {
    const entries = await this.entries();
    const reports = await Promise.all(entries.map((e) => this.healthOf(e, windowMs, asOfMs)));
    return reports.sort((a, b) => a.score - b.score || a.sensorId.localeCompare(b.sensorId));
  }

  /** Downsampled trend of one sensor with its target status, at the resolution asked for or chosen. */
  async trend(
    sensorId: string,
    windowMs: number,
    buckets: number,
    targetMin: number | null,
    targetMax: number | null,
    asOfMs = this.clock(),
    resolution: Resolution | null = null,
  ): Promise<SensorTrend> {
    const entry = await this.entry(sensorId);
    const from = asOfMs - windowMs;
    const request = { windowStartMs: from, windowEndMs: asOfMs, buckets, targetMin, targetMax, kind: entry.kind };
    const chosen = this.resolution(sensorId, resolution, from, asOfMs, buckets);
    if (chosen !== "RAW" && this.history !== null) {
      return { ...(await this.history.trend(sensorId, chosen, request)), sensorId, windowMs, asOfMs, source: "HISTORY", resolution: chosen };
    }
    const window = this.live.windowFor(sensorId, from);
    if (window !== null) return { ...computeTrend(window, request), sensorId, windowMs, asOfMs, source: "LIVE", resolution: "RAW" };
    const points = await this.readings.window(sensorId, from, asOfMs);
    return { ...computeTrend(points, request), sensorId, windowMs, asOfMs, source: "HISTORY", resolution: "RAW" };
  }

  /** Every sensor ranked by its unit-free reliability score, best first; each sensor's window at the resolution asked for or chosen. */
  async ranking(windowMs: number, asOfMs = this.clock(), resolution: Resolution | null = null): Promise<SensorRanking[]> {
    const from = asOfMs - windowMs;
    const [entries, counts] = await Promise.all([this.entries(), this.alerts.episodeCounts(from, asOfMs)]);
    const inputs = await Promise.all(
      entries.map(async (e) => {
        const chosen = this.resolution(e.sensorId, resolution, from, asOfMs, null);
        const { stats, typicalIntervalMs, firstSeenMs } =
          chosen === "RAW" || this.history === null ? await this.windowStats(e.sensorId, from, asOfMs) : await this.history.rankingStats(e.sensorId, chosen, from, asOfMs);
        const c = counts.get(e.sensorId);
        return {
          sensorId: e.sensorId,
          kind: e.kind,
          stats,
          windowStartMs: from,
          asOfMs,
          typicalIntervalMs,
          firstSeenMs,
          stuckEpisodes: c?.stuck ?? 0,
          alertEpisodes: c?.other ?? 0,
          resolution: chosen,
        };
      }),
    );
    const byId = new Map(inputs.map((i) => [i.sensorId, i]));
    return rankByReliability(inputs).map((r) => {
      const { stats, resolution: read } = byId.get(r.sensorId) as { stats: WindowStats; resolution: Resolution };
      return { ...r, readingCount: stats.count, mean: stats.mean, stdDev: stats.stdDev, resolution: read };
    });
  }

  /** Traits, and the anomaly episodes open at asOf that they (and health) account for. */
  private async traitsOf(entry: CatalogEntry, windowMs: number, asOfMs: number): Promise<{ traits: SensorTraits; episodes: ActiveEpisode[] }> {
    const { sensorId, kind } = entry;
    const thresholds = this.thresholds(entry).thresholds;
    const base = { kind, asOfMs, windowMs, staleAfterMs: thresholds.staleAfterMs, sigmaMax: thresholds.sigmaMax, maxDriftPerMinute: thresholds.maxDriftPerMinute };
    const window = this.live.windowFor(sensorId, asOfMs - windowMs);
    if (window !== null) {
      // The detector's state is the state at asOf unless readings after asOf have moved it on.
      const newest = window.newestTimestampMs;
      const episodes = newest === null || asOfMs >= newest ? (this.live.activeEpisodes(sensorId) ?? []) : (await this.alerts.openAt(sensorId, asOfMs)).map(toEpisode);
      const traits: SensorTraits = { ...traitsFromWindow(window, { ...base, activeEpisodes: episodes }), sensorId, windowMs, asOfMs, source: "LIVE", resolution: "RAW" };
      return { traits: await this.judgedByPeers(entry, traits, thresholds.maxDriftPerMinute), episodes };
    }
    const [points, recent, open] = await Promise.all([
      this.readings.window(sensorId, asOfMs - windowMs, asOfMs),
      this.readings.recentBefore(sensorId, asOfMs, RECENT_FOR_INTERVAL),
      this.alerts.openAt(sensorId, asOfMs),
    ]);
    const episodes = open.map(toEpisode);
    const traits = traitsFromStats(statsOf(points), recent.at(-1) ?? null, typicalIntervalOf(recent), { ...base, activeEpisodes: episodes });
    return { traits: await this.judgedByPeers(entry, { ...traits, sensorId, windowMs, asOfMs, source: "HISTORY", resolution: "RAW" }, thresholds.maxDriftPerMinute), episodes };
  }

  /**
   * A drifting sensor judged against the sensors of its Location (same or related kind) over
   * the same window: its traits as they are when it does not drift or is in no location.
   */
  private async judgedByPeers(entry: CatalogEntry, traits: SensorTraits, maxDriftPerMinute: number): Promise<SensorTraits> {
    const location = entry.locationId ?? null;
    if (traits.driftCause === null || traits.driftPerMinute === null || location === null) return traits;
    const fromMs = traits.asOfMs - traits.windowMs;
    const neighbours = (await this.entries()).filter((e) => e.sensorId !== entry.sensorId && e.locationId === location);
    const [readings, peers] = await Promise.all([
      this.seriesColumns(entry.sensorId, fromMs, traits.asOfMs),
      Promise.all(neighbours.map(async (e) => ({ sensorId: e.sensorId, kind: e.kind, readings: await this.seriesColumns(e.sensorId, fromMs, traits.asOfMs) }))),
    ]);
    const verdict = judgeDrift({
      sensorId: entry.sensorId,
      kind: entry.kind,
      driftPerMinute: traits.driftPerMinute,
      maxDriftPerMinute,
      readings,
      peers: peers.filter((p) => p.readings.values.length > 0),
      fromMs,
      asOfMs: traits.asOfMs,
    });
    return { ...withDriftVerdict(traits, verdict), driftPeerIds: verdict.peerIds };
  }

  private async healthOf(entry: CatalogEntry, windowMs: number, asOfMs: number): Promise<SensorHealthReport> {
    const { traits, episodes } = await this.traitsOf(entry, windowMs, asOfMs);
    const { thresholds, problem } = this.thresholds(entry);
    const health = assessHealth(traits, thresholds, episodes);
    const issues = problem === null ? health.issues : [...health.issues, `Invalid thresholds on the sensor or its kind (${problem}); defaults used`];
    return { ...health, issues, sensorId: entry.sensorId, currentValue: traits.current, traits, openEpisodes: episodes };
  }

  /** Stats, interval and first reading for ranking, from the live window when it covers. */
  private async windowStats(sensorId: string, from: number, asOfMs: number): Promise<{ stats: WindowStats; typicalIntervalMs: number | null; firstSeenMs: number | null }> {
    const window = this.live.windowFor(sensorId, from);
    if (window !== null) {
      const first = window.oldestTimestampMs;
      return { stats: window.stats(from, asOfMs), typicalIntervalMs: window.typicalIntervalMs(asOfMs), firstSeenMs: first !== null && first > from ? first : null };
    }
    const points: Point[] = await this.readings.window(sensorId, from, asOfMs);
    const first = points[0]?.timestampMs ?? null;
    const before = first === null ? [] : await this.readings.recentBefore(sensorId, first - 1, 1);
    return { stats: statsOf(points), typicalIntervalMs: typicalIntervalOf(points), firstSeenMs: before.length === 0 ? first : null };
  }

  /** A sensor's readings in (fromMs, toMs], from memory when it holds them, else from Neo4j. */
  async series(sensorId: string, fromMs: number, toMs: number): Promise<Point[]> {
    const window = this.live.windowFor(sensorId, fromMs);
    return window !== null ? window.points(fromMs, toMs) : this.readings.window(sensorId, fromMs, toMs);
  }

  /**
   * The same readings as `series`, as typed columns: from memory a block copy of the window
   * (no object per reading — what the predictive models read), else from Neo4j.
   */
  async seriesColumns(sensorId: string, fromMs: number, toMs: number): Promise<ReadingColumns> {
    const window = this.live.windowFor(sensorId, fromMs);
    return window !== null ? window.columns(fromMs, toMs) : columnsFromPoints(await this.readings.window(sensorId, fromMs, toMs));
  }

  /** The newest reading in (fromMs, toMs] — `series(…).at(-1)` without fetching the rest; null if none. */
  async latestReading(sensorId: string, fromMs: number, toMs: number): Promise<Point | null> {
    const window = this.live.windowFor(sensorId, fromMs);
    const latest = window !== null ? window.latestAtOrBefore(toMs) : ((await this.readings.recentBefore(sensorId, toMs, 1)).at(-1) ?? null);
    return latest !== null && latest.timestampMs > fromMs ? latest : null;
  }

  /** The sensor (kind, overrides) and its resolved thresholds; NOT_FOUND if unknown. */
  async sensor(sensorId: string): Promise<{ entry: CatalogEntry; thresholds: HealthThresholds }> {
    const entry = await this.entry(sensorId);
    return { entry, thresholds: this.thresholds(entry).thresholds };
  }

  /** Every sensor the twin knows (graph and live). */
  async sensors(): Promise<CatalogEntry[]> {
    return this.entries();
  }

  private thresholds(entry: CatalogEntry): { thresholds: HealthThresholds; problem: string | null } {
    try {
      return { thresholds: resolveThresholds(entry.kind, ...entry.overrides), problem: null };
    } catch (error) {
      if (error instanceof ThresholdError) return { thresholds: resolveThresholds(entry.kind), problem: error.message };
      throw error;
    }
  }

  private async entry(sensorId: string): Promise<CatalogEntry> {
    const entry = await this.catalog.get(sensorId);
    if (entry !== undefined) return entry;
    const kind = this.live.kindOf(sensorId);
    if (kind !== undefined) return { sensorId, kind, overrides: [] }; // accepted, not committed yet
    throw new NotFoundError(`no sensor with sensorId "${sensorId}"; sensorStates lists the known sensors`);
  }

  private async entries(): Promise<CatalogEntry[]> {
    const entries = new Map(await this.catalog.all());
    for (const id of this.live.sensorIds()) if (!entries.has(id)) entries.set(id, { sensorId: id, kind: this.live.kindOf(id) ?? kindFromId(id), overrides: [] });
    return [...entries.values()].sort((a, b) => a.sensorId.localeCompare(b.sensorId));
  }
}
