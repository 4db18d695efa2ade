import { randomUUID } from "node:crypto";
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import { RateLimitedLog, type Logger } from "../../log.js";
import { decodeLine } from "../../protocol/decode.js";
import { MAX_LINE_BYTES } from "../../protocol/messages.js";
import { reopenDelayMs, type DeviceLink } from "../link.js";
import { MqttDeviceLink } from "./mqttDeviceLink.js";
import { Topics } from "./topics.js";

/** MQTT_URL and friends, validated by config.ts. */
export interface MqttSettings {
  /** mqtt:// or mqtts:// URL of the broker. */
  readonly url: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
  /** First topic level(s): nodes publish to `<prefix>/<deviceId>/up`. */
  readonly prefix: string;
}

/**
 * The twin asks the broker (MQTT 5 Maximum Packet Size) for nothing larger: a protocol message
 * is at most 1 KiB, so anything this big is hostile and the broker drops it instead of sending
 * it (the connection stays up). Between the two, the session counts the message as too long.
 */
const MAX_PACKET_BYTES = 64 * 1024;
/** Nodes one twin serves over MQTT at most; more are refused (a flood of made-up ids). */
const MAX_DEVICES = 10_000;

export interface MqttBridgeOptions {
  readonly settings: MqttSettings;
  /** Where each node's link gets its session: the serial bridge's own sessions. */
  readonly bridge: { adopt(link: DeviceLink): void };
  readonly log: Logger;
  readonly clock?: () => number;
  /** The MQTT client id; default `twin-<random>`. */
  readonly clientId?: string;
}

export interface MqttStatus {
  readonly broker: "up" | "down";
  /** The broker's URL without credentials. */
  readonly url: string;
  /** Why the last connection attempt failed, while it is down. */
  readonly error: string | null;
  /** The broker granted the subscription to every uplink (false while down, or refused by its ACL). */
  readonly subscribed: boolean;
  /** Successful connections so far (1 after a start without a broker outage). */
  readonly connects: number;
  /** Nodes with an open link. */
  readonly devices: number;
  /** Uplink messages from nodes without a session that were not protocol v1 (or not an uplink). */
  readonly strayMessages: number;
}

/**
 * Sends each message at once: with Nagle's algorithm a small packet may wait for the previous
 * one's TCP ack (tens of ms with delayed acks), which a reading's latency would pay.
 */
export function noDelay(client: MqttClient): void {
  const stream = client.stream as { setNoDelay?: (on: boolean) => unknown } | undefined;
  stream?.setNoDelay?.(true);
}

/** The URL for messages: no user or password in the log. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "(unparseable MQTT URL)";
  }
}

/**
 * The twin's side of every MQTT node: one client subscribed to `<prefix>/+/up`, one link (and
 * so one device session) per node, commands published to `<prefix>/<id>/down` at QoS 1. A
 * broker that is down or goes away is retried with the serial ports' backoff; meanwhile the
 * twin serves what it has and the nodes' links are closed (their commands fail fast).
 */
export class MqttBridge {
  private readonly topics: Topics;
  private readonly links = new Map<string, MqttDeviceLink>();
  private readonly warn: RateLimitedLog;
  private readonly url: string;
  private client: MqttClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private connects = 0;
  private strays = 0;
  private lastError: string | null = null;
  private stopped = false;
  private up = false;
  private subscribed = false;

  constructor(private readonly options: MqttBridgeOptions) {
    this.topics = new Topics(options.settings.prefix);
    this.url = redactedUrl(options.settings.url);
    this.warn = new RateLimitedLog(options.log, 60_000);
  }

  /** Connects (in the background: a broker that is down is retried, never awaited). */
  start(): void {
    const { settings } = this.options;
    const clientOptions: IClientOptions = {
      clientId: this.options.clientId ?? `twin-${randomUUID().slice(0, 8)}`,
      protocolVersion: 5,
      clean: true,
      // Reconnection is ours: with backoff, and with the nodes' links closed meanwhile.
      reconnectPeriod: 0,
      connectTimeout: 10_000,
      properties: { maximumPacketSize: MAX_PACKET_BYTES },
      ...(settings.username === undefined ? {} : { username: settings.username }),
      ...(settings.password === undefined ? {} : { password: settings.password }),
    };
    const client = mqtt.connect(settings.url, clientOptions);
    this.client = client;
    client.on("connect", () => this.onConnect(client));
    client.on("error", (error) => {
      this.lastError = error.message;
    });
    client.on("close", () => this.onClose());
    client.on("message", (topic, payload) => this.onMessage(topic, payload));
  }

