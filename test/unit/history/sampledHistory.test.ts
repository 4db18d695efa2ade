import { describe, expect, it } from "vitest";
import type { Point } from "../../../src/analytics/point.js";
import { SampledHistory } from "../../../src/history/sampledHistory.js";

const MIN = 60_000;

/** A source over readings every minute from 0 to 10 h, recording what it was asked. */
function source(fail = false) {
  const points: Point[] = Array.from({ length: 600 }, (_, i) => ({ timestampMs: (i + 1) * MIN, value: i }));
  const calls: Array<{ to: number; bucketMs: number; count: number }> = [];
  return {
    calls,
    newestPerBucket: async (_sensorId: string, to: number, bucketMs: number, count: number): Promise<Point[]> => {
      calls.push({ to, bucketMs, count });
      if (fail) throw new Error("database unavailable");
      const out: Point[] = [];
      for (let k = count - 1; k >= 0; k--) {
        const newest = points.filter((p) => p.timestampMs > to - (k + 1) * bucketMs && p.timestampMs <= to - k * bucketMs).at(-1);
        if (newest !== undefined) out.push(newest);
      }
      return out;
    },
  };
}

describe("SampledHistory", () => {
  it("samples the newest reading of buckets that end on whole multiples of their width, none before the span", async () => {
    const s = source();
    const history = new SampledHistory(s, () => 0);
    const points = await history.sampled("temp_1", 61 * MIN + 30_000, 180 * MIN + 5_000, 15 * MIN);
    // Buckets ending at 75, 90, …, 180 min: the readings at those minutes.
    expect(points.map((p) => p.timestampMs / MIN)).toEqual([75, 90, 105, 120, 135, 150, 165, 180]);
    expect(s.calls).toEqual([{ to: 180 * MIN, bucketMs: 15 * MIN, count: 8 }]);
    // The first bucket reaches back to 60 min; readings before the span's start are left out.
    const edge = await history.sampled("temp_1", 70 * MIN + 30_000, 80 * MIN, 10 * MIN);
    expect(edge.map((p) => p.timestampMs / MIN)).toEqual([80]);
  });

  it("answers the same buckets from memory for 10 minutes, then asks again; an empty span asks nothing", async () => {
    const s = source();
    let now = 0;
    const history = new SampledHistory(s, () => now);
    const first = await history.sampled("temp_1", 0, 120 * MIN, 30 * MIN);
    now = 599_000;
    // Shifted by less than a bucket: the same buckets.
    expect(await history.sampled("temp_1", 10 * MIN, 125 * MIN, 30 * MIN)).toEqual(first);
    expect(s.calls).toHaveLength(1);
    now = 601_000;
    await history.sampled("temp_1", 10 * MIN, 125 * MIN, 30 * MIN);
    expect(s.calls).toHaveLength(2);
    expect(await history.sampled("temp_1", 100 * MIN, 100 * MIN, 30 * MIN)).toEqual([]);
    expect(await history.sampled("temp_1", 100 * MIN + 1, 119 * MIN, 30 * MIN)).toEqual([]);
    expect(s.calls).toHaveLength(2);
  });

  it("does not keep a failed read: the next request asks again", async () => {
    const s = source(true);
    const history = new SampledHistory(s, () => 0);
    await expect(history.sampled("temp_1", 0, 120 * MIN, 30 * MIN)).rejects.toThrow("database unavailable");
    await expect(history.sampled("temp_1", 0, 120 * MIN, 30 * MIN)).rejects.toThrow("database unavailable");
    expect(s.calls).toHaveLength(2);
  });

  it("drops the answers a committed back-fill reaches, and keeps them through live readings and other sensors' writes", async () => {
    const s = source();
    const history = new SampledHistory(s, () => 0);
    const reading = (sensorId: string, minute: number) => ({ sensorId, value: 1, timestampMs: minute * MIN, seq: null });
    await history.sampled("temp_1", 0, 120 * MIN, 30 * MIN); // covers up to 120 min
    await history.sampled("temp_1", 0, 60 * MIN, 30 * MIN); // covers up to 60 min
    await history.sampled("temp_2", 0, 120 * MIN, 30 * MIN);
    expect(s.calls).toHaveLength(3);

    // Newer than anything kept (a live reading), or another sensor's: nothing to refresh.
    history.written([reading("temp_1", 121), reading("temp_3", 10)]);
    await history.sampled("temp_1", 0, 120 * MIN, 30 * MIN);
    await history.sampled("temp_1", 0, 60 * MIN, 30 * MIN);
    await history.sampled("temp_2", 0, 120 * MIN, 30 * MIN);
    expect(s.calls).toHaveLength(3);

    // A back-fill at 90 min reaches the answer up to 120 min only; temp_2's stays.
    history.written([reading("temp_1", 130), reading("temp_1", 90)]);
    await history.sampled("temp_1", 0, 120 * MIN, 30 * MIN);
    expect(s.calls).toHaveLength(4);
    await history.sampled("temp_1", 0, 60 * MIN, 30 * MIN);
    await history.sampled("temp_2", 0, 120 * MIN, 30 * MIN);
    expect(s.calls).toHaveLength(4);

    // One at 5 min reaches both of temp_1's.
    history.written([reading("temp_1", 5)]);
    await history.sampled("temp_1", 0, 120 * MIN, 30 * MIN);
    await history.sampled("temp_1", 0, 60 * MIN, 30 * MIN);
    expect(s.calls).toHaveLength(6);
  });
});
