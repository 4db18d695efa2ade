import type { Logger } from "../log.js";
import { ThresholdWaiters } from "../util/thresholdWaiters.js";
import type { Reading } from "../domain/reading.js";

export interface IngestSettings {
  /** Readings per write transaction. */
  readonly batchSize: number;
  /** How long a partial batch may wait for more readings before it is written (ms). */
  readonly lingerMs: number;
  /** Readings accepted but not yet committed that the process keeps at most. */
  readonly bufferCapacity: number;
  /** How long a COMMITTED recordReadings waits for the database (ms). */
  readonly commitTimeoutMs?: number;
}

/** The one operation the writer needs from the store. */
export interface BatchSink {
  writeBatch(readings: readonly Reading[]): Promise<number>;
}

export interface WriterStatus {
  /** Readings accepted and not yet committed. */
  readonly pending: number;
  readonly capacity: number;
  /** False after a failed write until the next write succeeds. */
  readonly storeAvailable: boolean;
  readonly lastError: string | null;
  readonly committed: number;
  readonly batches: number;
}

export interface WriterEvents {
  /** A batch is in the store: how many readings, how many of them new, the readings, and how long its transaction took. */
  onCommitted?(count: number, created: number, batch: readonly Reading[], seconds: number): void;
  onAvailabilityChanged?(available: boolean, error: string | null): void;
}

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;
/**
 * While callers wait for a commit, a batch may take this many times `batchSize`: their readings
 * commit in fewer transactions (group commit; measured +9 % for 8 callers of 1,000 readings),
 * and no caller's readings wait behind a cut made only by the size.
 */
export const GROUP_COMMIT_FACTOR = 4;

/**
 * Buffers accepted readings and writes them in batches: one transaction per batch, bounded by
 * `batchSize` (× GROUP_COMMIT_FACTOR while callers wait for a commit) and by `lingerMs` (a
 * partial batch waits that long for more, unless a caller waits). One batch is in
 * flight at a time, so batches commit in arrival order. A failed batch stays at the head of
 * the buffer and is retried with backoff until the store answers; nothing is dropped. The
 * buffer is bounded: `offer` takes only what fits, `waitForSpace` is the back-pressure.
 */
export class BatchWriter {
  private queue: Reading[] = [];
  private head = 0;
  private inFlight: Promise<void> | null = null;
  private lingerTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs = MIN_BACKOFF_MS;
  private available = true;
  private lastError: string | null = null;
  private committed = 0;
  private batches = 0;
  private stopped = false;
  /** Marked by the free room they need. */
  private readonly spaceWaiters = new ThresholdWaiters();
  private drainWaiters: Array<() => void> = [];
  /** Callers waiting for a position to commit: while there are any, batches do not linger. */
  private readonly commitWaiters = new ThresholdWaiters();
  /** Released with 1 when the store answers again. */
  private readonly availabilityWaiters = new ThresholdWaiters();
  private readonly commitListeners: Array<(committedPosition: number) => void> = [];
  private offered = 0;

  constructor(
    private readonly sink: BatchSink,
    private readonly settings: IngestSettings,
    private readonly log: Logger,
    private readonly events: WriterEvents = {},
  ) {}

  get pending(): number {
    return this.queue.length - this.head;
  }

  /** How many accepted readings the buffer holds at most. */
  get capacity(): number {
    return this.settings.bufferCapacity;
  }

  get freeSpace(): number {
    return Math.max(0, this.settings.bufferCapacity - this.pending);
  }

  status(): WriterStatus {
    return {
      pending: this.pending,
      capacity: this.settings.bufferCapacity,
      storeAvailable: this.available,
      lastError: this.lastError,
      committed: this.committed,
      batches: this.batches,
    };
  }

  /**
   * Every reading offered gets the next position; readings commit in position order, so "all up
   * to position p are committed" is one number (`committedPosition`).
   */
  get offeredPosition(): number {
    return this.offered;
  }

  get committedPosition(): number {
    return this.committed;
  }

  /** Queues as many readings as fit; returns how many were taken (a prefix of `readings`). */
  offer(readings: readonly Reading[]): number {
    if (this.stopped) return 0;
    const take = Math.min(readings.length, this.freeSpace);
    for (let i = 0; i < take; i++) this.queue.push(readings[i] as Reading);
    this.offered += take;
    if (take > 0) this.schedule();
    return take;
  }

  /** Calls `listener` with the committed position after every committed batch. */
  onCommit(listener: (committedPosition: number) => void): void {
    this.commitListeners.push(listener);
  }

