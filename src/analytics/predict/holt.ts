/** Parameters of Holt's linear method with a damped trend (φ = 1: the undamped method). */
export interface HoltParams {
  readonly alpha: number;
  readonly beta: number;
  readonly phi: number;
}

/** Where the smoother stands after the last slot: level, trend per step, and how it scored. */
export interface HoltRun {
  readonly level: number;
  readonly trend: number;
  /** Mean |error| of the h-step forecasts that could be scored. */
  readonly meanAbsError: number;
  /** The h-step errors (actual − forecast) in time order, when asked for. */
  readonly errors: Float64Array | null;
}

/** Steps after a (re)start before forecasts are scored: level and trend need a few readings. */
const WARM_UP_STEPS = 10;

/**
 * Σ_{j=1..h} φ^j, the trend multiplier of an h-step forecast, extended to fractional h by the
 * closed form φ(1 − φ^h)/(1 − φ) (h itself when φ = 1).
 */
export function dampedSteps(phi: number, h: number): number {
  return phi === 1 ? h : (phi * (1 - phi ** h)) / (1 - phi);
}

/**
 * Runs damped Holt smoothing over a grid (NaN = no reading: the smoother just predicts through
 * it; after more than `resetAfter` empty slots it restarts at the next reading, since a level
 * extrapolated across a long outage is worth less than the first reading after it) and scores
 * the `h`-step forecast made at every observed slot against the slot h later, when observed.
 *   level_t = α·y_t + (1 − α)(level + φ·trend),  trend_t = β(level_t − level_{t−1}) + (1 − β)·φ·trend.
 */
export function runHolt(values: Float64Array, params: HoltParams, h: number, resetAfter: number, keepErrors: boolean): HoltRun {
  const { alpha, beta, phi } = params;
  const multiplier = dampedSteps(phi, h);
  const ring = new Float64Array(h).fill(Number.NaN);
  const errors = keepErrors ? new Float64Array(values.length) : null;
  let level = 0;
  let trend = 0;
  let started = false;
  let gap = 0;
  let warm = 0;
  let sumAbs = 0;
  let count = 0;
  // ring[t mod h] holds the forecast made at t − h for step t; the forecast made at t replaces
  // it, due when the slot comes round again h steps later.
  let slot = 0;
  // eslint-disable-next-line @typescript-eslint/prefer-for-of -- the hot loop of every forecast: an index beats an iterator
  for (let t = 0; t < values.length; t++) {
    const y = values[t] as number;
    const f = ring[slot] as number;
    if (f === f && y === y) {
      const e = y - f;
      sumAbs += e < 0 ? -e : e;
      if (errors !== null) errors[count] = e;
      count += 1;
    }
    if (y !== y) {
      level += phi * trend;
      trend *= phi;
      gap += 1;
      ring[slot] = Number.NaN;
    } else {
      if (!started || gap > resetAfter) {
        level = y;
        trend = 0;
        started = true;
        warm = 0;
      } else {
        const previous = level;
        level = alpha * y + (1 - alpha) * (level + phi * trend);
        trend = beta * (level - previous) + (1 - beta) * phi * trend;
      }
      gap = 0;
      warm += 1;
      ring[slot] = warm > WARM_UP_STEPS ? level + trend * multiplier : Number.NaN;
    }
    slot = slot + 1 === h ? 0 : slot + 1;
  }
  return { level, trend, meanAbsError: count > 0 ? sumAbs / count : Number.NaN, errors: errors === null ? null : errors.subarray(0, count) };
}

// The grid searched: 9 α × (β = 0, or 4 β × 4 φ) = 153 points; φ is moot without a trend (kept at 1).
const ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85, 1];
/** β = 0 (no trend) first, then increasingly responsive trends. */
const BETAS = [0, 0.01, 0.03, 0.1, 0.3];
const PHIS = [0.8, 0.9, 0.97, 1];

/** Where the search starts: every α without a trend, and a coarse spread of trend settings. */
const COARSE: ReadonlyArray<readonly [number, number, number]> = [
  ...ALPHAS.map((_, a) => [a, 0, PHIS.length - 1] as const),
  ...[1, 3, 5, 7].flatMap((a) => [1, 3].flatMap((b) => [1, 3].map((f) => [a, b, f] as const))),
];

/** One index step in any of α, β, φ. */
const NEIGHBOURS: ReadonlyArray<readonly [number, number, number]> = [-1, 0, 1].flatMap((da) =>
  [-1, 0, 1].flatMap((db) => [-1, 0, 1].filter((df) => da !== 0 || db !== 0 || df !== 0).map((df) => [da, db, df] as const)),
);

/**
 * The grid point with the smallest mean absolute h-step error on the series' own history: a
 * coarse pass, then moves to better neighbouring grid points (one index step in α, β or φ)
 * until none is better — about a third of the grid's cost. The grid holds α = 1, β = 0 — the
 * last-value forecast — and the coarse pass tries it, so on its own history the fit is never
 * worse than naive. Mean |error| rather than squared so one fault spike does not pick the
 * parameters. Null when no h-step error can be scored.
 */
export function fitHolt(values: Float64Array, h: number, resetAfter: number): HoltParams | null {
  const scores = new Map<string, number>();
  const params = (a: number, b: number, f: number): HoltParams => ({ alpha: ALPHAS[a] as number, beta: BETAS[b] as number, phi: b === 0 ? 1 : (PHIS[f] as number) });
  const score = (a: number, b: number, f: number): number => {
    const key = b === 0 ? `${a}:0` : `${a}:${b}:${f}`;
    let s = scores.get(key);
    if (s === undefined) {
      s = runHolt(values, params(a, b, f), h, resetAfter, false).meanAbsError;
      if (Number.isNaN(s)) s = Number.POSITIVE_INFINITY;
      scores.set(key, s);
    }
    return s;
  };
  let best: [number, number, number] | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const [a, b, f] of COARSE) {
    const s = score(a, b, f);
    if (s < bestScore) {
      bestScore = s;
      best = [a, b, f];
    }
  }
  if (best === null) return null;
  for (let improved = true; improved;) {
    improved = false;
    const [a0, b0, f0]: readonly [number, number, number] = best;
    for (const [da, db, df] of NEIGHBOURS) {
      const a: number = a0 + da;
      const b: number = b0 + db;
      // Without a trend φ is moot (kept at 1): moving to a trend starts from φ = 1 and its neighbours.
      const f: number = b === 0 ? PHIS.length - 1 : f0 + df;
      if (a < 0 || a >= ALPHAS.length || b < 0 || b >= BETAS.length || f < 0 || f >= PHIS.length) continue;
      const s = score(a, b, f);
      if (s < bestScore) {
        bestScore = s;
        best = [a, b, f];
        improved = true;
      }
    }
  }
  return params(...best);
}
