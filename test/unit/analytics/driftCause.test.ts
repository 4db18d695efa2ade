import { describe, expect, it } from "vitest";
import { judgeByWorldRate, judgeDrift, type DriftQuestion, type PeerReadings } from "../../../src/analytics/driftCause.js";
import type { Point } from "../../../src/analytics/point.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { traitsFromPoints } from "../../../src/analytics/traits.js";
import type { SensorKind } from "../../../src/domain/sensorKind.js";

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1, 12, 0);
const WINDOW_MS = 5 * MIN;
const asOfMs = T0 + WINDOW_MS;

/** One reading a second over the 5-minute window: f(minutes since the window began) plus noise. */
function series(f: (minutes: number) => number, sigma: number, seed: number): Point[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: 300 }, (_, i) => ({ timestampMs: T0 + (i + 1) * 1000, value: f((i + 1) / 60) + rng.gaussian(0, sigma) }));
}

const peer = (sensorId: string, kind: SensorKind, readings: Point[]): PeerReadings => ({ sensorId, kind, readings });

function question(kind: SensorKind, readings: Point[], driftPerMinute: number, peers: PeerReadings[], maxDriftPerMinute = 0.1): DriftQuestion {
  return { sensorId: "me_1", kind, driftPerMinute, maxDriftPerMinute, readings, peers, fromMs: T0, asOfMs };
}

