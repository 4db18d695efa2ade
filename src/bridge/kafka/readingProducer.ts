import type { Producer } from "kafkajs";
import { RateLimitedLog, type Logger } from "../../log.js";
import type { IngestError, IngestOutcome, ReadingSource } from "../../ingest/ingest.js";
import type { Reading, ReadingCandidate } from "../../domain/reading.js";
import { validateReading } from "../../domain/validate.js";
import { reopenDelayMs } from "../link.js";
import { encodeReading } from "./readingMessage.js";

/** Readings per produce request at most. */
const SEND_BATCH = 2_000;

export interface ProducerStatus {
  readonly connected: boolean;
  /** Validated readings waiting to be written to Kafka. */
  readonly queued: number;
  readonly produced: number;
  readonly error: string | null;
}

/**
 * The bridges' entrance when KAFKA_BROKERS is set, in place of the ingest pipeline: validates
 * each reading as the pipeline would (so a device session counts its bad readings the same way)
 * and queues the valid ones for the readings topic, keyed by sensorId. One produce request is
 * in flight at a time and a failed one is retried at the head of the queue, so one sensor's
 * readings reach its partition in order; the queue is bounded, and a full one refuses readings
 * with the reason (Kafka unreachable) instead of dropping them silently.
 */
export class KafkaReadingProducer {
  private queue: Array<{ readonly reading: Reading; readonly source: ReadingSource }> = [];
  private head = 0;
  private pumping = false;
  private connected = false;
  private produced = 0;
  private attempt = 0;
  private lastError: string | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private drained: Array<() => void> = [];
  private readonly warn: RateLimitedLog;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly capacity: number,
    private readonly clock: () => number,
    private readonly log: Logger,
    /** For messages: where the brokers are. */
    private readonly brokers: string,
  ) {
    this.warn = new RateLimitedLog(log, 30_000);
  }

  /** Validates and queues; the same answer shape as IngestPipeline.ingest (the Bridge's seam). */
  ingest(candidates: readonly ReadingCandidate[], source: ReadingSource = "other"): IngestOutcome {
    const nowMs = this.clock();
    const errors: IngestError[] = [];
    let accepted = 0;
    candidates.forEach((candidate, index) => {
      const result = validateReading(candidate, nowMs);
      if (!result.ok) return void errors.push({ index, message: `readings[${index}]: ${result.message}` });
      if (this.stopped || this.queued >= this.capacity) {
        const why = this.stopped ? "the twin is stopping" : `${this.queued} readings wait for Kafka at ${this.brokers} (${this.lastError ?? "slow"}), the queue is full`;
        return void errors.push({ index, message: `readings[${index}]: ${why}; retry later` });
      }
      this.queue.push({ reading: result.reading, source });
      accepted += 1;
    });
    if (accepted > 0) this.kick();
    return { accepted, rejected: errors.length, errors };
  }

  get queued(): number {
    return this.queue.length - this.head;
  }

  status(): ProducerStatus {
    return { connected: this.connected, queued: this.queued, produced: this.produced, error: this.lastError };
  }

  /** Sends what is queued (up to `timeoutMs`), then disconnects; what is left is logged. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    if (this.queued > 0) {
      const drained = new Promise<void>((resolve) => this.drained.push(resolve));
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
      this.kick();
      await Promise.race([drained, timeout]);
    }
    if (this.queued > 0) this.log.warn(`stopping with ${this.queued} readings not written to Kafka at ${this.brokers} (${this.lastError ?? "it did not answer in time"})`);
    this.wake?.();
    await this.producer.disconnect().catch(() => undefined);
  }

  private kick(): void {
    if (this.wake !== null) return this.wake();
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.queued > 0) {
        const end = Math.min(this.queue.length, this.head + SEND_BATCH);
        const batch = this.queue.slice(this.head, end);
        try {
          if (!this.connected) {
            await this.producer.connect();
            this.connected = true;
            if (this.attempt > 0) this.log.info(`producing readings to Kafka at ${this.brokers} again`, { queued: this.queued });
          }
          await this.producer.send({ topic: this.topic, acks: -1, messages: batch.map((q) => encodeReading(q.reading, q.source)) });
          this.head = end;
          this.produced += batch.length;
          this.attempt = 0;
          this.lastError = null;
          if (this.head > 4096 && this.head * 2 > this.queue.length) {
            this.queue = this.queue.slice(this.head);
            this.head = 0;
          }
        } catch (error) {
          this.lastError = (error as Error).message;
          this.connected = false;
          if (this.stopped) break;
          const delay = reopenDelayMs(this.attempt++);
          this.warn.warn("produce", this.clock(), `producing readings to Kafka at ${this.brokers} failed (${this.lastError}); ${this.queued} wait, retrying in ${delay} ms`);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              this.wake = null;
              resolve();
            }, delay);
            timer.unref();
            // Only stopping cuts the backoff short; new readings simply join the queue.
            this.wake = () => {
              if (!this.stopped) return;
              clearTimeout(timer);
              this.wake = null;
              resolve();
            };
          });
          this.wake = null;
        }
      }
    } finally {
      this.pumping = false;
      if (this.queued === 0) {
        const waiters = this.drained;
        this.drained = [];
        for (const resolve of waiters) resolve();
      }
    }
  }
}
