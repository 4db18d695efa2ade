import type { SensorKind } from "../domain/sensorKind.js";
import { kindProfile, type Scaled } from "./kindProfiles.js";

/** Every knob of `AnomalyDetector`; defaults come from `detectorDefaults(kind)`. */
export interface DetectorOptions {
  /** Span of the robust baseline (medians and quantiles of per-bucket summaries). */
  readonly baselineMs: number;
  /** Buckets the baseline span is cut into (each keeps a summary, not its readings). */
  readonly baselineBuckets: number;
  /** RAPID_CHANGE (the kind's rate limit) and STUCK wait until the baseline holds this many readings. */
  readonly minBaselineReadings: number;
  /**
   * The ensemble's episodes open on a reading whose evidence √(P₁·P₂)·m (see `EvidenceEnsemble`)
   * is below this, for a sensor reporting every `evidenceIntervalMs`; see `evidenceThresholdFor`
   * for other intervals.
   */
  readonly evidenceThreshold: number;
  readonly evidenceIntervalMs: number;
  /** For sensors slower than `evidenceIntervalMs` the threshold grows as (interval ratio)^this… */
  readonly slowIntervalExponent: number;
  /** …and for faster ones it shrinks as (interval ratio)^this. */
  readonly fastIntervalExponent: number;
  /** Each scorer's score is judged against its last this many readings' scores… */
  readonly calibrationReadings: number;
  /** …kept as the maxima of blocks of this many… */
  readonly calibrationBlock: number;
  /** …the exponential tail fitted to this share of the largest… */
  readonly tailShare: number;
  /** …and no judgement before this many readings. */
  readonly minCalibrationReadings: number;
  /** An ensemble episode does not open within this many readings of the last one's opening. */
  readonly refractoryReadings: number;
  /** An open ensemble episode holds while the evidence stays below this × the threshold. */
  readonly holdFactor: number;
  /** OUT_OF_RANGE outside [rangeMin, rangeMax]. */
  readonly rangeMin: number;
  readonly rangeMax: number;
  /** RAPID_CHANGE when the level moves faster (units/min); Infinity disables it. */
  readonly maxRatePerMinute: number;
  /** The level is the median over about this span (at least 3 readings, at most 64)… */
  readonly rateSpanMs: number;
  /** …and its change must also exceed this many σ of its own noise. */
  readonly rateNoiseFactor: number;
  /** STUCK needs at least this many equal readings in a row… */
  readonly stuckMinReadings: number;
  /** …a run this improbable for the sensor's own repeat rate p (p^(run−1) < this)… */
  readonly stuckImprobability: number;
  /** …and longer than this many times its longest normal run of the last two days. */
  readonly stuckRunFactor: number;
  /** Fixed GAP limit (ms); null derives it: max(gapMinMs, gapIntervals × typical interval). */
  readonly gapAfterMs: number | null;
  readonly gapMinMs: number;
  readonly gapIntervals: number;
  /** An episode clears once its condition has been absent for this many readings… */
  readonly clearReadings: number;
  /** …and this long. */
  readonly clearMs: number;
  /** Finest meaningful step: the floor of the baseline's σ, so a flat signal still has a scale. */
  readonly resolution: Scaled;
  /** A long run at rangeMin is normal for this sensor (darkness for a light sensor). */
  readonly flatAtMinimumIsNormal: boolean;
}

const DAY_MS = 86_400_000;

