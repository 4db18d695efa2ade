import { describe, expect, it } from "vitest";
import { PendingRegistrations } from "../../../src/bridge/registrations.js";

describe("PendingRegistrations", () => {
  it("answers false at once for an actuator no device is registering", async () => {
    const pending = new PendingRegistrations();
    expect(await pending.whenRegistered("fan_1", 10_000)).toBe(false);
  });

  it("holds a command's lookup until the announcing device's registration commits", async () => {
    const pending = new PendingRegistrations();
    pending.announced("node-1", ["fan_1", "heater_1"]);
    const fan = pending.whenRegistered("fan_1", 10_000);
    const other = pending.whenRegistered("heater_1", 10_000);
    pending.settled("node-2", true); // another device: nothing changes
    pending.settled("node-1", true);
    expect(await fan).toBe(true);
    expect(await other).toBe(true);
    expect(await pending.whenRegistered("fan_1", 10_000)).toBe(false); // registered: nothing pending
  });

  it("answers false when the device goes away first, or after the timeout", async () => {
    const pending = new PendingRegistrations();
    pending.announced("node-1", ["fan_1"]);
    const gone = pending.whenRegistered("fan_1", 10_000);
    pending.settled("node-1", false);
    expect(await gone).toBe(false);
    pending.announced("node-1", ["fan_1"]);
    expect(await pending.whenRegistered("fan_1", 5)).toBe(false);
  });
});
