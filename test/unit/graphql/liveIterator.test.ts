import { describe, expect, it } from "vitest";
import { busIterator } from "../../../src/graphql/liveIterator.js";
import { silentLogger } from "../../../src/log.js";
import { EventBus } from "../../../src/util/eventBus.js";

interface Events {
  tick: number;
}

describe("busIterator", () => {
  it("delivers accepted events in order and unsubscribes on return", async () => {
    const bus = new EventBus<Events>(silentLogger);
    const it = busIterator(bus, "tick", "sub", (n) => n % 2 === 0, silentLogger);
    const first = it.next();
    bus.emit("tick", 1);
    bus.emit("tick", 2);
    bus.emit("tick", 4);
    expect(await first).toEqual({ value: 2, done: false });
    expect(await it.next()).toEqual({ value: 4, done: false });
    await it.return!();
    expect(bus.listenerCount("tick")).toBe(0);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it("keeps a slow subscriber's queue bounded by dropping its oldest events", async () => {
    const bus = new EventBus<Events>(silentLogger);
    const it = busIterator(bus, "tick", "slow", () => true, silentLogger, 3);
    for (let i = 1; i <= 10; i++) bus.emit("tick", i);
    const got = [await it.next(), await it.next(), await it.next()].map((r) => r.value as number);
    expect(got).toEqual([8, 9, 10]);
    await it.return!();
  });
});
