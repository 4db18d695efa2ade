/** One accepted measurement: the unit of everything the twin mirrors. */
export interface Reading {
  readonly sensorId: string;
  readonly value: number;
  /** Epoch milliseconds (UTC). */
  readonly timestampMs: number;
  /** The source's sequence number, when it gives one. */
  readonly seq: number | null;
}

/** What a source hands to the ingest pipeline before validation. */
export interface ReadingCandidate {
  readonly sensorId: unknown;
  readonly value: unknown;
  /** ISO-8601 string, epoch milliseconds or Date; absent means "now". */
  readonly timestamp?: unknown;
  readonly seq?: unknown;
}

/** Identity used for de-duplication: the same (sensor, time, seq) is stored once. */
export function readingKey(r: Pick<Reading, "sensorId" | "timestampMs" | "seq">): string {
  return `${r.sensorId}\u0000${r.timestampMs}\u0000${r.seq ?? ""}`;
}
