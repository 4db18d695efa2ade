import type { DetectorOptions } from "./detectorOptions.js";
import type { Trigger } from "./episodes.js";
import { formatDuration, num } from "./format.js";
import type { LocalLevel } from "./localLevel.js";
import type { BaselineView } from "./robustBaseline.js";

/** A rule's verdict on one reading: what would open an episode, and whether an open one holds. */
export interface Verdict {
  readonly trigger: Trigger | null;
  readonly holds: boolean;
}

interface Excursion {
  readonly sign: number;
  readonly startMs: number;
  readings: number;
  /** Readings in a row back inside the band. */
  inside: number;
  readonly low: number;
  readonly high: number;
  readonly scale: number;
  /** A single-reading SPIKE fired within its first readings: it began as a jump, one episode while it lasts. */
  jump: boolean;
}

/** Readings into an excursion within which a single-reading SPIKE marks it as a jump to a new level. */
const JUMP_READINGS = 3;
/**
 * The noise σ of a single reading never drops below this share of its neighbours' own σ: half,
 * so their estimate from 15 differences (±30 %) only takes over when well above the baseline's.
 */
const LOCAL_NOISE_SHARE = 0.5;

/** Signed distance of x outside [low, high] in units of scale; 0 inside. */
function beyondBand(x: number, low: number, high: number, scale: number): number {
  return x > high ? (x - high) / scale : x < low ? (x - low) / scale : 0;
}

/**
 * SPIKE, in two forms.
 *
 * - A single reading far from its neighbours: ≥ `spikeThreshold` (7) noise σ outside the
 *   interval its latest 16 readings predict (`LocalLevel`: a robust local line, and the last
 *   reading carried on at ½–1 × the local slope), σ being the baseline's reading-to-reading
 *   noise (the smaller of its median-|Δ| and within-bucket estimates, floored at half the
 *   quantisation step and the kind's resolution). A level that moves smoothly — a drifting
 *   sensor, a room warming or cooling while an actuator works, however far from the past day —
 *   is predicted by its neighbours and never fires; a 10σ reading does, at its own timestamp,
 *   on a flat signal or in the middle of a ramp. The reading must also lie ≥ `spikeThreshold`
 *   robust σ (the baseline's scale) outside the band of the baseline's bucket medians over
 *   24 h (widened by `bandMargin` of its width, 0 by default): a jump to a level the sensor
 *   held within the day (a daily on/off pattern) is not a spike.
 * - A level that stays ≥ `sustainedThreshold` (5) σ outside the inner band (the central 90 % of
 *   bucket medians, widened by `sustainedMargin` (½) of its width) for `sustainedMs` (3 h) and
 *   ≥ `sustainedReadings` (5) readings: slow excursions such as a machine failing over hours.
 *   The band is frozen when the level leaves it — otherwise the baseline would learn the
 *   excursion and hide it; the stretch ends after 3 readings back inside, or after one
 *   baseline span (by then the new level is the normal one).
 *
 * An open episode holds while a reading stays ≥ `sustainedThreshold` σ from its neighbours'
 * prediction and outside the band, while a stretch that has lasted `sustainedMs` goes on, or
 * while a stretch goes on that began with the spike (a jump to a new level is one episode, not a
 * spike now and a level anomaly 3 h later). A spike in the middle of a ramp clears once the
 * readings are back with their neighbours, even while the ramp goes on.
 */
export class SpikeRule {
  private excursion: Excursion | null = null;

  constructor(private readonly o: DetectorOptions) {}

  /**
   * `scale` is the baseline's robust σ (the sustained form's unit); `noise` its reading-to-reading
   * σ, floored (the single-reading form's unit); `local` the latest readings (before this one).
   */
  judge(t: number, x: number, view: BaselineView, scale: number, noise: number, local: LocalLevel): Verdict {
    const o = this.o;
    const margin = o.bandMargin * (view.high - view.low);
    // Clamped to the physical range only so messages never quote impossible bounds.
    const lower = Math.max(o.rangeMin, view.low - margin);
    const upper = Math.min(o.rangeMax, view.high + margin);
    // Both distances in units of the reading-to-reading noise: how far a single reading strays.
    // Cheapest test first — a reading inside the day's range (nearly all of them) needs no
    // neighbours — and the neighbours' own σ, which can only raise σ, only when it matters.
    let sigma = noise;
    let zBand = Math.abs(beyondBand(x, lower, upper, sigma));
    let zLocal = 0;
    if (zBand >= o.sustainedThreshold && local.expect(t)) {
      zLocal = beyondBand(x, local.low, local.high, sigma);
      if (Math.abs(zLocal) >= o.sustainedThreshold) {
        sigma = Math.max(sigma, LOCAL_NOISE_SHARE * local.noise());
        zBand = Math.abs(beyondBand(x, lower, upper, sigma));
        zLocal = beyondBand(x, local.low, local.high, sigma);
      }
    }
    const excursion = this.follow(t, x, view, scale);
    const lasted = excursion !== null && excursion.readings >= o.sustainedReadings && t - excursion.startMs >= o.sustainedMs;
    let holds = lasted || (excursion !== null && excursion.jump) || (Math.abs(zLocal) >= o.sustainedThreshold && zBand >= o.sustainedThreshold);
    if (Math.abs(zLocal) >= o.spikeThreshold && zBand >= o.spikeThreshold) {
      if (excursion !== null && excursion.readings <= JUMP_READINGS) {
        excursion.jump = true;
        holds = true;
      }
      const message =
        `value ${num(x)} is ${Math.abs(zLocal).toFixed(1)}σ ${zLocal > 0 ? "above" : "below"} what its last ${local.readings} readings predict ` +
        `(${num(local.low)}..${num(local.high)}, noise σ ${num(sigma)}) and outside the range of the last ` +
        `${formatDuration(o.baselineMs)} (${num(lower)}..${num(upper)})`;
      return { trigger: { severity: Math.abs(zLocal) >= 2 * o.spikeThreshold ? "HIGH" : "MEDIUM", message, timestampMs: t, value: x }, holds };
    }
    if (lasted && excursion !== null) {
      const message =
        `level has stayed ≥ ${o.sustainedThreshold}σ ${excursion.sign > 0 ? "above" : "below"} its usual range ` +
        `(${num(excursion.low)}..${num(excursion.high)}, robust σ ${num(excursion.scale)}) for ` +
        `${formatDuration(t - excursion.startMs)}; value ${num(x)}`;
      return { trigger: { severity: "MEDIUM", message, timestampMs: t, value: x }, holds };
    }
    return { trigger: null, holds };
  }

  private follow(t: number, x: number, view: BaselineView, scale: number): Excursion | null {
    const o = this.o;
    const e = this.excursion;
    if (e !== null) {
      if (beyondBand(x, e.low, e.high, e.scale) * e.sign >= o.sustainedThreshold) {
        e.readings += 1;
        e.inside = 0;
      } else {
        e.inside += 1;
      }
      if (e.inside < 3 && t - e.startMs <= o.baselineMs) return e;
      this.excursion = null;
      return null;
    }
    const margin = o.sustainedMargin * (view.innerHigh - view.innerLow);
    const low = view.innerLow - margin;
    const high = view.innerHigh + margin;
    const z = beyondBand(x, low, high, scale);
    if (Math.abs(z) < o.sustainedThreshold) return null;
    this.excursion = { sign: Math.sign(z), startMs: t, readings: 1, inside: 0, low, high, scale, jump: false };
    return this.excursion;
  }
}
