import type { Reading } from "../domain/reading.js";

export interface WalSettings {
  /** The folder of every instance's segments. */
  readonly dir: string;
  /** This twin's name in it: it writes and replays only `<instance>-*.wal`. */
  readonly instance: string;
  /** How long an appended record may wait before it is written and fsynced (a crash loses at most this much of a stream). */
  readonly fsyncMs: number;
  /** Bytes of segments on disk at most; beyond it appends are refused (back-pressure). */
  readonly maxBytes: number;
  /** A segment is closed and a new one begun beyond this size. */
  readonly segmentBytes?: number;
}

/** What the ingest pipeline needs of a log: room, append, durability, commit marks. */
export interface ReadingLog {
  /** Why nothing can be appended now (log full, disk failing), or null. */
  refusal(): string | null;
  /** Appends readings as one record; returns its log sequence number. Durable within `fsyncMs`. */
  append(readings: readonly Reading[]): number;
  /** Resolves true once the record `lsn` is fsynced, false after `timeoutMs` (the log cannot be written). */
  durable(lsn: number, timeoutMs: number): Promise<boolean>;
  /** Every record up to `lsn` is committed in the database: its segments may go. */
  committed(lsn: number): void;
}

export interface WalStatus {
  readonly dir: string;
  readonly instance: string;
  readonly bytes: number;
  readonly segments: number;
  readonly appendedLsn: number;
  readonly syncedLsn: number;
  readonly committedLsn: number;
  readonly error: string | null;
}
