import type { SensorKind } from "../domain/sensorKind.js";
import type { ActiveEpisode, AnomalyEvent } from "../domain/anomalyTypes.js";
import { resolveDetectorOptions, type DetectorOptions } from "./detectorOptions.js";
import { EpisodeBook, type Trigger, type Verdict } from "./episodes.js";
import { formatDuration, num } from "./format.js";
import { IntervalTracker } from "./intervalTracker.js";
import { atLevel } from "./kindProfiles.js";
import { EvidenceEnsemble } from "./evidenceEnsemble.js";
import { EvidenceRule, evidenceThresholdFor } from "./evidenceRule.js";
import { LevelRate } from "./levelRate.js";
import { RobustBaseline, type BaselineView } from "./robustBaseline.js";
import { StuckRule } from "./stuckRule.js";

const NOTHING: Verdict = Object.freeze({ trigger: null, holds: false });

/** Counters and the current baseline, for diagnostics and tests. */
export interface DetectorStatus {
  readonly readings: number;
  /** Readings older than the newest one seen: kept out of judgement (see `push`). */
  readonly lateReadings: number;
  readonly baseline: BaselineView;
  readonly baselineReady: boolean;
  readonly typicalIntervalMs: number | null;
  readonly gapLimitMs: number | null;
  /** Run of equal values that would be STUCK now. */
  readonly stuckRunNeeded: number;
  /** The ensemble's evidence threshold at the sensor's typical interval. */
  readonly evidenceThreshold: number;
}

/**
 * Streaming anomaly detection for one sensor, the same code and defaults for every sensor: each
 * anomaly is an episode — one raised and one cleared event, cleared only after the condition has
 * been absent for 10 readings and 5 minutes (`EpisodeBook`) — in O(1) amortised per reading
 * (about 5 µs) and about 200 KB of typed arrays whatever the history.
 *
 * Value anomalies come from an ensemble of fifteen cheap scores (`ScoreFeatures`: a reading far
 * from its neighbours, a step, a level that shifted at two time scales, noise that grew or
 * vanished, a value unlike this time of day or of the week, a level beyond its own range at three
 * time scales), each score judged by its tail probability under the stream's own recent history
 * (`TailCalibration`), two of them combined (`EvidenceEnsemble`) and turned into episodes typed
 * by the strongest scorer — SPIKE, RAPID_CHANGE, LEVEL_SHIFT, DISTRIBUTION_CHANGE, SEASONAL_BREAK
 * (`EvidenceRule`, whose message names the scorers with their numbers). Nothing is set per sensor:
 * every scale is the stream's own, and the threshold follows the sensor's reporting interval
 * (`evidenceThresholdFor`). The ensemble judges once it has 200 readings of history.
 *
 * Rules with physical meaning come beside it:
 * - STUCK (`StuckRule`): a run of equal values improbable for this sensor's own repeat rate and
 *   3 × longer than its longest normal run of the last two days (its robust 24 h baseline,
 *   `RobustBaseline`).
 * - RAPID_CHANGE (`LevelRate`): over the latest ~1 min of readings (at least 3), the median
 *   difference between each reading and the one n readings earlier exceeds what the kind's rate
 *   limit (units/min) allows over that time by more than 6σ of its own noise.
 * - OUT_OF_RANGE: outside the kind's physical range; such a reading feeds nothing else.
 * - GAP: silence longer than max(5 s, 3 × typical interval) (or `gapAfterMs`) — the same limit
 *   at which traits call the sensor STALE — found by `checkGap` while nothing arrives or by the
 *   next reading; timestamped when the silence passed the limit, so both paths raise one
 *   identical event.
 * STUCK and the rate limit wait until the baseline holds 120 readings (warm the detector from
 * history at start-up).
 */
export class AnomalyDetector {
  readonly options: DetectorOptions;
  private readonly baseline: RobustBaseline;
  private readonly episodes: EpisodeBook;
  private readonly intervals = new IntervalTracker();
  private readonly rate: LevelRate;
  private readonly ensemble: EvidenceEnsemble;
  private readonly evidence: EvidenceRule;
  private readonly stuck: StuckRule;
  private lastTs: number | null = null;
  private lastValue: number | null = null;
  private readings = 0;
  private late = 0;

