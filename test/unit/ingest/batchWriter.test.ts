import { afterEach, describe, expect, it, vi } from "vitest";
import { BatchWriter, GROUP_COMMIT_FACTOR, type BatchSink } from "../../../src/ingest/batchWriter.js";
import type { Reading } from "../../../src/domain/reading.js";
import { silentLogger } from "../../../src/log.js";

/** A store fake that records batches and can be switched off to simulate an outage. */
class FakeSink implements BatchSink {
  batches: Reading[][] = [];
  up = true;
  failures = 0;
  async writeBatch(readings: readonly Reading[]): Promise<number> {
    await new Promise((r) => setTimeout(r, 1));
    if (!this.up) {
      this.failures += 1;
      throw new Error("ServiceUnavailable: connection refused");
    }
    this.batches.push([...readings]);
    return readings.length;
  }
  get written(): Reading[] {
    return this.batches.flat();
  }
}

const readings = (n: number, from = 0): Reading[] => Array.from({ length: n }, (_, i) => ({ sensorId: "temp_1", value: i + from, timestampMs: 1_000 + i + from, seq: i + from }));

describe("BatchWriter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes full batches at once and a partial one after the linger", async () => {
    vi.useFakeTimers();
    const sink = new FakeSink();
    const writer = new BatchWriter(sink, { batchSize: 10, lingerMs: 30, bufferCapacity: 100 }, silentLogger);
    writer.offer(readings(25));
    await vi.advanceTimersByTimeAsync(15);
    expect(sink.batches.map((b) => b.length)).toEqual([10, 10]);
    await vi.advanceTimersByTimeAsync(14);
    expect(sink.batches.map((b) => b.length)).toEqual([10, 10]); // still lingering
    await vi.advanceTimersByTimeAsync(20);
    expect(sink.batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(sink.written.map((r) => r.value)).toEqual(readings(25).map((r) => r.value));
  });

  it("takes only what fits in the buffer and reports the rest as not taken", () => {
    const sink = new FakeSink();
    sink.up = false;
    const writer = new BatchWriter(sink, { batchSize: 10, lingerMs: 1000, bufferCapacity: 30 }, silentLogger);
    expect(writer.offer(readings(20))).toBe(20);
    expect(writer.offer(readings(20, 20))).toBe(10);
    expect(writer.offer(readings(1, 40))).toBe(0);
    expect(writer.pending).toBe(30);
  });

  it("keeps readings through an outage and writes each exactly once when the store returns", async () => {
    const sink = new FakeSink();
    const changes: boolean[] = [];
    const writer = new BatchWriter(sink, { batchSize: 8, lingerMs: 5, bufferCapacity: 1000 }, silentLogger, {
      onAvailabilityChanged: (up) => changes.push(up),
    });
    vi.useFakeTimers();
    sink.up = false;
    writer.offer(readings(50));
    await vi.advanceTimersByTimeAsync(400);
    expect(sink.failures).toBeGreaterThan(1);
    expect(writer.status().storeAvailable).toBe(false);
    writer.offer(readings(50, 50));
    sink.up = true;
    const flushed = writer.flush();
    await vi.advanceTimersByTimeAsync(10_000); // past the longest retry backoff
    await flushed;
    expect(sink.written.map((r) => r.value)).toEqual(readings(100).map((r) => r.value));
    expect(changes).toEqual([false, true]);
    expect(writer.status()).toMatchObject({ pending: 0, committed: 100, storeAvailable: true });
  });

  it("tells who listens what each committed batch held, once it is in the store", async () => {
    const sink = new FakeSink();
    const told: Array<{ count: number; created: number; values: number[]; stored: number }> = [];
    const writer = new BatchWriter(sink, { batchSize: 4, lingerMs: 5, bufferCapacity: 100 }, silentLogger, {
      onCommitted: (count, created, batch) => told.push({ count, created, values: batch.map((r) => r.value), stored: sink.written.length }),
    });
    writer.offer(readings(6));
    await writer.flush();
    expect(told).toEqual([
      { count: 4, created: 4, values: [0, 1, 2, 3], stored: 4 },
      { count: 2, created: 2, values: [4, 5], stored: 6 },
    ]);
  });

  it("commits waiting callers' readings in batches of up to GROUP_COMMIT_FACTOR × batchSize, and others in batchSize", async () => {
    const sink = new FakeSink();
    const writer = new BatchWriter(sink, { batchSize: 10, lingerMs: 60_000, bufferCapacity: 1000 }, silentLogger);
    // A batch is in flight while three callers queue 25 readings each behind it.
    writer.offer(readings(10));
    const first = writer.waitCommitted(writer.offeredPosition, 5_000);
    const waits = [1, 2, 3].map((k) => {
      writer.offer(readings(25, 100 * k));
      return writer.waitCommitted(writer.offeredPosition, 5_000);
    });
    expect(await Promise.all([first, ...waits])).toEqual([true, true, true, true]);
    expect(sink.batches.map((b) => b.length)).toEqual([10, 10 * GROUP_COMMIT_FACTOR, 75 - 10 * GROUP_COMMIT_FACTOR]);
    // Nobody waiting: the size alone cuts.
    writer.offer(readings(25, 1000));
    await vi.waitUntil(() => sink.written.length === 105);
    expect(sink.batches.slice(3).map((b) => b.length)).toEqual([10, 10]);
    await writer.stop(false);
  });

  it("flush writes a partial batch without waiting for the linger", async () => {
    const sink = new FakeSink();
    const writer = new BatchWriter(sink, { batchSize: 100, lingerMs: 60_000, bufferCapacity: 1000 }, silentLogger);
    writer.offer(readings(3));
    await writer.flush();
    expect(sink.written).toHaveLength(3);
  });

  it("waitForSpace resolves once a batch frees room, and times out while the store is down", async () => {
    const sink = new FakeSink();
    sink.up = false;
    const writer = new BatchWriter(sink, { batchSize: 5, lingerMs: 1, bufferCapacity: 10 }, silentLogger);
    writer.offer(readings(10));
    expect(await writer.waitForSpace(5, 50)).toBe(false);
    const waiting = writer.waitForSpace(5, 5_000);
    sink.up = true;
    expect(await waiting).toBe(true);
    await writer.stop();
    expect(sink.written).toHaveLength(10);
    expect(writer.offer(readings(1))).toBe(0);
  });
});
