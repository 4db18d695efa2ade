import type { SensorKind } from "../domain/sensorKind.js";
import { kindProfile } from "./kindProfiles.js";

interface HealthPenalties {
  readonly unstable: number;
  readonly drifting: number;
  readonly stale: number;
  /** Cost of the worst active anomaly episode, by severity (GAP is left to `stale`). */
  readonly anomalyHigh: number;
  readonly anomalyMedium: number;
  readonly anomalyLow: number;
}

/** Every limit health scoring uses; resolved per sensor from kind defaults and overrides. */
export interface HealthThresholds {
  /** Below this stability (%) the sensor is "Unstable". */
  readonly minStabilityPercent: number;
  /** Above this |drift| (units/min, and significant) the sensor is "Drifting". */
  readonly maxDriftPerMinute: number;
  /** Fixed stale limit (ms); null derives it from the reporting interval (see `staleLimitMs`). */
  readonly staleAfterMs: number | null;
  /** Noise scale for stability (units); null uses the kind's (see `stabilityPercent`). */
  readonly sigmaMax: number | null;
  /** HEALTHY when score > this. */
  readonly healthyAbove: number;
  /** DEGRADED when score > this (and not healthy); FAILED otherwise. */
  readonly degradedAbove: number;
  readonly penalties: HealthPenalties;
}

export type ThresholdOverrides = Partial<Omit<HealthThresholds, "penalties">> & {
  readonly penalties?: Partial<HealthPenalties>;
};

const DEFAULT_PENALTIES: HealthPenalties = Object.freeze({
  unstable: 20,
  drifting: 20,
  stale: 30,
  anomalyHigh: 30,
  anomalyMedium: 20,
  anomalyLow: 10,
});

/** A threshold that cannot be used; the message names it and the accepted values. */
export class ThresholdError extends Error {
  override readonly name = "ThresholdError";
}

/** The kind's default thresholds (drift limit in the kind's unit per minute). */
function defaultThresholds(kind: SensorKind): HealthThresholds {
  return {
    minStabilityPercent: 70,
    maxDriftPerMinute: kindProfile(kind).maxDriftPerMinute,
    staleAfterMs: null,
    sigmaMax: null,
    healthyAbove: 80,
    degradedAbove: 50,
    penalties: DEFAULT_PENALTIES,
  };
}

/**
 * Resolves a sensor's thresholds: kind defaults, then each override layer in order (typically
 * per-kind settings, then the sensor's own). Undefined fields leave the layer below in place.
 * Throws `ThresholdError` for values that would make scoring meaningless.
 */
export function resolveThresholds(kind: SensorKind, ...layers: ReadonlyArray<ThresholdOverrides | undefined>): HealthThresholds {
  let result = defaultThresholds(kind);
  for (const layer of layers) {
    if (layer === undefined) continue;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an override given as undefined keeps the default; Object.entries' type drops the undefined
    const defined = Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined)) as ThresholdOverrides;
    const penalties = defined.penalties === undefined ? result.penalties : { ...result.penalties, ...defined.penalties };
    result = { ...result, ...defined, penalties };
  }
  validate(result);
  return result;
}

function validate(t: HealthThresholds): void {
  const problem = (name: string, value: unknown, accepted: string): never => {
    throw new ThresholdError(`health threshold ${name}=${String(value)} is not usable; use ${accepted}`);
  };
  if (!(t.minStabilityPercent >= 0 && t.minStabilityPercent <= 100)) problem("minStabilityPercent", t.minStabilityPercent, "a number in 0..100");
  if (!(t.maxDriftPerMinute > 0)) problem("maxDriftPerMinute", t.maxDriftPerMinute, "a positive number of units per minute");
  if (t.staleAfterMs !== null && !(t.staleAfterMs > 0)) problem("staleAfterMs", t.staleAfterMs, "a positive number of milliseconds, or null to derive it");
  if (t.sigmaMax !== null && !(t.sigmaMax > 0)) problem("sigmaMax", t.sigmaMax, "a positive number in the sensor's unit, or null for the kind's scale");
  if (!(t.degradedAbove >= 0 && t.healthyAbove <= 100 && t.degradedAbove < t.healthyAbove)) {
    problem("healthyAbove/degradedAbove", `${t.healthyAbove}/${t.degradedAbove}`, "0 ≤ degradedAbove < healthyAbove ≤ 100");
  }
  for (const [name, value] of Object.entries(t.penalties)) {
    if (!(value >= 0 && value <= 100)) problem(`penalties.${name}`, value, "a number in 0..100");
  }
}
