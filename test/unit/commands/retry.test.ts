import { describe, expect, it } from "vitest";
import { attemptWaitMs, nextAttemptDelayMs, planAttempts, retryAtMs } from "../../../src/commands/retry.js";

describe("retry planning", () => {
  it("backs off 100 ms doubling up to 2 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 1000].map(nextAttemptDelayMs)).toEqual([0, 100, 200, 400, 800, 1600, 2000, 2000, 2000]);
  });

  it("plans 6 attempts for the defaults (5 s, 250 ms each)", () => {
    expect(planAttempts(5000).map((a) => [a.attempt, a.startMs, a.waitMs])).toEqual([
      [1, 0, 250],
      [2, 350, 250],
      [3, 800, 250],
      [4, 1450, 250],
      [5, 2500, 250],
      [6, 4350, 250],
    ]);
  });

  it("makes the first attempt even when the timeout is shorter than one attempt, cut at the deadline", () => {
    expect(planAttempts(100)).toEqual([{ attempt: 1, startMs: 0, waitMs: 100 }]);
    // 1 s: 0–250, 350–600, 800–1000 (cut), then 1400 is past the deadline.
    expect(planAttempts(1000).map((a) => [a.startMs, a.waitMs])).toEqual([
      [0, 250],
      [350, 250],
      [800, 200],
    ]);
    // 60 s: after the sixth attempt one every 2.25 s (2 s backoff + 250 ms wait).
    expect(planAttempts(60_000).length).toBe(30);
  });

  it("starts a retry only if 50 ms (or the whole attempt timeout, if shorter) remain", () => {
    expect(retryAtMs(1, 0, 150)).toBe(100);
    expect(retryAtMs(1, 0, 149)).toBeNull();
    expect(retryAtMs(1, 0, 120, 20)).toBe(100);
    expect(retryAtMs(1, 0, 119, 20)).toBeNull();
    expect(attemptWaitMs(900, 1000)).toBe(100);
    expect(attemptWaitMs(1100, 1000)).toBe(0);
  });

  it("rejects timeouts that cannot make a plan", () => {
    expect(() => planAttempts(0)).toThrow("timeoutMs must be a positive number");
    expect(() => planAttempts(1000, Number.NaN)).toThrow("perAttemptTimeoutMs must be a positive number");
  });
});
