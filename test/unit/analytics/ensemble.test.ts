import { describe, expect, it } from "vitest";
import { AnomalyDetector } from "../../../src/analytics/anomalyDetector.js";
import type { AnomalyEvent } from "../../../src/domain/anomalyTypes.js";
import { evidenceThresholdFor } from "../../../src/analytics/evidenceRule.js";
import { detectorDefaults } from "../../../src/analytics/detectorOptions.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { DEFAULT_ROOM, stepRoom } from "../../../src/bridge/virtual/roomPlant.js";
import { MINUTE, T0 } from "./support/series.js";

// One reading a minute for 9 days: 8 days of history, then the day under test.
const PER_DAY = 1440;
const DAYS = 9;
const AT = 8 * PER_DAY + 100;
const daily = (i: number): number => 10 + 3 * Math.sin((2 * Math.PI * i) / PER_DAY);

function raised(value: (i: number, random: SeededRandom) => number, seed = 1): AnomalyEvent[] {
  const random = new SeededRandom(seed);
  const detector = new AnomalyDetector("s", "OTHER");
  const events: AnomalyEvent[] = [];
  for (let i = 0; i < DAYS * PER_DAY; i++) events.push(...detector.push(T0 + i * MINUTE, value(i, random)));
  return events.filter((e) => e.phase === "raised");
}
const index = (e: AnomalyEvent): number => (e.timestampMs - T0) / MINUTE;