describe("judgeDrift", () => {
  it("calls a change that every co-located peer sees the world", () => {
    // The sun warms the room: three thermometers rise together at 0.3 °C/min, one of them 0.4 °C warmer.
    const warming = (m: number): number => 21 + 0.3 * m;
    const verdict = judgeDrift(
      question("TEMPERATURE", series(warming, 0.05, 1), 0.3, [
        peer(
          "temp_2",
          "TEMPERATURE",
          series((m) => warming(m) + 0.4, 0.05, 2),
        ),
        peer("temp_3", "TEMPERATURE", series(warming, 0.05, 3)),
      ]),
    );
    expect(verdict.cause).toBe("WORLD");
    expect(verdict.correction).toBeNull();
    expect(verdict.peerIds).toEqual(["temp_2", "temp_3"]);
    expect(verdict.evidence).toMatch(/^its co-located peers temp_2 \(difference [+-]?0\.0\d*\/min\), temp_3 .* change the same way, within the ±0\.1\/min drift limit$/);
  });

  it("blames the one sensor that diverges from its steady peers, with the correction back to them", () => {
    // The room holds 21 °C; this thermometer has drifted +0.25 °C/min since 3 minutes before the window.
    const drifting = series((m) => 21 + 0.25 * (m + 3), 0.05, 4);
    const steady = [
      peer(
        "temp_2",
        "TEMPERATURE",
        series(() => 21, 0.05, 5),
      ),
      peer(
        "temp_3",
        "TEMPERATURE",
        series(() => 21.02, 0.05, 6),
      ),
    ];
    const verdict = judgeDrift(question("TEMPERATURE", drifting, 0.25, steady));
    expect(verdict.cause).toBe("SENSOR");
    // At asOf it reads 0.25 × 8 = 2 °C high: the correction takes that off (within the noise).
    expect(verdict.correction).toBeCloseTo(-2, 1);
    expect(verdict.evidence).toMatch(/^it diverges from temp_2 by \+0\.2\d*\/min \(now \+2\.\d+ apart\), temp_3 by \+0\.2\d*\/min .*: a correction of -\d\.\d+ brings it back to its peers$/);
    // One steady peer is enough.
    const one = judgeDrift(question("TEMPERATURE", drifting, 0.25, steady.slice(0, 1)));
    expect(one.cause).toBe("SENSOR");
    expect(one.correction).toBeCloseTo(-2, 1);
    expect(one.evidence).toMatch(/while temp_2 holds steady/);
  });

  it("says UNKNOWN when its only peer drifts too, differently: two sensors cannot say which is wrong", () => {
    const verdict = judgeDrift(
      question(
        "TEMPERATURE",
        series((m) => 21 + 0.3 * m, 0.05, 7),
        0.3,
        [
          peer(
            "temp_2",
            "TEMPERATURE",
            series((m) => 21 - 0.3 * m, 0.05, 8),
          ),
        ],
      ),
    );
    expect(verdict.cause).toBe("UNKNOWN");
    expect(verdict.correction).toBeNull();
    expect(verdict.evidence).toMatch(/temp_2 drifts too \(-0\.\d+\/min\): with two sensors which one is wrong cannot be told/);
  });

  it("without peers: UNKNOWN within the kind's plausible world rate, SENSOR beyond it, and never a correction", () => {
    const barometer = judgeDrift(
      question(
        "PRESSURE",
        series((m) => 1013 + 0.3 * m, 0.1, 9),
        0.3,
        [],
      ),
    );
    expect(barometer).toEqual({
      cause: "UNKNOWN",
      correction: null,
      evidence: "+0.3/min is within the ±0.5/min a pressure world plausibly changes and no co-located peer to compare with: sensor or world cannot be told apart",
      peerIds: [],
    });
    expect(judgeByWorldRate("PRESSURE", -2, 5)).toMatchObject({
      cause: "SENSOR",
      correction: null,
      evidence: expect.stringMatching(/^-2\/min is faster than a pressure world plausibly keeps changing \(±0\.5\/min\)/),
    });
    // A tank can fill at any rate: a distance sensor alone can never be blamed.
    expect(judgeByWorldRate("DISTANCE", 50, 5).cause).toBe("UNKNOWN");
    // Peers of an unrelated kind, or without readings, change nothing.
    const alone = judgeDrift(
      question(
        "TEMPERATURE",
        series((m) => 21 + 0.3 * m, 0.05, 10),
        0.3,
        [
          peer(
            "distance_1",
            "DISTANCE",
            series(() => 120, 0.3, 11),
          ),
          peer("temp_2", "TEMPERATURE", []),
        ],
      ),
    );
    expect(alone.cause).toBe("UNKNOWN");
    expect(alone.evidence).toMatch(/its peers cannot tell/);
  });

  it("does not blame a sensor by the world rate for a fast move over less than a few minutes", () => {
    // A new barometer's first 24 readings: a door or the ventilation moved the level 0.3 hPa in 24 s.
    const first = series((m) => 1013 + 0.75 * m, 0.01, 12).slice(0, 24);
    const early = judgeDrift({ ...question("PRESSURE", first, 0.75, []), asOfMs: T0 + 24_000 });
    expect(early.cause).toBe("UNKNOWN");
    expect(early.evidence).toMatch(/^\+0\.75\/min over only 23 s of readings: .*cannot be told apart yet/);
    // The same rate kept up over the whole window, or a fast one over a minute, is the sensor.
    expect(
      judgeDrift(
        question(
          "PRESSURE",
          series((m) => 1013 + 0.75 * m, 0.01, 12),
          0.75,
          [],
        ),
      ).cause,
    ).toBe("SENSOR");
    expect(judgeByWorldRate("PRESSURE", 2.5, 1).cause).toBe("SENSOR");
    expect(judgeByWorldRate("PRESSURE", 1.5, 1).cause).toBe("UNKNOWN");
    // The traits of the live path judge the span alike.
    const traits = traitsFromPoints(first, { kind: "PRESSURE", asOfMs: T0 + 24_000, windowMs: WINDOW_MS });
    expect(traits.driftSignificant).toBe(true);
    expect(traits.driftCause).toBe("UNKNOWN");
  });

  it("explains humidity that moves as the co-located temperature makes it at a constant dew point", () => {
    // The room warms 0.5 °C/min at a constant vapour pressure: RH at 50 % falls ~1.5 %RH/min.
    const celsius = (m: number): number => 20 + 0.5 * m;
    const vapour = 0.5 * 6.1094 * Math.exp((17.625 * 20) / (243.04 + 20));
    const rh = (m: number): number => (100 * vapour) / (6.1094 * Math.exp((17.625 * celsius(m)) / (243.04 + celsius(m))));
    const humidity = series(rh, 0.2, 12);
    const world = judgeDrift(question("HUMIDITY", humidity, -1.5, [peer("temp_1", "TEMPERATURE", series(celsius, 0.05, 13))], 0.5));
    expect(world.cause).toBe("WORLD");
    expect(world.evidence).toMatch(/^it moves as temp_1's \+0\.5\d* °C\/min makes it at a constant dew point \(expected -1\.\d+ %RH\/min\)$/);
    // The thermometer's own drift, seen from the humidity beside it, is the room warming too.
    expect(judgeDrift(question("TEMPERATURE", series(celsius, 0.05, 14), 0.5, [peer("humidity_1", "HUMIDITY", humidity)])).cause).toBe("WORLD");
    // Humidity falling while the temperature holds still: moisture may have left the air; the twin cannot tell.
    const falling = judgeDrift(
      question(
        "HUMIDITY",
        series((m) => 50 - 1.5 * m, 0.2, 15),
        -1.5,
        [
          peer(
            "temp_1",
            "TEMPERATURE",
            series(() => 20, 0.05, 16),
          ),
        ],
        0.5,
      ),
    );
    expect(falling.cause).toBe("UNKNOWN");
  });
});

describe("traits without peers", () => {
  it("judge a drift beyond the limit by the kind's world rate alone, and leave a steady sensor unjudged", () => {
    const context = { kind: "TEMPERATURE" as const, asOfMs, windowMs: WINDOW_MS };
    const drifting = traitsFromPoints(
      series((m) => 21 + 0.3 * m, 0.05, 17),
      context,
    );
    expect(drifting.driftCause).toBe("UNKNOWN");
    expect(drifting.driftEvidence).toMatch(/within the ±1\/min a temperature world plausibly changes/);
    expect(drifting.driftCorrection).toBeNull();
    const steady = traitsFromPoints(
      series(() => 21, 0.05, 18),
      context,
    );
    expect([steady.driftCause, steady.driftEvidence]).toEqual([null, null]);
    // A per-sensor limit above the drift: not judged either.
    expect(
      traitsFromPoints(
        series((m) => 21 + 0.3 * m, 0.05, 17),
        { ...context, maxDriftPerMinute: 0.5 },
      ).driftCause,
    ).toBeNull();
  });
});
