import { describe, expect, it } from "vitest";
import { AnomalyDetector } from "../../../src/analytics/anomalyDetector.js";
import type { AnomalyEvent } from "../../../src/analytics/anomalyTypes.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import type { SensorKind } from "../../../src/twin/sensorKind.js";
import { DAY, HOUR, MINUTE, T0 } from "./support/series.js";

/** Pushes `count` readings every `intervalMs` from `startMs`; returns all events. */
function run(detector: AnomalyDetector, count: number, intervalMs: number, value: (i: number) => number, startMs = T0): AnomalyEvent[] {
  const events: AnomalyEvent[] = [];
  for (let i = 0; i < count; i++) events.push(...detector.push(startMs + i * intervalMs, value(i)));
  return events;
}

/** Every episode key maps to exactly one raised and at most one cleared event, raised first. */
function expectWellFormedEpisodes(events: readonly AnomalyEvent[]): void {
  const byKey = new Map<string, AnomalyEvent[]>();
  for (const e of events) byKey.set(e.episodeKey, [...(byKey.get(e.episodeKey) ?? []), e]);
  for (const [key, list] of byKey) {
    expect(list.map((e) => e.phase), key).toEqual(list.length === 1 ? ["raised"] : ["raised", "cleared"]);
  }
}

describe("AnomalyDetector on a healthy sensor", () => {
  const cases: Array<[string, SensorKind, number, number, number, number]> = [
    // name, kind, mean, σ, quantisation step (0 = none), seed
    ["N(0,1), seed 1", "OTHER", 0, 1, 0, 1],
    ["N(0,1), seed 2", "OTHER", 0, 1, 0, 2],
    ["N(0,1), seed 3", "OTHER", 0, 1, 0, 3],
    ["room temperature 21 ± 0.05 °C", "TEMPERATURE", 21, 0.05, 0, 4],
    ["temperature quantised to 0.1 °C (repeats half the time)", "TEMPERATURE", 21, 0.05, 0.1, 5],
    ["CO2 600 ± 10 ppm in 1 ppm steps", "CO2", 600, 10, 1, 6],
  ];

  it.each(cases)("raises nothing on 3 days of 1 Hz Gaussian noise (%s), then catches a 10σ spike at its own timestamp", (_name, kind, mean, sigma, step, seed) => {
    const random = new SeededRandom(seed);
    const detector = new AnomalyDetector("s", kind);
    const count = 3 * 86_400;
    const value = (): number => {
      const v = random.gaussian(mean, sigma);
      return step > 0 ? Math.round(v / step) * step : v;
    };
    // Arrival jitter of ±20 ms, as from a real serial line.
    const events: AnomalyEvent[] = [];
    for (let i = 0; i < count; i++) events.push(...detector.push(T0 + i * 1000 + Math.round(random.gaussian(0, 20)), value()));
    expect(events).toEqual([]);

    const spikeAt = T0 + count * 1000;
    const raised = detector.push(spikeAt, mean + 10 * sigma);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ phase: "raised", type: "SPIKE", timestampMs: spikeAt, value: mean + 10 * sigma });
    const after = run(detector, 600, 1000, value, spikeAt + 1000);
    expect(after.map((e) => `${e.phase} ${e.type}`)).toEqual(["cleared SPIKE"]);
    expect(after[0]!.episodeKey).toBe(raised[0]!.episodeKey);
    expect(after[0]!.timestampMs - spikeAt).toBeGreaterThanOrEqual(5 * MINUTE); // hysteresis: absent 10 readings and 5 min
  }, 60_000);
});