describe("the ensemble on constructed series: one alert per change, typed by the scorer that saw it", () => {
  it.each([1, 2, 3, 4])("pure noise on a daily cycle (seed %i): no alert in 9 days", (seed) => {
    expect(raised((i, r) => daily(i) + r.gaussian(0, 0.3), seed)).toEqual([]);
  });

  it.each([1, 2])("pure noise on a flat level (seed %i): no alert in 9 days", (seed) => {
    expect(raised((_i, r) => 5 + r.gaussian(0, 0.3), seed)).toEqual([]);
  });

  it("a spike of 10σ: one SPIKE at its reading, strong enough for MEDIUM or HIGH", () => {
    const events = raised((i, r) => daily(i) + r.gaussian(0, 0.3) + (i === AT ? 3 : 0));
    expect(events.map((e) => [index(e), e.type])).toEqual([[AT, "SPIKE"]]);
    expect(["MEDIUM", "HIGH"]).toContain(events[0]!.severity);
    expect(events[0]!.message).toMatch(/combined evidence [\d.e-]+ below the threshold/);
  });

  it("a level shift of 2σ, too small for any single reading: one LEVEL_SHIFT within 40 readings, naming the level scorers", () => {
    const events = raised((i, r) => 5 + r.gaussian(0, 0.3) + (i >= AT ? 0.6 : 0));
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe("LEVEL_SHIFT");
    expect(index(events[0]!) - AT).toBeLessThan(40);
    expect(events[0]!.message).toMatch(/^(level|level shift|range): /);
  });

  it("a jump of 5σ that stays: raised at the jump itself (a jump is a spike at its first reading)", () => {
    const events = raised((i, r) => 5 + r.gaussian(0, 0.3) + (i >= AT ? 1.5 : 0));
    expect(events.map((e) => [index(e), e.type])).toEqual([[AT, "SPIKE"]]);
  });

  it("a stuck run: STUCK after 10 equal readings (the ensemble may see the noise vanish first), and no spike for the frozen value", () => {
    const events = raised((i, r) => (i >= AT && i < AT + 60 ? 11.11 : daily(i) + r.gaussian(0, 0.3)));
    expect(events.find((e) => e.type === "STUCK")).toMatchObject({ timestampMs: T0 + (AT + 9) * MINUTE });
    expect(events.map((e) => e.type).filter((t) => t !== "STUCK")).toEqual(events.length === 2 ? ["DISTRIBUTION_CHANGE"] : []);
    for (const e of events) expect(index(e)).toBeGreaterThanOrEqual(AT);
  });

  it("noise that vanishes (σ 0.3 → 0.02): a DISTRIBUTION_CHANGE as soon as the latest 16 steps say so", () => {
    const events = raised((i, r) => daily(i) + r.gaussian(0, i >= AT ? 0.02 : 0.3));
    expect(events.map((e) => e.type)).toEqual(["DISTRIBUTION_CHANGE"]);
    expect(index(events[0]!) - AT).toBeLessThan(16);
    expect(events[0]!.message).toMatch(/^noise: the median change between readings is .* times smaller/);
  });

  it("noise that grows 4-fold: an alert within a few readings (its first large readings are spikes too)", () => {
    const events = raised((_i, r) => 5 + r.gaussian(0, _i >= AT ? 1.2 : 0.3));
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(index(events[0]!) - AT).toBeLessThan(10);
    expect(index(events[0]!)).toBeGreaterThanOrEqual(AT);
  });

  it("a seasonal break: a day whose cycle stops, or runs backwards, is a SEASONAL_BREAK against the same time on the last 7 days", () => {
    const start = 8 * PER_DAY; // a zero crossing of the cycle: no jump
    for (const broken of [(): number => 10, (i: number): number => 10 - 3 * Math.sin((2 * Math.PI * i) / PER_DAY)]) {
      const events = raised((i, r) => (i >= start && i < start + PER_DAY / 2 ? broken(i) : daily(i)) + r.gaussian(0, 0.3));
      expect(events.map((e) => e.type)).toEqual(["SEASONAL_BREAK"]);
      expect(index(events[0]!) - start).toBeLessThan(60);
      expect(events[0]!.message).toMatch(/^time of day: value .* the median at this time on 7 of the last 7 days/);
    }
  });

  it("scales its threshold with the reporting interval: per unit of time (and some) for fast sensors, less for slow ones", () => {
    const o = detectorDefaults("OTHER");
    expect(evidenceThresholdFor(o, 300_000)).toBe(0.002);
    expect(evidenceThresholdFor(o, 1000)).toBeCloseTo(0.002 / 300 ** 1.25, 12);
    expect(evidenceThresholdFor(o, 3_600_000)).toBeCloseTo(0.002 * Math.sqrt(12), 12);
    expect(evidenceThresholdFor(o, null)).toBe(0.002);
  });

  it("the virtual node's normal stream (its room, noise, 2-decimal readings and wandering barometer, 1 Hz): no alert in 24 h on any sensor", () => {
    // The same model as `VirtualDevice.sample`, without its timers.
    const random = new SeededRandom(1);
    const state = { temperature: 21, humidity: 50, pressure: 1013.25, distance: 120 };
    const actuators = { fan: false, heater: false, dehumidifier: false, cooler: false };
    const sensors = [
      { kind: "TEMPERATURE", read: () => state.temperature, noise: 0.05, decimals: 2 },
      { kind: "HUMIDITY", read: () => state.humidity, noise: 0.2, decimals: 2 },
      { kind: "PRESSURE", read: () => state.pressure, noise: 0.1, decimals: 2 },
      { kind: "DISTANCE", read: () => state.distance, noise: 0.3, decimals: 1 },
    ] as const;
    const detectors = sensors.map((s, k) => new AnomalyDetector(`virtual_${k}`, s.kind));
    const events: AnomalyEvent[] = [];
    for (let i = 0; i < 86_400; i++) {
      stepRoom(state, actuators, DEFAULT_ROOM, 1 / 60);
      state.pressure += (1013.25 - state.pressure) / 30 / 60 + random.gaussian(0, 0.05);
      sensors.forEach((s, k) => events.push(...detectors[k]!.push(T0 + i * 1000, Number((s.read() + random.gaussian(0, s.noise)).toFixed(s.decimals)))));
    }
    expect(events).toEqual([]);
  }, 60_000);
});
