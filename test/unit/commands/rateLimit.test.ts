import { describe, expect, it } from "vitest";
import { admit, DEFAULT_RATE_LIMIT, RateLimiter, rateLimitProblem } from "../../../src/commands/rateLimit.js";

describe("rate limit", () => {
  it("allows 30 commands per actuator in any minute by default, then says how long to wait", () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 30; i++) expect(limiter.tryAcquire("fan_1", i * 1000).allowed).toBe(true);
    const refused = limiter.tryAcquire("fan_1", 30_000);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.waitMs).toBe(30_000); // the first command (t = 0) leaves the window at 60 s
      expect(refused.message).toBe("refused: fan_1 got 30 commands in the last 60 s (at most 30); the next is allowed in 30 s");
    }
    expect(limiter.tryAcquire("heater_1", 30_000).allowed).toBe(true); // per actuator
    expect(limiter.tryAcquire("fan_1", 59_999).allowed).toBe(false);
    expect(limiter.tryAcquire("fan_1", 60_000).allowed).toBe(true);
    expect(limiter.tryAcquire("fan_1", 60_001).allowed).toBe(false); // t = 1 s still inside
  });

  it("is a sliding window, not a fixed minute: a burst at a minute's edge is not doubled", () => {
    const limit = { maxCommands: 3, windowMs: 60_000 };
    let log: readonly number[] = [];
    for (const t of [59_000, 59_500, 59_900]) {
      const d = admit(log, t, "a", limit);
      expect(d.allowed).toBe(true);
      log = d.log;
    }
    const d = admit(log, 60_100, "a", limit);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.waitMs).toBe(58_900);
    expect(d.log).toEqual([59_000, 59_500, 59_900]);
  });

  it("refused commands do not count, old entries are dropped", () => {
    const limit = { maxCommands: 1, windowMs: 1000 };
    const first = admit([], 0, "a", limit);
    expect(admit(first.log, 500, "a", limit).log).toEqual([0]);
    expect(admit(first.log, 1000, "a", limit)).toEqual({ allowed: true, log: [1000] });
  });

  it("forgets idle actuators and refuses unusable limits", () => {
    const limiter = new RateLimiter({ maxCommands: 1, windowMs: 1000 });
    limiter.tryAcquire("a", 0);
    limiter.prune(1000);
    expect(limiter.tryAcquire("a", 1000).allowed).toBe(true);
    expect(rateLimitProblem(DEFAULT_RATE_LIMIT)).toBeNull();
    expect(() => new RateLimiter({ maxCommands: 0, windowMs: 1000 })).toThrow("rate limit: maxCommands must be a positive integer, got 0");
    expect(rateLimitProblem({ maxCommands: 1, windowMs: 0 })).toBe("windowMs must be a positive number of milliseconds, got 0");
  });
});
