import { readFileSync, statSync } from "node:fs";
import type { Logger } from "../log.js";
import { decodeSegment, type DamagedStretch } from "./recordCodec.js";
import type { SegmentFile } from "./segmentDirectory.js";

/** A segment left by an earlier run of this instance: what recovery found in it. */
export interface RecoveredSegment extends SegmentFile {
  readonly bytes: number;
  readonly maxLsn: number;
  readonly damaged: readonly DamagedStretch[];
}

/** Reads an earlier run's segment for recovery: its size, highest sequence number and damage. */
export function inspectSegment(segment: SegmentFile, log: Logger): RecoveredSegment {
  let bytes: Buffer;
  try {
    bytes = readFileSync(segment.file);
  } catch (error) {
    log.error("cannot read a write-ahead log segment; skipping it", { file: segment.file, error });
    return { ...segment, bytes: 0, maxLsn: 0, damaged: [] };
  }
  const { records, damaged } = decodeSegment(bytes);
  let maxLsn = 0;
  for (const r of records) maxLsn = Math.max(maxLsn, r.type === "readings" ? r.lsn : r.committedLsn);
  for (const d of damaged) {
    log.warn(
      d.kind === "torn"
        ? `the write-ahead log segment ends in a record cut short (a crash mid-write): ${d.bytes} bytes at offset ${d.offset} skipped`
        : `the write-ahead log segment has a damaged stretch: ${d.bytes} bytes at offset ${d.offset} skipped; the records after it are kept`,
      { file: segment.file },
    );
  }
  return { ...segment, bytes: statSync(segment.file).size, maxLsn, damaged };
}