  constructor(
    readonly sensorId: string,
    readonly kind: SensorKind,
    options: Partial<DetectorOptions> = {},
  ) {
    this.options = resolveDetectorOptions(kind, options);
    const o = this.options;
    this.baseline = new RobustBaseline(o.baselineMs, o.baselineBuckets);
    this.episodes = new EpisodeBook(sensorId, o.clearReadings, o.clearMs);
    this.rate = new LevelRate(o.rateSpanMs);
    this.ensemble = new EvidenceEnsemble({
      historyReadings: o.calibrationReadings,
      blockReadings: o.calibrationBlock,
      tailShare: o.tailShare,
      minReadings: o.minCalibrationReadings,
    });
    this.evidence = new EvidenceRule(sensorId, o);
    this.stuck = new StuckRule(this.options, (length) => this.baseline.noteRun(length));
  }

  /**
   * Judges a reading and returns the episode edges it causes, in time order. Readings must come
   * in time order; a reading older than the newest one seen is counted and otherwise ignored
   * (judging it would need to rewind every rule, and it is rare: a replayed buffer, a clock step).
   */
  push(timestampMs: number, value: number): AnomalyEvent[] {
    return this.process(timestampMs, value, true);
  }

  /**
   * Learns from a historical reading without emitting anything (start-up replay of the last
   * 24 h). Episodes open at the end of the history are listed by `activeEpisodes()` with the
   * keys they would have had live, so they can be reconciled with stored alerts; their
   * clearing is emitted by a later `push`.
   */
  warm(timestampMs: number, value: number): void {
    this.process(timestampMs, value, false);
  }

  /** Raises GAP if the sensor has been silent past its limit at `asOfMs` (call periodically). */
  checkGap(asOfMs: number): AnomalyEvent[] {
    const limit = this.gapLimitMs();
    if (this.lastTs === null || limit === null || asOfMs - this.lastTs <= limit) return [];
    const event = this.episodes.raise("GAP", this.gapTrigger(this.lastTs, limit));
    return event === null ? [] : [event];
  }

  /** Episodes raised and not yet cleared, oldest first. */
  activeEpisodes(): ActiveEpisode[] {
    return [...this.episodes.active(), ...this.evidence.active()].sort((a, b) => a.raisedAtMs - b.raisedAtMs);
  }

  status(): DetectorStatus {
    const view = this.baseline.current();
    return {
      readings: this.readings,
      lateReadings: this.late,
      baseline: view,
      baselineReady: view.readings >= this.options.minBaselineReadings,
      typicalIntervalMs: this.intervals.typicalMs,
      gapLimitMs: this.gapLimitMs(),
      stuckRunNeeded: this.stuck.runNeeded(view),
      evidenceThreshold: evidenceThresholdFor(this.options, this.intervals.typicalMs),
    };
  }

  /** Bytes held in typed arrays (bounded: it does not grow with the history pushed). */
  get memoryBytes(): number {
    return this.baseline.memoryBytes + this.rate.memoryBytes + this.ensemble.memoryBytes + this.intervals.memoryBytes;
  }