  /**
   * Resolves true once every reading before `position` is committed, false after `timeoutMs`.
   * Waiting cuts the linger short: the pending readings are written at once (group commit).
   */
  async waitCommitted(position: number, timeoutMs: number): Promise<boolean> {
    if (this.committed >= position) return true;
    const committed = this.commitWaiters.wait(position, timeoutMs, () => this.committed >= position);
    if (this.inFlight === null && this.retryTimer === null) {
      this.clearLinger();
      this.pump(true);
    }
    return committed;
  }

  /** Resolves true once the store takes writes (at once if it does), false after `timeoutMs`. */
  async waitAvailable(timeoutMs: number): Promise<boolean> {
    if (this.available) return true;
    return this.availabilityWaiters.wait(1, timeoutMs, () => this.available);
  }

  /** Resolves when `need` readings fit in the buffer, or after `timeoutMs`; returns whether they fit. */
  async waitForSpace(need: number, timeoutMs: number): Promise<boolean> {
    const wanted = Math.min(need, this.settings.bufferCapacity);
    if (this.freeSpace >= wanted) return true;
    return this.spaceWaiters.wait(wanted, timeoutMs, () => this.freeSpace >= wanted);
  }

  /** Writes everything pending now (no linger); resolves when the buffer is empty. */
  async flush(): Promise<void> {
    if (this.pending === 0 && this.inFlight === null) return;
    const drained = new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    this.clearLinger();
    this.pump(true);
    await drained;
  }

  /** Stops taking readings; pending ones are flushed first when `flushFirst`. */
  async stop(flushFirst = true): Promise<void> {
    if (flushFirst) await this.flush();
    this.stopped = true;
    this.clearLinger();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.inFlight !== null) await this.inFlight;
  }

  private schedule(): void {
    if (this.inFlight !== null || this.retryTimer !== null) return;
    if (this.pending >= this.settings.batchSize || this.settings.lingerMs === 0) {
      this.clearLinger();
      this.pump(false);
    } else if (this.lingerTimer === null) {
      this.lingerTimer = setTimeout(() => {
        this.lingerTimer = null;
        this.pump(true);
      }, this.settings.lingerMs);
    }
  }

  private pump(force: boolean): void {
    if (this.inFlight !== null || this.retryTimer !== null || this.pending === 0) {
      if (this.pending === 0 && this.inFlight === null) this.resolveDrained();
      return;
    }
    if (!force && this.pending < this.settings.batchSize) return this.schedule();
    const limit = this.commitWaiters.size > 0 ? this.settings.batchSize * GROUP_COMMIT_FACTOR : this.settings.batchSize;
    const end = Math.min(this.queue.length, this.head + limit);
    const batch = this.queue.slice(this.head, end);
    this.inFlight = this.write(batch).finally(() => {
      this.inFlight = null;
      if (this.retryTimer === null) {
        if (this.pending > 0) this.pump(this.drainWaiters.length > 0 || this.commitWaiters.size > 0 || this.pending >= this.settings.batchSize);
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- pump() just above may have started a write
        if (this.pending > 0 && this.inFlight === null) this.schedule();
        if (this.pending === 0) this.resolveDrained();
      }
    });
  }

  private async write(batch: Reading[]): Promise<void> {
    const started = performance.now();
    try {
      const created = await this.sink.writeBatch(batch);
      const seconds = (performance.now() - started) / 1000;
      this.head += batch.length;
      this.compact();
      this.committed += batch.length;
      this.batches += 1;
      this.backoffMs = MIN_BACKOFF_MS;
      if (!this.available) {
        this.available = true;
        this.lastError = null;
        this.log.info("database reachable again; writing the buffered readings", { pending: this.pending });
        this.events.onAvailabilityChanged?.(true, null);
        this.availabilityWaiters.release(1);
      }
      // Listeners first (caches refreshed, log checkpointed), then the callers waiting for this
      // commit: a caller's next read sees everything the commit changed.
      this.notifyCommitted(batch, created, seconds);
      this.commitWaiters.release(this.committed);
      this.spaceWaiters.release(this.freeSpace);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.available) {
        this.log.warn("writing a batch failed; readings stay buffered and are retried", {
          pending: this.pending,
          capacity: this.settings.bufferCapacity,
          error: message,
        });
        this.available = false;
        this.events.onAvailabilityChanged?.(false, message);
      }
      this.lastError = message;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.pump(true);
      }, delay);
    }
  }

  private compact(): void {
    // Drop the written prefix once it dominates, keeping `offer` amortised O(1).
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private notifyCommitted(batch: readonly Reading[], created: number, seconds: number): void {
    try {
      this.events.onCommitted?.(batch.length, created, batch, seconds);
      for (const listener of this.commitListeners) listener(this.committed);
    } catch (error) {
      // The batch is committed whatever a listener does; its failure must not read as the store's.
      this.log.error("a listener of committed batches failed", { error });
    }
  }

  private resolveDrained(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private clearLinger(): void {
    if (this.lingerTimer !== null) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
  }
}
