import { describe, expect, it } from "vitest";
import { retryUntil } from "../../../src/util/retryUntil.js";

describe("retryUntil", () => {
  it("retries a failing task with growing waits until it succeeds, reporting each failure", async () => {
    let calls = 0;
    const errors: number[] = [];
    const ok = await retryUntil(
      async () => {
        calls++;
        if (calls < 3) throw new Error(`fail ${calls}`);
      },
      { gone: () => false, onError: (_e, attempt) => errors.push(attempt), firstDelayMs: 1, maxDelayMs: 2 },
    );
    expect(ok).toBe(true);
    expect(calls).toBe(3);
    expect(errors).toEqual([1, 2]);
  });

  it("gives up once gone() says so, without another attempt", async () => {
    let calls = 0;
    let stop = false;
    const ok = await retryUntil(
      async () => {
        calls++;
        stop = true;
        throw new Error("down");
      },
      { gone: () => stop, onError: () => undefined, firstDelayMs: 1 },
    );
    expect(ok).toBe(false);
    expect(calls).toBe(1);
  });
});
