import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/log.js";
import { BatchWriter, type BatchSink } from "../../../src/ingest/batchWriter.js";
import { EventBus } from "../../../src/util/eventBus.js";
import type { TwinEvents } from "../../../src/domain/events.js";
import { IngestPipeline } from "../../../src/ingest/ingest.js";
import { LiveState } from "../../../src/live/liveState.js";
import type { Reading } from "../../../src/domain/reading.js";

const NOW = Date.parse("2026-11-27T12:00:00Z");

function pipeline(capacity = 100, sink: BatchSink = { writeBatch: async (r) => r.length }) {
  const bus = new EventBus<TwinEvents>(silentLogger);
  const published: Reading[] = [];
  bus.on("readingAccepted", "test", (r) => void published.push(r));
  const live = new LiveState();
  const writer = new BatchWriter(sink, { batchSize: 1000, lingerMs: 60_000, bufferCapacity: capacity }, silentLogger);
  const ingest = new IngestPipeline(writer, live, bus, () => NOW, silentLogger);
  return { ingest, writer, live, published };
}

describe("IngestPipeline", () => {
  it("publishes and queues valid readings, refuses invalid ones by index, and counts duplicates as accepted once", () => {
    const { ingest, writer, published, live } = pipeline();
    const outcome = ingest.ingest([
      { sensorId: "temp_1", value: 20, timestamp: NOW - 2000, seq: 1 },
      { sensorId: "temp_1", value: Number.NaN },
      { sensorId: "temp_1", value: 20, timestamp: NOW - 2000, seq: 1 },
      { sensorId: "temp_1", value: 21, timestamp: NOW - 1000, seq: 2 },
    ]);
    expect(outcome).toEqual({ accepted: 3, rejected: 1, errors: [{ index: 1, message: expect.stringMatching(/^readings\[1\]: value of temp_1 is NaN/) }] });
    expect(published.map((r) => r.seq)).toEqual([1, 2]);
    expect(writer.pending).toBe(2);
    expect(live.get("temp_1")).toMatchObject({ currentValue: 21, lastUpdateMs: NOW - 1000 });
    expect(ingest.ingest([{ sensorId: "temp_1", value: 21, timestamp: NOW - 1000, seq: 2 }]).accepted).toBe(1);
    expect(published).toHaveLength(2);
    expect(ingest.counters).toEqual({ accepted: 2, rejected: 1, duplicates: 2 });
  });

  it("an older reading arriving late does not move the live state back", () => {
    const { ingest, live } = pipeline();
    ingest.ingest([{ sensorId: "t", value: 30, timestamp: NOW }]);
    ingest.ingest([{ sensorId: "t", value: 10, timestamp: NOW - 60_000 }]);
    expect(live.get("t")).toMatchObject({ currentValue: 30, lastUpdateMs: NOW });
  });

  it("refuses what does not fit in the buffer with a reason, and publishes only what it keeps", () => {
    const { ingest, published } = pipeline(3);
    const outcome = ingest.ingest(Array.from({ length: 5 }, (_, i) => ({ sensorId: "t", value: i, timestamp: NOW - i * 1000 })));
    expect(outcome.accepted).toBe(3);
    expect(outcome.errors.map((e) => e.index)).toEqual([3, 4]);
    expect(outcome.errors[0]!.message).toMatch(/ingest buffer full/);
    expect(published).toHaveLength(3);
  });
});

describe("IngestPipeline.record", () => {
  it("lets concurrent callers wait for room in turn: none is refused for room another just took", async () => {
    // A sink that commits one batch at a time, slowly, so the 100-reading buffer stays full.
    const sink: BatchSink = { writeBatch: async (r) => new Promise((resolve) => setTimeout(() => resolve(r.length), 2)) };
    const bus = new EventBus<TwinEvents>(silentLogger);
    const writer = new BatchWriter(sink, { batchSize: 25, lingerMs: 1, bufferCapacity: 100 }, silentLogger);
    const ingest = new IngestPipeline(writer, new LiveState(), bus, () => NOW, silentLogger);
    const callers = Array.from({ length: 8 }, (_, c) =>
      (async () => {
        let accepted = 0;
        for (let call = 0; call < 5; call++) {
          const readings = Array.from({ length: 50 }, (_, i) => ({ sensorId: `s${c}`, value: i, timestamp: NOW - 1_000_000 + call * 50 + i }));
          const outcome = await ingest.record(readings, "ACCEPTED", { roomWaitMs: 10_000, commitTimeoutMs: 10_000 });
          expect(outcome.errors).toEqual([]);
          accepted += outcome.accepted;
        }
        return accepted;
      })(),
    );
    expect(await Promise.all(callers)).toEqual(Array(8).fill(250));
    await writer.flush();
    await writer.stop(false);
  });
});
