import { describe, expect, it } from "vitest";
import { leastSquares } from "../../../src/analytics/predict/leastSquares.js";
import { SeededRandom } from "../../../src/analytics/random.js";

describe("leastSquares", () => {
  it("recovers coefficients with standard errors that match their spread", () => {
    const random = new SeededRandom(5);
    const n = 400;
    const design = new Float64Array(n * 3);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x1 = i / n;
      const x2 = i % 7 === 0 ? 1 : 0;
      design.set([1, x1, x2], i * 3);
      y[i] = 2 - 3 * x1 + 0.5 * x2 + random.gaussian(0, 0.1);
    }
    const result = leastSquares(design, y, 3);
    if (!result.ok) throw new Error("expected a fit");
    const [a, b, c] = result.fit.coefficients;
    const se = (k: number): number => Math.sqrt(result.fit.covariance[k * 3 + k] as number);
    expect(Math.abs((a as number) - 2)).toBeLessThan(4 * se(0));
    expect(Math.abs((b as number) + 3)).toBeLessThan(4 * se(1));
    expect(Math.abs((c as number) - 0.5)).toBeLessThan(4 * se(2));
    expect(Math.sqrt(result.fit.residualVariance)).toBeCloseTo(0.1, 1);
    // SE of a slope: σ/√Sxx with Sxx = n·var(x) ≈ 400/12.
    expect(se(1)).toBeCloseTo(0.1 / Math.sqrt(400 / 12), 2);
  });

  it("names a column the others already explain", () => {
    const n = 50;
    const design = new Float64Array(n * 3);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const on = i % 2;
      design.set([1, on, on], i * 3); // the third column copies the second
      y[i] = on;
    }
    expect(leastSquares(design, y, 3)).toEqual({ ok: false, dependentColumn: 2 });
  });
});
