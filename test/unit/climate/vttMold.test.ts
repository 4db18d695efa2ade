import { describe, expect, it } from "vitest";
import { hoursUntilIndex, runRepeated, type SurfaceStep } from "../../../src/analytics/climate/moldRun.js";
import {
  INITIAL_MOLD_STATE,
  REFERENCE_MODEL,
  criticalHumidity,
  maxIndex,
  stepMold,
  weeksToIndex1Regression,
  type MoldModel,
  type MoldState,
  type SensitivityClass,
} from "../../../src/analytics/climate/vttMold.js";

const WEEK_H = 7 * 24;
const constant = (celsius: number, relativeHumidity: number): SurfaceStep[] => [{ hours: 1, celsius, relativeHumidity }];
const model = (sensitivity: SensitivityClass, declineCoefficient = 1): MoldModel => ({ sensitivity, declineCoefficient });

/** Hour by hour until the index reaches `target` (the papers' own way of running the model). */
function hoursByStepping(celsius: number, rh: number, target: number, m: MoldModel = REFERENCE_MODEL): number {
  let state: MoldState = INITIAL_MOLD_STATE;
  for (let h = 1; h < 200_000; h++) {
    state = stepMold(state, celsius, rh, 1, m);
    if (state.index >= target) return h;
  }
  return Number.POSITIVE_INFINITY;
}

/** Viitanen's regression for visible growth (index 3) on pine sapwood, in weeks (Hukka & Viitanen 1999, W = 0). */
const weeksToIndex3Regression = (t: number, rh: number): number => Math.exp(-0.74 * Math.log(t) - 12.72 * Math.log(rh) + 61.5);

