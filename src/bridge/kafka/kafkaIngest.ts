import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type logCreator } from "kafkajs";
import { RateLimitedLog, type Logger } from "../../log.js";
import type { BatchWriter } from "../../ingest/batchWriter.js";
import type { IngestPipeline } from "../../ingest/ingest.js";
import { reopenDelayMs } from "../link.js";
import { KafkaReadingConsumer, type ConsumerStatus } from "./readingConsumer.js";
import { KafkaReadingProducer, type ProducerStatus } from "./readingProducer.js";

/** KAFKA_BROKERS and friends, validated by config.ts. */
export interface KafkaSettings {
  /** host:port of one or more brokers. */
  readonly brokers: readonly string[];
  /** The readings topic (KAFKA_TOPIC, default twin.readings). */
  readonly topic: string;
  /** The consumer group of all twin instances (KAFKA_GROUP, default twin). */
  readonly group: string;
  /** Partitions of the readings topic when the twin creates it (KAFKA_PARTITIONS). */
  readonly partitions: number;
  /** How long the group waits for a silent instance before moving its partitions (KAFKA_SESSION_TIMEOUT_MS). */
  readonly sessionTimeoutMs: number;
}

export interface KafkaStatus {
  readonly brokers: string;
  readonly topic: string;
  readonly group: string;
  /** up once the topic is there and this instance is consuming it. */
  readonly consumer: "up" | "down";
  readonly error: string | null;
  readonly producer: ProducerStatus;
  readonly consuming: ConsumerStatus;
}

export interface KafkaIngestOptions {
  readonly settings: KafkaSettings;
  readonly ingest: Pick<IngestPipeline, "ingest">;
  readonly writer: Pick<BatchWriter, "offeredPosition" | "waitCommitted" | "waitForSpace" | "capacity">;
  /** Readings the producer queues at most while Kafka is slow or down. */
  readonly producerCapacity: number;
  /** This instance's name among the group's members (its client id). */
  readonly instance: string;
  readonly clock: () => number;
  readonly log: Logger;
}

/** kafkajs's own log, into ours: its errors at debug (we say what matters ourselves), warnings kept. */
function kafkajsLog(log: Logger): logCreator {
  return () =>
    ({ level, log: entry }) => {
      const { message, ...rest } = entry;
      if (level === logLevel.WARN) log.warn(`kafkajs: ${message}`, rest);
      else log.debug(`kafkajs: ${message}`, rest);
    };
}

/**
 * Partitioned ingest through Kafka: `producer` takes the bridges' validated readings (in place
 * of the ingest pipeline) and this instance's consumer feeds what Kafka assigns it into the
 * pipeline, committing offsets after Neo4j. Brokers that are down at start are retried with
 * backoff while the twin serves what it has.
 */
export class KafkaIngest {
  readonly producer: KafkaReadingProducer;
  private readonly consumer: KafkaReadingConsumer;
  private readonly kafka: Kafka;
  private readonly consumerClient: Consumer;
  private readonly brokers: string;
  private readonly warn: RateLimitedLog;
  private consuming = false;
  private lastError: string | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;

  constructor(private readonly options: KafkaIngestOptions) {
    const { settings, log } = options;
    this.brokers = settings.brokers.join(",");
    this.warn = new RateLimitedLog(log, 60_000);
    // Our backoff drives reconnection at start; kafkajs's own retries cover a running client.
    this.kafka = new Kafka({
      clientId: `twin-${options.instance}`,
      brokers: [...settings.brokers],
      connectionTimeout: 3_000,
      retry: { retries: 3, initialRetryTime: 300 },
      logCreator: kafkajsLog(log.child("kafkajs")),
    });
    this.producer = new KafkaReadingProducer(
      this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, maxInFlightRequests: 1 }),
      settings.topic,
      options.producerCapacity,
      options.clock,
      log.child("producer"),
      this.brokers,
    );
    const consumer = this.kafka.consumer({
      groupId: settings.group,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(settings.sessionTimeoutMs / 6)),
      allowAutoTopicCreation: false,
      // A running consumer that lost its brokers restarts itself (kafkajs backs off) rather than stay down.
      retry: { retries: 5, initialRetryTime: 300, restartOnFailure: async () => !this.stopped },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.lastError = payload.error.message;
      this.consuming = false;
      if (!this.stopped) this.warn.warn("crash", options.clock(), `the Kafka consumer failed (${payload.error.message}); ${payload.restart ? "restarting" : "not restarting"}`);
    });
    this.consumer = new KafkaReadingConsumer({ consumer, topic: settings.topic, ingest: options.ingest, writer: options.writer, clock: options.clock, log: log.child("consumer") });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.consuming = true;
    });
    this.consumerClient = consumer;
  }

  /** Connects in the background: a Kafka that is down is retried, never awaited. */
  start(): void {
    void this.connect();
  }

  status(): KafkaStatus {
    const { topic, group } = this.options.settings;
    return {
      brokers: this.brokers,
      topic,
      group,
      consumer: this.consuming ? "up" : "down",
      error: this.consuming ? null : this.lastError,
      producer: this.producer.status(),
      consuming: this.consumer.status(),
    };
  }

  /** Writes what the producer holds, lets the consumer's last batch commit, leaves the group. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.producer.stop(5_000);
    await this.consumer.stop();
  }

  private async connect(): Promise<void> {
    const { settings, log } = this.options;
    try {
      await this.ensureTopic();
      await this.consumerClient.connect();
      await this.consumer.run(settings.partitions);
      this.attempt = 0;
      this.lastError = null;
      log.info(`consuming ${settings.topic} from Kafka at ${this.brokers} as a member of group ${settings.group}`);
    } catch (error) {
      this.lastError = (error as Error).message;
      await this.consumerClient.disconnect().catch(() => undefined);
      if (this.stopped) return;
      const delay = reopenDelayMs(this.attempt++);
      this.warn.warn("down", this.options.clock(), `Kafka at ${this.brokers} is down or refuses the readings topic (${this.lastError}); retrying with backoff, next in ${delay} ms`);
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.stopped) void this.connect();
      }, delay);
      this.timer.unref();
    }
  }

  /** Creates the readings topic when it is missing (an existing one keeps its partitions). */
  private async ensureTopic(): Promise<void> {
    const { topic, partitions } = this.options.settings;
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) {
        await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
        this.options.log.info(`created the Kafka topic ${topic} with ${partitions} partitions`);
      }
    } finally {
      await admin.disconnect();
    }
  }
}
