import { crc32 } from "node:zlib";
import type { Reading } from "../domain/reading.js";

/**
 * One record of the write-ahead log, framed as
 *   magic (4 bytes) | payload length (u32 LE) | CRC-32 of the payload (u32 LE) | payload
 * The payload is ASCII JSON (sensor ids are validated to ASCII), and the magic's first byte has
 * its high bit set, so a magic can never occur inside a payload: after a damaged stretch the
 * reader finds the next record by searching for it.
 */
export const MAGIC = Buffer.from([0xb5, 0x57, 0x41, 0x4c]);
export const HEADER_BYTES = 12;
/** A record longer than this is a damaged length field, not a record (10,000 readings are ~1 MB). */
const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

/** Readings appended under one log sequence number, or a checkpoint: everything up to `committedLsn` is in the database. */
export type WalRecord = { readonly type: "readings"; readonly lsn: number; readonly readings: readonly Reading[] } | { readonly type: "checkpoint"; readonly committedLsn: number };

/** A stretch of a segment that is not a valid record: cut short by a crash, or overwritten. */
export interface DamagedStretch {
  readonly offset: number;
  readonly bytes: number;
  /** `torn`: the segment ends inside it (a crash mid-write); `corrupt`: valid records follow it. */
  readonly kind: "torn" | "corrupt";
}

export function encodeRecord(record: WalRecord): Buffer {
  const body =
    record.type === "readings"
      ? { l: record.lsn, r: record.readings.map((r) => (r.seq === null ? [r.sensorId, r.value, r.timestampMs] : [r.sensorId, r.value, r.timestampMs, r.seq])) }
      : { c: record.committedLsn };
  const payload = Buffer.from(JSON.stringify(body), "latin1");
  const frame = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  MAGIC.copy(frame, 0);
  frame.writeUInt32LE(payload.length, 4);
  frame.writeUInt32LE(crc32(payload), 8);
  payload.copy(frame, HEADER_BYTES);
  return frame;
}

/** Every valid record of a segment's bytes, in order, and every stretch that is not one. */
export function decodeSegment(bytes: Buffer): { records: WalRecord[]; damaged: DamagedStretch[] } {
  const records: WalRecord[] = [];
  const damaged: DamagedStretch[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const record = recordAt(bytes, pos);
    if (record !== null) {
      records.push(record.value);
      pos = record.end;
      continue;
    }
    const next = nextMagic(bytes, pos + 1);
    if (next === -1) {
      damaged.push({ offset: pos, bytes: bytes.length - pos, kind: "torn" });
      break;
    }
    damaged.push({ offset: pos, bytes: next - pos, kind: "corrupt" });
    pos = next;
  }
  return { records, damaged };
}

function recordAt(bytes: Buffer, pos: number): { value: WalRecord; end: number } | null {
  if (pos + HEADER_BYTES > bytes.length || bytes.compare(MAGIC, 0, 4, pos, pos + 4) !== 0) return null;
  const length = bytes.readUInt32LE(pos + 4);
  const end = pos + HEADER_BYTES + length;
  if (length > MAX_PAYLOAD_BYTES || end > bytes.length) return null;
  const payload = bytes.subarray(pos + HEADER_BYTES, end);
  if (crc32(payload) !== bytes.readUInt32LE(pos + 8)) return null;
  const value = parsePayload(payload.toString("latin1"));
  return value === null ? null : { value, end };
}

function nextMagic(bytes: Buffer, from: number): number {
  return from >= bytes.length ? -1 : bytes.indexOf(MAGIC, from);
}

/** The record a checksummed payload holds, or null if it is not one this version writes. */
function parsePayload(text: string): WalRecord | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null) return null;
  const b = body as { l?: unknown; r?: unknown; c?: unknown };
  if (typeof b.c === "number") return { type: "checkpoint", committedLsn: b.c };
  if (typeof b.l !== "number" || !Array.isArray(b.r)) return null;
  const readings: Reading[] = [];
  for (const row of b.r as unknown[]) {
    if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "number" || typeof row[2] !== "number") return null;
    readings.push({ sensorId: row[0], value: row[1], timestampMs: row[2], seq: typeof row[3] === "number" ? row[3] : null });
  }
  return { type: "readings", lsn: b.l, readings };
}
