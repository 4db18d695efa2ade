import type { Logger } from "../log.js";
import type { ReadingLog } from "../wal/walTypes.js";
import type { BatchWriter } from "./batchWriter.js";
import type { EventBus } from "../util/eventBus.js";
import type { TwinEvents } from "../domain/events.js";
import type { LiveState } from "../live/liveState.js";
import { readingKey, type Reading, type ReadingCandidate } from "../domain/reading.js";
import { RecentKeys } from "./recentKeys.js";
import { validateReading } from "../domain/validate.js";

export interface IngestError {
  readonly index: number;
  readonly message: string;
}

export interface IngestOutcome {
  readonly accepted: number;
  readonly rejected: number;
  readonly errors: readonly IngestError[];
}

/** What an answer guarantees: in Neo4j, fsynced to the write-ahead log, or only validated and queued. */
export type Durability = "COMMITTED" | "LOGGED" | "ACCEPTED";

export interface DurableOutcome extends IngestOutcome {
  /** What the accepted items are, when the answer is given (at most what was asked for). */
  readonly durability: Durability;
  /** Why the guarantee is less than asked for, or that some readings are kept in rollups only; null otherwise. */
  readonly note: string | null;
  /** Accepted readings older than raw retention: added to the rollups, not stored raw. */
  readonly rollupOnly: number;
}

/** Which readings are past raw retention when they arrive (they go to the rollups only). */
export interface RawRetention {
  isPastRaw(sensorId: string, timestampMs: number, nowMs: number): boolean;
  rawDays(sensorId: string): number;
}

export interface DurabilityTimeouts {
  /** How long to wait for buffer room while the database catches up. */
  readonly roomWaitMs: number;
  /** How long a COMMITTED call waits for the database before it refuses (or answers LOGGED). */
  readonly commitTimeoutMs: number;
}

/** The outcome, and where its readings are: their log record and the writer position after them. */
interface Admission extends IngestOutcome {
  readonly lsn: number | null;
  readonly position: number;
  /** Some items were duplicates of readings that may still be waiting for the database. */
  readonly duplicates: number;
  readonly rollupOnly: number;
  /** The raw retention (days) of one of the rollup-only readings' sensors, for the note. */
  readonly rollupOnlyDays: number;
}

export interface IngestCounters {
  accepted: number;
  rejected: number;
  duplicates: number;
}

/** Where readings came from, for the per-source counters (/metrics). */
export type ReadingSource = "api" | "serial" | "mqtt" | "other";

/**
 * The single entrance for readings from any source (API, serial bridge, import): validate,
 * drop duplicates, append to the write-ahead log, queue for the batch writer, update the live
 * state and publish — publish happens at acceptance, before the commit.
 */
export class IngestPipeline {
  readonly counters: IngestCounters = { accepted: 0, rejected: 0, duplicates: 0 };
  /** The same counts split by where the readings came from. */
  readonly bySource = new Map<ReadingSource, IngestCounters>();
  private readonly recent = new RecentKeys();
  /** Log records not yet committed, oldest first: the writer position after each one's readings. */
  private readonly uncommitted: Array<{ readonly end: number; readonly lsn: number }> = [];
  private uncommittedHead = 0;
  private lastLsn = 0;

  constructor(
    private readonly writer: BatchWriter,
    private readonly live: LiveState,
    private readonly bus: EventBus<TwinEvents>,
    private readonly clock: () => number,
    private readonly log: Logger,
    /** Without a log (unit tests, benchmarks' baseline) accepted readings live only in memory until committed. */
    private readonly wal?: ReadingLog,
    private readonly retention?: RawRetention,
  ) {
    if (wal !== undefined) writer.onCommit((position) => this.checkpoint(position));
  }

  /** Validates and accepts what fits in the buffer now; every refused item gets its reason. */
  ingest(candidates: readonly ReadingCandidate[], source: ReadingSource = "other"): IngestOutcome {
    const { accepted, rejected, errors } = this.admit(candidates, source);
    return { accepted, rejected, errors };
  }

