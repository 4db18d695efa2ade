import type { Consumer, EachBatchPayload } from "kafkajs";
import { RateLimitedLog, type Logger } from "../../log.js";
import type { BatchWriter } from "../../ingest/batchWriter.js";
import type { IngestPipeline, ReadingSource } from "../../ingest/ingest.js";
import type { ReadingCandidate } from "../../domain/reading.js";
import { validateReading } from "../../domain/validate.js";
import { decodeReading } from "./readingMessage.js";

/** How often a batch waiting for the database heartbeats (below the smallest session timeout). */
const WAIT_SLICE_MS = 1_000;
/** How long a stopping consumer still waits for its last batch's commit before leaving. */
const STOP_WAIT_MS = 5_000;

export interface ConsumerStatus {
  /** Partitions of the readings topic this instance owns now. */
  readonly partitions: readonly number[];
  readonly consumed: number;
  /** Messages on the topic that were not readings (skipped, counted). */
  readonly rejected: number;
  /** Offset commits refused by the group coordinator (a rebalance): those readings are re-read, and stored once. */
  readonly commitFailures: number;
}

export interface ConsumerWiring {
  readonly consumer: Consumer;
  readonly topic: string;
  readonly ingest: Pick<IngestPipeline, "ingest">;
  readonly writer: Pick<BatchWriter, "offeredPosition" | "waitCommitted" | "waitForSpace" | "capacity">;
  readonly clock: () => number;
  readonly log: Logger;
}

/**
 * This instance's member of the consumer group: each batch of a partition goes into the ingest
 * pipeline (live state, analytics, rules, the batch writer), and the partition's offset is
 * committed only once the batch writer's committed position has passed those readings, i.e.
 * they are in Neo4j. A batch is finished (committed) before the next one of its partition is
 * fetched, so when a rebalance moves a partition, its old owner has committed what it consumed;
 * an instance killed mid-batch leaves the offset where the new owner re-reads from, and Neo4j's
 * (sensorId, timestamp, seq) de-duplication stores the replayed readings once.
 */
export class KafkaReadingConsumer {
  private partitions = new Set<number>();
  private consumed = 0;
  private rejected = 0;
  private commitFailures = 0;
  private stopRequestedAt: number | null = null;
  private readonly warn: RateLimitedLog;

  constructor(private readonly wiring: ConsumerWiring) {
    this.warn = new RateLimitedLog(wiring.log, 60_000);
    const { consumer } = wiring;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const owned = payload.memberAssignment[wiring.topic] ?? [];
      this.partitions = new Set(owned);
      wiring.log.info(`consumer group ${payload.groupId}: this instance owns partitions [${[...owned].sort((a, b) => a - b).join(", ")}] of ${wiring.topic}`);
    });
  }

  /** Subscribes and starts consuming (the consumer is connected). */
  async run(partitionsAtOnce: number): Promise<void> {
    const { consumer, topic } = this.wiring;
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: partitionsAtOnce,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  status(): ConsumerStatus {
    return { partitions: [...this.partitions].sort((a, b) => a - b), consumed: this.consumed, rejected: this.rejected, commitFailures: this.commitFailures };
  }

  /** Lets a batch still waiting for the database give up after STOP_WAIT_MS; then leaves the group. */
  async stop(): Promise<void> {
    this.stopRequestedAt = Date.now();
    await this.wiring.consumer.disconnect().catch(() => undefined);
    this.partitions.clear();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = (): Promise<void> => payload.heartbeat();
    const isRunning = (): boolean => payload.isRunning();
    const isStale = (): boolean => payload.isStale();
    if (batch.messages.length === 0) return;
    const { writer, clock } = this.wiring;
    const bySource = new Map<ReadingSource, ReadingCandidate[]>();
    const nowMs = clock();
    for (const message of batch.messages) {
      const decoded = decodeReading(message.value);
      const problem = decoded.ok ? validateReading(decoded.candidate, nowMs) : null;
      if (!decoded.ok || problem?.ok === false) {
        this.rejected += 1;
        const why = decoded.ok ? (problem as { message: string }).message : decoded.problem;
        this.warn.warn("bad", nowMs, `skipped a message on ${batch.topic}[${batch.partition}] at offset ${message.offset}: ${why}`, { rejected: this.rejected });
        continue;
      }
      const list = bySource.get(decoded.source) ?? [];
      list.push(decoded.candidate);
      bySource.set(decoded.source, list);
    }
    for (const [source, candidates] of bySource) {
      if (!(await this.admit(candidates, source, heartbeat, isRunning, isStale))) return;
    }
    // Duplicates of readings still waiting count as taken: wait for everything offered so far.
    const position = writer.offeredPosition;
    while (!(await writer.waitCommitted(position, WAIT_SLICE_MS))) {
      if (isStale() || this.stopExpired(isRunning)) return;
      await heartbeat();
    }
    const last = batch.lastOffset();
    await this.commit(batch.partition, String(BigInt(last) + 1n));
    payload.resolveOffset(last);
    this.consumed += batch.messages.length;
    await heartbeat();
  }

  /**
   * Ingests every candidate (all valid): what the full buffer refuses is offered again once
   * there is room. False when the partition moved or the consumer stops meanwhile.
   */
  private async admit(candidates: ReadingCandidate[], source: ReadingSource, heartbeat: () => Promise<void>, isRunning: () => boolean, isStale: () => boolean): Promise<boolean> {
    const { writer, ingest } = this.wiring;
    let left = candidates;
    while (left.length > 0) {
      const outcome = ingest.ingest(left, source);
      if (outcome.rejected === 0) return true;
      left = outcome.errors.map((e) => left[e.index] as ReadingCandidate);
      this.warn.warn("full", this.wiring.clock(), `the ingest buffer refuses readings from ${this.wiring.topic} (${outcome.errors[0]?.message ?? "full"}); waiting for room`);
      while (!(await writer.waitForSpace(Math.min(left.length, writer.capacity), WAIT_SLICE_MS))) {
        if (isStale() || this.stopExpired(isRunning)) return false;
        await heartbeat();
      }
    }
    return true;
  }

  /** The consumer is stopping: at once if kafkajs stops it (a restart), after STOP_WAIT_MS if the twin does. */
  private stopExpired(isRunning: () => boolean): boolean {
    return !isRunning() && (this.stopRequestedAt === null || Date.now() - this.stopRequestedAt > STOP_WAIT_MS);
  }

  private async commit(partition: number, offset: string): Promise<void> {
    try {
      await this.wiring.consumer.commitOffsets([{ topic: this.wiring.topic, partition, offset }]);
    } catch (error) {
      // A rebalance took the partition: its new owner re-reads from the last committed offset.
      this.commitFailures += 1;
      this.wiring.log.debug(`committing ${this.wiring.topic}[${partition}] at ${offset} failed; its readings are re-read by the partition's owner`, { error: (error as Error).message });
    }
  }
}