  private process(t: number, x: number, emit: boolean): AnomalyEvent[] {
    if (!Number.isFinite(t) || !Number.isFinite(x)) {
      throw new RangeError(`${this.sensorId}: readings need a finite timestamp and value, got ${t} and ${x}`);
    }
    if (this.lastTs !== null && t < this.lastTs) {
      this.late += 1;
      return [];
    }
    this.readings += 1;
    const o = this.options;
    const events: AnomalyEvent[] = [];
    const sink = emit ? events : null;

    if (this.lastTs !== null) {
      // Judged against the interval known before this reading.
      const limit = this.gapLimitMs();
      const silent = limit !== null && t - this.lastTs > limit;
      this.judge(sink, t, x, "GAP", { trigger: silent ? this.gapTrigger(this.lastTs, limit) : null, holds: silent });
      this.intervals.add(t - this.lastTs);
    }
    this.lastTs = t;

    const outOfRange = x < o.rangeMin || x > o.rangeMax;
    if (outOfRange) {
      const message = `value ${num(x)} is outside the physical range ${num(o.rangeMin)}..${num(o.rangeMax)}`;
      this.judge(sink, t, x, "OUT_OF_RANGE", { trigger: { severity: "HIGH", message, timestampMs: t, value: x }, holds: true });
      return events; // an impossible value says nothing about level, rate or repeats
    }
    this.judge(sink, t, x, "OUT_OF_RANGE", NOTHING);

    const view = this.baseline.current();
    const ready = view.readings >= o.minBaselineReadings;
    // A run already judged STUCK is kept from the ensemble, judged and learnt alike: a frozen day
    // must not become the history the recovered sensor's ordinary noise is measured against.
    if (this.stuck.countsAsNormal) {
      // No score scale finer than the sensor resolves.
      const floor = atLevel(o.resolution, x);
      const verdict = this.ensemble.judge(t, x, floor, view.quantum);
      const edges = this.evidence.observe(t, x, verdict, evidenceThresholdFor(o, this.intervals.typicalMs), floor);
      if (sink !== null) sink.push(...edges);
    }
    const rate = this.judgeRate(t, x, view, ready, atLevel(o.resolution, view.center));
    if (rate !== null) this.judge(sink, t, x, "RAPID_CHANGE", rate);
    this.stuck.track(t, x);
    this.baseline.add(t, x, this.lastValue === null ? null : x - this.lastValue, this.stuck.countsAsNormal);
    if (ready) this.judge(sink, t, x, "STUCK", this.stuck.judge(t, x, view));
    this.lastValue = x;
    return events;
  }

  /** Feeds one check's verdict to its episode; a raised or closed episode goes to `sink` (null: replaying quietly). */
  private judge(sink: AnomalyEvent[] | null, t: number, x: number, type: AnomalyEvent["type"], verdict: Verdict): void {
    const event = this.episodes.observe(type, verdict.trigger, verdict.holds, t, x);
    if (event !== null && sink !== null) sink.push(event);
  }

  private judgeRate(t: number, x: number, view: BaselineView, ready: boolean, resolution: number): Verdict | null {
    const o = this.options;
    if (!Number.isFinite(o.maxRatePerMinute)) return null;
    const change = this.rate.add(t, x, this.intervals.typicalMs);
    if (change === null || !ready) return null;
    // σ of the median of n differences of pairs of readings (each σ·√2): 1.2533·σ·√(2/n).
    const noise = 1.2533 * Math.max(view.noise, view.quantum, resolution) * Math.sqrt(2 / change.n);
    // Faster than the limit beyond doubt: a level moving at exactly the limit (a fan cooling as
    // fast as the plant allows) must not fire half the time on its noise.
    const fast = Math.abs(change.delta) > o.maxRatePerMinute * change.minutes + o.rateNoiseFactor * noise;
    if (!fast) return NOTHING;
    const message = `level ${change.delta > 0 ? "rose" : "fell"} at ${num(Math.abs(change.ratePerMinute))}/min (limit ${num(o.maxRatePerMinute)}/min)`;
    return { trigger: { severity: Math.abs(change.ratePerMinute) >= 3 * o.maxRatePerMinute ? "HIGH" : "MEDIUM", message, timestampMs: t, value: x }, holds: true };
  }

  private gapLimitMs(): number | null {
    const o = this.options;
    if (o.gapAfterMs !== null) return o.gapAfterMs;
    const typical = this.intervals.typicalMs;
    return typical === null ? null : Math.max(o.gapMinMs, o.gapIntervals * typical);
  }

  private gapTrigger(lastTs: number, limit: number): Trigger {
    const typical = this.intervals.typicalMs;
    return {
      severity: "LOW",
      message: `no reading for more than ${formatDuration(limit)} after ${new Date(lastTs).toISOString()}` + (typical === null ? "" : ` (typical interval ${formatDuration(typical)})`),
      timestampMs: lastTs + limit,
      value: null,
    };
  }
}
