/** A health deduction that may be present within the horizon: its points and its probability. */
export interface DeductionOdds {
  readonly points: number;
  readonly probability: number;
}

/**
 * P(Σ deductions ≥ `failAt`) when each of `independent` is present with its probability and
 * `anomaly` is one categorical deduction (the worst open alert counts once: pass the
 * probability of each level, highest points first, already made exclusive). Exact enumeration
 * of the 2^k·(levels + 1) combinations — a handful here.
 */
export function probabilityAtLeast(independent: readonly DeductionOdds[], anomaly: readonly DeductionOdds[], failAt: number): number {
  const anomalyNone = Math.max(0, 1 - anomaly.reduce((s, a) => s + a.probability, 0));
  const levels: DeductionOdds[] = [...anomaly, { points: 0, probability: anomalyNone }];
  let total = 0;
  const combos = 1 << independent.length;
  for (let mask = 0; mask < combos; mask++) {
    let p = 1;
    let points = 0;
    for (let k = 0; k < independent.length; k++) {
      const term = independent[k] as DeductionOdds;
      if (mask & (1 << k)) {
        p *= term.probability;
        points += term.points;
      } else {
        p *= 1 - term.probability;
      }
    }
    if (p === 0) continue;
    for (const level of levels) if (points + level.points >= failAt) total += p * level.probability;
  }
  return Math.min(1, Math.max(0, total));
}

/**
 * The worst-alert categorical from per-severity probabilities (highest first): P(level k is the
 * worst) = p_k · Π_{j<k} (1 − p_j).
 */
export function worstOf(bySeverity: readonly DeductionOdds[]): DeductionOdds[] {
  let noneAbove = 1;
  return bySeverity.map((s) => {
    const probability = noneAbove * s.probability;
    noneAbove *= 1 - s.probability;
    return { points: s.points, probability };
  });
}
