import type { DetectorOptions } from "./detectorOptions.js";
import { num } from "./format.js";
import type { BaselineView } from "./robustBaseline.js";
import type { Verdict } from "./episodes.js";

/**
 * STUCK: a run of equal values that is improbable for this sensor. The run must be
 * (a) ≥ `stuckMinReadings` (10) readings,
 * (b) improbable: p^(run − 1) < `stuckImprobability` (10⁻⁸), where p is the sensor's own repeat
 *     probability over 24 h — its share of consecutive equal readings, or the typical share of
 *     a bucket's most common value if larger (a quantised noisy value repeats most at its mode) —
 * (c) and longer than `stuckRunFactor` (3) times the longest normal run it produced over the
 *     last two days (repeats cluster: a flat night is not evidence of a fault, whatever p says).
 * So a continuous-valued sensor (p ≈ 0) is STUCK after 10 equal readings, while a 2-decimal
 * office sensor that sat at one value for 2 h last night may sit there 6 h tonight — the price
 * is that such a sensor freezing at noon is also only called STUCK after 6 h: nothing in its
 * own readings tells a frozen sensor from a flat room sooner. Runs at `rangeMin` are exempt
 * where that is normal (darkness for LIGHT). A run judged STUCK stays out of the baseline's
 * repeat statistics, and the episode holds while it lasts. Without history only (a) and (b)
 * apply, so warm the detector from the stored history at start-up.
 */
export class StuckRule {
  private value = Number.NaN;
  private length = 0;
  private startMs = 0;
  private flagged = false;

  constructor(
    private readonly o: DetectorOptions,
    private readonly onNormalRunEnded: (length: number) => void,
  ) {}

  /** Follows runs of equal values; call for every in-range reading before `judge`. */
  track(t: number, x: number): void {
    if (x === this.value) {
      this.length += 1;
      return;
    }
    if (!this.flagged && this.length >= 2) this.onNormalRunEnded(this.length);
    this.value = x;
    this.length = 1;
    this.startMs = t;
    this.flagged = false;
  }

  /** False once the current run is judged STUCK: its repeats say nothing about normal behaviour. */
  get countsAsNormal(): boolean {
    return !this.flagged;
  }

  judge(t: number, x: number, view: BaselineView): Verdict {
    const o = this.o;
    const exempt = o.flatAtMinimumIsNormal && x === o.rangeMin;
    if (exempt || this.flagged || this.length < this.runNeeded(view)) return { trigger: null, holds: this.flagged };
    this.flagged = true;
    const p = this.repeatProbability(view);
    const message =
      `value ${num(x)} repeated ${this.length} times since ${new Date(this.startMs).toISOString()} ` +
      `(this sensor repeats a reading up to ${(100 * p).toFixed(0)} % of the time; its longest normal run in two days was ${view.usualRun})`;
    return { trigger: { severity: "MEDIUM", message, timestampMs: t, value: x }, holds: true };
  }

  /** Run length at which a repeat becomes STUCK for this sensor. */
  runNeeded(view: BaselineView): number {
    const o = this.o;
    const p = Math.min(this.repeatProbability(view), 0.9999);
    const improbable = p > 0 ? 1 + Math.ceil(Math.log(o.stuckImprobability) / Math.log(p)) : 0;
    return Math.max(o.stuckMinReadings, improbable, Math.floor(o.stuckRunFactor * view.usualRun) + 1);
  }

  private repeatProbability(view: BaselineView): number {
    return Math.max(view.repeatRate, view.modeShare);
  }
}
