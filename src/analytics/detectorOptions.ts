import type { SensorKind } from "../twin/sensorKind.js";
import { kindProfile, type Scaled } from "./kindProfiles.js";

/** Every knob of `AnomalyDetector`; defaults come from `detectorDefaults(kind)`. */
export interface DetectorOptions {
  /** Span of the robust baseline (medians and quantiles of per-bucket summaries). */
  readonly baselineMs: number;
  /** Buckets the baseline span is cut into (each keeps a summary, not its readings). */
  readonly baselineBuckets: number;
  /** SPIKE, RAPID_CHANGE and STUCK wait until the baseline holds this many readings. */
  readonly minBaselineReadings: number;
  /**
   * A single reading this many noise σ away from what its neighbours predict, and this many
   * robust σ outside the band of the baseline (range of bucket medians), is a SPIKE.
   */
  readonly spikeThreshold: number;
  /** The neighbours: the latest this many readings (even, ≥ 4) predict the next one (`LocalLevel`). */
  readonly localReadings: number;
  /** The band of the baseline is widened by this share of its width on each side (0: the bucket medians' own range). */
  readonly bandMargin: number;
  /** The inner band leaves out this share of bucket medians at each end (0.05: the central 90 %). */
  readonly bandQuantile: number;
  /** The inner band is widened by this share of its width on each side… */
  readonly sustainedMargin: number;
  /** …and a level staying this many robust σ outside it (band frozen when the level left)… */
  readonly sustainedThreshold: number;
  /** …for at least this many readings… */
  readonly sustainedReadings: number;
  /** …and this long is a SPIKE too (a level anomaly); the episode lasts while the level stays out. */
  readonly sustainedMs: number;
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
    spikeThreshold: 7,
    localReadings: 16,
    bandMargin: 0,
    bandQuantile: 0.05,
    sustainedMargin: 0.5,
    sustainedThreshold: 5,
    sustainedReadings: 5,
    sustainedMs: 3 * 3_600_000,
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
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const o: DetectorOptions = { ...detectorDefaults(kind), ...defined };
  const positive: Array<keyof DetectorOptions> = [
    "baselineMs",
    "baselineBuckets",
    "spikeThreshold",
    "sustainedThreshold",
    "sustainedReadings",
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
      throw new RangeError(`detector option ${name}=${String(value)} must be a positive number`);
    }
  }
  if (!(o.bandQuantile >= 0 && o.bandQuantile < 0.5)) throw new RangeError(`detector option bandQuantile=${o.bandQuantile} must be in [0, 0.5)`);
  if (!(o.sustainedMargin >= 0)) throw new RangeError(`detector option sustainedMargin=${o.sustainedMargin} must be ≥ 0`);
  if (!(o.sustainedMs >= 0)) throw new RangeError(`detector option sustainedMs=${o.sustainedMs} must be ≥ 0`);
  if (!(o.bandMargin >= 0)) throw new RangeError(`detector option bandMargin=${o.bandMargin} must be ≥ 0 (0.5 = half the band's width)`);
  if (!(Number.isInteger(o.localReadings) && o.localReadings >= 4 && o.localReadings % 2 === 0 && o.localReadings <= 64)) {
    throw new RangeError(`detector option localReadings=${o.localReadings} must be an even integer from 4 to 64`);
  }
  if (!(o.stuckImprobability > 0 && o.stuckImprobability < 1)) {
    throw new RangeError(`detector option stuckImprobability=${o.stuckImprobability} must be in (0, 1), e.g. 1e-8`);
  }
  if (!(o.sustainedThreshold <= o.spikeThreshold)) {
    throw new RangeError(`sustainedThreshold ${o.sustainedThreshold} must not exceed spikeThreshold ${o.spikeThreshold}`);
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
