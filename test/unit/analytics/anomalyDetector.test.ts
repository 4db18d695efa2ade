import { describe, expect, it } from "vitest";
import { AnomalyDetector } from "../../../src/analytics/anomalyDetector.js";
import type { AnomalyEvent } from "../../../src/domain/anomalyTypes.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import type { SensorKind } from "../../../src/domain/sensorKind.js";
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
    expect(
      list.map((e) => e.phase),
      key,
    ).toEqual(list.length === 1 ? ["raised"] : ["raised", "cleared"]);
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

  it.each(cases)(
    "raises nothing on 3 days of 1 Hz Gaussian noise (%s), then catches a 10σ spike at its own timestamp",
    (_name, kind, mean, sigma, step, seed) => {
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
    },
    60_000,
  );
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
    const events = [...run(detector, 60, 1000, () => 21.03, start), ...run(detector, 600, 1000, () => random.gaussian(21, 0.05), start + 60_000)];
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
    const detector = new AnomalyDetector("temp_1", "TEMPERATURE", {}); // keep SPIKE out of the way
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
    const slow = new AnomalyDetector("temp_2", "TEMPERATURE", {});
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
    const history = Array.from({ length: 3 * 3600 }, (_, i) => ({ t: T0 + i * 1000, v: i >= 3 * 3600 - 30 ? 21.02 : random.gaussian(21, 0.05) }));
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
    expect(detector.memoryBytes).toBeLessThan(250_000);
  });

  it("refuses options that cannot work, naming them", () => {
    expect(() => new AnomalyDetector("s", "OTHER", { evidenceThreshold: 0 })).toThrow(/evidenceThreshold=0/);
    expect(() => new AnomalyDetector("s", "OTHER", { evidenceThreshold: 2 })).toThrow(/must be below 1/);
    expect(() => new AnomalyDetector("s", "OTHER", { tailShare: 0.7 })).toThrow(/tailShare/);
    expect(() => new AnomalyDetector("s", "OTHER", { calibrationBlock: 3.5 })).toThrow(/calibrationBlock/);
    expect(() => new AnomalyDetector("s", "OTHER", { stuckImprobability: 2 })).toThrow(/stuckImprobability/);
    expect(() => new AnomalyDetector("s", "TEMPERATURE").push(T0, Number.NaN)).toThrow(/finite/);
  });
});

