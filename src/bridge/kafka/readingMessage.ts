import type { ReadingSource } from "../../ingest/ingest.js";
import type { Reading, ReadingCandidate } from "../../domain/reading.js";

/**
 * A validated reading on the readings topic: keyed by sensorId (so one sensor's readings stay
 * in one partition, in order), the value a small JSON object. The timestamp is the one given at
 * validation on the bridge's instance, so a replay after a failover stores the same
 * (sensorId, timestamp, seq) and Neo4j's de-duplication skips it.
 */
interface Wire {
  readonly s: string;
  readonly v: number;
  /** Epoch milliseconds. */
  readonly t: number;
  readonly n: number | null;
  /** Where the reading entered the twin (for the per-source counters). */
  readonly src: ReadingSource;
}

const SOURCES: readonly ReadingSource[] = ["api", "serial", "mqtt", "other"];

export function encodeReading(reading: Reading, source: ReadingSource): { key: string; value: string } {
  const wire: Wire = { s: reading.sensorId, v: reading.value, t: reading.timestampMs, n: reading.seq, src: source };
  return { key: reading.sensorId, value: JSON.stringify(wire) };
}

export type Decoded = { readonly ok: true; readonly candidate: ReadingCandidate; readonly source: ReadingSource } | { readonly ok: false; readonly problem: string };

/** The candidate for the ingest pipeline (validated again there), or why the message is not a reading. */
export function decodeReading(value: Buffer | null): Decoded {
  if (value === null || value.length === 0) return { ok: false, problem: "empty message" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString("utf8"));
  } catch {
    return { ok: false, problem: "not JSON" };
  }
  if (typeof parsed !== "object" || parsed === null) return { ok: false, problem: "not a JSON object" };
  const wire = parsed as Partial<Wire>;
  if (typeof wire.s !== "string" || typeof wire.v !== "number" || typeof wire.t !== "number") {
    return { ok: false, problem: "not a reading (needs s: sensorId, v: value, t: epoch ms)" };
  }
  const source = SOURCES.includes(wire.src as ReadingSource) ? (wire.src as ReadingSource) : "other";
  return { ok: true, candidate: { sensorId: wire.s, value: wire.v, timestamp: wire.t, seq: typeof wire.n === "number" ? wire.n : null }, source };
}
