import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ThresholdWaiters } from "../../../src/util/thresholdWaiters.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("ThresholdWaiters", () => {
  it("releases exactly the waiters whose mark a level reaches, in any order of marks", async () => {
    const waiters = new ThresholdWaiters();
    const five = waiters.wait(5, 1_000, () => false);
    const two = waiters.wait(2, 1_000, () => false);
    const nine = waiters.wait(9, 1_000, () => false);
    waiters.release(5);
    expect(await five).toBe(true);
    expect(await two).toBe(true);
    expect(waiters.size).toBe(1);
    waiters.release(9);
    expect(await nine).toBe(true);
    expect(waiters.size).toBe(0);
  });

  it("answers what `atTimeout` says when the time passes first, and forgets the waiter", async () => {
    const waiters = new ThresholdWaiters();
    let reached = false;
    const late = waiters.wait(3, 100, () => reached);
    const never = waiters.wait(4, 100, () => false);
    reached = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(await late).toBe(true);
    expect(await never).toBe(false);
    expect(waiters.size).toBe(0);
  });

  it("settleAll answers every waiter at once (a shutdown)", async () => {
    const waiters = new ThresholdWaiters();
    const a = waiters.wait(1, 60_000, () => false);
    const b = waiters.wait(8, 60_000, () => false);
    waiters.settleAll((mark) => mark < 5);
    expect([await a, await b]).toEqual([true, false]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
