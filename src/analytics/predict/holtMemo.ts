import { fitHolt, runHolt, type HoltParams, type HoltRun } from "./holt.js";

/** Holt fitted to a grid at one horizon, and its run with the backtested errors: what a forecast is built from. */
export interface HoltFit {
  /** Null when no h-step error can be scored. */
  readonly params: HoltParams | null;
  /** The run with `params`, errors kept; null when `params` is. */
  readonly run: HoltRun | null;
}

/** Fits the smoother to the grid at horizon `h` and runs it once more keeping the errors. */
export function fitAndRunHolt(values: Float64Array, h: number, resetAfter: number): HoltFit {
  const params = fitHolt(values, h, resetAfter);
  return { params, run: params === null ? null : runHolt(values, params, h, resetAfter, true) };
}

/**
 * Remembers recent Holt fits by their exact inputs — the grid's values bit for bit, the
 * horizon in steps and the reset length — so asking again about a sensor that has no new
 * reading (the grid ends at the newest reading, so it is the same grid) skips the ~100 runs of
 * the parameter search. Content-addressed, so it cannot go stale: a new reading changes the
 * grid and misses; a hit returns exactly what `fitAndRunHolt` would compute. Bounded: the
 * least recently used fit is dropped beyond `capacity`. Callers must not modify what it returns.
 */
export class HoltFitMemo {
  private readonly entries = new Map<string, { readonly values: Float64Array; readonly fit: HoltFit }>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity = 256) {}

  get size(): number {
    return this.entries.size;
  }

  fit(values: Float64Array, h: number, resetAfter: number): HoltFit {
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
    const key = `${values.length}:${h}:${resetAfter}:${hashOf(bits)}`;
    const known = this.entries.get(key);
    this.entries.delete(key);
    if (known !== undefined && sameBits(known.values, bits)) {
      this.entries.set(key, known); // now the most recently used
      this.hits += 1;
      return known.fit;
    }
    this.misses += 1;
    const fit = fitAndRunHolt(values, h, resetAfter);
    this.entries.set(key, { values: values.slice(), fit });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return fit;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** FNV-1a over 32-bit words. */
function hashOf(words: Uint32Array): number {
  let hash = 0x811c9dc5;
  // eslint-disable-next-line @typescript-eslint/prefer-for-of -- hashes every series asked for: an index beats an iterator
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ (words[i] as number), 0x01000193);
  return hash >>> 0;
}

function sameBits(stored: Float64Array, bits: Uint32Array): boolean {
  const words = new Uint32Array(stored.buffer, stored.byteOffset, stored.length * 2);
  if (words.length !== bits.length) return false;
  for (let i = 0; i < words.length; i++) if (words[i] !== bits[i]) return false;
  return true;
}
