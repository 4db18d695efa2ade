import { RateLimitedLog, type Logger } from "../log.js";
import { decodeLine } from "../protocol/decode.js";
import { MAX_LINE_BYTES } from "../protocol/messages.js";
import { encodeCommand } from "../protocol/encode.js";
import type { DeviceCommand, DeviceMessage, HelloMessage, ReadingMessage } from "../protocol/messages.js";
import { LineSplitter } from "../protocol/lineSplitter.js";
import type { DeviceStatusEvent } from "../domain/events.js";
import type { ReadingCandidate } from "../domain/reading.js";
import { Correlator, DeviceGoneError, type CommandAnswer } from "./correlator.js";
import type { DeviceLink } from "./link.js";
import { RecentKeys } from "../ingest/recentKeys.js";
import { retryUntil } from "../util/retryUntil.js";

/** Per-device counts of what the line carried that could not be used. */
export interface RejectCounters {
  badJson: number;
  tooLong: number;
  unknownType: number;
  badField: number;
  unannouncedSensor: number;
  beforeHello: number;
  refusedByIngest: number;
  partialLines: number;
  /** Hellos naming another device than the one the link belongs to (an MQTT topic's id). */
  foreignDevice: number;
}

export type DeviceStatusSnapshot = DeviceStatusEvent;

export interface SessionHooks {
  /** Hands one reading to the ingest pipeline; returns null if accepted, else why not. */
  ingest(candidate: ReadingCandidate): string | null;
  /** A hello arrived: register the device, its sensors and actuators. */
  registered(hello: HelloMessage, port: string, atMs: number): Promise<void>;
  /** Connect, disconnect, gap: the device's status changed. */
  status(snapshot: DeviceStatusSnapshot): void;
  /** The device acknowledged an actuator state. */
  actuatorReported(deviceId: string, actuatorId: string, state: "ON" | "OFF", atMs: number): void;
}

export interface SessionOptions {
  readonly clock: () => number;
  readonly log: Logger;
  /** Status requests are repeated this often until a hello arrives (PROTOCOL.md §4). */
  readonly helloRetryMs?: number;
  /** Timestamps from host arrival time, or from the device's uptime anchored at its hello. */
  readonly timestamps?: "host" | "device";
}

type Omitted<T> = T extends unknown ? Omit<T, "id"> : never;
export type CommandBody = Omitted<DeviceCommand>;

const MAX_IN_FLIGHT = 2; // the node buffers 256 bytes: a few short commands, not a burst
/** Readings that arrive before the hello are held (a node that does not reset on open). */
const MAX_EARLY_READINGS = 256;
/** Framed readings remembered to drop a redelivery (MQTT QoS 1 is at-least-once). */
const RECENT_FRAMED = 64;

/**
 * One device on one link: the protocol conversation. Asks for hello until it comes, turns
 * readings into ingest candidates (counting sequence gaps as lost readings), matches answers
 * to commands, and counts and logs (rate-limited) every line it cannot use — never throwing.
 */
