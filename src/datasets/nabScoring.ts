import type { AnomalyEvent } from "../analytics/anomalyTypes.js";
import type { NabWindow } from "./nab.js";

export interface WindowOutcome {
  readonly startIso: string;
  readonly endIso: string;
  readonly detected: boolean;
  /** The first episode raised inside the window, if any. */
  readonly firstDetection: { readonly timestampIso: string; readonly minutesAfterStart: number; readonly type: string } | null;
}

export interface EpisodeScore {
  readonly windows: readonly WindowOutcome[];
  readonly windowsDetected: number;
  /** Episodes raised outside every window (NAB counts these as false positives). */
  readonly falseAlarmEpisodes: number;
  /** The false alarms per anomaly type (GAP ones are real holes in the file, not value anomalies). */
  readonly falseAlarmsByType: Readonly<Record<string, number>>;
  readonly totalEpisodes: number;
  /** Raised episodes per anomaly type. */
  readonly episodesByType: Readonly<Record<string, number>>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Scores raised episodes against labelled windows the NAB way: inside a window detects it, outside is a false alarm. */
export function scoreEpisodes(events: readonly AnomalyEvent[], windows: readonly NabWindow[]): EpisodeScore {
  const raised = events.filter((e) => e.phase === "raised").sort((a, b) => a.timestampMs - b.timestampMs);
  const inside = (t: number): boolean => windows.some((w) => t >= w.startMs && t <= w.endMs);
  const outcomes = windows.map((w): WindowOutcome => {
    const first = raised.find((e) => e.timestampMs >= w.startMs && e.timestampMs <= w.endMs);
    return {
      startIso: iso(w.startMs),
      endIso: iso(w.endMs),
      detected: first !== undefined,
      firstDetection:
        first === undefined
          ? null
          : { timestampIso: iso(first.timestampMs), minutesAfterStart: Math.round((first.timestampMs - w.startMs) / 60_000), type: first.type },
    };
  });
  const byType: Record<string, number> = {};
  const falseByType: Record<string, number> = {};
  for (const e of raised) {
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    if (!inside(e.timestampMs)) falseByType[e.type] = (falseByType[e.type] ?? 0) + 1;
  }
  return {
    windows: outcomes,
    windowsDetected: outcomes.filter((o) => o.detected).length,
    falseAlarmEpisodes: raised.filter((e) => !inside(e.timestampMs)).length,
    falseAlarmsByType: falseByType,
    totalEpisodes: raised.length,
    episodesByType: byType,
  };
}
