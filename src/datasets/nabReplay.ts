import { AnomalyDetector } from "../analytics/anomalyDetector.js";
import type { AnomalyEvent } from "../analytics/anomalyTypes.js";
import type { DetectorOptions } from "../analytics/detectorOptions.js";
import { NaiveSigmaDetector } from "../analytics/naiveSigmaDetector.js";
import type { Point } from "../analytics/point.js";
import type { SensorKind } from "../twin/sensorKind.js";
import type { NabWindow } from "./nab.js";
import { scoreEpisodes, type EpisodeScore } from "./nabScoring.js";

export interface NabReplay {
  readonly readings: number;
  /** Readings the detector skipped because they were older than one already seen. */
  readonly lateReadings: number;
  readonly events: readonly AnomalyEvent[];
  /** Scored on value anomalies only: NAB labels values, and a GAP is a hole in the file. */
  readonly score: EpisodeScore;
  /** GAP episodes raised (holes in the file), reported apart from the score. */
  readonly gapEpisodes: number;
  /** The naive "3σ from the trailing 24 h mean" rule on the same readings, for comparison. */
  readonly naive: EpisodeScore;
}

/**
 * Streams a NAB series through a fresh `AnomalyDetector` (and the naive 3σ rule) in file order
 * and scores the raised value-anomaly episodes against the labelled windows. NAB files sample every 5 min
 * (hourly for ambient temperature) in arbitrary units, so the default kind is OTHER: no
 * physical range and no rate limit — everything is judged against the series' own baseline.
 */
export function replayNab(
  points: readonly Point[],
  windows: readonly NabWindow[],
  kind: SensorKind = "OTHER",
  options: Partial<DetectorOptions> = {},
): NabReplay {
  const detector = new AnomalyDetector("nab", kind, options);
  const naive = new NaiveSigmaDetector("nab");
  const events: AnomalyEvent[] = [];
  const naiveEvents: AnomalyEvent[] = [];
  for (const p of points) {
    events.push(...detector.push(p.timestampMs, p.value));
    naiveEvents.push(...naive.push(p.timestampMs, p.value));
  }
  return {
    readings: points.length,
    lateReadings: detector.status().lateReadings,
    events,
    score: scoreEpisodes(
      events.filter((e) => e.type !== "GAP"),
      windows,
    ),
    gapEpisodes: events.filter((e) => e.type === "GAP" && e.phase === "raised").length,
    naive: scoreEpisodes(naiveEvents, windows),
  };
}
