import type { Logger } from "../log.js";
import type { BatchWriter } from "./batchWriter.js";
import type { EventBus } from "./eventBus.js";
import type { TwinEvents } from "./events.js";
import type { LiveState } from "./liveState.js";
import { readingKey, type Reading, type ReadingCandidate } from "./reading.js";
import { RecentKeys } from "./recentKeys.js";
import { validateReading } from "./validate.js";

export interface IngestError {
  readonly index: number;
  readonly message: string;
}

export interface IngestOutcome {
  readonly accepted: number;
  readonly rejected: number;
  readonly errors: readonly IngestError[];
}

export interface IngestCounters {
  accepted: number;
  rejected: number;
  duplicates: number;
}

/**
 * The single entrance for readings from any source (API, serial bridge, import): validate,
 * drop duplicates, queue for the batch writer, update the live state and publish — publish
 * happens at acceptance, before the commit.
 */
export class IngestPipeline {
  readonly counters: IngestCounters = { accepted: 0, rejected: 0, duplicates: 0 };
  private readonly recent = new RecentKeys();

  constructor(
    private readonly writer: BatchWriter,
    private readonly live: LiveState,
    private readonly bus: EventBus<TwinEvents>,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {}

  /** Validates and accepts what fits in the buffer now; every refused item gets its reason. */
  ingest(candidates: readonly ReadingCandidate[]): IngestOutcome {
    const nowMs = this.clock();
    const errors: IngestError[] = [];
    const fresh: Reading[] = [];
    const freshIndex: number[] = [];
    const inCall = new Set<string>();
    let duplicates = 0;
    candidates.forEach((candidate, index) => {
      const result = validateReading(candidate, nowMs);
      if (!result.ok) {
        errors.push({ index, message: `readings[${index}]: ${result.message}` });
        return;
      }
      const key = readingKey(result.reading);
      if (this.recent.has(key) || inCall.has(key)) {
        duplicates += 1;
        return;
      }
      inCall.add(key);
      fresh.push(result.reading);
      freshIndex.push(index);
    });

    const taken = this.writer.offer(fresh);
    for (let i = 0; i < taken; i++) {
      const reading = fresh[i] as Reading;
      this.recent.add(readingKey(reading));
      this.live.apply(reading);
      this.bus.emit("readingAccepted", reading);
    }
    if (taken < fresh.length) {
      const reason = this.refusalReason();
      for (let i = taken; i < fresh.length; i++) {
        const index = freshIndex[i] as number;
        errors.push({ index, message: `readings[${index}]: ${reason}` });
      }
      errors.sort((a, b) => a.index - b.index);
    }
    const accepted = taken + duplicates;
    this.counters.accepted += taken;
    this.counters.duplicates += duplicates;
    this.counters.rejected += errors.length;
    return { accepted, rejected: errors.length, errors };
  }

  /** Like `ingest`, but first waits up to `waitMs` for buffer room (sources that can wait). */
  async ingestWhenRoom(candidates: readonly ReadingCandidate[], waitMs: number): Promise<IngestOutcome> {
    // Waiting helps only while the database is writing; during an outage nothing frees room.
    if (this.writer.freeSpace < candidates.length && this.writer.status().storeAvailable) {
      await this.writer.waitForSpace(candidates.length, waitMs);
    }
    return this.ingest(candidates);
  }

  private refusalReason(): string {
    const status = this.writer.status();
    if (!status.storeAvailable) {
      return (
        `database unavailable: ${status.pending} accepted readings are waiting to be written and the buffer ` +
        `(capacity ${status.capacity}) is full; retry when /healthz answers 200`
      );
    }
    this.log.debug("ingest buffer full", { pending: status.pending });
    return `ingest buffer full: ${status.pending} readings are waiting for the database; retry in a moment`;
  }
}
