export const ANOMALY_TYPES = ["SPIKE", "LEVEL_SHIFT", "DISTRIBUTION_CHANGE", "SEASONAL_BREAK", "STUCK", "RAPID_CHANGE", "OUT_OF_RANGE", "GAP", "CALIBRATION_MISMATCH"] as const;
export type AnomalyType = (typeof ANOMALY_TYPES)[number];
export type Severity = "HIGH" | "MEDIUM" | "LOW";

/**
 * One edge of an anomaly episode. Each episode produces exactly one "raised" and, once the
 * condition has been absent long enough, one "cleared" event with the same `episodeKey`.
 */
export interface AnomalyEvent {
  readonly phase: "raised" | "cleared";
  readonly sensorId: string;
  readonly type: AnomalyType;
  readonly severity: Severity;
  readonly message: string;
  /** raised: the reading that triggered it (GAP: when the silence passed the limit); cleared: the reading that ended it. */
  readonly timestampMs: number;
  readonly value: number | null;
  /** `${sensorId}:${type}:${raisedTimestampMs}` — stable across replays of the same history. */
  readonly episodeKey: string;
}

/** An episode that has been raised and not cleared. */
export interface ActiveEpisode {
  readonly episodeKey: string;
  readonly type: AnomalyType;
  readonly severity: Severity;
  readonly message: string;
  readonly raisedAtMs: number;
  /** Last time the condition was seen (a reading, or the gap's start). */
  readonly lastSeenMs: number;
}
