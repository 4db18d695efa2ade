import { describe, expect, it } from "vitest";
import { normalCdf, studentTCdf, studentTQuantile } from "../../../src/analytics/predict/distributions.js";

describe("distributions", () => {
  it("give the normal CDF at known points", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });

  it("give Student's t quantiles and CDF from tables", () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 22)).toBeCloseTo(2.074, 3);
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.314, 3);
    expect(studentTCdf(2.228, 10)).toBeCloseTo(0.975, 4);
    expect(studentTCdf(-2.074, 22)).toBeCloseTo(0.025, 4);
    expect(studentTCdf(1.96, 1e7)).toBeCloseTo(0.975, 4);
  });
});
