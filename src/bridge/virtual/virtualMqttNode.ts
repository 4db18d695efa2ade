import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { Logger } from "../../log.js";
import { silentLogger } from "../../log.js";
import { noDelay, type MqttSettings } from "../mqtt/mqttBridge.js";
import { Topics } from "../mqtt/topics.js";
import { VirtualDevice, type VirtualDeviceOptions } from "./virtualDevice.js";

export interface VirtualMqttNodeOptions extends VirtualDeviceOptions {
  readonly deviceId: string;
  readonly mqtt: MqttSettings;
  readonly log?: Logger;
  /** Called as each reading is handed to the client (benchmarks time publish → subscriber). */
  readonly onPublish?: (reading: { readonly s: string; readonly n: number }) => void;
}

/**
 * The virtual room node as an MQTT node (DEVICE=virtual-mqtt): the same protocol v1 messages
 * as the firmware, one per MQTT message. It publishes its hello retained on every connect, its
 * readings and answers to `<prefix>/<id>/up`, takes commands from `<prefix>/<id>/down`, and
 * leaves an empty retained last will on its uplink, so the broker tells the twin when it is gone
 * (and clears its hello).
 */
export class VirtualMqttNode {
  readonly deviceId: string;
  private readonly device: VirtualDevice;
  private readonly topics: Topics;
  private client: MqttClient | null = null;

  constructor(private readonly options: VirtualMqttNodeOptions) {
    this.deviceId = options.deviceId;
    this.device = new VirtualDevice(options);
    this.topics = new Topics(options.mqtt.prefix);
  }

  /** Connects and starts sampling; resolves on the first connection (the client keeps retrying). */
  async start(): Promise<void> {
    const { mqtt: settings } = this.options;
    const log = this.options.log ?? silentLogger;
    const up = this.topics.up(this.deviceId);
    const down = this.topics.down(this.deviceId);
    const clientOptions: IClientOptions = {
      clientId: `node-${this.deviceId}`.slice(0, 64),
      clean: true,
      reconnectPeriod: 1_000,
      will: { topic: up, payload: Buffer.alloc(0), qos: 1, retain: true },
      ...(settings.username === undefined ? {} : { username: settings.username }),
      ...(settings.password === undefined ? {} : { password: settings.password }),
    };
    const client = mqtt.connect(settings.url, clientOptions);
    this.client = client;
    client.on("error", (error) => log.debug(`virtual MQTT node ${this.deviceId}: ${error.message}`));
    client.on("message", (_topic, payload) => void this.device.write(`${payload.toString("utf8")}\n`).catch(() => undefined));
    this.device.on("data", (chunk) => {
      const text = chunk.toString("utf8").trimEnd();
      const hello = text.startsWith('{"t":"hello"');
      if (!hello && this.options.onPublish !== undefined && text.startsWith('{"t":"r"')) {
        const { s, n } = JSON.parse(text) as { s: string; n: number };
        this.options.onPublish({ s, n });
      }
      // The latest hello stays retained: a twin that subscribes later learns the node at once.
      client.publish(up, text, { qos: 1, retain: hello }, () => undefined);
    });
    let opened = false;
    await new Promise<void>((resolve) => {
      client.on("connect", () => {
        noDelay(client);
        client.subscribe(down, { qos: 1 }, (error) => {
          if (error) log.warn(`virtual MQTT node ${this.deviceId} cannot subscribe to ${down}: ${error.message}`);
          // Sampling starts with the first connection ("power-up"); every connection says hello.
          if (!opened) void this.device.open();
          opened = true;
          this.device.announce();
          resolve();
        });
      });
    });
  }

  /** Leaves cleanly: clears the retained hello (what the last will would do) and disconnects. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    await this.device.close();
    if (client === null) return;
    if (client.connected) await client.publishAsync(this.topics.up(this.deviceId), Buffer.alloc(0), { qos: 1, retain: true }).catch(() => undefined);
    await client.endAsync();
  }

  /** Drops the connection without a goodbye (power loss, WiFi gone): the broker sends the last will. */
  async kill(): Promise<void> {
    const client = this.client;
    this.client = null;
    await this.device.close();
    await client?.endAsync(true);
  }
}
