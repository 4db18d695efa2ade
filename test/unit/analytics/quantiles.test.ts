import { describe, expect, it } from "vitest";
import { medianBySelection, medianInPlace, normalQuantile, quantileOfSorted, weightedMedian, weightedQuantile } from "../../../src/analytics/quantiles.js";
import { SeededRandom } from "../../../src/analytics/random.js";

describe("quantile helpers", () => {
  it("select the same median as sorting, for odd and even counts, ties and a prefix", () => {
    const random = new SeededRandom(5);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(random.next() * 60);
      // Few distinct values in some trials, so ties and runs of equal pivots are exercised.
      const distinct = trial % 3 === 0 ? 3 : 1000;
      const values = Float64Array.from({ length: n + 5 }, () => Math.floor(random.next() * distinct) - distinct / 2);
      const expected = medianInPlace(values.slice(), n);
      expect(medianBySelection(values, n)).toBe(expected);
    }
    expect(medianBySelection(Float64Array.of(4, 1, 3, 2), 4)).toBe(2.5);
    expect(Number.isNaN(medianBySelection(new Float64Array(3), 0))).toBe(true);
  });

  it("interpolate quantiles of sorted data and weight medians by count", () => {
    expect(quantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.25)).toBe(1.75);
    expect(Number.isNaN(quantileOfSorted(new Float64Array(0), 0.5))).toBe(true);
    const values = Float64Array.of(10, 1, 5, Number.NaN);
    const weights = Float64Array.of(1, 1, 5, 100);
    expect(weightedMedian(values, weights, 4)).toBe(5); // the NaN has no opinion, whatever its weight
    expect(weightedQuantile(values, weights, 3, 0.95)).toBe(10);
    expect(Number.isNaN(weightedMedian(values, Float64Array.of(0, 0, 0, 0), 4))).toBe(true);
  });

  it("invert the normal CDF", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 8);
    expect(normalQuantile(0.001349898031630095)).toBeCloseTo(-3, 7);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 7);
  });

  it("draw a repeatable Gaussian from a seed", () => {
    const a = new SeededRandom(5);
    const b = new SeededRandom(5);
    const xs = Array.from({ length: 20_000 }, () => a.gaussian(3, 2));
    expect(Array.from({ length: 20_000 }, () => b.gaussian(3, 2))).toEqual(xs);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(mean).toBeCloseTo(3, 1);
    expect(sd).toBeCloseTo(2, 1);
  });
});
