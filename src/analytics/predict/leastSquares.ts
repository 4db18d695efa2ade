/** An ordinary least-squares fit y ≈ X·β with the covariance of β. */
interface LeastSquaresFit {
  readonly coefficients: Float64Array;
  /** σ²·(XᵀX)⁻¹, row-major p×p: what standard errors and the delta method start from. */
  readonly covariance: Float64Array;
  /** Σ residual² / (n − p). */
  readonly residualVariance: number;
  readonly residuals: Float64Array;
  readonly rows: number;
  readonly columns: number;
}

export type LeastSquaresResult = { readonly ok: true; readonly fit: LeastSquaresFit } | { readonly ok: false; readonly dependentColumn: number };

/** A pivot this small relative to its column's own scale means the column is (nearly) a combination of the others. */
const DEPENDENT = 1e-9;

/**
 * Ordinary least squares by the normal equations and a Cholesky factorisation. `design` is
 * row-major n×p. The columns are scaled to unit diagonal first, so the dependence test is
 * relative; a column that the earlier ones explain is reported (`dependentColumn`) instead of
 * giving meaningless huge coefficients. Fine for the few columns the models here use.
 */
export function leastSquares(design: Float64Array, y: Float64Array, columns: number): LeastSquaresResult {
  const p = columns;
  const n = y.length;
  if (design.length !== n * p) throw new RangeError(`design has ${design.length} entries, expected ${n}×${p}`);
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    const yi = y[i] as number;
    for (let a = 0; a < p; a++) {
      const xa = design[row + a] as number;
      xty[a] = (xty[a] as number) + xa * yi;
      for (let b = 0; b <= a; b++) xtx[a * p + b] = (xtx[a * p + b] as number) + xa * (design[row + b] as number);
    }
  }
  const scale = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    const d = xtx[a * p + a] as number;
    if (!(d > 0)) return { ok: false, dependentColumn: a };
    scale[a] = 1 / Math.sqrt(d);
  }
  const m = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) m[a * p + b] = m[b * p + a] = (xtx[a * p + b] as number) * (scale[a] as number) * (scale[b] as number);
  const chol = cholesky(m, p);
  if (typeof chol === "number") return { ok: false, dependentColumn: chol };
  const inverse = choleskyInverse(chol, p);
  const coefficients = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    for (let b = 0; b < p; b++) s += (inverse[a * p + b] as number) * (xty[b] as number) * (scale[b] as number);
    coefficients[a] = s * (scale[a] as number);
  }
  const residuals = new Float64Array(n);
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let a = 0; a < p; a++) fitted += (design[i * p + a] as number) * (coefficients[a] as number);
    const r = (y[i] as number) - fitted;
    residuals[i] = r;
    ssr += r * r;
  }
  const residualVariance = n > p ? ssr / (n - p) : Number.NaN;
  const covariance = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) covariance[a * p + b] = residualVariance * (inverse[a * p + b] as number) * (scale[a] as number) * (scale[b] as number);
  }
  return { ok: true, fit: { coefficients, covariance, residualVariance, residuals, rows: n, columns: p } };
}

/** Lower-triangular L with L·Lᵀ = m (row-major), or the index of the first column that is dependent. */
export function cholesky(m: Float64Array, p: number): Float64Array | number {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = m[j * p + j] as number;
    for (let k = 0; k < j; k++) d -= (l[j * p + k] as number) ** 2;
    if (!(d > DEPENDENT * (m[j * p + j] as number)) || !(d > 0)) return j;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = m[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

function choleskyInverse(l: Float64Array, p: number): Float64Array {
  // L⁻¹ by forward substitution, then (L·Lᵀ)⁻¹ = L⁻ᵀ·L⁻¹.
  const li = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    li[j * p + j] = 1 / (l[j * p + j] as number);
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= (l[i * p + k] as number) * (li[k * p + j] as number);
      li[i * p + j] = s / (l[i * p + i] as number);
    }
  }
  const inv = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let k = a; k < p; k++) s += (li[k * p + a] as number) * (li[k * p + b] as number);
      inv[a * p + b] = inv[b * p + a] = s;
    }
  }
  return inv;
}