  status(): MqttStatus {
    return {
      broker: this.client?.connected === true ? "up" : "down",
      url: this.url,
      error: this.client?.connected === true ? null : this.lastError,
      subscribed: this.subscribed && this.client?.connected === true,
      connects: this.connects,
      devices: this.links.size,
      strayMessages: this.strays,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.endLinks(new Error("the twin is stopping"));
    await this.client?.endAsync(true).catch(() => undefined);
  }

  private onConnect(client: MqttClient): void {
    noDelay(client);
    this.connects += 1;
    this.up = true;
    this.attempt = 0;
    this.lastError = null;
    this.options.log.info(`connected to the MQTT broker at ${this.url}; listening on ${this.topics.allUp}`);
    // Retained hellos arrive right after the subscription: every node that is up gets its session.
    client
      .subscribeAsync(this.topics.allUp, { qos: 1 })
      .then(() => {
        this.subscribed = true;
      })
      // A refusal (reason code 0x80 and above) rejects too.
      .catch((error: unknown) => {
        this.options.log.error(`the MQTT broker refused the subscription to ${this.topics.allUp}: ${(error as Error).message}; check the broker's ACL for this user`);
      });
  }

  private onClose(): void {
    if (this.up && !this.stopped) this.options.log.warn(`lost the MQTT broker at ${this.url}; its nodes are offline until it is back`);
    this.up = false;
    this.subscribed = false;
    this.endLinks(new Error(`the MQTT broker at ${this.url} is unreachable`));
    if (this.stopped || this.timer !== null) return;
    const delay = reopenDelayMs(this.attempt++);
    this.warn.warn("down", this.now(), `the MQTT broker at ${this.url} is down (${this.lastError ?? "connection closed"}); retrying with backoff, next in ${delay} ms`);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.client?.reconnect();
    }, delay);
    this.timer.unref();
  }

  private onMessage(topic: string, payload: Buffer): void {
    const deviceId = this.topics.deviceOfUp(topic);
    if (deviceId === null) return this.stray(topic, "not the uplink of a usable device id", payload);
    const existing = this.links.get(deviceId);
    if (payload.length === 0) {
      // The node's last will (or its goodbye): an empty retained message, which also clears its hello.
      if (existing !== undefined) {
        this.options.log.info(`MQTT node ${deviceId} left (its last will or goodbye on ${topic})`);
        existing.end(new Error("the node left the broker (its last will or goodbye)"));
      }
      return;
    }
    if (existing !== undefined) return existing.deliver(payload);
    // A session starts with a usable message, so junk under made-up ids costs no sessions.
    if (payload.length > MAX_LINE_BYTES) return this.stray(topic, `${payload.length} bytes, over the protocol's ${MAX_LINE_BYTES}`, payload);
    const decoded = decodeLine(payload.toString("utf8"));
    if (!decoded.ok) return this.stray(topic, decoded.detail, payload);
    if (this.links.size >= MAX_DEVICES) return this.stray(topic, `already ${MAX_DEVICES} MQTT nodes on this twin`, payload);
    const link = new MqttDeviceLink(deviceId, `${this.topics.prefix}/${deviceId}`, (id, command) => this.publishDown(id, command));
    this.links.set(deviceId, link);
    link.once("close", () => {
      if (this.links.get(deviceId) === link) this.links.delete(deviceId);
    });
    void link.open();
    this.options.bridge.adopt(link);
    link.deliver(payload);
  }

  private async publishDown(deviceId: string, command: string): Promise<void> {
    const client = this.client;
    if (!client?.connected) throw new Error(`the MQTT broker at ${this.url} is unreachable`);
    await client.publishAsync(this.topics.down(deviceId), command, { qos: 1 });
  }

  private stray(topic: string, why: string, payload: Buffer): void {
    this.strays += 1;
    const head = payload.subarray(0, 120).toString("utf8");
    this.warn.warn("stray", this.now(), `ignored an MQTT message on ${topic.slice(0, 200)}: ${why}`, { count: this.strays, payload: payload.length > 120 ? `${head}…` : head });
  }

  private endLinks(error: Error): void {
    for (const link of [...this.links.values()]) link.end(error);
    this.links.clear();
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }
}
