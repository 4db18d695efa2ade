import type { Point } from "../analytics/point.js";

export interface BucketSource {
  newestPerBucket(sensorId: string, toInclusiveMs: number, bucketMs: number, count: number): Promise<Point[]>;
}

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 2_000;

/**
 * A sensor's older history sampled one reading per bucket (the newest in it), for models that
 * look days back on a coarse grid (a 24 h forecast steps 48 min at a time). Buckets end at
 * whole multiples of their width, so the same span asked again a little later is the same set
 * of buckets: answers are kept for 10 minutes (readings older than the twin's live day change
 * only by a back-fill, which shows up at the latest then) and asked once when several requests
 * want them at the same time. A read is one index seek per bucket: about 40 ms for the 180
 * buckets of a 24 h horizon on this machine, paid at most once per sensor and bucket span.
 */
export class SampledHistory {
  private readonly cache = new Map<string, { atMs: number; points: Promise<Point[]> }>();

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
      const points = this.source.newestPerBucket(sensorId, last * bucketMs, bucketMs, last - first + 1);
      entry = { atMs: now, points };
      this.cache.delete(key);
      this.cache.set(key, entry);
      if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      // A failed read is not kept: the next request asks again.
      points.catch(() => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      });
    }
    return (await entry.points).filter((p) => p.timestampMs > fromMs);
  }
}
