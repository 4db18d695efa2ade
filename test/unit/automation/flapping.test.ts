import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/analytics/random.js";
import type { EdgeDecision, RuleDecision } from "../../../src/domain/decisions.js";
import { feed, makeRule, obs, S } from "./support/ruleKit.js";

const CYCLE_MS = 20 * 60_000;
const CYCLES = 6;

/** 1 Hz readings of a 20-minute cycle between 50 and 80 with ±2 noise: it crosses 60 and 70 many times per edge. */
function noisyCycles(seed: number) {
  const random = new SeededRandom(seed);
  const out = [];
  for (let t = 0; t < CYCLES * CYCLE_MS; t += S) {
    const base = 65 - 15 * Math.cos((2 * Math.PI * t) / CYCLE_MS);
    out.push(obs(t, base + random.gaussian(0, 2)));
  }
  return out;
}

const edges = (decisions: readonly RuleDecision[]) => decisions.filter((d): d is EdgeDecision => d.event !== "SUPPRESSED");

describe("evaluateRule: no flapping", () => {
  for (const seed of [1, 2, 3]) {
    it(`switches at most once ON and once OFF per cycle on a noisy signal (seed ${seed})`, () => {
      const rule = makeRule({ forSeconds: 5, clearForSeconds: 5 });
      const observations = noisyCycles(seed);
      const noisyCrossings = observations.filter((o, i) => i > 0 && observations[i - 1]!.value! > 70 !== o.value! > 70).length;
      expect(noisyCrossings).toBeGreaterThan(4 * CYCLES); // the signal really does wobble around the threshold

      const { decisions } = feed(rule, observations);
      const perCycle = Array.from({ length: CYCLES }, () => ({ ON: 0, OFF: 0 }));
      for (const d of edges(decisions)) {
        const cycle = perCycle[Math.floor(d.atMs / CYCLE_MS)]!;
        for (const a of d.actions) if (a.type === "ACTUATE") cycle[a.state]++;
      }
      // The first cycle starts cold: one ON and one OFF in each.
      expect(perCycle).toEqual(Array.from({ length: CYCLES }, () => ({ ON: 1, OFF: 1 })));
      const events = edges(decisions).map((d) => d.event);
      expect(events).toEqual(Array.from({ length: CYCLES }, () => ["FIRED", "CLEARED"]).flat());
    });
  }

  it("would flap without hysteresis and hold times (why the band matters)", () => {
    const { decisions } = feed(makeRule({ clear: null }), noisyCycles(1));
    expect(edges(decisions).length).toBeGreaterThan(4 * CYCLES);
  });
});
