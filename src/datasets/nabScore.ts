/**
 * NAB's scoring (the Numenta Anomaly Benchmark, v1.1 "sweeper"), written from its published
 * definition: every record is a row; a detection is a row index.
 * - Rows in the probationary period — the first 15 % of the file, at most 750 rows — are not
 *   scored at all (neither detections nor windows made only of such rows).
 * - Inside a window of width w rows ending at row r, a detection at row i scores
 *   A_TP · σ(−(r − i + 1)/w) / σ(−1), where σ(p) = 2/(1 + e^{5p}) − 1 (so the window's first row
 *   scores exactly A_TP, its last about A_TP · 0.1); only the best (the earliest) counts, and a
 *   window without one costs −A_FN.
 * - Outside every window, each detection costs A_FP · σ(d), d = (i − r)/(w − 1) rows past the
 *   end r of the window before it (width w), or A_FP · (−1) before the first window: a detection
 *   just after a window costs little, one far from any costs the full weight.
 * Normalised over a set of files: 100 · (S − S_null)/(S_perfect − S_null), S_null = −A_FN per
 * window (nothing detected), S_perfect = A_TP per window (each detected at its first row).
 */

export interface NabProfile {
  readonly name: string;
  readonly tpWeight: number;
  readonly fpWeight: number;
  readonly fnWeight: number;
}

/** NAB's `config/profiles.json`. */
export const STANDARD_PROFILE: NabProfile = { name: "standard", tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };
export const LOW_FP_PROFILE: NabProfile = { name: "reward_low_FP_rate", tpWeight: 1, fpWeight: 0.22, fnWeight: 1 };

const PROBATION_SHARE = 0.15;
const PROBATION_CAP_ROWS = 5000;

/** NAB's scaled sigmoid of a relative position (−1: a window's first row, 0: just past its end). */
export function scaledSigmoid(position: number): number {
  if (position >= 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

/** Rows NAB leaves unscored at the start of a file of `rows` rows. */
export function probationRows(rows: number): number {
  return Math.min(Math.floor(PROBATION_SHARE * rows), PROBATION_SHARE * PROBATION_CAP_ROWS);
}

/** A labelled window as row indices [first, last], both inclusive. */
export interface RowWindow {
  readonly first: number;
  readonly last: number;
}

interface WindowScore {
  readonly first: number;
  readonly last: number;
  /** The row of the earliest detection inside, or null (a false negative). */
  readonly detectedAt: number | null;
  readonly score: number;
}

export interface FileScore {
  readonly score: number;
  /** Windows that count (at least one row after the probationary period). */
  readonly windows: readonly WindowScore[];
  readonly truePositives: number;
  readonly falseNegatives: number;
  /** Scored detections outside every window. */
  readonly falsePositives: number;
  /** The score of detecting nothing and of detecting each window at its first row. */
  readonly nullScore: number;
  readonly perfectScore: number;
}

/**
 * Scores detections (row indices, any order, repeats allowed) on a file of `rows` rows with
 * windows in time order that do not overlap.
 */
export function scoreNabFile(rows: number, windows: readonly RowWindow[], detections: readonly number[], profile: NabProfile): FileScore {
  const probation = probationRows(rows);
  const counted = windows.filter((w) => w.last >= probation && w.last >= w.first);
  const sorted = [...new Set(detections)].filter((i) => i >= probation && i < rows).sort((a, b) => a - b);
  const maxTp = scaledSigmoid(-1);
  const best = new Map<RowWindow, number>();
  let fpScore = 0;
  let falsePositives = 0;
  for (const i of sorted) {
    const inside = counted.find((w) => i >= w.first && i <= w.last);
    if (inside !== undefined) {
      if (!best.has(inside)) best.set(inside, i);
      continue;
    }
    falsePositives += 1;
    let previous: RowWindow | undefined;
    for (const w of windows) if (w.last < i) previous = w;
    if (previous === undefined) {
      fpScore += scaledSigmoid(3) * profile.fpWeight;
    } else {
      const width = previous.last - previous.first + 1;
      fpScore += scaledSigmoid((i - previous.last) / (width - 1)) * profile.fpWeight;
    }
  }
  const scored = counted.map((w): WindowScore => {
    const at = best.get(w);
    if (at === undefined) return { first: w.first, last: w.last, detectedAt: null, score: -profile.fnWeight };
    const width = w.last - w.first + 1;
    return { first: w.first, last: w.last, detectedAt: at, score: (scaledSigmoid(-(w.last - at + 1) / width) * profile.tpWeight) / maxTp };
  });
  const truePositives = scored.filter((w) => w.detectedAt !== null).length;
  return {
    score: scored.reduce((s, w) => s + w.score, 0) + fpScore,
    windows: scored,
    truePositives,
    falseNegatives: scored.length - truePositives,
    falsePositives,
    nullScore: -profile.fnWeight * scored.length,
    perfectScore: profile.tpWeight * scored.length,
  };
}

/** 100 · (S − S_null)/(S_perfect − S_null) over a set of files; null when the set has no window. */
export function normalizedScore(files: ReadonlyArray<Pick<FileScore, "score" | "nullScore" | "perfectScore">>): number | null {
  let s = 0;
  let nullSum = 0;
  let perfect = 0;
  for (const f of files) {
    s += f.score;
    nullSum += f.nullScore;
    perfect += f.perfectScore;
  }
  return perfect === nullSum ? null : (100 * (s - nullSum)) / (perfect - nullSum);
}

/** Windows given as times, as row indices of a file's time-ordered timestamps (first row ≥ start, last row ≤ end). */
export function windowRows(timestampsMs: ArrayLike<number>, windows: ReadonlyArray<{ readonly startMs: number; readonly endMs: number }>): RowWindow[] {
  return windows.map((w) => ({ first: firstAtOrAfter(timestampsMs, w.startMs), last: firstAtOrAfter(timestampsMs, w.endMs + 1) - 1 }));
}

/** Index of the first timestamp ≥ t (length if none): where a detection at time t lands. */
export function firstAtOrAfter(timestampsMs: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = timestampsMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((timestampsMs[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