describe("VTT mold model against its published reference", () => {
  it("puts the critical humidity on the 1999 curve: 100 % at 0 °C, 88 % at 5 °C, 80 % from 20 °C", () => {
    expect(criticalHumidity(0, "VERY_SENSITIVE")).toBeCloseTo(100, 9);
    expect(criticalHumidity(5, "VERY_SENSITIVE")).toBeCloseTo(88.02, 2);
    expect(criticalHumidity(10, "VERY_SENSITIVE")).toBeCloseTo(82.03, 2);
    expect(criticalHumidity(20, "VERY_SENSITIVE")).toBeCloseTo(80.04, 2);
    expect(criticalHumidity(30, "VERY_SENSITIVE")).toBe(80);
    // The resistant classes need 85 % at any temperature (Ojanen et al. 2010).
    expect(criticalHumidity(25, "MEDIUM_RESISTANT")).toBe(85);
  });

  it("reaches index 1 at constant 97 % RH and 20 °C when the regression t_m says, on pine sapwood", () => {
    const tm = weeksToIndex1Regression(20, 97) * WEEK_H;
    expect(tm).toBeCloseTo(249.3, 0); // 1.48 weeks
    expect(hoursUntilIndex(INITIAL_MOLD_STATE, constant(20, 97), 1, REFERENCE_MODEL)).toBeCloseTo(tm, -1);
    expect(Math.abs(hoursByStepping(20, 97, 1) / tm - 1)).toBeLessThan(0.01);
  });

  it("reaches visible growth (index 3) when the regression t_v says at the reference conditions", () => {
    // 1999's k1 = 2/(t_v/t_m − 1) above index 1 met t_v everywhere; the 2010 classes fix k1 = 2
    // for pine, which is 1999's value at 97 % and 20 °C and within about 12 % of it elsewhere.
    const tv = weeksToIndex3Regression(20, 97) * WEEK_H;
    expect(Math.abs(hoursByStepping(20, 97, 3) / tv - 1)).toBeLessThan(0.01);
    for (const [t, rh] of [
      [20, 100],
      [10, 97],
      [30, 95],
      [25, 90],
    ] as const) {
      expect(Math.abs(hoursByStepping(t, rh, 3) / (weeksToIndex3Regression(t, rh) * WEEK_H) - 1)).toBeLessThan(0.12);
      // Index 3 takes twice as long as index 1 (k1 = 2 from index 1, k2 ≈ 1 far below M_max).
      expect(hoursByStepping(t, rh, 3) / hoursByStepping(t, rh, 1)).toBeCloseTo(2, 1);
    }
  });

  it("grows slower when colder, as t_m = exp(−0.68 ln T − 13.9 ln RH + 66.02) weeks has it", () => {
    for (const [t, rh] of [
      [5, 97],
      [10, 95],
      [30, 90],
      [25, 100],
    ] as const) {
      const tm = weeksToIndex1Regression(t, rh) * WEEK_H;
      expect(Math.abs(hoursByStepping(t, rh, 1) / tm - 1)).toBeLessThan(0.01);
    }
    expect(hoursByStepping(5, 97, 1)).toBeGreaterThan(hoursByStepping(20, 97, 1) * 2);
  });

  it("levels off at M_max = A + B·x − C·x²: 5.50 for pine at 97 % and 20 °C", () => {
    expect(maxIndex(20, 97, "VERY_SENSITIVE")).toBeCloseTo(5.504, 2);
    const year = runRepeated(INITIAL_MOLD_STATE, constant(20, 97), 365 * 24, REFERENCE_MODEL);
    expect(year.index).toBeGreaterThan(5.4);
    expect(year.index).toBeLessThanOrEqual(5.504);
  });

  it("never grows below the critical humidity, and never past an M_max below 1", () => {
    expect(hoursUntilIndex(INITIAL_MOLD_STATE, constant(20, 75), 1, REFERENCE_MODEL)).toBeNull();
    expect(hoursUntilIndex(INITIAL_MOLD_STATE, constant(-5, 99), 1, REFERENCE_MODEL)).toBeNull();
    // Resistant materials at 86 %: M_max = 3x − x² = 0.196.
    expect(maxIndex(20, 86, "RESISTANT")).toBeCloseTo(0.1956, 3);
    expect(hoursUntilIndex(INITIAL_MOLD_STATE, constant(20, 86), 1, model("RESISTANT"))).toBeNull();
  });

  it("slows each sensitivity class by its k1 (Ojanen et al. 2010)", () => {
    const tm = weeksToIndex1Regression(20, 97) * WEEK_H;
    const sensitive = hoursUntilIndex(INITIAL_MOLD_STATE, constant(20, 97), 1, model("SENSITIVE")) as number;
    expect(Math.abs(sensitive / (tm / 0.578) - 1)).toBeLessThan(0.01);
    const medium = hoursUntilIndex(INITIAL_MOLD_STATE, constant(20, 97), 1, model("MEDIUM_RESISTANT")) as number;
    expect(Math.abs(medium / (tm / 0.072) - 1)).toBeLessThan(0.02);
    const resistant = hoursUntilIndex(INITIAL_MOLD_STATE, constant(20, 97), 1, model("RESISTANT")) as number;
    expect(resistant).toBeGreaterThan(medium);
  });

  it("declines in dry conditions at 0.032/day for 6 h, not at all until 24 h, then 0.016/day, scaled by C_mat", () => {
    const start: MoldState = { index: 2, dryHours: 0 };
    const dry = (hours: number, m: MoldModel): number => runRepeated(start, constant(20, 50), hours, m).index;
    expect(dry(6, REFERENCE_MODEL)).toBeCloseTo(2 - 0.008, 9);
    expect(dry(24, REFERENCE_MODEL)).toBeCloseTo(2 - 0.008, 9);
    expect(dry(48, REFERENCE_MODEL)).toBeCloseTo(2 - 0.008 - 0.016, 9);
    expect(dry(48, model("VERY_SENSITIVE", 0.25))).toBeCloseTo(2 - 0.25 * 0.024, 9);
    // A wet hour resets the dry spell: the fast early decline starts over.
    const wetAgain = stepMold(stepMold({ index: 2, dryHours: 30 }, 20, 97, 1, REFERENCE_MODEL), 20, 50, 6, REFERENCE_MODEL);
    expect(wetAgain.dryHours).toBe(6);
  });

  it("answers a repeating day: reached when wet spells outgrow the decline, never when they do not", () => {
    const halfWet: SurfaceStep[] = [
      { hours: 12, celsius: 20, relativeHumidity: 97 },
      { hours: 12, celsius: 20, relativeHumidity: 50 },
    ];
    const reached = hoursUntilIndex(INITIAL_MOLD_STATE, halfWet, 1, REFERENCE_MODEL) as number;
    // 12 h of growth (≈0.048) less 0.008 of decline a day: about 25 days.
    expect(reached / 24).toBeGreaterThan(23);
    expect(reached / 24).toBeLessThan(27);
    const oneWetHour: SurfaceStep[] = [
      { hours: 1, celsius: 20, relativeHumidity: 97 },
      { hours: 23, celsius: 20, relativeHumidity: 50 },
    ];
    expect(hoursUntilIndex(INITIAL_MOLD_STATE, oneWetHour, 1, REFERENCE_MODEL)).toBeNull();
    expect(hoursUntilIndex({ index: 1.2, dryHours: 0 }, oneWetHour, 1, REFERENCE_MODEL)).toBe(0);
  });
});