  /**
   * The API's entrance: accepts like `ingest`, then answers once the accepted items are as
   * durable as asked. COMMITTED first waits for a database that is down (up to the commit
   * timeout) and refuses everything if it stays down; readings already queued when the timeout
   * passes are answered as LOGGED (they are in the log and written when the database returns).
   */
  async record(candidates: readonly ReadingCandidate[], wanted: Durability, timeouts: DurabilityTimeouts, source: ReadingSource = "api"): Promise<DurableOutcome> {
    const started = Date.now();
    if (wanted === "COMMITTED" && !(await this.writer.waitAvailable(timeouts.commitTimeoutMs))) {
      const status = this.writer.status();
      const reason =
        `database unavailable for ${timeouts.commitTimeoutMs} ms (${status.lastError ?? "no answer"}); nothing of this call was stored. ` +
        "Retry when /healthz answers 200, or ask for durability LOGGED to have the readings kept in the write-ahead log meanwhile";
      const errors = candidates.map((_, index) => ({ index, message: `readings[${index}]: ${reason}` }));
      this.count(source, 0, 0, errors.length);
      return { accepted: 0, rejected: errors.length, errors, durability: wanted, note: null, rollupOnly: 0 };
    }
    const admission = await this.admitWhenRoom(candidates, timeouts.roomWaitMs, source);
    const { accepted, rejected, errors, rollupOnly } = admission;
    const rollupNote =
      rollupOnly === 0
        ? null
        : `${rollupOnly} reading${rollupOnly === 1 ? " is" : "s are"} older than raw retention (${admission.rollupOnlyDays} days: RETENTION_RAW_DAYS or Sensor.retentionDays); ` +
          "they were added to the hour and day rollups (and minute rollups within RETENTION_MINUTE_DAYS) but are not kept as raw readings";
    const answer = (durability: Durability, note: string | null = null): DurableOutcome => ({
      accepted,
      rejected,
      errors,
      durability,
      note: note === null ? rollupNote : rollupNote === null ? note : `${note}. ${rollupNote}`,
      rollupOnly,
    });
    if (accepted === 0 || wanted === "ACCEPTED") return answer(wanted);
    // Duplicates count as accepted: wait for whatever was queued before them as well.
    const position = admission.duplicates > 0 ? Math.max(admission.position, this.writer.offeredPosition) : admission.position;
    const left = (): number => Math.max(1, timeouts.commitTimeoutMs - (Date.now() - started));
    if (wanted === "COMMITTED" && (await this.writer.waitCommitted(position, left()))) return answer("COMMITTED");
    const logged = await this.loggedBy(admission, position, left());
    if (logged) {
      return wanted === "LOGGED"
        ? answer("LOGGED")
        : answer(
            "LOGGED",
            `not committed within ${timeouts.commitTimeoutMs} ms (${this.writer.status().lastError ?? "the database is slow"}); the readings are in the write-ahead log and are written when the database answers`,
          );
    }
    return answer("ACCEPTED", `not yet in the write-ahead log: ${this.wal?.refusal() ?? "it did not answer in time"}; the readings are queued for the database`);
  }

  /**
   * True once the admission's readings are fsynced to the log. Records are fsynced in order, so
   * the newest record covers a duplicate's original in an earlier one.
   */
  private async loggedBy(admission: Admission, position: number, timeoutMs: number): Promise<boolean> {
    if (this.wal === undefined) return this.writer.waitCommitted(position, timeoutMs);
    const lsn = admission.duplicates > 0 ? this.lastLsn : admission.lsn;
    return lsn === null || lsn === 0 ? true : this.wal.durable(lsn, timeoutMs);
  }

  private async admitWhenRoom(candidates: readonly ReadingCandidate[], waitMs: number, source: ReadingSource): Promise<Admission> {
    // Several callers may be woken by the same freed room; whoever finds it taken waits again
    // (until its own deadline) rather than being refused for room another caller just used.
    const need = Math.min(candidates.length, this.writer.capacity);
    const deadline = Date.now() + waitMs;
    while (this.writer.freeSpace < need && this.writer.status().storeAvailable && Date.now() < deadline) {
      if (!(await this.writer.waitForSpace(need, deadline - Date.now()))) break;
    }
    return this.admit(candidates, source);
  }

