import type { SensorKind } from "../domain/sensorKind.js";
import { atLevel, kindProfile } from "./kindProfiles.js";
import type { WindowStats } from "./windowStats.js";

/** The noise σ at which a sensor of this kind counts as 0 % stable, at the window's mean. */
function sigmaMaxFor(kind: SensorKind, mean: number | null): number {
  return atLevel(kindProfile(kind).sigmaMax, mean);
}

/**
 * Unit-aware stability: `clamp(100 · (1 − σ / σmax), 0, 100)`, where σ is the residual standard
 * deviation around the least-squares line (noise, with drift taken out: drift is reported on
 * its own) and σmax is the kind's noise scale, `max(abs, rel · |mean|)`:
 * TEMPERATURE 1 °C, HUMIDITY 5 %RH, PRESSURE 1 hPa, DISTANCE 5 cm, LIGHT max(10 lx, 10 % of
 * the mean), CO2 50 ppm, OTHER max(0.01, 5 % of |mean|). 100 = perfectly steady; 70 % (the
 * default health limit) means σ = 0.3·σmax. Null with fewer than 3 readings.
 * `sigmaMax` overrides the kind's scale (per-sensor threshold).
 */
export function stabilityPercent(stats: WindowStats, kind: SensorKind, sigmaMax: number | null = null): number | null {
  if (stats.residualStdDev === null) return null;
  const scale = sigmaMax ?? sigmaMaxFor(kind, stats.mean);
  if (!(scale > 0)) return stats.residualStdDev === 0 ? 100 : 0;
  return Math.min(100, Math.max(0, 100 * (1 - stats.residualStdDev / scale)));
}
