/** Median of the first `count` entries of `values`; sorts that prefix in place. NaN when empty. */
export function medianInPlace(values: Float64Array, count: number): number {
  if (count === 0) return Number.NaN;
  const sorted = values.subarray(0, count).sort();
  return quantileOfSorted(sorted, 0.5);
}

/**
 * The same median as `medianInPlace` in O(count) on average (Hoare's selection), for code that
 * takes many medians of short runs; reorders the prefix in place. NaN when empty.
 */
export function medianBySelection(values: Float64Array, count: number): number {
  if (count === 0) return Number.NaN;
  const k = (count - 1) >> 1;
  selectInPlace(values, count, k);
  const lower = values[k] as number;
  if (count % 2 === 1) return lower;
  // Even count: the upper middle is the smallest of what selection left above k.
  let upper = Number.POSITIVE_INFINITY;
  for (let i = k + 1; i < count; i++) upper = Math.min(upper, values[i] as number);
  return (lower + upper) / 2;
}

/** Reorders values[0..count) so that values[k] is the k-th smallest, smaller ones before it and larger after. */
function selectInPlace(values: Float64Array, count: number, k: number): void {
  let lo = 0;
  let hi = count - 1;
  while (hi > lo) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The q-quantile (0..1) of ascending `sorted`, interpolating linearly between ranks. */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = q * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.min(n - 1, lower + 1);
  const low = sorted[lower] as number;
  return low + (position - lower) * ((sorted[upper] as number) - low);
}

/** The weighted median of `values[0..count)` (see `weightedQuantile`). */
export function weightedMedian(values: Float64Array, weights: Float64Array, count: number): number {
  return weightedQuantile(values, weights, count, 0.5);
}

/**
 * The weighted q-quantile (0..1) of `values[0..count)` with non-negative `weights`: the smallest
 * value at which the cumulative weight reaches q of the total. NaN values and zero weights are
 * skipped; NaN when nothing is left.
 */
export function weightedQuantile(values: Float64Array, weights: Float64Array, count: number, q: number): number {
  let total = 0;
  const order: number[] = [];
  for (let i = 0; i < count; i++) {
    const w = weights[i] as number;
    const v = values[i] as number;
    if (w > 0 && !Number.isNaN(v)) {
      total += w;
      order.push(i);
    }
  }
  if (total === 0) return Number.NaN;
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i] as number;
    if (cumulative >= q * total) return values[i] as number;
  }
  return values[order[order.length - 1] as number] as number;
}

/** Φ⁻¹(p): the standard normal quantile (Acklam's rational approximation, |error| < 1.2·10⁻⁹). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p <= 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = 0.02425;
  const poly = (k: readonly number[], x: number): number => k.reduce((acc, coef) => acc * x + coef, 0);
  if (p < tail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - tail) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
