import { EventEmitter } from "node:events";
import type { DeviceLink, LinkEvents } from "../link.js";

/** Publishes one command to a device's downlink (QoS 1); resolves when the broker has it. */
export type DownlinkPublisher = (deviceId: string, payload: string) => Promise<void>;

/**
 * One MQTT node as a DeviceLink: its uplink messages arrive whole (`message` events), and each
 * command line the session writes becomes one message on its downlink. It is open from the
 * node's first usable message until its last will (or the broker connection) ends it.
 */
export class MqttDeviceLink extends EventEmitter<LinkEvents> implements DeviceLink {
  readonly name: string;
  private isOpen = false;

  constructor(
    readonly boundDeviceId: string,
    /** Where it is reachable, for messages and Device.port: `mqtt:<prefix>/<deviceId>`. */
    topicPath: string,
    private readonly publish: DownlinkPublisher,
  ) {
    super();
    this.name = `mqtt:${topicPath}`;
  }

  async open(): Promise<void> {
    this.isOpen = true;
  }

  /** Hands the session one uplink message. */
  deliver(payload: Buffer): void {
    if (this.isOpen) this.emit("message", payload);
  }

  async write(data: string): Promise<void> {
    if (!this.isOpen) throw new Error(`${this.name} is closed (the node is offline)`);
    for (const line of data.split("\n")) {
      const command = line.replace(/\r$/, "");
      if (command.trim() !== "") await this.publish(this.boundDeviceId, command);
    }
  }

  async close(): Promise<void> {
    this.end(null);
  }

  /** The node left (its last will, a goodbye) or the broker went away. */
  end(error: Error | null): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.emit("close", error);
  }
}
