import { EventEmitter } from "node:events";
import { INTERVAL_RANGE_MS, MAX_COMMAND_BYTES, PROTOCOL_VERSION } from "../../protocol/messages.js";
import type { DeviceLink, LinkEvents } from "../link.js";
import { SeededRandom } from "../../analytics/random.js";
import type { RoomActuators, RoomParameters, RoomState } from "./roomPlant.js";
import { VirtualRoom } from "./virtualRoom.js";

const SENSORS = [
  { id: "temp_1", kind: "TEMPERATURE", unit: "C", read: (s: RoomState) => s.temperature, noise: 0.05, decimals: 2 },
  { id: "humidity_1", kind: "HUMIDITY", unit: "%RH", read: (s: RoomState) => s.humidity, noise: 0.2, decimals: 2 },
  { id: "pressure_1", kind: "PRESSURE", unit: "hPa", read: (s: RoomState) => s.pressure, noise: 0.1, decimals: 2 },
  { id: "distance_1", kind: "DISTANCE", unit: "cm", read: (s: RoomState) => s.distance, noise: 0.3, decimals: 1 },
] as const;

const ACTUATORS: ReadonlyArray<{ id: string; kind: string; key: keyof RoomActuators }> = [
  { id: "fan_1", kind: "FAN", key: "fan" },
  { id: "heater_1", kind: "HEATER", key: "heater" },
  { id: "dehumidifier_1", kind: "DEHUMIDIFIER", key: "dehumidifier" },
  { id: "cooler_1", kind: "COOLER", key: "cooler" },
];

export interface VirtualDeviceOptions {
  readonly deviceId?: string;
  readonly intervalMs?: number;
  readonly seed?: number;
  readonly room?: Partial<RoomParameters>;
  readonly initial?: Partial<RoomState>;
  /** The room it hangs in, shared with other nodes there (then `room` and `initial` are the room's own); default a room of its own. */
  readonly sharedRoom?: VirtualRoom;
  /** Replaces the `1` of the firmware's ids (`temp_1` → `temp_<suffix>`): several nodes in one graph. */
  readonly idSuffix?: string;
  /** The node's clock (epoch ms); default the host's. A virtual clock runs tests in simulated time. */
  readonly clock?: () => number;
  /** No sampling timer: the owner calls `sample()` for each reading cycle (with a virtual clock). */
  readonly manual?: boolean;
  /**
   * The simulator's drift scenario (firmware/sim/scenario.c): from `startMinute` after open, the
   * sensor (by its id here) reports `ratePerMinute` × (minutes since start) above the truth.
   */
  readonly drift?: ReadonlyArray<{ readonly sensorId: string; readonly ratePerMinute: number; readonly startMinute: number }>;
}

/**
 * A room node in TypeScript that speaks protocol v1 exactly like the firmware: the fallback
 * when the AVR toolchain is missing. It is a DeviceLink, so the bridge runs the very same
 * session on it as on a serial port.
 */
export class VirtualDevice extends EventEmitter<LinkEvents> implements DeviceLink {
  readonly name: string;
  private readonly deviceId: string;
  private readonly room: VirtualRoom;
  private readonly actuators: RoomActuators = { fan: false, heater: false, dehumidifier: false, cooler: false };
  private readonly offsets = new Map<string, number>();
  private readonly random: SeededRandom;
  private intervalMs: number;
  private seq = 0;
  private bootMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private input = "";
  private isOpen = false;
  private readonly sensors: ReadonlyArray<Omit<(typeof SENSORS)[number], "id"> & { readonly id: string }>;
  private readonly actuatorDefs: typeof ACTUATORS;
  private readonly now: () => number;
  private readonly manual: boolean;
  private readonly drift: NonNullable<VirtualDeviceOptions["drift"]>;

  constructor(options: VirtualDeviceOptions = {}) {
    super();
    this.deviceId = options.deviceId ?? "virtual-1";
    this.name = `virtual:${this.deviceId}`;
    this.room =
      options.sharedRoom ??
      new VirtualRoom({ ...(options.room === undefined ? {} : { room: options.room }), ...(options.initial === undefined ? {} : { initial: options.initial }), seed: options.seed ?? 1 });
    this.room.attach(this.actuators);
    this.intervalMs = options.intervalMs ?? 1_000;
    this.random = new SeededRandom(options.seed ?? 1);
    const rename = (id: string): string => (options.idSuffix === undefined ? id : id.replace(/_1$/, `_${options.idSuffix}`));
    this.sensors = SENSORS.map((sensor) => ({ ...sensor, id: rename(sensor.id) }));
    this.now = options.clock ?? Date.now;
    this.manual = options.manual ?? false;
    this.drift = options.drift ?? [];
    this.actuatorDefs = ACTUATORS.map((actuator) => ({ ...actuator, id: rename(actuator.id) }));
  }

  async open(): Promise<void> {
    this.isOpen = true;
    this.bootMs = this.now();
    this.room.advance(this.bootMs);
    if (!this.manual) this.schedule();
  }

