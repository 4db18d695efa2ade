import { EventEmitter } from "node:events";
import type { DeviceLink, LinkEvents } from "../../src/bridge/link.js";

/** An in-memory link: the test plays the device, writing lines and reading commands. */
export class FakeLink extends EventEmitter<LinkEvents> implements DeviceLink {
  readonly written: string[] = [];
  /** Called for each command line the host writes (the fake device's brain). */
  onCommand: ((command: Record<string, unknown>) => void) | null = null;

  constructor(readonly name = "/dev/fake0") {
    super();
  }

  async open(): Promise<void> {
    // nothing to open: the link is in memory
  }

  async write(data: string): Promise<void> {
    for (const line of data.split("\n").filter((l) => l !== "")) {
      this.written.push(line);
      const command = JSON.parse(line) as Record<string, unknown>;
      queueMicrotask(() => this.onCommand?.(command));
    }
  }

  async close(): Promise<void> {
    this.emit("close", null);
  }

  /** The device sends raw bytes (possibly partial lines, garbage). */
  deviceSends(text: string | Buffer): void {
    this.emit("data", typeof text === "string" ? Buffer.from(text) : text);
  }

  deviceSendsLine(message: Record<string, unknown>): void {
    this.deviceSends(JSON.stringify(message) + "\n");
  }

  unplug(error = new Error("device disconnected")): void {
    this.emit("close", error);
  }
}

/** A hello as the firmware sends it; `onlySensors` replaces the sensor list (compact, kind OTHER). */
export function helloMessage(id: string | undefined, seq = 0, dev = "node-1", sensorPrefix = "", onlySensors: readonly string[] = []): Record<string, unknown> {
  return {
    t: "hello",
    ...(id === undefined ? {} : { id }),
    v: 1,
    dev,
    fw: "1.0.0",
    up: 1000,
    seq,
    ms: 1000,
    sensors:
      onlySensors.length > 0
        ? onlySensors.map((id) => ({ id, kind: "OTHER", unit: "C" }))
        : [
            { id: `temp_${sensorPrefix}1`, kind: "TEMPERATURE", unit: "C", off: 0 },
            { id: `humidity_${sensorPrefix}1`, kind: "HUMIDITY", unit: "%RH", off: 0 },
          ],
    acts: [{ id: `fan_${sensorPrefix}1`, kind: "FAN", state: "OFF" }],
  };
}
