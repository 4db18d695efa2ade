import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { CoalescingWriter } from "../../../src/util/coalescingWriter.js";

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function setup(options: { failures?: number; writeMs?: number } = {}) {
  const batches: Array<Array<[string, number]>> = [];
  const logLines: string[] = [];
  let failures = options.failures ?? 0;
  const writer = new CoalescingWriter<string, [string, number]>({
    what: "values",
    lingerMs: 20,
    retryMs: 10,
    write: async (values) => {
      await tick(options.writeMs ?? 0);
      if (failures > 0) {
        failures -= 1;
        throw new Error("database away");
      }
      batches.push([...values]);
    },
    log: createLogger("debug", (line) => logLines.push(line)),
  });
  return { writer, batches, logLines };
}

describe("CoalescingWriter", () => {
  it("writes the newest value per key in one batch after the linger", async () => {
    const { writer, batches } = setup();
    const first = writer.put("a", ["a", 1]);
    void writer.put("b", ["b", 1]);
    void writer.put("a", ["a", 2]);
    expect(batches).toEqual([]);
    await first;
    expect(batches).toEqual([
      [
        ["a", 2],
        ["b", 1],
      ],
    ]);
  });

  it("queues what arrives during a write for the next batch, so a key's values land in order", async () => {
    const { writer, batches } = setup({ writeMs: 40 });
    void writer.put("a", ["a", 1]);
    await tick(30); // the first batch is being written now
    void writer.put("a", ["a", 2]);
    void writer.put("a", ["a", 3]);
    await writer.drain();
    expect(batches).toEqual([[["a", 1]], [["a", 3]]]);
  });

  it("merges a queued value with a newer one when told how", async () => {
    const batches: number[][] = [];
    const writer = new CoalescingWriter<string, number>({
      what: "sums",
      lingerMs: 5,
      merge: (older, newer) => older + newer,
      write: async (values) => void batches.push([...values]),
      log: createLogger("warn", () => undefined),
    });
    void writer.put("k", 1);
    void writer.put("k", 2);
    await writer.drain();
    expect(batches).toEqual([[3]]);
  });

  it("retries a failed batch once and reports a second failure, then goes on", async () => {
    const once = setup({ failures: 1 });
    await once.writer.put("a", ["a", 1]);
    expect(once.batches).toEqual([[["a", 1]]]);
    expect(once.logLines.join("\n")).toMatch(/writing 1 values failed; retrying once/);

    const twice = setup({ failures: 2 });
    await twice.writer.put("a", ["a", 1]);
    expect(twice.batches).toEqual([]);
    expect(twice.logLines.join("\n")).toMatch(/failed twice; they are lost/);
    await twice.writer.put("a", ["a", 2]);
    expect(twice.batches).toEqual([[["a", 2]]]);
  });

  it("drain writes at once, without waiting for the linger", async () => {
    const batches: number[][] = [];
    const writer = new CoalescingWriter<string, number>({
      what: "values",
      lingerMs: 3_600_000, // an hour: only drain can write this within the test's time
      write: async (values) => void batches.push([...values]),
      log: createLogger("warn", () => undefined),
    });
    void writer.put("a", 1);
    await writer.drain();
    expect(batches).toEqual([[1]]);
  });
});
