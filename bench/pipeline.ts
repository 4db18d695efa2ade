import type { IngestSettings } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import type { ReadingStore } from "../src/store/readingStore.js";
import { BatchWriter } from "../src/ingest/batchWriter.js";
import { EventBus } from "../src/util/eventBus.js";
import type { TwinEvents } from "../src/domain/events.js";
import { IngestPipeline } from "../src/ingest/ingest.js";
import { LiveAnalytics } from "../src/live/liveAnalytics.js";
import { LiveState } from "../src/live/liveState.js";
import type { Reading } from "../src/domain/reading.js";
import { rssSampler } from "./support.js";

export const SENSORS = 20;
const START = Date.parse("2026-01-01T00:00:00Z");

/** Reading i of a run: 20 sensors round-robin, one second apart per sensor, with noise. */
export function benchReading(run: string, i: number, startMs = START): Reading {
  const sensor = i % SENSORS;
  const step = Math.floor(i / SENSORS);
  const noise = Math.sin(i * 12.9898) * 0.05;
  return { sensorId: `temp_${run}_${sensor}`, value: 20 + Math.sin(step / 600) + sensor / 10 + noise, timestampMs: startMs + step * 1000, seq: step };
}

/**
 * Readings offered to the real ingest pipeline by a producer that waits when the buffer is
 * full (so memory stays bounded); with `analytics`, the live analytics listen on the bus as in
 * the twin. Returns the seconds until everything is committed, and the peak RSS meanwhile.
 */
export async function runPipeline(
  store: ReadingStore,
  settings: IngestSettings,
  run: string,
  from: number,
  count: number,
  options: { analytics?: boolean } = {},
): Promise<{ seconds: number; peakRssMb: number }> {
  const bus = new EventBus<TwinEvents>(silentLogger);
  let published = 0;
  bus.on("readingAccepted", "bench", () => {
    published += 1;
  });
  if (options.analytics === true) {
    const live = new LiveAnalytics({ retentionMs: 24 * 3_600_000, log: silentLogger, onAnomalies: () => undefined });
    bus.on("readingAccepted", "analytics", (r) => live.accept(r));
  }
  const writer = new BatchWriter(store, settings, silentLogger);
  const ingest = new IngestPipeline(writer, new LiveState(), bus, Date.now, silentLogger);
  const chunk = 1_000;
  global.gc?.();
  const rss = rssSampler();
  const started = performance.now();
  for (let start = from; start < from + count; start += chunk) {
    const candidates = [];
    for (let i = start; i < Math.min(from + count, start + chunk); i++) {
      const r = benchReading(run, i);
      candidates.push({ sensorId: r.sensorId, value: r.value, timestamp: r.timestampMs, seq: r.seq });
    }
    const outcome = await ingest.ingestWhenRoom(candidates, 60_000);
    if (outcome.rejected > 0) throw new Error(`pipeline refused ${outcome.rejected} readings: ${outcome.errors[0]?.message}`);
  }
  await writer.flush();
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = rss.stop();
  if (published !== count) throw new Error(`published ${published} of ${count}`);
  return { seconds, peakRssMb };
}

/** Runs `a` and `b` each on `total` readings, in quarters in ABBA order (drift in the database affects both alike); returns seconds each. */
export async function abba(total: number, a: (from: number, count: number) => Promise<number>, b: (from: number, count: number) => Promise<number>): Promise<{ a: number; b: number }> {
  const quarter = total / 4;
  const seconds = { a: 0, b: 0 };
  const next = { a: 0, b: 0 };
  for (const which of ["a", "b", "b", "a", "a", "b", "b", "a"] as const) {
    const from = next[which];
    next[which] += quarter;
    seconds[which] += await (which === "a" ? a : b)(from, quarter);
  }
  return seconds;
}
