import { describe, expect, it } from "vitest";
import type { AnomalyEvent } from "../../../src/domain/anomalyTypes.js";
import { EpisodeBook } from "../../../src/analytics/episodes.js";

const trigger = (t: number) => ({ severity: "MEDIUM" as const, message: "m", timestampMs: t, value: 1 });

describe("EpisodeBook", () => {
  it("turns a flickering condition into one raised and one cleared event", () => {
    const book = new EpisodeBook("s", 3, 10_000);
    const events: AnomalyEvent[] = [];
    // present, absent, present, absent ×2, present … then absent for good.
    const pattern = [1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    pattern.forEach((present, i) => {
      const t = i * 1000;
      const e = book.observe("SPIKE", present ? trigger(t) : null, present === 1, t, 0);
      if (e !== null) events.push(e);
    });
    expect(events.map((e) => [e.phase, e.timestampMs])).toEqual([
      ["raised", 0],
      ["cleared", 15_000], // 3 readings absent is not enough: 10 s since last seen (t = 5 s) is also needed
    ]);
    expect(events[1]!.episodeKey).toBe("s:SPIKE:0");
    expect(book.active()).toEqual([]);
  });

  it("keeps an episode open while the looser 'holds' condition is present", () => {
    const book = new EpisodeBook("s", 1, 0);
    expect(book.observe("STUCK", trigger(0), true, 0, 0)?.phase).toBe("raised");
    expect(book.observe("STUCK", null, true, 1000, 0)).toBeNull();
    expect(book.isOpen("STUCK")).toBe(true);
    expect(book.observe("STUCK", null, false, 2000, 0)?.phase).toBe("cleared");
    expect(book.raise("GAP", trigger(3000))?.phase).toBe("raised");
    expect(book.raise("GAP", trigger(4000))).toBeNull();
  });
});
