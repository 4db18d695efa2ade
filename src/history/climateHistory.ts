import type { Step } from "../analytics/climate/climateHours.js";
import type { Point } from "../analytics/point.js";
import type { Reading } from "../domain/reading.js";
import type { LiveAnalytics } from "../live/liveAnalytics.js";
import type { RollupHistory } from "./rollupHistory.js";

const HOUR_MS = 3_600_000;
/** Older hours are sampled four times each (the newest reading of each quarter), as the operating band samples them. */
const SAMPLE_MS = 15 * 60_000;
/** An hour is kept once it ended this long ago: a later reading in it is a back-fill. */
const SETTLE_MS = 5 * 60_000;
const MAX_KEPT_HOURS = 200_000;

export interface HourSource {
  newestPerBucket(sensorId: string, toInclusiveMs: number, bucketMs: number, count: number): Promise<Point[]>;
  window(sensorId: string, fromExclusiveMs: number, toInclusiveMs: number): Promise<Point[]>;
}

/**
 * Mean readings of a sensor per step (usually a clock hour), for the room physics that look a
 * month back. Steps the live window covers are exact means from it in O(log n); older whole
 * hours are the exact means of the hour rollups (one range scan per run of missing hours; they
 * outlive raw retention), or, for a sensor whose rollups are not complete yet, sampled from raw
 * readings (one index seek per quarter hour, all missing hours of a request in one query). Read
 * hours are kept, so a month is read once and each later question reads only what is new. A committed reading drops the kept hour it falls in (`written`), so a back-fill is seen.
 * Anything else (a partial hour in the past) is a range scan of that stretch.
 */
export class ClimateHistory {
  /** Per sensor, hour start → mean (null: no reading in that hour). */
  private readonly kept = new Map<string, Map<number, number | null>>();
  private size = 0;
  /** Per sensor, the fill in progress: a second request waits for it instead of reading the same hours. */
  private readonly filling = new Map<string, Promise<unknown>>();
  /** Per sensor with a fill in flight, how many commits touched it: a read that overlapped one may miss it, so it is used once and not kept. */
  private readonly commits = new Map<string, number>();

  constructor(
    private readonly live: Pick<LiveAnalytics, "windowFor">,
    private readonly source: HourSource,
    private readonly clock: () => number,
    /** Hour means from the rollups; without, older hours are always sampled. */
    private readonly hours: Pick<RollupHistory, "hourMeans"> | null = null,
  ) {}

  /** The mean of the sensor's readings in each step (startMs, endMs], null for none; steps in time order. */
  async means(sensorId: string, steps: readonly Step[]): Promise<Array<number | null>> {
    const out: Array<number | null> = new Array<number | null>(steps.length).fill(null);
    const sampled: number[] = [];
    const scanned: number[] = [];
    steps.forEach((s, i) => {
      const window = this.live.windowFor(sensorId, s.startMs);
      if (window !== null) {
        out[i] = window.stats(s.startMs, s.endMs).mean;
      } else if (this.keepable(s)) sampled.push(i);
      else scanned.push(i);
    });
    const filled = await this.fill(
      sensorId,
      sampled.map((i) => (steps[i] as Step).startMs),
    );
    for (const i of sampled) out[i] = filled.get((steps[i] as Step).startMs) ?? null;
    await Promise.all(
      scanned.map(async (i) => {
        const s = steps[i] as Step;
        const points = await this.source.window(sensorId, s.startMs, s.endMs);
        out[i] = points.length === 0 ? null : points.reduce((sum, p) => sum + p.value, 0) / points.length;
      }),
    );
    return out;
  }

  /** Readings were committed: the kept hours they fall in are read again next time (and a read in flight is not kept). */
  written(readings: readonly Reading[]): void {
    for (const r of readings) {
      if (this.filling.has(r.sensorId)) this.commits.set(r.sensorId, (this.commits.get(r.sensorId) ?? 0) + 1);
      const kept = this.kept.get(r.sensorId);
      if (kept?.delete(hourOf(r.timestampMs)) === true) this.size -= 1;
    }
  }

  /** A whole clock hour that has settled. */
  private keepable(s: Step): boolean {
    return s.startMs % HOUR_MS === 0 && s.endMs - s.startMs === HOUR_MS && s.endMs <= this.clock() - SETTLE_MS;
  }

  /**
   * The means of the given hours (starts, ascending): kept ones as kept, the others read. Fills
   * of one sensor run one after another, so no hour is read twice.
   */
  private fill(sensorId: string, hourStarts: readonly number[]): Promise<Map<number, number | null>> {
    const next = (this.filling.get(sensorId) ?? Promise.resolve()).then(() => this.fillNow(sensorId, hourStarts));
    const settled = next.catch(() => undefined);
    this.filling.set(sensorId, settled);
    void settled.then(() => {
      if (this.filling.get(sensorId) === settled) {
        this.filling.delete(sensorId);
        this.commits.delete(sensorId);
      }
    });
    return next;
  }

  /** One query per run of consecutive missing hours. */
  private async fillNow(sensorId: string, hourStarts: readonly number[]): Promise<Map<number, number | null>> {
    const kept = this.kept.get(sensorId) ?? new Map<number, number | null>();
    const values = new Map<number, number | null>();
    const missing: number[] = [];
    for (const h of hourStarts) {
      const v = kept.get(h);
      if (v === undefined) missing.push(h);
      else values.set(h, v);
    }
    if (missing.length === 0) return values;
    const runs: Array<[number, number]> = [];
    for (const h of missing) {
      const last = runs.at(-1);
      if (last?.[1] === h) last[1] = h + HOUR_MS;
      else runs.push([h, h + HOUR_MS]);
    }
    const commitsBefore = this.commits.get(sensorId) ?? 0;
    const read = await Promise.all(runs.map(([from, to]) => this.readRun(sensorId, from, to)));
    for (const run of read) for (const [h, v] of run) values.set(h, v);
    // A commit for this sensor while the read ran may hold readings the read did not see.
    if ((this.commits.get(sensorId) ?? 0) !== commitsBefore) return values;
    if (this.size > MAX_KEPT_HOURS) {
      this.kept.clear();
      this.size = 0;
    }
    for (const [h, v] of values) {
      if (!kept.has(h)) this.size += 1;
      kept.set(h, v);
    }
    this.kept.set(sensorId, kept);
    return values;
  }

  /** The means of the hours starting in [from, to): from the rollups when they are complete, else sampled. */
  private async readRun(sensorId: string, from: number, to: number): Promise<Map<number, number | null>> {
    const exact = this.hours === null ? null : await this.hours.hourMeans(sensorId, from, to);
    if (exact !== null) return exact;
    const sums = new Map<number, { sum: number; n: number }>();
    for (const p of await this.source.newestPerBucket(sensorId, to, SAMPLE_MS, (to - from) / SAMPLE_MS)) {
      const hour = hourOf(p.timestampMs);
      const acc = sums.get(hour) ?? { sum: 0, n: 0 };
      acc.sum += p.value;
      acc.n += 1;
      sums.set(hour, acc);
    }
    const means = new Map<number, number | null>();
    for (let h = from; h < to; h += HOUR_MS) {
      const acc = sums.get(h);
      means.set(h, acc === undefined ? null : acc.sum / acc.n);
    }
    return means;
  }
}

/** The start of the clock hour (start, start + 1 h] a time falls in. */
function hourOf(timestampMs: number): number {
  return Math.ceil(timestampMs / HOUR_MS) * HOUR_MS - HOUR_MS;
}
