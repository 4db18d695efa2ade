import { MS_PER_MINUTE, type Point } from "./point.js";

/**
 * Summary of the readings in a window. Variance is the sample variance (n − 1); the slope is
 * the least-squares slope of value against time in units per minute, with its residual σ and
 * standard error (both need ≥ 3 readings). Nulls mean "not defined for this many readings".
 */
export interface WindowStats {
  readonly count: number;
  readonly mean: number | null;
  readonly variance: number | null;
  readonly stdDev: number | null;
  readonly slopePerMinute: number | null;
  /** σ of the readings around the fitted line: the noise once drift is taken out. */
  readonly residualStdDev: number | null;
  readonly slopeStdError: number | null;
  readonly firstTimestampMs: number | null;
  readonly lastTimestampMs: number | null;
  readonly lastValue: number | null;
}

export const EMPTY_STATS: WindowStats = Object.freeze({
  count: 0,
  mean: null,
  variance: null,
  stdDev: null,
  slopePerMinute: null,
  residualStdDev: null,
  slopeStdError: null,
  firstTimestampMs: null,
  lastTimestampMs: null,
  lastValue: null,
});

/** Centred second moments of a window (time in minutes): the one input both stats paths share. */
export interface Moments {
  readonly count: number;
  readonly meanValue: number;
  /** Σ(t − t̄)², Σ(v − v̄)², Σ(t − t̄)(v − v̄). */
  readonly stt: number;
  readonly svv: number;
  readonly stv: number;
  readonly firstTimestampMs: number;
  readonly lastTimestampMs: number;
  readonly lastValue: number;
}

/** Turns centred moments into `WindowStats`. */
export function statsFromMoments(m: Moments): WindowStats {
  const n = m.count;
  if (n === 0) return EMPTY_STATS;
  const svv = Math.max(0, m.svv);
  const stt = Math.max(0, m.stt);
  const variance = n > 1 ? svv / (n - 1) : null; // a sample variance needs two readings
  const hasSlope = n >= 2 && stt > 0;
  const slope = hasSlope ? m.stv / stt : null;
  let residualStdDev: number | null = null;
  let slopeStdError: number | null = null;
  if (n >= 3 && slope === null) {
    residualStdDev = Math.sqrt(variance ?? 0); // no line to fit: all readings share one instant
  } else if (n >= 3 && slope !== null) {
    const ssRes = Math.max(0, svv - slope * m.stv);
    residualStdDev = Math.sqrt(ssRes / (n - 2));
    slopeStdError = Math.sqrt(ssRes / (n - 2) / stt);
  }
  return {
    count: n,
    mean: m.meanValue,
    variance,
    stdDev: variance === null ? null : Math.sqrt(variance),
    slopePerMinute: slope,
    residualStdDev,
    slopeStdError,
    firstTimestampMs: m.firstTimestampMs,
    lastTimestampMs: m.lastTimestampMs,
    lastValue: m.lastValue,
  };
}

/**
 * Two-pass moments of `count` readings given by index (time order not required): exact up to
 * rounding, the reference the incremental path is tested against.
 */
export function twoPassMoments(count: number, timeAt: (i: number) => number, valueAt: (i: number) => number): Moments {
  if (count === 0) {
    return { count: 0, meanValue: 0, stt: 0, svv: 0, stv: 0, firstTimestampMs: 0, lastTimestampMs: 0, lastValue: 0 };
  }
  const origin = timeAt(0);
  let sumT = 0;
  let sumV = 0;
  let first = origin;
  let last = origin;
  let lastValue = valueAt(0);
  for (let i = 0; i < count; i++) {
    const t = timeAt(i);
    const v = valueAt(i);
    sumT += (t - origin) / MS_PER_MINUTE;
    sumV += v;
    if (t < first) first = t;
    if (t >= last) {
      last = t;
      lastValue = v;
    }
  }
  const meanT = sumT / count;
  const meanV = sumV / count;
  let stt = 0;
  let svv = 0;
  let stv = 0;
  for (let i = 0; i < count; i++) {
    const dt = (timeAt(i) - origin) / MS_PER_MINUTE - meanT;
    const dv = valueAt(i) - meanV;
    stt += dt * dt;
    svv += dv * dv;
    stv += dt * dv;
  }
  return { count, meanValue: meanV, stt, svv, stv, firstTimestampMs: first, lastTimestampMs: last, lastValue };
}

/**
 * `twoPassMoments` of the readings with index in [from, to) of two columns, computed the same
 * way (same operations in the same order, so the same numbers) without a call per reading.
 */
export function rangeMoments(timestampsMs: Float64Array, values: Float64Array, from: number, to: number): Moments {
  const count = to - from;
  if (count <= 0) {
    return { count: 0, meanValue: 0, stt: 0, svv: 0, stv: 0, firstTimestampMs: 0, lastTimestampMs: 0, lastValue: 0 };
  }
  const origin = timestampsMs[from] as number;
  let sumT = 0;
  let sumV = 0;
  let first = origin;
  let last = origin;
  let lastValue = values[from] as number;
  for (let i = from; i < to; i++) {
    const t = timestampsMs[i] as number;
    const v = values[i] as number;
    sumT += (t - origin) / MS_PER_MINUTE;
    sumV += v;
    if (t < first) first = t;
    if (t >= last) {
      last = t;
      lastValue = v;
    }
  }
  const meanT = sumT / count;
  const meanV = sumV / count;
  let stt = 0;
  let svv = 0;
  let stv = 0;
  for (let i = from; i < to; i++) {
    const dt = ((timestampsMs[i] as number) - origin) / MS_PER_MINUTE - meanT;
    const dv = (values[i] as number) - meanV;
    stt += dt * dt;
    svv += dv * dv;
    stv += dt * dv;
  }
  return { count, meanValue: meanV, stt, svv, stv, firstTimestampMs: first, lastTimestampMs: last, lastValue };
}

/** Stats of an array of readings computed directly (two passes); the from-history path. */
export function statsOf(points: readonly Point[]): WindowStats {
  return statsFromMoments(
    twoPassMoments(
      points.length,
      (i) => (points[i] as Point).timestampMs,
      (i) => (points[i] as Point).value,
    ),
  );
}

/**
 * Centred moments accumulated one reading at a time (Welford/West updates, stable without a
 * second pass): for scans that see each reading once, such as trend buckets.
 */
export class OnlineMoments {
  private n = 0;
  private origin = 0;
  private meanT = 0;
  private meanV = 0;
  private stt = 0;
  private svv = 0;
  private stv = 0;
  private first = 0;
  private last = 0;
  private lastValue = 0;

  add(timestampMs: number, value: number): void {
    if (this.n === 0) {
      this.origin = this.first = this.last = timestampMs;
      this.lastValue = value;
    }
    if (timestampMs < this.first) this.first = timestampMs;
    if (timestampMs >= this.last) {
      this.last = timestampMs;
      this.lastValue = value;
    }
    const t = (timestampMs - this.origin) / MS_PER_MINUTE;
    this.n += 1;
    const dt = t - this.meanT;
    const dv = value - this.meanV;
    this.meanT += dt / this.n;
    this.meanV += dv / this.n;
    this.stt += dt * (t - this.meanT);
    this.svv += dv * (value - this.meanV);
    this.stv += dt * (value - this.meanV);
  }

  get count(): number {
    return this.n;
  }

  moments(): Moments {
    return {
      count: this.n,
      meanValue: this.meanV,
      stt: this.stt,
      svv: this.svv,
      stv: this.stv,
      firstTimestampMs: this.first,
      lastTimestampMs: this.last,
      lastValue: this.lastValue,
    };
  }
}