export class DeviceSession {
  readonly rejects: RejectCounters = { badJson: 0, tooLong: 0, unknownType: 0, badField: 0, unannouncedSensor: 0, beforeHello: 0, refusedByIngest: 0, partialLines: 0, foreignDevice: 0 };
  private readonly splitter = new LineSplitter();
  private readonly warn: RateLimitedLog;
  private correlator: Correlator;
  private hello: HelloMessage | null = null;
  private sensors = new Set<string>();
  private lastSeq: number | null = null;
  private lostReadings = 0;
  private readingCount = 0;
  private lastLineMs: number | null = null;
  private online = false;
  private anchor: { hostMs: number; up: number } | null = null;
  private early: Array<{ reading: ReadingMessage; atMs: number }> = [];
  private firstLine = true;
  /** Keys (sensor, seq, uptime) of the last framed readings: a second copy is a redelivery. */
  private readonly recentFramed = new RecentKeys(RECENT_FRAMED);
  private helloTimer: NodeJS.Timeout | null = null;
  private livenessTimer: NodeJS.Timeout | null = null;
  private nextId = 0;
  private inFlight = 0;
  private readonly queue: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly link: DeviceLink,
    private readonly hooks: SessionHooks,
    private readonly options: SessionOptions,
  ) {
    this.warn = new RateLimitedLog(options.log);
    this.correlator = new Correlator(link.name);
  }

  get deviceId(): string | null {
    return this.hello?.dev ?? null;
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** Starts listening and asks the device who it is. */
  start(): void {
    this.link.on("data", (chunk) => this.onData(chunk));
    this.link.on("message", (payload) => this.onFramed(payload));
    this.link.once("close", (error) => this.onClose(error));
    this.requestHello();
    this.livenessTimer = setInterval(() => this.checkLiveness(), 1_000);
    this.livenessTimer.unref();
  }

  /** Sends a command and resolves with the device's answer (ack, or hello for status). */
  async send(body: CommandBody, timeoutMs: number): Promise<CommandAnswer> {
    if (this.stopped) throw new DeviceGoneError(`device ${this.deviceId ?? this.link.name} is disconnected`);
    await this.slot();
    try {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may have run while this waited for its slot
      if (this.stopped) throw new DeviceGoneError(`device ${this.deviceId ?? this.link.name} disconnected`);
      const id = `h${(this.nextId++).toString(36)}`;
      const command = { ...body, id } as DeviceCommand;
      const line = encodeCommand(command);
      const answer = this.correlator.expect(id, timeoutMs);
      // A write to a starved device can outlast the timeout: the rejection must not be left
      // unhandled meanwhile (it would end the process); it is still thrown at `await answer`.
      answer.catch(() => undefined);
      try {
        await this.link.write(line);
      } catch (error) {
        this.correlator.settle({ t: "err", id, code: "WRITE_FAILED", msg: (error as Error).message });
      }
      const result = await answer;
      if (result.t === "ack" && result.a !== undefined && result.state !== undefined && this.deviceId !== null) {
        this.hooks.actuatorReported(this.deviceId, result.a, result.state, this.options.clock());
      }
      return result;
    } finally {
      this.release();
    }
  }

  /** Current status, as the deviceStatus subscription reports it. */
  snapshot(): DeviceStatusSnapshot {
    const r = this.rejects;
    return {
      deviceId: this.deviceId ?? this.link.name,
      port: this.link.name,
      firmware: this.hello?.fw ?? null,
      online: this.online,
      lastSeenMs: this.lastLineMs,
      lostReadings: this.lostReadings,
      rejectedLines: r.badJson + r.tooLong + r.unknownType + r.badField + r.unannouncedSensor + r.beforeHello + r.refusedByIngest + r.foreignDevice,
      readings: this.readingCount,
    };
  }

  /** Stops timers and fails outstanding commands; the link itself is closed by its owner. */
  stop(reason = "session stopped"): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.helloTimer !== null) clearInterval(this.helloTimer);
    if (this.livenessTimer !== null) clearInterval(this.livenessTimer);
    this.correlator.failAll(reason);
    for (const next of this.queue.splice(0)) next();
    if (this.online) {
      this.online = false;
      if (this.hello !== null) this.hooks.status(this.snapshot());
    }
  }

  private requestHello(): void {
    const ask = (): void => {
      if (this.hello !== null || this.stopped) return;
      const id = `s${(this.nextId++).toString(36)}`;
      this.correlator.expect(id, this.options.helloRetryMs ?? 2_000).catch(() => undefined);
      this.link.write(encodeCommand({ t: "status", id })).catch(() => undefined);
    };
    ask();
    this.helloTimer = setInterval(() => {
      if (this.hello !== null) {
        if (this.helloTimer !== null) clearInterval(this.helloTimer);
        this.helloTimer = null;
        return;
      }
      this.warn.warn(`nohello:${this.link.name}`, this.options.clock(), "no hello from the device yet; asking again", { port: this.link.name });
      ask();
    }, this.options.helloRetryMs ?? 2_000);
    this.helloTimer.unref();
  }

  private onData(chunk: Buffer): void {
    for (const event of this.splitter.push(chunk)) {
      if (event.kind === "overflow") {
        this.reject("tooLong", `a line of ${event.bytes} bytes exceeded the protocol's 1024-byte limit and was dropped`);
        continue;
      }
      if (event.line.trim() === "") continue;
      this.onLine(event.line);
    }
  }

  /** One whole message (MQTT): never a partial line, never several. */
  private onFramed(payload: Buffer): void {
    this.firstLine = false;
    if (payload.length > MAX_LINE_BYTES) {
      this.lastLineMs = this.options.clock();
      this.reject("tooLong", `a message of ${payload.length} bytes exceeded the protocol's ${MAX_LINE_BYTES}-byte limit and was dropped`);
      return;
    }
    this.onLine(payload.toString("utf8"), true);
  }

  private onLine(line: string, framed = false): void {
    const now = this.options.clock();
    this.lastLineMs = now;
    const decoded = decodeLine(line);
    const first = this.firstLine;
    this.firstLine = false;
    if (!decoded.ok && first) {
      // The port was opened in the middle of a line: its tail is expected noise, not an error.
      this.rejects.partialLines += 1;
      this.options.log.debug("dropped the partial line that was in flight when the port opened", { port: this.link.name });
      return;
    }
    if (!decoded.ok) {
      const key =
        decoded.problem === "bad_json" || decoded.problem === "not_object" ? "badJson" : decoded.problem === "too_long" ? "tooLong" : decoded.problem === "unknown_type" ? "unknownType" : "badField";
      this.reject(key, `unusable line: ${decoded.detail}`, line);
      return;
    }
    if (!this.online && this.hello !== null) {
      this.online = true;
      this.hooks.status(this.snapshot());
    }
    this.onMessage(decoded.message, now, framed);
  }

  private onMessage(message: DeviceMessage, now: number, framed: boolean): void {
    switch (message.t) {
      case "r":
        if (framed && this.redelivered(message)) return;
        this.onReading(message, now);
        return;
      case "hello":
        if (this.link.boundDeviceId !== undefined && message.dev !== this.link.boundDeviceId) {
          this.reject("foreignDevice", `hello names device ${message.dev}, but it came from the topic of ${this.link.boundDeviceId}; dropped (a node publishes under its own id)`);
          return;
        }
        this.correlator.settle(message);
        this.onHello(message, now);
        return;
      case "ack":
        if (!this.correlator.settle(message)) this.options.log.debug("ack for no waiting command (late, after its timeout)", { id: message.id });
        return;
      case "err":
        if (!this.correlator.settle(message)) {
          this.warn.warn(`err:${this.link.name}:${message.code}`, now, "the device reported an error", { port: this.link.name, code: message.code, msg: message.msg });
        }
        return;
    }
  }

  private onHello(hello: HelloMessage, now: number): void {
    const first = this.hello === null;
    const rebooted = this.hello !== null && (hello.up < (this.anchor?.up ?? 0) || hello.dev !== this.hello.dev);
    this.hello = hello;
    this.sensors = new Set(hello.sensors.map((s) => s.id));
    this.anchor = { hostMs: now, up: hello.up };
    this.online = true;
    const early = this.early;
    this.early = [];
    this.lastSeq = early.length > 0 ? (early[0] as { reading: ReadingMessage }).reading.n - 1 : hello.seq;
    for (const held of early) this.onReading(held.reading, held.atMs);
    this.lastSeq = Math.max(this.lastSeq, hello.seq);
    if (first || rebooted)
      this.options.log.info(`device ${hello.dev} ${first ? "connected" : "restarted"} on ${this.link.name}`, {
        firmware: hello.fw,
        sensors: hello.sensors.length,
        actuators: hello.acts.length,
        intervalMs: hello.ms,
      });
    // Until the graph has the device, commands cannot find its actuators: keep trying (a deadlock
    // or a database restart must not leave it unregistered for the rest of the session).
    void retryUntil(() => this.hooks.registered(hello, this.link.name, now), {
      gone: () => this.stopped || this.hello !== hello,
      onError: (error, attempt) => this.options.log.error(`registering the device in the graph failed (attempt ${attempt}); readings still flow, retrying`, { deviceId: hello.dev, error }),
    });
    this.hooks.status(this.snapshot());
  }

  private onReading(reading: ReadingMessage, now: number): void {
    if (this.hello === null) {
      if (this.early.length < MAX_EARLY_READINGS) {
        this.early.push({ reading, atMs: now });
        return;
      }
      this.reject("beforeHello", `reading from a device that has not said hello (${MAX_EARLY_READINGS} already held); dropped until the device identifies itself`, JSON.stringify(reading));
      return;
    }
    if (!this.sensors.has(reading.s)) {
      this.reject("unannouncedSensor", `reading for sensor ${reading.s}, which the device did not announce in its hello`);
      return;
    }
    if (this.lastSeq !== null) {
      if (reading.n > this.lastSeq + 1) {
        this.lostReadings += reading.n - this.lastSeq - 1;
        this.hooks.status(this.snapshot());
      } else if (reading.n <= this.lastSeq) {
        // Sequence went backwards: the node rebooted (its hello was lost) or wrapped. Re-anchor.
        this.anchor = { hostMs: now, up: reading.up };
        this.options.log.info(`device ${this.deviceId} restarted its sequence (${this.lastSeq} → ${reading.n})`);
      }
    }
    this.lastSeq = reading.n;
    const timestamp = this.options.timestamps === "device" && this.anchor !== null ? this.anchor.hostMs + (reading.up - this.anchor.up) : now;
    const refused = this.hooks.ingest({ sensorId: reading.s, value: reading.v, timestamp, seq: reading.n });
    if (refused !== null) {
      this.reject("refusedByIngest", `reading refused by the twin: ${refused}`);
      return;
    }
    this.readingCount += 1;
  }

  /** True for a second copy of a recent framed reading (same sensor, sequence and uptime). */
  private redelivered(reading: ReadingMessage): boolean {
    const key = `${reading.s}\u0000${reading.n}\u0000${reading.up}`;
    if (this.recentFramed.add(key)) return false;
    this.options.log.debug("dropped a redelivered reading", { port: this.link.name, sensorId: reading.s, seq: reading.n });
    return true;
  }

  private onClose(error: Error | null): void {
    const partial = this.splitter.reset();
    if (partial > 0) this.rejects.partialLines += 1;
    const reason = error === null ? "link closed" : `link lost: ${error.message}`;
    if (this.hello !== null) this.options.log.warn(`device ${this.deviceId} disconnected from ${this.link.name}`, { reason, partialBytes: partial });
    this.stop(reason);
  }

  private checkLiveness(): void {
    if (!this.online || this.hello === null || this.lastLineMs === null) return;
    const silentMs = this.options.clock() - this.lastLineMs;
    if (silentMs > 3 * this.hello.ms + 1_000) {
      this.online = false;
      this.options.log.warn(`device ${this.deviceId} went silent`, { silentMs, intervalMs: this.hello.ms });
      this.hooks.status(this.snapshot());
    }
  }

  private reject(key: keyof RejectCounters, message: string, line?: string): void {
    this.rejects[key] += 1;
    const context: Record<string, unknown> = { port: this.link.name, device: this.deviceId, count: this.rejects[key] };
    if (line !== undefined) context["line"] = line.length > 120 ? `${line.slice(0, 120)}…` : line;
    this.warn.warn(`${this.link.name}:${key}`, this.options.clock(), message, context);
  }

  private slot(): Promise<void> {
    if (this.inFlight < MAX_IN_FLIGHT) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.queue.push(() => {
        this.inFlight += 1;
        resolve();
      }),
    );
  }

  private release(): void {
    this.inFlight -= 1;
    this.queue.shift()?.();
  }
}
