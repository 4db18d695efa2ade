import type { SensorKind } from "../twin/sensorKind.js";
import type { ActiveEpisode, AnomalyEvent } from "./anomalyTypes.js";
import { resolveDetectorOptions, type DetectorOptions } from "./detectorOptions.js";
import { EpisodeBook, type Trigger } from "./episodes.js";
import { formatDuration, num } from "./format.js";
import { IntervalTracker } from "./intervalTracker.js";
import { atLevel } from "./kindProfiles.js";
import { LevelRate } from "./levelRate.js";
import { LocalLevel } from "./localLevel.js";
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
 * medians, spreads, noise and repeat counts over 24 h; σ below is its robust scale, floored at
 * half the quantisation step and the kind's resolution) and, for single readings, against their
 * neighbours. SPIKE, RAPID_CHANGE and STUCK wait until the baseline holds 120 readings (warm it
 * from history at start-up).
 * - SPIKE (`SpikeRule`), in two forms.
 *   A single reading far from its NEIGHBOURS: ≥ 7 noise σ outside the interval its latest 16
 *   readings predict (`LocalLevel`: a robust local line, and the last reading carried on at ½–1 ×
 *   the local slope) and ≥ 7 noise σ outside the range of the baseline's bucket medians. The
 *   noise σ is the baseline's reading-to-reading σ (the smaller of its estimates from the MAD
 *   of consecutive differences and from the spread within buckets, floored as above), and never below half the neighbours' own (MAD
 *   of their differences). A level that moves smoothly — a drifting sensor, a room warmed by a
 *   heater or cooled by a fan, humidity pulled down by a dehumidifier — is predicted by its
 *   neighbours and never fires, however far it goes from the past day; a jump to a level held
 *   within the day (a daily on/off pattern) does not either. A 10σ reading does, at its own
 *   timestamp, on a steady signal or in the middle of a ramp; Gaussian noise on a steady signal
 *   never fires (it would have to be 7σ from the day's range: P(|z| ≥ 7) ≈ 3·10⁻¹²). After a
 *   GAP the neighbours are forgotten and this form waits for 16 new readings.
 *   A LEVEL ≥ 5σ outside its usual range (central 90 % of bucket medians) for 3 h and ≥ 5
 *   readings: slow excursions such as a machine failing over hours (time-based persistence, so
 *   it means the same at 1 Hz and at one reading per 5 min). A smooth ramp that ends at a new
 *   level far from a steady day therefore becomes a SPIKE 3 h after it left the usual range if
 *   it stays there — a level anomaly, until the baseline has learned the new level.
 *   A jump to a new level that stays out is one episode, not a spike now and a level later.
 * - STUCK (`StuckRule`): a run of equal values improbable for this sensor's own repeat rate and
 *   3 × longer than its longest normal run of the last two days.
 * - RAPID_CHANGE (`LevelRate`): over the latest ~1 min of readings (at least 3), the median
 *   difference between each reading and the one n readings earlier exceeds what the kind's rate
 *   limit (units/min) allows over that time by more than 6σ of its own noise (σ from the MAD of
 *   consecutive readings' differences): a level moving at exactly the limit does not fire; a median,
 *   so a lone spike is a SPIKE and not also a RAPID_CHANGE.
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
  private readonly local: LocalLevel;
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
    this.local = new LocalLevel(this.options.localReadings / 2);
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
    return this.baseline.memoryBytes + this.rate.memoryBytes + this.local.memoryBytes + this.intervals.memoryBytes;
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
      // Readings from before a silence are no neighbours of the next one.
      if (silent) this.local.reset();
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
    const resolution = atLevel(o.resolution, view.center);
    // A level that has not moved in a day still has a scale: half its step, or the kind's resolution.
    const scale = Math.max(view.scale, view.quantum / 2, resolution);
    if (ready) {
      // Reading-to-reading σ: the smaller of two estimates, each inflated by a different
      // structure — the MAD of differences jumps from 0 to a whole step on a coarsely quantised
      // signal, the within-bucket spread counts a level moving within its bucket — floored alike.
      const noise = Math.max(Math.min(view.noise, view.scale), view.quantum / 2, resolution);
      this.judge(sink, t, x, "SPIKE", this.spike.judge(t, x, view, scale, noise, this.local));
    }
    this.local.add(t, x);
    const rate = this.judgeRate(t, x, view, ready, resolution);
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
      message:
        `no reading for more than ${formatDuration(limit)} after ${new Date(lastTs).toISOString()}` +
        (typical === null ? "" : ` (typical interval ${formatDuration(typical)})`),
      timestampMs: lastTs + limit,
      value: null,
    };
  }
}
