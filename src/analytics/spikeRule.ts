import type { DetectorOptions } from "./detectorOptions.js";
import type { Trigger } from "./episodes.js";
import { formatDuration, num } from "./format.js";
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
}

/** Signed distance of x outside [low, high] in units of scale; 0 inside. */
function beyondBand(x: number, low: number, high: number, scale: number): number {
  return x > high ? (x - high) / scale : x < low ? (x - low) / scale : 0;
}

/**
 * SPIKE: a value far outside what the sensor did over its baseline span, in two forms.
 *
 * - A single reading ≥ `spikeThreshold` (7) robust σ outside the band [lowest, highest bucket
 *   median], widened on each side by `bandMargin` (½) of the band's width: a steady sensor's
 *   band is nearly a point, so this is "7σ from the median"; a level that swings by 20 units a
 *   day may well end 5 beyond yesterday's extremes without being a fault.
 * - A level that stays ≥ `sustainedThreshold` (5) σ outside the inner band (the central 90 % of
 *   bucket medians, widened by `sustainedMargin` (½) of its width) for `sustainedMs` (3 h) and
 *   ≥ 5 readings. The band is frozen when the level leaves it — otherwise the baseline would
 *   learn the excursion and hide it; the stretch ends after 3 readings back inside, or after one
 *   baseline span (by then the new level is the normal one).
 *
 * An open episode holds while a stretch lasts or readings stay ≥ `sustainedThreshold` σ out.
 */
export class SpikeRule {
  private excursion: Excursion | null = null;

  constructor(private readonly o: DetectorOptions) {}

  judge(t: number, x: number, view: BaselineView, scale: number): Verdict {
    const o = this.o;
    const margin = o.bandMargin * (view.high - view.low);
    // Clamped to the physical range only so messages never quote impossible bounds.
    const lower = Math.max(o.rangeMin, view.low - margin);
    const upper = Math.min(o.rangeMax, view.high + margin);
    const z = beyondBand(x, lower, upper, scale);
    const excursion = this.follow(t, x, view, scale);
    const holds = excursion !== null || Math.abs(z) >= o.sustainedThreshold;
    if (Math.abs(z) >= o.spikeThreshold) {
      const message =
        `value ${num(x)} is ${Math.abs(z).toFixed(1)}σ ${z > 0 ? "above" : "below"} the range of the last ` +
        `${formatDuration(o.baselineMs)} (${num(lower)}..${num(upper)}, robust σ ${num(scale)})`;
      return { trigger: { severity: Math.abs(z) >= 2 * o.spikeThreshold ? "HIGH" : "MEDIUM", message, timestampMs: t, value: x }, holds };
    }
    if (excursion !== null && excursion.readings >= o.sustainedReadings && t - excursion.startMs >= o.sustainedMs) {
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
    this.excursion = { sign: Math.sign(z), startMs: t, readings: 1, inside: 0, low, high, scale };
    return this.excursion;
  }
}