describe("the ensemble on a room's sensors: spikes, ramps and steps", () => {
  /** 24 h of a steady, noisy baseline through warm(); returns the next timestamp. */
  const warmSteady = (detector: AnomalyDetector, random: SeededRandom, level: number, sigma: number): number => {
    for (let i = 0; i < 86_400; i++) detector.warm(T0 + i * 1000, random.gaussian(level, sigma));
    return T0 + 86_400 * 1000;
  };
  /** Pushes `minutes` of 1 Hz readings with ±20 ms arrival jitter; `value(m, i)` gets minutes since start. */
  const push = (detector: AnomalyDetector, random: SeededRandom, startMs: number, minutes: number, value: (m: number, i: number) => number): AnomalyEvent[] => {
    const events: AnomalyEvent[] = [];
    for (let i = 0; i < minutes * 60; i++) events.push(...detector.push(startMs + i * 1000 + Math.round(random.gaussian(0, 20)), value(i / 60, i)));
    return events;
  };

  // What actuators do to a room, at 1 Hz with realistic noise: name, kind, level, σ, offset(minutes), minutes.
  const ramps: Array<[string, SensorKind, number, number, (m: number) => number, number]> = [
    ["a drifting sensor, +0.05 °C/min for 2 h", "TEMPERATURE", 20, 0.02, (m) => 0.05 * m, 120],
    ["a heater, +0.5 °C/min for 30 min, then 30 min at its setpoint", "TEMPERATURE", 20, 0.05, (m) => 0.5 * Math.min(m, 30), 60],
    ["a fan at the kind's rate limit, −3 °C/min for 5 min, then 30 min flat", "TEMPERATURE", 30, 0.02, (m) => -3 * Math.min(m, 5), 35],
    ["a dehumidifier, −1 %RH/min for 20 min, then 30 min flat", "HUMIDITY", 60, 0.2, (m) => -Math.min(m, 20), 50],
  ];

  it("the reported case: a sensor drifting at 0.05 °C/min from a cold start raises nothing", () => {
    const d = new AnomalyDetector("temp_x", "TEMPERATURE");
    const rng = new SeededRandom(1);
    const t0 = Date.parse("2026-03-01T00:00:00Z");
    const events: AnomalyEvent[] = [];
    for (let i = 0; i < 1200; i++) events.push(...d.push(t0 + i * 1000, 20 + 0.05 * (i / 60) + rng.gaussian(0, 0.02)));
    expect(events).toEqual([]);
  });

  it.each(ramps)("raises nothing for %s from a cold start: the ramp is all the sensor has known", (_name, kind, level, sigma, offset, minutes) => {
    const random = new SeededRandom(21);
    const detector = new AnomalyDetector("s", kind);
    const events = push(detector, random, T0, minutes, (m) => level + offset(m) + random.gaussian(0, sigma));
    expect(events).toEqual([]);
    expect(detector.activeEpisodes()).toEqual([]);
  });

  it.each(ramps)("after 24 h of a steady level, %s is at most one episode, a level that left its range, not a storm", (_name, kind, level, sigma, offset, minutes) => {
    const random = new SeededRandom(22);
    const detector = new AnomalyDetector("s", kind);
    const start = warmSteady(detector, random, level, sigma);
    const events = push(detector, random, start, minutes + 1, (m) => level + offset(Math.max(0, m - 1)) + random.gaussian(0, sigma));
    const raised = events.filter((e) => e.phase === "raised");
    expect(raised.length).toBeLessThanOrEqual(1);
    expectWellFormedEpisodes(events);
    for (const e of raised) {
      // The first reading of a fast ramp is also far from its neighbours; a slow one is a level.
      expect(["LEVEL_SHIFT", "SPIKE", "RAPID_CHANGE"]).toContain(e.type);
      expect(e.timestampMs).toBeGreaterThan(start + MINUTE);
      expect(e.message).toMatch(/combined evidence .* below the threshold/);
    }
  });

  it("RAPID_CHANGE (the kind's rate limit): a level falling at exactly the limit does not fire it, one falling faster does", () => {
    const random = new SeededRandom(23);
    const atLimit = new AnomalyDetector("temp_1", "TEMPERATURE");
    const start = warmSteady(atLimit, random, 30, 0.05);
    const limitEvents = push(atLimit, random, start, 8, (m) => 30 - 3 * Math.min(m, 5) + random.gaussian(0, 0.05));
    expect(limitEvents.filter((e) => e.type === "RAPID_CHANGE")).toEqual([]);
    const faster = new AnomalyDetector("temp_2", "TEMPERATURE");
    const start2 = warmSteady(faster, random, 30, 0.05);
    const events = push(faster, random, start2, 12, (m) => 30 - 4 * Math.min(m, 5) + random.gaussian(0, 0.05)).filter((e) => e.message.includes("/min (limit"));
    expect(events.map((e) => `${e.phase} ${e.type}`)).toEqual(["raised RAPID_CHANGE", "cleared RAPID_CHANGE"]);
    expect(events[0]!.message).toMatch(/fell at [34](\.\d+)?\/min \(limit 3\/min\)/);
    expect(events[0]!.timestampMs - start2).toBeLessThan(2 * MINUTE); // early in the ramp
  });

  // name, kind, level, σ, offset(minutes), minutes, spike at minute
  const spikes: Array<[string, SensorKind, number, number, (m: number) => number, number, number]> = [
    ["+0.5 °C/min heater ramp", "TEMPERATURE", 20, 0.05, (m) => 0.5 * Math.min(m, 30), 60, 15],
    ["+0.05 °C/min drift", "TEMPERATURE", 20, 0.02, (m) => 0.05 * m, 90, 60],
    ["−1 %RH/min dehumidifier", "HUMIDITY", 60, 0.2, (m) => -Math.min(m, 20), 40, 10],
  ];
  const cases = spikes.flatMap(([name, kind, level, sigma, offset, minutes, spikeMinute]) =>
    [false, true].flatMap((warmed) => [1, -1].map((sign) => ({ name, kind, level, sigma, offset, minutes, spikeMinute, warmed, sign }))),
  );

  it.each(cases)(
    "catches a 10σ spike (sign $sign) in the middle of a $name (24 h of history: $warmed): a SPIKE at its own timestamp, cleared while the level moves on",
    ({ kind, level, sigma, offset, minutes, spikeMinute, warmed, sign }) => {
      const random = new SeededRandom(24);
      const detector = new AnomalyDetector("s", kind);
      const start = warmed ? warmSteady(detector, random, level, sigma) : T0;
      const spikeIndex = spikeMinute * 60;
      let spikeAt = 0;
      const events: AnomalyEvent[] = [];
      for (let i = 0; i < minutes * 60; i++) {
        const t = start + i * 1000 + Math.round(random.gaussian(0, 20));
        const v = level + offset(i / 60) + (i === spikeIndex ? sign * 10 * sigma : random.gaussian(0, sigma));
        if (i === spikeIndex) spikeAt = t;
        events.push(...detector.push(t, v));
      }
      const spike = events.filter((e) => e.type === "SPIKE");
      expect(spike.map((e) => e.phase)).toEqual(["raised", "cleared"]);
      expect(spike[0]).toMatchObject({ timestampMs: spikeAt });
      expect(["MEDIUM", "HIGH"]).toContain(spike[0]!.severity);
      expect(spike[0]!.message).toMatch(/^(spike|step|range|time of day): /);
      // Cleared by the hysteresis (10 readings and 5 min), not held open by the moving level.
      expect(spike[1]!.timestampMs - spikeAt).toBeLessThan(5 * MINUTE + 15_000);
      // The ramp around it is at most one more episode.
      expect(events.filter((e) => e.phase === "raised" && e.type !== "SPIKE").length).toBeLessThanOrEqual(1);
      expectWellFormedEpisodes(events);
    },
  );

  it("a jump to a level far outside the day is raised at once, and no storm follows while the level stays", () => {
    const detector = new AnomalyDetector("temp_1", "TEMPERATURE");
    const random = new SeededRandom(25);
    const start = warmSteady(detector, random, 21, 0.05);
    const events = [...push(detector, random, start, 4 * 60, () => random.gaussian(25, 0.05)), ...push(detector, random, start + 4 * HOUR, 30, () => random.gaussian(21, 0.05))];
    const raised = events.filter((e) => e.phase === "raised");
    expect(raised[0]!.timestampMs).toBeLessThan(start + 1000);
    expect(raised[0]!.type).toBe("SPIKE");
    // The jump there and the jump back, each one event at most of each type.
    expect(raised.length).toBeLessThanOrEqual(4);
    expectWellFormedEpisodes(events);
  });

  it("a jump to a level the sensor held within the day is no anomaly (a daily on/off pattern)", () => {
    const detector = new AnomalyDetector("s", "OTHER");
    const random = new SeededRandom(26);
    // 12 h at 10, 12 h at 14, with noise, one reading a minute, for 4 days.
    const events = run(detector, 4 * 1440, MINUTE, (i) => random.gaussian(Math.floor(i / 720) % 2 === 0 ? 10 : 14, 0.1));
    // Only the very first jump to 14 is new to the sensor; the same jumps a day later are not.
    expect(events.filter((e) => e.phase === "raised" && e.timestampMs > T0 + DAY + HOUR)).toEqual([]);
  });

  it("a day stuck at one value does not make the recovered sensor's ordinary noise look like spikes", () => {
    const detector = new AnomalyDetector("temp_1", "TEMPERATURE");
    const random = new SeededRandom(27);
    const events = [
      ...run(detector, 4 * 3600, 1000, () => random.gaussian(21, 0.05)),
      ...run(detector, 20 * 3600, 1000, () => 21.02, T0 + 4 * HOUR), // frozen at a normal value
      ...run(detector, 4 * 3600, 1000, () => random.gaussian(21, 0.05), T0 + DAY),
    ];
    const raised = events.filter((e) => e.phase === "raised");
    expect(raised.map((e) => e.type)).toContain("STUCK");
    // Besides STUCK, the ensemble may see the signal go calm and come back to life, once each.
    expect(raised.filter((e) => e.type === "SPIKE")).toEqual([]);
    expect(raised.length).toBeLessThanOrEqual(3);
  });
});
