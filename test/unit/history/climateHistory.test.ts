import { describe, expect, it } from "vitest";
import { hourSteps } from "../../../src/analytics/climate/climateHours.js";
import type { Point } from "../../../src/analytics/point.js";
import { SeriesWindow } from "../../../src/analytics/seriesWindow.js";
import { ClimateHistory } from "../../../src/history/climateHistory.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = 100 * HOUR;

/** A store of readings every 5 min over 100 h (value = the hour it falls in), recording what it is asked. */
function store() {
  const points: Point[] = Array.from({ length: 1200 }, (_, i) => ({ timestampMs: (i + 1) * 5 * MIN, value: Math.ceil(((i + 1) * 5) / 60) - 1 }));
  const calls: number[] = [];
  let pause: Promise<void> | null = null;
  return {
    points,
    calls,
    pauseNext: () => {
      let release = (): void => undefined;
      pause = new Promise<void>((r) => (release = r));
      return release;
    },
    newestPerBucket: async (_id: string, to: number, bucketMs: number, count: number): Promise<Point[]> => {
      calls.push(count);
      const snapshot = [...points];
      if (pause !== null) {
        const p = pause;
        pause = null;
        await p;
      }
      const out: Point[] = [];
      for (let k = count - 1; k >= 0; k--) {
        const newest = snapshot.filter((p) => p.timestampMs > to - (k + 1) * bucketMs && p.timestampMs <= to - k * bucketMs).at(-1);
        if (newest !== undefined) out.push(newest);
      }
      return out;
    },
    window: async (_id: string, from: number, to: number): Promise<Point[]> => points.filter((p) => p.timestampMs > from && p.timestampMs <= to),
  };
}

/** A live window holding the last 24 h of the same readings. */
function live(points: readonly Point[]) {
  const window = new SeriesWindow({ retentionMs: 24 * HOUR });
  for (const p of points) window.append(p.timestampMs, p.value);
  return { windowFor: (_id: string, from: number) => (from >= NOW - 24 * HOUR ? window : null) };
}

describe("ClimateHistory", () => {
  it("takes recent hours from the live window and older ones from the store once, then from memory", async () => {
    const s = store();
    const history = new ClimateHistory(live(s.points), s, () => NOW);
    const steps = hourSteps(NOW - 72 * HOUR, NOW);
    const first = await history.means("humidity_1", steps);
    // Hour k (k h after 0) holds readings valued k; the sampled ones average the 4 quarter-hour samples.
    expect(first).toEqual(steps.map((st) => st.startMs / HOUR));
    expect(s.calls).toEqual([48 * 4]);
    expect(await history.means("humidity_1", steps)).toEqual(first);
    expect(s.calls).toHaveLength(1);
    // One more hour back reads just that hour.
    await history.means("humidity_1", hourSteps(NOW - 73 * HOUR, NOW));
    expect(s.calls).toEqual([48 * 4, 4]);
  });

  it("reads an hour again after a back-fill is committed into it, and keeps nothing a commit overlapped", async () => {
    const s = store();
    const history = new ClimateHistory(live(s.points), s, () => NOW);
    const steps = hourSteps(NOW - 30 * HOUR, NOW - 29 * HOUR);
    expect(await history.means("humidity_1", steps)).toEqual([70]);
    s.points.splice(
      s.points.findIndex((p) => p.timestampMs === 70 * HOUR + 60 * MIN),
      1,
      { timestampMs: 71 * HOUR, value: 90 },
    );
    history.written([{ sensorId: "humidity_1", value: 90, timestampMs: 71 * HOUR, seq: null }]);
    expect(await history.means("humidity_1", steps)).toEqual([75]);
    // A commit lands while the store is being read: this answer stands, but the hour is read again.
    const release = s.pauseNext();
    const other = hourSteps(NOW - 40 * HOUR, NOW - 39 * HOUR);
    const asked = s.calls.length;
    const reading = history.means("humidity_1", other);
    while (s.calls.length === asked) await new Promise((r) => setImmediate(r)); // the read has begun
    history.written([{ sensorId: "humidity_1", value: 1, timestampMs: 60 * HOUR + 30 * MIN, seq: null }]);
    release();
    expect(await reading).toEqual([60]);
    const calls = s.calls.length;
    await history.means("humidity_1", other);
    expect(s.calls.length).toBe(calls + 1);
  });

  it("takes older hours from the hour rollups when they are complete: exact means, and hours raw retention has deleted", async () => {
    const s = store();
    // The rollups know every reading's hour; raw readings before hour 50 are gone (retention).
    const asked: Array<[number, number]> = [];
    let complete = true;
    const hours = {
      hourMeans: async (_id: string, from: number, to: number): Promise<Map<number, number | null> | null> => {
        asked.push([from, to]);
        if (!complete) return null;
        const means = new Map<number, number | null>();
        // Hour 20 had no readings at all.
        for (let h = from; h < to; h += HOUR) means.set(h, h === 20 * HOUR ? null : h / HOUR + 0.25);
        return means;
      },
    };
    s.points.splice(
      0,
      s.points.findIndex((p) => p.timestampMs > 50 * HOUR),
    );
    const history = new ClimateHistory(live(s.points), s, () => NOW, hours);
    const steps = hourSteps(NOW - 90 * HOUR, NOW - 60 * HOUR);
    const means = await history.means("humidity_1", steps);
    expect(means).toEqual(steps.map((st) => (st.startMs === 20 * HOUR ? null : st.startMs / HOUR + 0.25)));
    expect(asked).toEqual([[10 * HOUR, 40 * HOUR]]);
    expect(s.calls).toEqual([]);
    // A sensor whose rollups are not complete yet is sampled from what raw readings are left.
    complete = false;
    const sampled = await history.means("humidity_2", hourSteps(NOW - 55 * HOUR, NOW - 45 * HOUR));
    expect(sampled.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(sampled.slice(5)).toEqual([50, 51, 52, 53, 54]);
    expect(s.calls).toEqual([40]);
  });
});
