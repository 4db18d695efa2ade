import { describe, expect, it } from "vitest";
import { CostBudget } from "../../../../src/graphql/limits/budget.js";

describe("CostBudget", () => {
  it("allows a burst up to the minute's budget, then refills evenly over the minute", () => {
    let now = 0;
    const budget = new CostBudget(600, () => now);
    expect(budget.take("a", 400)).toEqual({ granted: true });
    expect(budget.take("a", 200)).toEqual({ granted: true });
    // Empty: 100 comes back in 10 s (600 a minute).
    expect(budget.take("a", 100)).toEqual({ granted: false, left: 0, retryAfterMs: 10_000 });
    now = 5_000;
    expect(budget.take("a", 100)).toEqual({ granted: false, left: 50, retryAfterMs: 5_000 });
    now = 10_000;
    expect(budget.take("a", 100)).toEqual({ granted: true });
  });

  it("keeps one budget per subject", () => {
    const budget = new CostBudget(100, () => 0);
    expect(budget.take("alice", 100).granted).toBe(true);
    expect(budget.take("alice", 1).granted).toBe(false);
    expect(budget.take("bob", 100).granted).toBe(true);
  });

  it("never refills past the minute's budget, and says so of a cost above it", () => {
    let now = 0;
    const budget = new CostBudget(100, () => now);
    now = 3_600_000;
    expect(budget.take("a", 100).granted).toBe(true);
    expect(budget.take("a", 1).granted).toBe(false);
    expect(budget.take("b", 101)).toEqual({ granted: false, left: 100, retryAfterMs: Number.POSITIVE_INFINITY });
  });

  it("spends nothing on a refusal", () => {
    const budget = new CostBudget(100, () => 0);
    expect(budget.take("a", 60).granted).toBe(true);
    expect(budget.take("a", 50).granted).toBe(false);
    expect(budget.take("a", 40).granted).toBe(true);
  });
});
