import type { Point } from "../analytics/point.js";
import type { Reading } from "../domain/reading.js";

export interface BucketSource {
  newestPerBucket(sensorId: string, toInclusiveMs: number, bucketMs: number, count: number): Promise<Point[]>;
}

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 2_000;

/**
 * A sensor's older history sampled one reading per bucket (the newest in it), for models that
 * look days back on a coarse grid (a 24 h forecast steps 48 min at a time). Buckets end at
 * whole multiples of their width, so the same span asked again a little later is the same set
 * of buckets: answers are kept for 10 minutes and asked once when several requests want them at
 * the same time. Readings older than the twin's live day change only by a back-fill (an import,
 * a device's replayed buffer): when the writer commits one, the answers it touches are dropped
 * (`written`), so a question asked after the commit sees it. A read is one index seek per
 * bucket: about 40 ms for the 180 buckets of a 24 h horizon on this machine, paid at most once
 * per sensor and bucket span.
 */
export class SampledHistory {
  private readonly cache = new Map<string, { atMs: number; sensorId: string; toMs: number; points: Promise<Point[]> }>();
  /** Per sensor, the newest time any answer read so far covers: newer readings (the live ones) touch none kept. */
  private readonly coveredTo = new Map<string, number>();

  constructor(
    private readonly source: BucketSource,
    private readonly clock: () => number,
  ) {}

  /** The newest reading of each bucket ending in (fromMs, toMs], oldest first, none before fromMs. */
  async sampled(sensorId: string, fromMs: number, toMs: number, bucketMs: number): Promise<Point[]> {
    if (!(bucketMs > 0) || toMs <= fromMs) return [];
    const last = Math.floor(toMs / bucketMs);
    const first = Math.floor(fromMs / bucketMs) + 1;
    if (last < first) return [];
    const key = `${sensorId}|${bucketMs}|${first}|${last}`;
    const now = this.clock();
    let entry = this.cache.get(key);
    if (entry === undefined || now - entry.atMs > TTL_MS) {
      const toMs = last * bucketMs;
      const points = this.source.newestPerBucket(sensorId, toMs, bucketMs, last - first + 1);
      entry = { atMs: now, sensorId, toMs, points };
      this.cache.delete(key);
      this.cache.set(key, entry);
      this.coveredTo.set(sensorId, Math.max(this.coveredTo.get(sensorId) ?? Number.NEGATIVE_INFINITY, toMs));
      if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      // A failed read is not kept: the next request asks again.
      points.catch(() => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      });
    }
    return (await entry.points).filter((p) => p.timestampMs > fromMs);
  }

  /**
   * Readings were committed: drops every kept answer whose buckets reach the oldest of them for
   * its sensor (answers being read at this moment included: they may predate the commit). Live
   * readings are newer than anything kept and cost a lookup per sensor.
   */
  written(readings: readonly Reading[]): void {
    const oldest = new Map<string, number>();
    for (const r of readings) {
      const covered = this.coveredTo.get(r.sensorId);
      if (covered === undefined || r.timestampMs > covered) continue;
      oldest.set(r.sensorId, Math.min(oldest.get(r.sensorId) ?? Number.POSITIVE_INFINITY, r.timestampMs));
    }
    if (oldest.size === 0) return;
    for (const [key, entry] of this.cache) {
      const from = oldest.get(entry.sensorId);
      if (from !== undefined && entry.toMs >= from) this.cache.delete(key);
    }
  }
}
