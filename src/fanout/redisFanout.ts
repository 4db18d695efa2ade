import { randomUUID } from "node:crypto";
import { createClient } from "@redis/client";
import type { TwinEvents } from "../domain/events.js";
import type { Logger } from "../log.js";
import type { EventBus } from "../util/eventBus.js";
import { decodeBatch, encodeBatch, SHARED_EVENTS, type SharedEvent, type SharedEvents } from "./fanoutMessage.js";
import { redactedRedisUrl, type RedisSettings } from "./redisSettings.js";

/** Events published per channel message at most. */
const EVENTS_PER_MESSAGE = 500;
/** Events waiting for the connection at most; beyond, the oldest are not shared (local subscribers still get them). */
const MAX_WAITING = 20_000;
const MAX_BACKOFF_MS = 10_000;

export interface FanoutStatus {
  readonly redis: "up" | "down";
  /** The server's URL without its password. */
  readonly url: string;
  readonly channel: string;
  /** Why the connection is down, while it is. */
  readonly error: string | null;
  /** This instance's events sent to the other instances. */
  readonly published: number;
  /** Other instances' events delivered to this one's subscribers. */
  readonly received: number;
  /** This instance's events the others missed: Redis was down, or the queue for it was full. */
  readonly notShared: number;
  /** Messages or events from the channel that were not the twin's format. */
  readonly rejected: number;
}

type Client = ReturnType<typeof createClient>;

/**
 * Shares the events subscriptions deliver (readings, device statuses, alerts, commands) between
 * twin instances through Redis pub/sub. Each instance's own events reach its subscribers at once,
 * through `feed`, and are published to the channel in batches; the other instances' events
 * arrive from the channel into `feed`. So a graphql-ws client on any instance sees every event,
 * whichever instance ingested the reading or holds the device, once. A Redis that is down does
 * not stop the twin: local subscribers go on, the others miss this instance's events meanwhile
 * (counted), and the connection is retried with backoff.
 */
export class RedisFanout {
  private readonly publisher: Client;
  private readonly subscriber: Client;
  private waiting: SharedEvent[] = [];
  private flushing = false;
  private stopped = false;
  private lastError: string | null = null;
  private published = 0;
  private received = 0;
  private notShared = 0;
  private rejected = 0;
  private readonly owner = "redis-fanout";
  private readonly controlHandlers: Array<(message: Record<string, unknown>) => void> = [];
  /** This process on the channel: the instance's name and a random part, so a restarted or misnamed twin never skips another's events. */
  private readonly origin: string;

