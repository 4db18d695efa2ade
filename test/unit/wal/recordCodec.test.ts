import { describe, expect, it } from "vitest";
import { HEADER_BYTES, decodeSegment, encodeRecord, type WalRecord } from "../../../src/wal/recordCodec.js";

const readings = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ sensorId: `temp_${(from + i) % 3}`, value: 20 + (from + i) / 7, timestampMs: 1_764_000_000_000 + (from + i) * 1000, seq: i % 2 === 0 ? from + i : null }));

const records: WalRecord[] = [
  { type: "readings", lsn: 1, readings: readings(0, 5) },
  { type: "readings", lsn: 2, readings: readings(5, 3) },
  { type: "checkpoint", committedLsn: 1 },
  { type: "readings", lsn: 3, readings: readings(8, 4) },
];
const frames = records.map(encodeRecord);
const segment = Buffer.concat(frames);

describe("write-ahead log records", () => {
  it("decode to exactly what was encoded: ids, values (full precision), times, seq or null, checkpoints", () => {
    expect(decodeSegment(segment)).toEqual({ records, damaged: [] });
  });

  it("a last record cut in half (a crash mid-write) is reported as torn with its offset; the records before it are kept", () => {
    const cut = segment.subarray(0, segment.length - Math.floor(frames[3]!.length / 2));
    const { records: kept, damaged } = decodeSegment(cut);
    expect(kept).toEqual(records.slice(0, 3));
    const offset = frames[0]!.length + frames[1]!.length + frames[2]!.length;
    expect(damaged).toEqual([{ offset, bytes: cut.length - offset, kind: "torn" }]);
  });

  it("a middle overwritten with garbage loses only the records it touches; the reader finds the next record after it", () => {
    const damagedBytes = Buffer.from(segment);
    const start = frames[0]!.length + HEADER_BYTES + 3;
    damagedBytes.fill(0x41, start, start + 10); // inside record 2's payload: its checksum fails
    const { records: kept, damaged } = decodeSegment(damagedBytes);
    expect(kept).toEqual([records[0], records[2], records[3]]);
    expect(damaged).toEqual([{ offset: frames[0]!.length, bytes: frames[1]!.length, kind: "corrupt" }]);
  });

  it("random bytes between records, and a damaged length field, are skipped without losing what follows", () => {
    const junk = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0xb5, 0x57]);
    const badLength = Buffer.from(frames[1]!);
    badLength.writeUInt32LE(0xffffff, 4);
    const { records: kept, damaged } = decodeSegment(Buffer.concat([frames[0]!, junk, badLength, frames[2]!, frames[3]!]));
    expect(kept).toEqual([records[0], records[2], records[3]]);
    expect(damaged.map((d) => d.kind)).toEqual(["corrupt", "corrupt"]);
    expect(damaged[0]!.offset).toBe(frames[0]!.length);
  });

  it("an empty segment has no records and no damage; one of garbage only is one torn stretch", () => {
    expect(decodeSegment(Buffer.alloc(0))).toEqual({ records: [], damaged: [] });
    expect(decodeSegment(Buffer.from("not a log at all"))).toEqual({ records: [], damaged: [{ offset: 0, bytes: 16, kind: "torn" }] });
  });
});
