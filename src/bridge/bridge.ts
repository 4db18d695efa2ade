import type { Logger } from "../log.js";
import type { DeviceStore } from "../store/deviceStore.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import type { IngestPipeline } from "../ingest/ingest.js";
import { DeviceGoneError, type CommandAnswer } from "./correlator.js";
import { DeviceSession, type CommandBody, type DeviceStatusSnapshot } from "./deviceSession.js";
import type { DeviceLink } from "./link.js";
import { PortRunner } from "./portRunner.js";
import { PendingRegistrations } from "./registrations.js";

export interface BridgeOptions {
  readonly ingest: Pick<IngestPipeline, "ingest">;
  readonly devices: Pick<DeviceStore, "register" | "touch">;
  readonly bus: EventBus<TwinEvents>;
  readonly clock: () => number;
  readonly log: Logger;
  readonly timestamps?: "host" | "device";
  /** How often Device.lastSeen is written while readings flow. */
  readonly touchEveryMs?: number;
}

/** Where a link's readings are counted on /metrics: an MQTT node's, or a port's. */
const sourceOf = (link: DeviceLink): "mqtt" | "serial" => (link.name.startsWith("mqtt:") ? "mqtt" : "serial");

/**
 * The twin's side of every serial line: one session per open link, reopened when it drops;
 * readings go to the ingest pipeline, device status to the bus, devices to the graph, and
 * commands to the right port.
 */
export class Bridge {
  private readonly runners: PortRunner[] = [];
  private readonly sessions = new Map<string, DeviceSession>();
  private readonly touchTimer: NodeJS.Timeout;
  private readonly touched = new Map<string, number>();
  /** When each device was last heard from in this process (a hello or a reading). */
  private readonly seen = new Map<string, number>();
  private readonly registrations = new PendingRegistrations();

  constructor(private readonly options: BridgeOptions) {
    this.touchTimer = setInterval(() => void this.flushLastSeen(), options.touchEveryMs ?? 5_000);
    this.touchTimer.unref();
  }

  /** Keeps a link open (reopening with backoff) and runs a session on it. */
  attach(name: string, connect: () => Promise<DeviceLink>): void {
    const runner = new PortRunner(name, connect, (link) => this.runSession(link), this.options.log.child("port"));
    this.runners.push(runner);
    runner.start();
  }

  /**
   * Runs a session on a link whose lifetime its owner manages (an MQTT node: opened by its first
   * message, ended by its last will); the link is already open.
   */
  adopt(link: DeviceLink): void {
    this.runSession(link);
  }

  /** Sends a command to a connected device and waits for its answer. */
  send(deviceId: string, body: CommandBody, timeoutMs: number): Promise<CommandAnswer> {
    const session = this.sessionOf(deviceId);
    if (session === undefined) {
      const known = this.statuses().map((s) => s.deviceId);
      return Promise.reject(new DeviceGoneError(`device ${deviceId} is not connected${known.length > 0 ? ` (connected: ${known.join(", ")})` : ""}`));
    }
    return session.send(body, timeoutMs);
  }

  /** The status of every device with an open link. */
  statuses(): DeviceStatusSnapshot[] {
    return [...this.sessions.values()].filter((s) => s.deviceId !== null).map((s) => s.snapshot());
  }

  isConnected(deviceId: string): boolean {
    return this.sessionOf(deviceId) !== undefined;
  }

  /**
   * True once a connected device that announced `actuatorId` in its hello has it in the graph;
   * false at once when none is registering it, or after `timeoutMs`.
   */
  whenRegistered(actuatorId: string, timeoutMs: number): Promise<boolean> {
    return this.registrations.whenRegistered(actuatorId, timeoutMs);
  }

  /** When this process last heard from the device (epoch ms), or undefined if it never did. */
  lastSeenMs(deviceId: string): number | undefined {
    return this.seen.get(deviceId);
  }

  async stop(): Promise<void> {
    clearInterval(this.touchTimer);
    await Promise.all(this.runners.map((r) => r.stop()));
    for (const session of this.sessions.values()) session.stop("bridge stopped");
    this.sessions.clear();
    await this.flushLastSeen();
  }

  private sessionOf(deviceId: string): DeviceSession | undefined {
    for (const session of this.sessions.values()) if (session.deviceId === deviceId) return session;
    return undefined;
  }

  private runSession(link: DeviceLink): void {
    const { ingest, devices, bus, clock, log } = this.options;
    const source = sourceOf(link);
    const session = new DeviceSession(
      link,
      {
        ingest: (candidate) => {
          const outcome = ingest.ingest([candidate], source);
          if (outcome.rejected === 0) {
            const deviceId = session.deviceId;
            if (deviceId !== null) {
              const now = clock();
              this.touched.set(deviceId, now);
              this.seen.set(deviceId, now);
            }
            return null;
          }
          return outcome.errors[0]?.message ?? "refused";
        },
        registered: async (hello, port, atMs) => {
          bus.emit("sensorsDeclared", { sensors: hello.sensors.map((s) => ({ sensorId: s.id, kind: s.kind })) });
          this.seen.set(hello.dev, atMs);
          this.registrations.announced(
            hello.dev,
            hello.acts.map((a) => a.id),
          );
          const moved = await devices.register({ deviceId: hello.dev, port, firmware: hello.fw, seenAtMs: atMs, sensors: hello.sensors, actuators: hello.acts });
          if (moved.length > 0) {
            const from = [...new Set(moved.map((m) => m.from))].join(", ");
            log.info(`${moved.map((m) => m.id).join(", ")} now route to ${hello.dev} (linked to ${from} before)`, { deviceId: hello.dev, moved });
          }
          for (const act of hello.acts) bus.emit("actuatorReported", { deviceId: hello.dev, actuatorId: act.id, state: act.state, atMs });
          bus.emit("deviceRegistered", { deviceId: hello.dev, intervalMs: hello.ms, sensors: hello.sensors.map((s) => ({ sensorId: s.id, offset: s.offset })) });
          this.registrations.settled(hello.dev, true);
        },
        status: (snapshot) => bus.emit("deviceStatus", snapshot),
        // An ack answers a command: the command path stores it with the command, in one transaction.
        actuatorReported: (deviceId, actuatorId, state, atMs) => bus.emit("actuatorReported", { deviceId, actuatorId, state, atMs }),
      },
      { clock, log: log.child("device"), ...(this.options.timestamps === undefined ? {} : { timestamps: this.options.timestamps }) },
    );
    this.sessions.set(link.name, session);
    link.once("close", () => {
      if (session.deviceId !== null) this.registrations.settled(session.deviceId, false);
      if (this.sessions.get(link.name) === session) this.sessions.delete(link.name);
    });
    session.start();
  }

  private async flushLastSeen(): Promise<void> {
    if (this.touched.size === 0) return;
    const seen = [...this.touched].map(([deviceId, atMs]) => ({ deviceId, atMs }));
    this.touched.clear();
    try {
      await this.options.devices.touch(seen);
    } catch (error) {
      this.options.log.warn("updating Device.lastSeen failed; will retry with the next readings", { error });
    }
  }
}