  constructor(
    private readonly options: {
      readonly settings: RedisSettings;
      /** This instance's name, in its messages (its own, echoed by the channel, are skipped). */
      readonly instance: string;
      readonly bus: EventBus<TwinEvents>;
      /** What subscriptions listen to: this instance's events and the others'. */
      readonly feed: EventBus<SharedEvents>;
      readonly log: Logger;
    },
  ) {
    this.origin = `${options.instance}/${randomUUID().slice(0, 8)}`;
    const reconnectStrategy = (retries: number, cause: Error): number => {
      this.down(cause);
      return Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(retries, 6));
    };
    // No offline queue: while Redis is down a publish fails at once instead of piling up.
    this.publisher = createClient({ url: options.settings.url, disableOfflineQueue: true, socket: { reconnectStrategy, connectTimeout: 5_000 } });
    this.subscriber = this.publisher.duplicate();
    for (const client of [this.publisher, this.subscriber]) {
      client.on("error", (error: Error) => this.down(error));
      client.on("ready", () => this.up());
    }
  }

  /** Starts sharing; not awaited by the twin's start: a Redis that is down is retried in the background. */
  start(): void {
    const { bus, feed } = this.options;
    for (const name of SHARED_EVENTS) {
      bus.on(name, this.owner, (payload: SharedEvents[typeof name]) => {
        feed.emit(name, payload);
        this.share([name, payload] as SharedEvent);
      });
    }
    const connect = async (): Promise<void> => {
      await this.subscriber.connect();
      await this.subscriber.subscribe(this.options.settings.channel, (message) => this.deliver(message));
      await this.subscriber.subscribe(this.controlChannel, (message) => this.deliverControl(message));
      await this.publisher.connect();
    };
    connect().catch((error: unknown) => {
      if (!this.stopped) this.options.log.error("the Redis fan-out could not start; subscriptions see this instance's events only", { error: (error as Error).message });
    });
  }

  /** This process's name on the channels (control messages address instances by it). */
  get self(): string {
    return this.origin;
  }

  /** True while both connections are up. */
  get ready(): boolean {
    return this.publisher.isReady && this.subscriber.isReady;
  }

  /** Listens to the control channel (instances' requests to each other); messages of this process's own are skipped. */
  onControl(handler: (message: Record<string, unknown>) => void): void {
    this.controlHandlers.push(handler);
  }

  /** Publishes on the control channel, stamped with this process's name; rejects while Redis is down. */
  async publishControl(message: Record<string, unknown>): Promise<void> {
    await this.publisher.publish(this.controlChannel, JSON.stringify({ ...message, v: 1, from: this.origin }));
  }

  private get controlChannel(): string {
    return `${this.options.settings.channel}:control`;
  }

  private deliverControl(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      message = null;
    }
    if (typeof message !== "object" || message === null || (message as Record<string, unknown>)["v"] !== 1 || typeof (message as Record<string, unknown>)["from"] !== "string") {
      this.rejected += 1;
      return;
    }
    if ((message as Record<string, unknown>)["from"] === this.origin) return;
    for (const handler of this.controlHandlers) handler(message as Record<string, unknown>);
  }

  status(): FanoutStatus {
    const up = this.publisher.isReady && this.subscriber.isReady;
    return {
      redis: up ? "up" : "down",
      url: redactedRedisUrl(this.options.settings.url),
      channel: this.options.settings.channel,
      error: up ? null : (this.lastError ?? "connecting"),
      published: this.published,
      received: this.received,
      notShared: this.notShared,
      rejected: this.rejected,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.options.bus.removeOwner(this.owner);
    await this.flush();
    for (const client of [this.subscriber, this.publisher]) {
      if (client.isOpen) await client.close().catch(() => client.destroy());
      else client.destroy();
    }
  }

  private share(event: SharedEvent): void {
    if (!this.publisher.isReady) {
      this.notShared += 1;
      return;
    }
    if (this.waiting.length >= MAX_WAITING) {
      this.waiting.shift();
      this.notShared += 1;
    }
    this.waiting.push(event);
    if (!this.flushing) {
      this.flushing = true;
      // Everything emitted in this turn of the event loop goes out together.
      setImmediate(() => void this.flush());
    }
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, EVENTS_PER_MESSAGE);
      try {
        await this.publisher.publish(this.options.settings.channel, encodeBatch(this.origin, batch));
        this.published += batch.length;
      } catch (error) {
        this.notShared += batch.length;
        this.down(error as Error);
      }
    }
    this.flushing = false;
  }

  private deliver(message: string): void {
    const decoded = decodeBatch(message);
    if (decoded.kind === "refused") {
      if (this.rejected++ === 0) this.options.log.warn("a message on the Redis channel is not the twin's; ignored (another program on the channel?)", { problem: decoded.problem });
      return;
    }
    if (decoded.from === this.origin) return;
    this.rejected += decoded.rejected;
    for (const [name, payload] of decoded.events) (this.options.feed.emit as (n: string, p: unknown) => void)(name, payload);
    this.received += decoded.events.length;
  }

  private down(error: Error): void {
    const first = this.lastError === null;
    this.lastError = error.message || error.name;
    if (first && !this.stopped)
      this.options.log.warn("Redis is down: subscriptions see this instance's events only until it is back; retrying", { url: redactedRedisUrl(this.options.settings.url), error: this.lastError });
  }

  private up(): void {
    if (this.lastError !== null && this.publisher.isReady && this.subscriber.isReady) {
      this.options.log.info("Redis is back: sharing subscription events again", { url: redactedRedisUrl(this.options.settings.url) });
      this.lastError = null;
    }
  }
}
