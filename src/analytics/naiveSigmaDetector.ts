import type { AnomalyEvent } from "./anomalyTypes.js";
import { EpisodeBook } from "./episodes.js";
import { SeriesWindow } from "./seriesWindow.js";

/**
 * The rule this project replaced, kept as a yardstick for evaluations: a reading more than
 * `k` standard deviations (default 3) from the mean of the trailing window (24 h, the current
 * reading excluded) is a SPIKE. Episodes use the same hysteresis as `AnomalyDetector`, so
 * episode counts compare like with like.
 */
export class NaiveSigmaDetector {
  private readonly window: SeriesWindow;
  private readonly episodes: EpisodeBook;

  constructor(
    sensorId: string,
    private readonly k = 3,
    private readonly windowMs = 86_400_000,
    private readonly minReadings = 30,
    clearReadings = 10,
    clearMs = 300_000,
  ) {
    this.window = new SeriesWindow({ retentionMs: windowMs });
    this.episodes = new EpisodeBook(sensorId, clearReadings, clearMs);
  }

  /** Judges a reading against the trailing window, then adds it to the window. */
  push(timestampMs: number, value: number): AnomalyEvent[] {
    const stats = this.window.stats(timestampMs - this.windowMs, timestampMs - 1e-9);
    let flagged = false;
    if (stats.count >= this.minReadings && stats.mean !== null && stats.stdDev !== null) {
      flagged = Math.abs(value - stats.mean) > this.k * stats.stdDev;
    }
    this.window.append(timestampMs, value);
    const trigger = flagged
      ? { severity: "MEDIUM" as const, message: `value ${value} is more than ${this.k}σ from the trailing mean ${stats.mean}`, timestampMs, value }
      : null;
    const event = this.episodes.observe("SPIKE", trigger, flagged, timestampMs, value);
    return event === null ? [] : [event];
  }
}
