import { closeSync, openSync } from "node:fs";
import { open, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../log.js";
import type { Reading } from "../domain/reading.js";
import { ThresholdWaiters } from "../util/thresholdWaiters.js";
import { encodeRecord } from "./recordCodec.js";
import { inspectSegment, type RecoveredSegment } from "./recovery.js";
import { WalError, freeBytes, listSegments, lockInstance, megabytes, otherInstances, segmentName } from "./segmentDirectory.js";
import type { ReadingLog, WalSettings, WalStatus } from "./walTypes.js";

interface LiveSegment {
  readonly file: string;
  bytes: number;
  maxLsn: number;
}

const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;
/** The start refuses a folder with less free space than this (or than INGEST_WAL_MAX_MB, if smaller). */
const MIN_FREE_BYTES = 64 * 1024 * 1024;
const RETRY_MS = 1_000;

/**
 * An append-only, checksummed log of accepted readings, written before they are published.
 * Appends gather in memory and are written and fsynced together (group commit) every
 * `fsyncMs`, or at once when a caller waits for durability. Segments go once every record in
 * them is committed to Neo4j (checkpoint records say how far that is); at start-up the
 * uncommitted tail of this instance's segments is replayed (`replayWal`).
 */
export class WriteAheadLog implements ReadingLog {
  private handle: FileHandle | null = null;
  private active: LiveSegment;
  private readonly closed: LiveSegment[] = [];
  private nextNumber: number;
  private nextLsn: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pendingMaxLsn = 0;
  private syncedLsn = 0;
  private committedLsn = 0;
  private checkpointWritten = 0;
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Number.POSITIVE_INFINITY;
  /** Callers of `durable`, marked by their record's sequence number. */
  private readonly waiters = new ThresholdWaiters();
  private error: string | null = null;
  private closing = false;
  private deleting: Promise<void> = Promise.resolve();

  private constructor(
    private readonly settings: WalSettings,
    private readonly log: Logger,
    private readonly release: () => void,
    private recoveredSegments: RecoveredSegment[],
    firstLsn: number,
  ) {
    this.nextLsn = firstLsn;
    this.committedLsn = firstLsn - 1;
    this.syncedLsn = firstLsn - 1;
    this.checkpointWritten = firstLsn - 1;
    this.nextNumber = (recoveredSegments.at(-1)?.number ?? 0) + 1;
    this.active = this.createSegment();
  }

  /**
   * Opens the log: takes the instance's lock, checks free space, reads what earlier runs left
   * (damaged stretches are logged and skipped, never fatal) and begins a new segment.
   */
  static open(settings: WalSettings, log: Logger): WriteAheadLog {
    const release = lockInstance(settings.dir, settings.instance);
    try {
      const free = freeBytes(settings.dir);
      const needed = Math.min(MIN_FREE_BYTES, settings.maxBytes);
      if (free < needed) {
        throw new WalError(
          `the write-ahead log folder ${settings.dir} has only ${megabytes(free)} free; it needs at least ${megabytes(needed)}. ` + "Free some space or set INGEST_WAL_DIR to a folder on another disk",
        );
      }
      const recovered = listSegments(settings.dir, settings.instance).map((s) => inspectSegment(s, log));
      const others = otherInstances(settings.dir, settings.instance);
      if (others.length > 0) {
        log.info(`the write-ahead log folder also holds segments of ${others.join(", ")}; each twin replays only its own (INSTANCE_ID)`, { dir: settings.dir });
      }
      const firstLsn = Math.max(0, ...recovered.map((s) => s.maxLsn)) + 1;
      return new WriteAheadLog(settings, log, release, recovered, firstLsn);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Segments of an earlier run, kept until `retire` after their replay. */
  get recovered(): readonly RecoveredSegment[] {
    return this.recoveredSegments;
  }

  status(): WalStatus {
    return {
      dir: this.settings.dir,
      instance: this.settings.instance,
      bytes: this.diskBytes() + this.pendingBytes,
      segments: this.closed.length + 1 + this.recovered.length,
      appendedLsn: this.nextLsn - 1,
      syncedLsn: this.syncedLsn,
      committedLsn: this.committedLsn,
      error: this.error,
    };
  }

  refusal(): string | null {
    if (this.error !== null) return this.error;
    const bytes = this.diskBytes() + this.pendingBytes;
    if (bytes >= this.settings.maxBytes) {
      return (
        `write-ahead log full: ${megabytes(bytes)} of readings in ${this.settings.dir} are not yet in the database ` +
        `(INGEST_WAL_MAX_MB=${Math.round(this.settings.maxBytes / 1024 / 1024)}); retry when /healthz answers 200`
      );
    }
    return null;
  }

  append(readings: readonly Reading[]): number {
    const lsn = this.nextLsn++;
    const frame = encodeRecord({ type: "readings", lsn, readings });
    this.pending.push(frame);
    this.pendingBytes += frame.length;
    this.pendingMaxLsn = lsn;
    this.schedule(this.settings.fsyncMs);
    return lsn;
  }

  durable(lsn: number, timeoutMs: number): Promise<boolean> {
    if (lsn <= this.syncedLsn) return Promise.resolve(true);
    const synced = this.waiters.wait(lsn, timeoutMs, () => this.syncedLsn >= lsn);
    this.schedule(0);
    return synced;
  }

  committed(lsn: number): void {
    if (lsn <= this.committedLsn) return;
    this.committedLsn = lsn;
    this.retireCommitted();
    // The mark itself needs no hurry: a crash before it is written only replays committed
    // readings, which the store recognises as duplicates.
    this.schedule(this.settings.fsyncMs);
  }

  /** Resolves when the write running now (and the segment switch after it) has ended. */
  async settled(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
    await this.deleting;
  }

  /** Deletes the segments of an earlier run once their readings are replayed into the database. */
  async retire(segments: readonly RecoveredSegment[]): Promise<void> {
    for (const s of segments) await unlink(s.file).catch((error: unknown) => this.log.warn("could not delete a replayed log segment", { file: s.file, error }));
    const gone = new Set(segments.map((s) => s.file));
    this.recoveredSegments = this.recoveredSegments.filter((s) => !gone.has(s.file));
  }

  /** Writes what is pending; with everything committed, deletes every segment. Releases the lock. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.flushing !== null) await this.flushing;
    if (this.pending.length > 0 || this.checkpointWritten < this.committedLsn) {
      this.flushing = this.flush();
      await this.flushing;
    }
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    if (this.committedLsn >= this.nextLsn - 1 && this.recovered.length === 0) {
      for (const s of [...this.closed, this.active]) await unlink(s.file).catch(() => undefined);
    }
    this.waiters.settleAll((lsn) => this.syncedLsn >= lsn);
    this.release();
  }

  private diskBytes(): number {
    let bytes = this.active.bytes;
    for (const s of this.closed) bytes += s.bytes;
    for (const s of this.recovered) bytes += s.bytes;
    return bytes;
  }

  private createSegment(): LiveSegment {
    const file = path.join(this.settings.dir, segmentName(this.settings.instance, this.nextNumber++));
    try {
      closeSync(openSync(file, "wx"));
    } catch (error) {
      throw new WalError(`cannot create the log segment ${file}: ${(error as Error).message}; make ${this.settings.dir} writable or set INGEST_WAL_DIR`);
    }
    return { file, bytes: 0, maxLsn: this.nextLsn - 1 };
  }

  private schedule(delayMs: number): void {
    if (this.closing) return;
    if (this.flushing !== null) return; // the running flush looks again when it ends
    const due = Date.now() + delayMs;
    if (this.timer !== null && this.timerDue <= due) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDue = Number.POSITIVE_INFINITY;
      this.flushing = this.flush();
    }, delayMs);
  }

  private async flush(): Promise<void> {
    const frames = this.pending;
    const dataBytes = this.pendingBytes;
    const maxLsn = this.pendingMaxLsn;
    const checkpoint = this.committedLsn;
    this.pending = [];
    this.pendingBytes = 0;
    const mark = checkpoint > this.checkpointWritten ? [encodeRecord({ type: "checkpoint", committedLsn: checkpoint })] : [];
    const bytes = Buffer.concat([...frames, ...mark]);
    try {
      this.handle ??= await open(this.active.file, "a");
      await this.handle.write(bytes);
      await this.handle.datasync();
      this.active.bytes += bytes.length;
      this.active.maxLsn = Math.max(this.active.maxLsn, maxLsn);
      this.syncedLsn = Math.max(this.syncedLsn, maxLsn);
      this.checkpointWritten = Math.max(this.checkpointWritten, checkpoint);
      if (this.error !== null) this.log.info("the write-ahead log is writable again", { dir: this.settings.dir });
      this.error = null;
      this.waiters.release(this.syncedLsn);
      if (this.active.bytes >= (this.settings.segmentBytes ?? DEFAULT_SEGMENT_BYTES)) await this.rotate();
    } catch (error) {
      // Kept for the next try: a part written before the failure is a damaged stretch that
      // replay skips by its checksum, and the whole frames follow it.
      this.pending = [...frames, ...this.pending];
      this.pendingBytes += dataBytes;
      this.fail(error);
    } finally {
      this.flushing = null;
      if (this.pending.length > 0 || this.checkpointWritten < this.committedLsn) {
        this.schedule(this.error !== null ? RETRY_MS : this.waiters.size > 0 ? 0 : this.settings.fsyncMs);
      }
    }
  }

  private fail(error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code;
    let free = "unknown";
    try {
      free = megabytes(freeBytes(this.settings.dir));
    } catch {
      // The folder itself may be gone; the message still names it.
    }
    const message =
      `the write-ahead log cannot be written (${this.active.file}: ${code ?? (error as Error).message}; ${free} free in ${this.settings.dir}); ` +
      "readings are refused until it can be: free space there or fix its permissions";
    if (this.error === null) this.log.error(message, { error });
    this.error = message;
  }

  private async rotate(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
    this.closed.push(this.active);
    this.active = this.createSegment();
    this.retireCommitted();
  }

  private retireCommitted(): void {
    while (this.closed.length > 0 && this.closed[0]!.maxLsn <= this.committedLsn) {
      const segment = this.closed.shift()!;
      const gone = unlink(segment.file).catch((error: unknown) => this.log.warn("could not delete a committed log segment", { file: segment.file, error }));
      this.deleting = Promise.all([this.deleting, gone]).then(() => undefined);
    }
  }
}
