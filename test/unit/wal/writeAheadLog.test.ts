import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/log.js";
import type { Reading } from "../../../src/domain/reading.js";
import { MAGIC } from "../../../src/wal/recordCodec.js";
import { replayWal } from "../../../src/wal/replay.js";
import { WalError } from "../../../src/wal/segmentDirectory.js";
import type { WalSettings } from "../../../src/wal/walTypes.js";
import { WriteAheadLog } from "../../../src/wal/writeAheadLog.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "wal-unit-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settings = (extra: Partial<WalSettings> = {}): WalSettings => ({ dir, instance: "a", fsyncMs: 5, maxBytes: 64 * 1024 * 1024, ...extra });
const reading = (i: number): Reading => ({ sensorId: `temp_${i % 4}`, value: i / 3, timestampMs: 1_764_000_000_000 + i * 1000, seq: i });
const batch = (from: number, count: number): Reading[] => Array.from({ length: count }, (_, i) => reading(from + i));

/** A store that keeps what it is given, de-duplicating by (sensorId, timestamp, seq) as Neo4j's write does. */
class KeepingSink {
  readonly stored = new Map<string, Reading>();
  writes = 0;
  async writeBatch(readings: readonly Reading[]): Promise<number> {
    this.writes += 1;
    let created = 0;
    for (const r of readings) {
      const key = `${r.sensorId}/${r.timestampMs}/${r.seq}`;
      if (!this.stored.has(key)) created += 1;
      this.stored.set(key, r);
    }
    return created;
  }
}

/** Simulates SIGKILL: the process's memory (and its lock's owner) is gone, the files stay. */
function crash(): void {
  rmSync(path.join(dir, "a.lock"), { force: true });
}