describe("AnomalyDetector rules", () => {
  const warmNoise = (detector: AnomalyDetector, seed: number, hours: number, mean = 21, sigma = 0.05): number => {
    const random = new SeededRandom(seed);
    const count = hours * 3600;
    for (let i = 0; i < count; i++) detector.warm(T0 + i * 1000, random.gaussian(mean, sigma));
    return T0 + count * 1000;
  };

  it("STUCK: a continuous sensor repeating one value 10 times, one raised and one cleared", () => {
    const detector = new AnomalyDetector("temp_1", "TEMPERATURE");
    const start = warmNoise(detector, 1, 2);
    const random = new SeededRandom(2);
    const events = [
      ...run(detector, 60, 1000, () => 21.03, start),
      ...run(detector, 600, 1000, () => random.gaussian(21, 0.05), start + 60_000),
    ];
    expect(events.map((e) => `${e.phase} ${e.type}`)).toEqual(["raised STUCK", "cleared STUCK"]);
    expect(events[0]).toMatchObject({ timestampMs: start + 9000, value: 21.03, severity: "MEDIUM" });
    expect(events[0]!.message).toMatch(/repeated 10 times/);
    expectWellFormedEpisodes(events);
  });

  it("STUCK: a 2-decimal office sensor that sits flat every night is not stuck", () => {
    const random = new SeededRandom(3);
    const detector = new AnomalyDetector("temp_office", "TEMPERATURE");
    const events: AnomalyEvent[] = [];
    for (let day = 0; day < 7; day++) {
      // Nights of 6–8 h at exactly one value; days a slow swell with sensor noise, 2 decimals, 1/min.
      const nightEnd = 6 * 60 + ((day * 37) % 120);
      const nightValue = Math.round((19.5 + 0.1 * (day % 3)) * 100) / 100;
      for (let minute = 0; minute < 1440; minute++) {
        const t = T0 + day * DAY + minute * MINUTE;
        const dayValue = 19.5 + 2 * Math.sin((Math.PI * (minute - nightEnd)) / (1440 - nightEnd)) + random.gaussian(0, 0.02);
        const value = minute < nightEnd ? nightValue : Math.round(dayValue * 100) / 100;
        if (day < 2) detector.warm(t, value);
        else events.push(...detector.push(t, value));
      }
    }
    expect(events.filter((e) => e.type === "STUCK")).toEqual([]);
    expect(detector.status().baseline.usualRun).toBeGreaterThanOrEqual(360);
  });

  it("RAPID_CHANGE: a level moving 10 °C/min, not a lone spike", () => {
    const detector = new AnomalyDetector("temp_1", "TEMPERATURE", { bandMargin: 10 }); // keep SPIKE out of the way
    const start = warmNoise(detector, 4, 3);
    const random = new SeededRandom(5);
    const spike = [...detector.push(start, 23), ...run(detector, 120, 1000, () => random.gaussian(21, 0.05), start + 1000)];
    expect(spike.filter((e) => e.type === "RAPID_CHANGE")).toEqual([]);
    const rampStart = start + 121_000;
    const ramp = run(detector, 120, 1000, (i) => 21 + Math.min(60, i) * (10 / 60) + random.gaussian(0, 0.05), rampStart);
    const rapid = ramp.filter((e) => e.type === "RAPID_CHANGE" && e.phase === "raised");
    expect(rapid).toHaveLength(1);
    expect(rapid[0]!.timestampMs).toBeLessThan(rampStart + 60_000);
    expect(rapid[0]!.message).toMatch(/rose at/);
    const slow = new AnomalyDetector("temp_2", "TEMPERATURE", { bandMargin: 10 });
    const slowStart = warmNoise(slow, 6, 3);
    const slowRamp = run(slow, 600, 1000, (i) => 21 + i * (1 / 60) + random.gaussian(0, 0.05), slowStart); // 1 °C/min < 3
    expect(slowRamp.filter((e) => e.type === "RAPID_CHANGE")).toEqual([]);
  });

  it("OUT_OF_RANGE: an impossible humidity, raised HIGH at once and never mistaken for a spike", () => {
    const detector = new AnomalyDetector("humidity_1", "HUMIDITY");
    const start = warmNoise(detector, 7, 2, 45, 0.3);
    const random = new SeededRandom(8);
    const events = [...detector.push(start, 104.2), ...run(detector, 600, 1000, () => random.gaussian(45, 0.3), start + 1000)];
    expect(events.map((e) => `${e.phase} ${e.type}`)).toEqual(["raised OUT_OF_RANGE", "cleared OUT_OF_RANGE"]);
    expect(events[0]).toMatchObject({ severity: "HIGH", timestampMs: start, value: 104.2 });
    expect(events[0]!.message).toMatch(/outside the physical range 0\.\.100/);
  });

  it("GAP: checkGap raises once while silent; the next reading does not raise it again", () => {
    const detector = new AnomalyDetector("co2_1", "CO2");
    run(detector, 200, MINUTE, (i) => 600 + (i % 7));
    const last = T0 + 199 * MINUTE;
    expect(detector.status().gapLimitMs).toBe(3 * MINUTE);
    expect(detector.checkGap(last + 3 * MINUTE)).toEqual([]);
    const raised = detector.checkGap(last + 4 * MINUTE);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ phase: "raised", type: "GAP", timestampMs: last + 3 * MINUTE, value: null });
    expect(detector.checkGap(last + 9 * MINUTE)).toEqual([]);
    const resumed = run(detector, 30, MINUTE, (i) => 600 + (i % 5), last + 10 * MINUTE);
    expect(resumed.map((e) => `${e.phase} ${e.type}`)).toEqual(["cleared GAP"]);
    expect(resumed[0]!.episodeKey).toBe(raised[0]!.episodeKey);
  });

  it("GAP: found on the next reading alone, it is the same event checkGap would have raised", () => {
    const detector = new AnomalyDetector("co2_1", "CO2");
    run(detector, 200, MINUTE, (i) => 600 + (i % 7));
    const last = T0 + 199 * MINUTE;
    const events = run(detector, 30, MINUTE, (i) => 600 + (i % 5), last + 10 * MINUTE);
    expect(events.map((e) => `${e.phase} ${e.type}`)).toEqual(["raised GAP", "cleared GAP"]);
    expect(events[0]).toMatchObject({ timestampMs: last + 3 * MINUTE, episodeKey: `co2_1:GAP:${last + 3 * MINUTE}` });
  });

  it("warm-up learns from history without emitting, and leaves open episodes reconcilable by key", () => {
    const live = new AnomalyDetector("temp_1", "TEMPERATURE");
    const warmed = new AnomalyDetector("temp_1", "TEMPERATURE");
    const random = new SeededRandom(9);
    const history = Array.from({ length: 3 * 3600 }, (_, i) => ({ t: T0 + i * 1000, v: i >= 3 * 3600 - 30 ? 21.37 : random.gaussian(21, 0.05) }));
    const liveEvents = history.flatMap((r) => live.push(r.t, r.v));
    for (const r of history) warmed.warm(r.t, r.v);
    expect(liveEvents.map((e) => e.type)).toEqual(["STUCK"]);
    expect(warmed.activeEpisodes().map((e) => e.episodeKey)).toEqual([liveEvents[0]!.episodeKey]);
    const next = T0 + 3 * 3600 * 1000;
    const cleared = run(warmed, 400, 1000, () => random.gaussian(21, 0.05), next);
    expect(cleared.map((e) => `${e.phase} ${e.episodeKey}`)).toEqual([`cleared ${liveEvents[0]!.episodeKey}`]);
  });

  it("counts and skips a reading older than the newest one", () => {
    const detector = new AnomalyDetector("temp_1", "TEMPERATURE");
    run(detector, 10, 1000, () => 21);
    expect(detector.push(T0 + 3500, 500)).toEqual([]);
    expect(detector.status()).toMatchObject({ readings: 10, lateReadings: 1 });
  });

  it("stays small: a detector's state does not grow with history", () => {
    const detector = new AnomalyDetector("temp_1", "TEMPERATURE");
    const random = new SeededRandom(10);
    run(detector, 43_200, 1000, () => random.gaussian(21, 0.05));
    expect(detector.memoryBytes).toBeLessThan(100_000);
  });

  it("refuses options that cannot work, naming them", () => {
    expect(() => new AnomalyDetector("s", "OTHER", { spikeThreshold: 0 })).toThrow(/spikeThreshold=0/);
    expect(() => new AnomalyDetector("s", "OTHER", { sustainedThreshold: 9 })).toThrow(/must not exceed spikeThreshold/);
    expect(() => new AnomalyDetector("s", "OTHER", { stuckImprobability: 2 })).toThrow(/stuckImprobability/);
    expect(() => new AnomalyDetector("s", "TEMPERATURE").push(T0, Number.NaN)).toThrow(/finite/);
  });
});