/** Defaults for a kind: the kind's physical range, rate limit and resolution plus the shared rules. */
export function detectorDefaults(kind: SensorKind): DetectorOptions {
  const profile = kindProfile(kind);
  return {
    baselineMs: DAY_MS,
    baselineBuckets: 48,
    minBaselineReadings: 120,
    evidenceThreshold: 0.002,
    evidenceIntervalMs: 300_000,
    slowIntervalExponent: 0.5,
    fastIntervalExponent: 1.25,
    calibrationReadings: 4000,
    calibrationBlock: 8,
    tailShare: 0.1,
    minCalibrationReadings: 200,
    refractoryReadings: 100,
    holdFactor: 1,
    rangeMin: profile.rangeMin,
    rangeMax: profile.rangeMax,
    maxRatePerMinute: profile.maxRatePerMinute,
    rateSpanMs: 60_000,
    rateNoiseFactor: 6,
    stuckMinReadings: 10,
    stuckImprobability: 1e-8,
    stuckRunFactor: 3,
    gapAfterMs: null,
    gapMinMs: 5_000,
    gapIntervals: 3,
    clearReadings: 10,
    clearMs: 300_000,
    resolution: profile.resolution,
    flatAtMinimumIsNormal: profile.flatAtMinimumIsNormal,
  };
}

/** Defaults for the kind with `overrides` on top; throws RangeError naming a value that cannot work. */
export function resolveDetectorOptions(kind: SensorKind, overrides: Partial<DetectorOptions> = {}): DetectorOptions {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an override given as undefined keeps the default; Object.entries' type drops the undefined
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const o: DetectorOptions = { ...detectorDefaults(kind), ...defined };
  const positive: Array<keyof DetectorOptions> = [
    "baselineMs",
    "baselineBuckets",
    "evidenceThreshold",
    "evidenceIntervalMs",
    "calibrationReadings",
    "calibrationBlock",
    "minCalibrationReadings",
    "holdFactor",
    "maxRatePerMinute",
    "rateSpanMs",
    "rateNoiseFactor",
    "stuckMinReadings",
    "stuckRunFactor",
    "gapMinMs",
    "gapIntervals",
    "clearReadings",
  ];
  for (const name of positive) {
    const value = o[name];
    if (typeof value !== "number" || !(value > 0)) {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- quotes whatever the caller passed
      throw new RangeError(`detector option ${name}=${String(value)} must be a positive number`);
    }
  }
  if (!(o.evidenceThreshold < 1)) throw new RangeError(`detector option evidenceThreshold=${o.evidenceThreshold} must be below 1 (a probability), e.g. 0.002`);
  if (!(o.tailShare > 0 && o.tailShare < 0.5)) throw new RangeError(`detector option tailShare=${o.tailShare} must be in (0, 0.5), e.g. 0.1`);
  if (!(o.slowIntervalExponent >= 0 && o.slowIntervalExponent <= 1)) {
    throw new RangeError(`detector option slowIntervalExponent=${o.slowIntervalExponent} must be in [0, 1] (0: per reading, 1: per unit of time)`);
  }
  if (!(o.fastIntervalExponent >= 1)) {
    throw new RangeError(`detector option fastIntervalExponent=${o.fastIntervalExponent} must be ≥ 1 (1: a false-alarm budget per unit of time)`);
  }
  if (!(Number.isInteger(o.calibrationBlock) && o.calibrationBlock <= o.calibrationReadings / 8)) {
    throw new RangeError(`detector option calibrationBlock=${o.calibrationBlock} must be a whole number of readings, at most calibrationReadings / 8`);
  }
  if (!(o.refractoryReadings >= 0)) throw new RangeError(`detector option refractoryReadings=${o.refractoryReadings} must be ≥ 0`);
  if (!(o.stuckImprobability > 0 && o.stuckImprobability < 1)) {
    throw new RangeError(`detector option stuckImprobability=${o.stuckImprobability} must be in (0, 1), e.g. 1e-8`);
  }
  if (!(o.rangeMin < o.rangeMax)) throw new RangeError(`rangeMin ${o.rangeMin} must be below rangeMax ${o.rangeMax}`);
  if (o.gapAfterMs !== null && !(o.gapAfterMs > 0)) {
    throw new RangeError(`gapAfterMs=${o.gapAfterMs} must be a positive number of ms, or null to derive it`);
  }
  if (!(o.minBaselineReadings >= 2) || !(o.clearMs >= 0)) {
    throw new RangeError(`minBaselineReadings must be ≥ 2 and clearMs ≥ 0 (got ${o.minBaselineReadings}, ${o.clearMs})`);
  }
  return o;
}
