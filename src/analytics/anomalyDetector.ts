import type { SensorKind } from "../twin/sensorKind.js";
import type { ActiveEpisode, AnomalyEvent } from "./anomalyTypes.js";
import { resolveDetectorOptions, type DetectorOptions } from "./detectorOptions.js";
import { EpisodeBook, type Trigger } from "./episodes.js";
import { formatDuration, num } from "./format.js";
import { IntervalTracker } from "./intervalTracker.js";
import { atLevel } from "./kindProfiles.js";
import { LevelRate } from "./levelRate.js";
import { RobustBaseline, type BaselineView } from "./robustBaseline.js";
import { SpikeRule, type Verdict } from "./spikeRule.js";
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
}

/**
 * Streaming anomaly detection for one sensor: SPIKE, STUCK, RAPID_CHANGE, OUT_OF_RANGE and GAP,
 * each as episodes — one raised and one cleared event, cleared only after the condition has
 * been absent for 10 readings and 5 minutes (`EpisodeBook`) — in O(1) amortised per reading and
 * a few tens of kilobytes of typed arrays whatever the history.
 *
 * Everything is judged against the sensor's own robust baseline (`RobustBaseline`: per-bucket
 * medians, spreads and repeat counts over 24 h; σ below is its robust scale, floored at half
 * the quantisation step and the kind's resolution). SPIKE, RAPID_CHANGE and STUCK wait until
 * the baseline holds 120 readings (warm it from history at start-up).
 * - SPIKE (`SpikeRule`): one reading ≥ 7σ outside the baseline's range, or a level ≥ 5σ outside
 *   its usual range for 3 h. Gaussian noise never fires (P(|z| ≥ 7) ≈ 3·10⁻¹²); a 10σ single
 *   reading does, at its own timestamp.
 * - STUCK (`StuckRule`): a run of equal values improbable for this sensor's own repeat rate and
 *   3 × longer than its longest normal run of the last two days.
 * - RAPID_CHANGE (`LevelRate`): the median of the latest ~1 min of readings (at least 3)
 *   differs from the median of the minute before at more than the kind's rate limit
 *   (units/min) and by more than 6σ of that difference's own noise (σ from the median |Δ| of
 *   consecutive readings); medians, so a lone spike is a SPIKE and not also a RAPID_CHANGE.
 * - OUT_OF_RANGE: outside the kind's physical range; such a reading feeds nothing else.
 * - GAP: silence longer than max(5 s, 3 × typical interval) (or `gapAfterMs`) — the same limit
 *   at which traits call the sensor STALE — found by `checkGap` while nothing arrives or by the
 *   next reading; timestamped when the silence passed the limit, so both paths raise one
 *   identical event.
 */
export class AnomalyDetector {
  readonly options: DetectorOptions;
  private readonly baseline: RobustBaseline;
  private readonly episodes: EpisodeBook;
  private readonly intervals = new IntervalTracker();
  private readonly rate: LevelRate;
  private readonly spike: SpikeRule;
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
    this.baseline = new RobustBaseline(this.options.baselineMs, this.options.baselineBuckets, this.options.bandQuantile);
    this.episodes = new EpisodeBook(sensorId, this.options.clearReadings, this.options.clearMs);
    this.rate = new LevelRate(this.options.rateSpanMs);
    this.spike = new SpikeRule(this.options);
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
    return this.episodes.active();
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
    };
  }

  /** Bytes held in typed arrays (bounded: it does not grow with the history pushed). */
  get memoryBytes(): number {
    return this.baseline.memoryBytes + this.rate.memoryBytes + this.intervals.memoryBytes;
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
    const judge = (type: AnomalyEvent["type"], verdict: Verdict): void => {
      const event = this.episodes.observe(type, verdict.trigger, verdict.holds, t, x);
      if (event !== null && emit) events.push(event);
    };

    if (this.lastTs !== null) {
      // Judged against the interval known before this reading.
      const limit = this.gapLimitMs();
      const silent = limit !== null && t - this.lastTs > limit;
      judge("GAP", { trigger: silent ? this.gapTrigger(this.lastTs, limit) : null, holds: silent });
      this.intervals.add(t - this.lastTs);
    }
    this.lastTs = t;

    const outOfRange = x < o.rangeMin || x > o.rangeMax;
    if (outOfRange) {
      const message = `value ${num(x)} is outside the physical range ${num(o.rangeMin)}..${num(o.rangeMax)}`;
      judge("OUT_OF_RANGE", { trigger: { severity: "HIGH", message, timestampMs: t, value: x }, holds: true });
      return events; // an impossible value says nothing about level, rate or repeats
    }
    judge("OUT_OF_RANGE", NOTHING);

    const view = this.baseline.current();
    const ready = view.readings >= o.minBaselineReadings;
    const resolution = atLevel(o.resolution, view.center);
    // A level that has not moved in a day still has a scale: half its step, or the kind's resolution.
    const scale = Math.max(view.scale, view.quantum / 2, resolution);
    if (ready) judge("SPIKE", this.spike.judge(t, x, view, scale));
    const rate = this.judgeRate(t, x, view, ready, resolution);
    if (rate !== null) judge("RAPID_CHANGE", rate);
    this.stuck.track(t, x);
    this.baseline.add(t, x, this.lastValue === null ? null : Math.abs(x - this.lastValue), this.stuck.countsAsNormal);
    if (ready) judge("STUCK", this.stuck.judge(t, x, view));
    this.lastValue = x;
    return events;
  }

  private judgeRate(t: number, x: number, view: BaselineView, ready: boolean, resolution: number): Verdict | null {
    const o = this.options;
    if (!Number.isFinite(o.maxRatePerMinute)) return null;
    const change = this.rate.add(t, x, this.intervals.typicalMs);
    if (change === null || !ready) return null;
    // σ of a difference of two medians of n readings: 1.2533·σ·√(2/n).
    const noise = 1.2533 * Math.max(view.noise, view.quantum, resolution) * Math.sqrt(2 / change.n);
    const fast = Math.abs(change.ratePerMinute) > o.maxRatePerMinute && Math.abs(change.delta) > o.rateNoiseFactor * noise;
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
      message:
        `no reading for more than ${formatDuration(limit)} after ${new Date(lastTs).toISOString()}` +
        (typical === null ? "" : ` (typical interval ${formatDuration(typical)})`),
      timestampMs: lastTs + limit,
      value: null,
    };
  }
}
