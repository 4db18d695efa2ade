import type { SensorKind } from "../domain/sensorKind.js";

/** A scale that may grow with the signal's level: max(abs, rel·|level|). */
export interface Scaled {
  readonly abs: number;
  readonly rel: number;
}

/** Resolves a `Scaled` at a level (usually the window mean). */
export function atLevel(scale: Scaled, level: number | null): number {
  return Math.max(scale.abs, scale.rel * Math.abs(level ?? 0));
}

/**
 * What "normal" means for a kind of sensor, in its default unit (see `defaultUnit`). These
 * numbers put the unit into every judgement: noise, drift and trends are compared with them
 * rather than with bare numbers that would mean different things in °C and in ppm.
 */
export interface KindProfile {
  /** Noise (σ around the trend) at which stability reaches 0 %. */
  readonly sigmaMax: Scaled;
  /** Smallest change across a window that counts as RISING/FALLING. */
  readonly trendMinChange: Scaled;
  /** Default health limit on |drift| (units per minute). */
  readonly maxDriftPerMinute: number;
  /** Physically possible readings; outside is OUT_OF_RANGE. ±Infinity disables a side. */
  readonly rangeMin: number;
  readonly rangeMax: number;
  /** Fastest plausible change of the level (units per minute); Infinity disables RAPID_CHANGE. */
  readonly maxRatePerMinute: number;
  /**
   * Fastest rate (units per minute) at which the world this kind measures plausibly keeps
   * changing on its own for minutes on end: a sustained drift within it may be the world (a
   * weather front, a room warmed by the sun), one beyond it points at the sensor. Infinity:
   * anything is plausible (a tank filling, a light switched on), so only peers can tell.
   */
  readonly worldRatePerMinute: number;
  /** Finest step such sensors resolve: the floor of every noise scale, so a flat signal still has one. */
  readonly resolution: Scaled;
  /** A long run at `rangeMin` is normal (a light sensor reads 0 lx all night), not STUCK. */
  readonly flatAtMinimumIsNormal: boolean;
}

const s = (abs: number, rel = 0): Scaled => ({ abs, rel });

// The numbers follow typical hobby/building sensors (DS18B20, DHT22, SHT3x, BME280, HC-SR04,
// BH1750, MH-Z19/SCD30): their measuring range, resolution and accuracy, and how fast a room
// can physically change. OTHER has no unit, so its scales are relative to the level.
// World rates: a heater or the sun moves a room by up to ~1 °C/min and a shower or a kettle
// its humidity by a few %RH/min; indoor pressure follows the weather (rarely 0.1 hPa/min) plus
// doors, lifts and ventilation (tenths of a hPa within minutes); a full meeting room adds
// ~100 ppm CO2 a minute. See docs/drift.md.
const KIND_PROFILES: Readonly<Record<SensorKind, KindProfile>> = {
  TEMPERATURE: {
    sigmaMax: s(1),
    trendMinChange: s(0.3),
    maxDriftPerMinute: 0.1,
    rangeMin: -55,
    rangeMax: 125,
    maxRatePerMinute: 3,
    worldRatePerMinute: 1,
    resolution: s(0.01),
    flatAtMinimumIsNormal: false,
  },
  HUMIDITY: {
    sigmaMax: s(5),
    trendMinChange: s(2),
    maxDriftPerMinute: 0.5,
    rangeMin: 0,
    rangeMax: 100,
    maxRatePerMinute: 10,
    worldRatePerMinute: 5,
    resolution: s(0.01),
    flatAtMinimumIsNormal: false,
  },
  PRESSURE: {
    sigmaMax: s(1),
    trendMinChange: s(0.5),
    maxDriftPerMinute: 0.1,
    rangeMin: 300,
    rangeMax: 1100,
    maxRatePerMinute: 2,
    worldRatePerMinute: 0.5,
    resolution: s(0.01),
    flatAtMinimumIsNormal: false,
  },
  DISTANCE: {
    sigmaMax: s(5),
    trendMinChange: s(2),
    maxDriftPerMinute: 1,
    rangeMin: 0,
    rangeMax: 1000,
    maxRatePerMinute: Number.POSITIVE_INFINITY,
    worldRatePerMinute: Number.POSITIVE_INFINITY,
    resolution: s(0.1),
    flatAtMinimumIsNormal: false,
  },
  LIGHT: {
    sigmaMax: s(10, 0.1),
    trendMinChange: s(10, 0.1),
    maxDriftPerMinute: 50,
    rangeMin: 0,
    rangeMax: 200_000,
    maxRatePerMinute: Number.POSITIVE_INFINITY,
    worldRatePerMinute: Number.POSITIVE_INFINITY,
    resolution: s(0.1),
    flatAtMinimumIsNormal: true,
  },
  CO2: {
    sigmaMax: s(50),
    trendMinChange: s(50),
    maxDriftPerMinute: 10,
    rangeMin: 250,
    rangeMax: 50_000,
    maxRatePerMinute: 500,
    worldRatePerMinute: 100,
    resolution: s(1),
    flatAtMinimumIsNormal: false,
  },
  OTHER: {
    sigmaMax: s(0.01, 0.05),
    trendMinChange: s(0.01, 0.02),
    maxDriftPerMinute: 0.1,
    rangeMin: Number.NEGATIVE_INFINITY,
    rangeMax: Number.POSITIVE_INFINITY,
    maxRatePerMinute: Number.POSITIVE_INFINITY,
    worldRatePerMinute: Number.POSITIVE_INFINITY,
    resolution: s(1e-9, 1e-6),
    flatAtMinimumIsNormal: false,
  },
};

/** The profile of a kind. */
export function kindProfile(kind: SensorKind): KindProfile {
  return KIND_PROFILES[kind];
}

/** Whether the kind has a physical range (some bound is finite); OTHER has none, its operating range is learnt. */
export function hasPhysicalRange(kind: SensorKind): boolean {
  const profile = KIND_PROFILES[kind];
  return Number.isFinite(profile.rangeMin) || Number.isFinite(profile.rangeMax);
}
