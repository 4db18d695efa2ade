import { asColumns, firstAfter, type Readings } from "../readingColumns.js";

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
 * Samples time-ordered readings onto a regular grid ending at `endMs` (at most `maxSlots`
 * slots, the newest kept): each slot takes its newest reading, an empty slot is NaN. A sample
 * rather than a slot mean, so errors measured on the grid are errors of single readings — the
 * thing a forecast is compared with — however many readings a slot holds.
 *
 * Cost: O(slots · log(readings per slot)), not O(readings): a reading's slot, counted back from
 * `endMs`, only grows as readings get older, so the newest reading of each slot is found by a
 * galloping search back from the previous slot's — a day at 1 Hz on a 1-min grid reads about
 * 1,440 × 12 timestamps instead of 86,400 readings.
 */
export function sampleGrid(readings: Readings, endMs: number, stepMs: number, maxSlots: number): SampledGrid {
  const { timestampsMs: ts, values: vs } = asColumns(readings);
  let hi = firstAfter(ts, endMs); // readings [0, hi) are at or before endMs
  if (hi === 0) return { endMs, stepMs, values: new Float64Array(0), observed: 0 };
  const n = Math.min(maxSlots, Math.floor((endMs - (ts[0] as number)) / stepMs) + 1);
  const values = new Float64Array(n).fill(Number.NaN);
  let observed = 0;
  /** Slots back from the newest slot (0) that reading i falls in; non-increasing in i. */
  const back = (i: number): number => Math.floor((endMs - (ts[i] as number)) / stepMs);
  for (let slot = 0; slot < n;) {
    // The newest reading in a slot ≥ `slot`: the one before the first of [0, hi) that is newer.
    const i = firstNewerThanSlot(back, slot, hi) - 1;
    if (i < 0) break;
    const b = back(i);
    if (b >= n) break; // older than the grid reaches
    values[n - 1 - b] = vs[i] as number; // slots slot..b − 1 hold no reading
    observed += 1;
    slot = b + 1;
    hi = i;
  }
  return { endMs, stepMs, values, observed };
}

/** First index j in [0, hi) with back(j) < slot (hi if none): gallops back from hi, then bisects. */
function firstNewerThanSlot(back: (i: number) => number, slot: number, hi: number): number {
  let bound = hi; // back(j) < slot for every j in [bound, hi)
  let probe = hi - 1;
  for (let step = 1; probe >= 0 && back(probe) < slot; step *= 2) {
    bound = probe;
    probe = bound - step;
  }
  let lo = probe < 0 ? 0 : probe + 1;
  let top = bound;
  while (lo < top) {
    const mid = (lo + top) >>> 1;
    if (back(mid) < slot) top = mid;
    else lo = mid + 1;
  }
  return lo;
}
