import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { EventBus } from "../../../src/util/eventBus.js";

interface Events {
  ping: number;
}

describe("EventBus", () => {
  it("isolates a failing listener: the others still run and the failure is logged with its owner", async () => {
    const lines: string[] = [];
    const bus = new EventBus<Events>(createLogger("info", (line) => lines.push(line)));
    const seen: number[] = [];
    bus.on("ping", "broken", () => {
      throw new Error("boom");
    });
    bus.on("ping", "async-broken", async () => {
      throw new Error("later boom");
    });
    bus.on("ping", "good", (n) => {
      seen.push(n);
    });
    expect(() => bus.emit("ping", 1)).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1]);
    expect(lines.some((l) => l.includes('"owner":"broken"') && l.includes("boom"))).toBe(true);
    expect(lines.some((l) => l.includes('"owner":"async-broken"') && l.includes("later boom"))).toBe(true);
  });

  it("removes listeners one by one or by owner", () => {
    const bus = new EventBus<Events>(createLogger("error", () => undefined));
    const seen: string[] = [];
    const off = bus.on("ping", "a", () => void seen.push("a"));
    bus.on("ping", "b", () => void seen.push("b"));
    bus.on("ping", "b", () => void seen.push("b2"));
    off();
    bus.emit("ping", 1);
    bus.removeOwner("b");
    bus.emit("ping", 2);
    expect(seen).toEqual(["b", "b2"]);
    expect(bus.listenerCount("ping")).toBe(0);
  });
});