  private count(source: ReadingSource, accepted: number, duplicates: number, rejected: number): void {
    let counters = this.bySource.get(source);
    if (counters === undefined) {
      counters = { accepted: 0, rejected: 0, duplicates: 0 };
      this.bySource.set(source, counters);
    }
    for (const c of [this.counters, counters]) {
      c.accepted += accepted;
      c.duplicates += duplicates;
      c.rejected += rejected;
    }
  }

  private admit(candidates: readonly ReadingCandidate[], source: ReadingSource): Admission {
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

    const walRefusal = fresh.length > 0 ? (this.wal?.refusal() ?? null) : null;
    const taken = walRefusal === null ? this.writer.offer(fresh) : 0;
    const position = this.writer.offeredPosition;
    let lsn: number | null = null;
    if (taken > 0 && this.wal !== undefined) {
      lsn = this.wal.append(taken === fresh.length ? fresh : fresh.slice(0, taken));
      this.lastLsn = lsn;
      this.uncommitted.push({ end: position, lsn });
    }
    let rollupOnly = 0;
    let rollupOnlyDays = 0;
    for (let i = 0; i < taken; i++) {
      const reading = fresh[i] as Reading;
      if (this.retention?.isPastRaw(reading.sensorId, reading.timestampMs, nowMs) === true) {
        rollupOnly += 1;
        rollupOnlyDays = this.retention.rawDays(reading.sensorId);
      }
      this.recent.add(readingKey(reading));
      this.live.apply(reading);
      this.bus.emit("readingAccepted", reading);
    }
    if (taken < fresh.length) {
      const reason = walRefusal ?? this.refusalReason();
      for (let i = taken; i < fresh.length; i++) {
        const index = freshIndex[i] as number;
        errors.push({ index, message: `readings[${index}]: ${reason}` });
      }
      errors.sort((a, b) => a.index - b.index);
    }
    const accepted = taken + duplicates;
    this.count(source, taken, duplicates, errors.length);
    return { accepted, rejected: errors.length, errors, lsn, position, duplicates, rollupOnly, rollupOnlyDays };
  }

  /** Like `ingest`, but first waits up to `waitMs` for buffer room (sources that can wait). */
  async ingestWhenRoom(candidates: readonly ReadingCandidate[], waitMs: number, source: ReadingSource = "other"): Promise<IngestOutcome> {
    // Waiting helps only while the database is writing; during an outage nothing frees room.
    const { accepted, rejected, errors } = await this.admitWhenRoom(candidates, waitMs, source);
    return { accepted, rejected, errors };
  }

  /** The writer committed up to `position`: the log records wholly before it are committed. */
  private checkpoint(position: number): void {
    let lsn: number | null = null;
    while (this.uncommittedHead < this.uncommitted.length && this.uncommitted[this.uncommittedHead]!.end <= position) {
      lsn = this.uncommitted[this.uncommittedHead]!.lsn;
      this.uncommittedHead += 1;
    }
    if (this.uncommittedHead > 4096 && this.uncommittedHead * 2 > this.uncommitted.length) {
      this.uncommitted.splice(0, this.uncommittedHead);
      this.uncommittedHead = 0;
    }
    if (lsn !== null) this.wal?.committed(lsn);
  }

  private refusalReason(): string {
    const status = this.writer.status();
    if (!status.storeAvailable) {
      return `database unavailable: ${status.pending} accepted readings are waiting to be written and the buffer ` + `(capacity ${status.capacity}) is full; retry when /healthz answers 200`;
    }
    this.log.debug("ingest buffer full", { pending: status.pending });
    return `ingest buffer full: ${status.pending} readings are waiting for the database; retry in a moment`;
  }
}