describe("WriteAheadLog", () => {
  it("answers durable once a record is fsynced, and a new run replays exactly the records not marked committed", async () => {
    const wal = WriteAheadLog.open(settings(), silentLogger);
    const first = wal.append(batch(0, 10));
    const second = wal.append(batch(10, 10));
    const third = wal.append(batch(20, 5));
    expect(await wal.durable(third, 5_000)).toBe(true);
    wal.committed(first);
    // The commit mark reaches the file with the next flush.
    const fourth = wal.append(batch(25, 5));
    expect(await wal.durable(fourth, 5_000)).toBe(true);
    expect(second).toBe(first + 1);
    crash();

    const again = WriteAheadLog.open(settings(), silentLogger);
    const sink = new KeepingSink();
    const outcome = await replayWal(again, sink, { batchSize: 7, log: silentLogger });
    expect(outcome).toMatchObject({ replayed: 20, created: 20, segments: 1, damagedStretches: 0 });
    expect([...sink.stored.values()].map((r) => r.seq).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(batch(10, 20).map((r) => r.seq));
    // The replayed segment is gone; the new run numbers its records after the old ones.
    expect(again.recovered).toEqual([]);
    expect(again.append(batch(30, 1))).toBeGreaterThan(fourth);
    await again.close();
  });

  it("replays a tail cut in half and a segment with garbage in its middle: every intact record once, the damage logged and skipped", async () => {
    const wal = WriteAheadLog.open(settings(), silentLogger);
    const lsns = [wal.append(batch(0, 5)), wal.append(batch(5, 5)), wal.append(batch(10, 5))];
    expect(await wal.durable(lsns[2]!, 5_000)).toBe(true);
    crash();
    const [segment] = readdirSync(dir).filter((f) => f.endsWith(".wal"));
    const file = path.join(dir, segment!);
    const bytes = readFileSync(file);
    const second = bytes.indexOf(MAGIC, 1);
    const garbled = Buffer.from(bytes);
    garbled.fill(0x20, second + 20, second + 40); // inside the middle record
    writeFileSync(file, garbled);
    appendFileSync(file, bytes.subarray(0, Math.floor(second / 2))); // a torn last record

    const warnings: string[] = [];
    const log = { ...silentLogger, warn: (message: string) => void warnings.push(message), child: () => log };
    const again = WriteAheadLog.open(settings(), log);
    const sink = new KeepingSink();
    const outcome = await replayWal(again, sink, { batchSize: 100, log: silentLogger });
    expect(outcome).toMatchObject({ replayed: 10, damagedStretches: 2 });
    expect([...sink.stored.values()].map((r) => r.seq).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]);
    expect(warnings.join("\n")).toMatch(/damaged stretch: \d+ bytes at offset \d+ skipped/);
    expect(warnings.join("\n")).toMatch(/cut short \(a crash mid-write\): \d+ bytes at offset \d+ skipped/);
    await again.close();
  });

  it("a replay interrupted by another crash is repeated, and every reading is still stored once", async () => {
    const wal = WriteAheadLog.open(settings(), silentLogger);
    const last = wal.append(batch(0, 50));
    await wal.durable(last, 5_000);
    crash();
    const sink = new KeepingSink();
    const failing = { writes: 0, writeBatch: async (r: readonly Reading[]) => (++failing.writes === 3 ? Promise.reject(new Error("killed")) : sink.writeBatch(r)) };
    const interrupted = WriteAheadLog.open(settings(), silentLogger);
    await expect(replayWal(interrupted, failing, { batchSize: 10, log: silentLogger, retryForMs: 0 })).rejects.toThrow(/stay in the log and are replayed at the next start/);
    crash();
    const again = WriteAheadLog.open(settings(), silentLogger);
    await replayWal(again, sink, { batchSize: 10, log: silentLogger });
    expect(sink.stored.size).toBe(50);
    await again.close();
  });

  it("deletes segments once their records are committed, and a clean close with everything committed leaves no segment", async () => {
    const wal = WriteAheadLog.open(settings({ segmentBytes: 2_000 }), silentLogger);
    let last = 0;
    for (let i = 0; i < 40; i++) {
      last = wal.append(batch(i * 5, 5));
      await wal.durable(last, 5_000);
    }
    await wal.settled();
    const before = readdirSync(dir).filter((f) => f.endsWith(".wal")).length;
    expect(before).toBeGreaterThan(3);
    wal.committed(last);
    await wal.settled();
    expect(readdirSync(dir).filter((f) => f.endsWith(".wal")).length).toBeLessThanOrEqual(2);
    await wal.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses appends beyond its size bound, naming the folder and the setting", async () => {
    const wal = WriteAheadLog.open(settings({ maxBytes: 4_000, segmentBytes: 1_000 }), silentLogger);
    expect(wal.refusal()).toBeNull();
    let last = 0;
    while (wal.refusal() === null) last = wal.append(batch(last * 5, 5));
    expect(wal.refusal()).toMatch(new RegExp(`write-ahead log full: .* in ${dir} .*INGEST_WAL_MAX_MB`));
    await wal.durable(last, 5_000);
    wal.committed(last);
    await wal.settled();
    expect(wal.refusal()).toBeNull();
    await wal.close();
  });

  it("two twins never share an instance: the second is refused by the lock, one on another instance writes its own segments", async () => {
    const a = WriteAheadLog.open(settings(), silentLogger);
    expect(() => WriteAheadLog.open(settings(), silentLogger)).not.toThrow(); // the same process takes its own lock over
    const b = WriteAheadLog.open(settings({ instance: "b" }), silentLogger);
    a.append(batch(0, 1));
    const lsn = b.append(batch(1, 1));
    await b.durable(lsn, 5_000);
    expect(readdirSync(dir).filter((f) => f.startsWith("b-"))).toHaveLength(1);
    // A lock held by another live process: a real second twin.
    writeFileSync(path.join(dir, "c.lock"), String(process.ppid));
    expect(() => WriteAheadLog.open(settings({ instance: "c" }), silentLogger)).toThrow(WalError);
    expect(() => WriteAheadLog.open(settings({ instance: "c" }), silentLogger)).toThrow(/in use by process \d+ .*INSTANCE_ID/);
    await b.close();
  });

  it("an unwritable folder stops the start with a message naming it", () => {
    const file = path.join(dir, "plain-file");
    writeFileSync(file, "x");
    expect(() => WriteAheadLog.open(settings({ dir: path.join(file, "wal") }), silentLogger)).toThrow(/cannot create the write-ahead log folder .*plain-file\/wal.*INGEST_WAL_DIR/);
    expect(statSync(file).isFile()).toBe(true);
  });
});
