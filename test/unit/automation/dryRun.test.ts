import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/analytics/random.js";
import { dryRun, ownCommandsOnly, type DryRunContextFactory } from "../../../src/automation/dryRun.js";
import type { Observation } from "../../../src/automation/observation.js";
import { makeRule, MIN, obs } from "./support/ruleKit.js";

const DAY = 86_400_000;
const H = 3_600_000;

/** A week of 1/min readings: 20 ± 8 °C, warmest at midnight, coldest at noon, a little noise; stale 2 h on day 3. */
function week(): Observation[] {
  const random = new SeededRandom(7);
  const out: Observation[] = [];
  for (let t = 0; t < 7 * DAY; t += MIN) {
    const stale = t >= 2 * DAY + 20 * H && t < 2 * DAY + 22 * H;
    out.push(obs(t, 20 + 8 * Math.cos((2 * Math.PI * t) / DAY) + random.gaussian(0, 0.3), { stale }));
  }
  return out;
}

const heating = (overrides: Record<string, unknown> = {}) =>
  makeRule({
    name: "heat when cold",
    condition: { type: "VALUE", comparison: "LT", threshold: 15 },
    forSeconds: 300,
    clear: { comparison: "GT", threshold: 18 },
    clearForSeconds: 300,
    actions: [
      { type: "ACTUATE", actuatorId: "heater_1", state: "ON", clearState: "OFF" },
      { type: "WEBHOOK", url: "https://hooks.example/heat", body: { text: "{{event}} at {{value}}" } },
    ],
    ...overrides,
  });

describe("dryRun", () => {
  const data = week();

  it("counts one firing and one clearing per cold spell over a week", () => {
    const result = dryRun(heating(), data);
    expect(result).toMatchObject({ firings: 7, clearings: 7, suppressions: 0, truncated: false });
    expect(result.timeline.map((e) => e.event)).toEqual(Array.from({ length: 7 }, () => ["FIRED", "CLEARED"]).flat());
    // Below 15 from about 8:35 to 15:25 (5 min to fire, longer when noise breaks the hold); above 18 from about 17:00.
    result.timeline.forEach((e, i) => {
      expect(Math.floor(e.atMs / DAY)).toBe(Math.floor(i / 2));
      const hour = (e.atMs % DAY) / H;
      expect(e.event === "FIRED" ? hour > 8.5 && hour < 9.5 : hour > 17 && hour < 17.5).toBe(true);
    });
    const first = result.timeline[0]!;
    expect(first.message).toMatch(/^rule "heat when cold" fired: temp_1 value 1[0-5](\.\d+)? LT 15 for 5 min$/);
    expect(first.actions?.[0]).toEqual({ type: "ACTUATE", actuatorId: "heater_1", state: "ON" });
    expect(first.actions?.[1]).toMatchObject({ type: "WEBHOOK", body: { text: expect.stringMatching(/^FIRED at 1[0-5]/) } });
    expect(result.finalState.phase).toBe("IDLE");
  });

  it("shows min on-time delaying every clearing", () => {
    const result = dryRun(heating({ minOnSeconds: 10 * 3600 }), data);
    expect(result).toMatchObject({ firings: 7, clearings: 7, suppressions: 7 });
    const reasons = result.timeline.filter((e) => e.event === "SUPPRESSED").map((e) => e.reason);
    expect(reasons).toEqual(Array(7).fill("MIN_ON"));
    for (let i = 0; i < result.timeline.length; i += 3) {
      const [fired, delayed, cleared] = result.timeline.slice(i, i + 3);
      expect([fired!.event, delayed!.event, cleared!.event]).toEqual(["FIRED", "SUPPRESSED", "CLEARED"]);
      expect(cleared!.atMs - fired!.atMs).toBe(10 * H); // instead of the ~8.5 h the cold spell lasts
    }
  });

  it("layers recorded overrides on the simulated actuators", () => {
    const day2: DryRunContextFactory = (atMs, simulated) => ({
      ...ownCommandsOnly(atMs, simulated),
      overridden: (id) => id === "heater_1" && atMs >= DAY && atMs < 2 * DAY,
    });
    const result = dryRun(heating(), data, day2);
    expect(result).toMatchObject({ firings: 7, clearings: 7, suppressions: 2 });
    const suppressed = result.timeline.filter((e) => e.event === "SUPPRESSED");
    // Day 2: the heater is left alone when firing; at clearing it is still OFF (the rule never switched it).
    expect(suppressed.map((e) => [Math.floor(e.atMs / DAY), e.reason])).toEqual([
      [1, "OVERRIDE"],
      [1, "ALREADY_IN_STATE"],
    ]);
  });

  it("tries a disabled rule and assumes its own commands succeeded", () => {
    const result = dryRun(heating({ enabled: false, cooldownSeconds: 2 * 86_400 }), data);
    // A two-day cooldown lets it fire on days 1, 3, 5 and 7; the cold spells between are reported once each.
    expect(result.firings).toBe(4);
    expect(result.timeline.filter((e) => e.reason === "COOLDOWN").length).toBe(3);
  });
});
