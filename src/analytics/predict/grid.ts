import type { Point } from "../point.js";

/** A series sampled on a regular grid that ends at `endMs`; NaN marks a slot without readings. */
export interface SampledGrid {
  readonly endMs: number;
  readonly stepMs: number;
  /** values[k] belongs to the slot (endMs − (n − k)·step, endMs − (n − 1 − k)·step]. */
  readonly values: Float64Array;
  /** Slots that hold a reading. */
  readonly observed: number;
}

/**
 * Samples time-ordered points onto a regular grid ending at `endMs` (at most `maxSlots` slots,
 * the newest kept): each slot takes its newest reading, an empty slot is NaN. A sample rather
 * than a slot mean, so errors measured on the grid are errors of single readings — the thing
 * a forecast is compared with — however many readings a slot holds.
 */
export function sampleGrid(points: readonly Point[], endMs: number, stepMs: number, maxSlots: number): SampledGrid {
  const first = points.find((p) => p.timestampMs <= endMs);
  if (first === undefined) return { endMs, stepMs, values: new Float64Array(0), observed: 0 };
  const n = Math.min(maxSlots, Math.floor((endMs - first.timestampMs) / stepMs) + 1);
  const values = new Float64Array(n).fill(Number.NaN);
  let observed = 0;
  for (const p of points) {
    if (p.timestampMs > endMs) break;
    const back = Math.floor((endMs - p.timestampMs) / stepMs);
    if (back >= n) continue;
    const k = n - 1 - back;
    if (Number.isNaN(values[k] as number)) observed += 1;
    values[k] = p.value;
  }
  return { endMs, stepMs, values, observed };
}