  async write(data: string): Promise<void> {
    if (!this.isOpen) throw new Error(`${this.name} is not open`);
    this.input += data;
    let nl = this.input.indexOf("\n");
    while (nl !== -1) {
      const line = this.input.slice(0, nl).replace(/\r$/, "");
      this.input = this.input.slice(nl + 1);
      if (line.trim() !== "") setImmediate(() => this.answer(line));
      nl = this.input.indexOf("\n");
    }
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.emit("close", null);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.sample();
      if (this.isOpen) this.schedule();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** One reading of every sensor at the node's clock (the timer calls it; with `manual`, its owner). */
  sample(): void {
    if (!this.isOpen) return;
    const now = this.now();
    this.room.advance(now);
    for (const sensor of this.sensors) {
      const value = sensor.read(this.room.state) + this.random.gaussian(0, sensor.noise) + (this.offsets.get(sensor.id) ?? 0) + this.driftOf(sensor.id, now);
      this.send({ t: "r", s: sensor.id, v: Number(value.toFixed(sensor.decimals)), n: ++this.seq, up: now - this.bootMs });
    }
  }

  private driftOf(sensorId: string, nowMs: number): number {
    const minutes = (nowMs - this.bootMs) / 60_000;
    let sum = 0;
    for (const d of this.drift) if (d.sensorId === sensorId && minutes >= d.startMinute) sum += d.ratePerMinute * (minutes - d.startMinute);
    return sum;
  }

  private answer(line: string): void {
    if (Buffer.byteLength(line) > MAX_COMMAND_BYTES) return this.send({ t: "err", code: "LINE_TOO_LONG", msg: "line longer than 127 bytes" });
    let command: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      command = parsed as Record<string, unknown>;
    } catch {
      return this.send({ t: "err", code: "BAD_JSON", msg: "not one JSON object" });
    }
    const id = command["id"];
    if (typeof id !== "string" || id.length === 0 || id.length > 16) return this.send({ t: "err", code: "BAD_VALUE", msg: "id must be a string of 1..16 chars" });
    const refuse = (code: string, msg: string): void => this.send({ t: "err", id, code, msg });
    switch (command["t"]) {
      case "status":
        return this.send(this.hello(id));
      case "set": {
        const actuator = this.actuatorDefs.find((a) => a.id === command["a"]);
        if (actuator === undefined) return refuse("UNKNOWN_ACTUATOR", `a must be ${this.actuatorDefs.map((a) => a.id).join(", ")}`);
        if (command["state"] !== "ON" && command["state"] !== "OFF") return refuse("BAD_STATE", "state must be ON or OFF");
        this.actuators[actuator.key] = command["state"] === "ON";
        return this.send({ t: "ack", id, a: actuator.id, state: command["state"] });
      }
      case "interval": {
        const ms = command["ms"];
        if (typeof ms !== "number" || !Number.isInteger(ms) || ms < INTERVAL_RANGE_MS.min || ms > INTERVAL_RANGE_MS.max) return refuse("BAD_INTERVAL", "ms must be an integer 100..60000");
        this.intervalMs = ms;
        if (this.timer !== null) clearTimeout(this.timer);
        if (!this.manual) this.schedule();
        return this.send({ t: "ack", id, ms });
      }
      case "cal": {
        const sensor = this.sensors.find((s) => s.id === command["s"]);
        const off = command["off"];
        if (sensor === undefined) return refuse("UNKNOWN_SENSOR", `s must be ${this.sensors.map((s) => s.id).join(", ")}`);
        if (typeof off !== "number" || !Number.isFinite(off) || Math.abs(off) > 1000) return refuse("BAD_VALUE", "off must be a number -1000..1000");
        this.offsets.set(sensor.id, off);
        return this.send({ t: "ack", id, s: sensor.id, off });
      }
      default:
        return refuse("UNKNOWN_TYPE", "t must be set, interval, cal or status");
    }
  }

  /** Sends the boot hello (no command id), as the firmware does at power-up and an MQTT node on connect. */
  announce(): void {
    this.send(this.hello(undefined));
  }

  private hello(id: string | undefined): Record<string, unknown> {
    return {
      t: "hello",
      ...(id === undefined ? {} : { id }),
      v: PROTOCOL_VERSION,
      dev: this.deviceId,
      fw: "virtual-1.0.0",
      up: this.now() - this.bootMs,
      seq: this.seq,
      ms: this.intervalMs,
      sensors: this.sensors.map((s) => ({ id: s.id, kind: s.kind, unit: s.unit, off: this.offsets.get(s.id) ?? 0 })),
      acts: this.actuatorDefs.map((a) => ({ id: a.id, kind: a.kind, state: this.actuators[a.key] ? "ON" : "OFF" })),
    };
  }

  private send(message: Record<string, unknown>): void {
    if (this.isOpen) this.emit("data", Buffer.from(JSON.stringify(message) + "\n"));
  }
}
