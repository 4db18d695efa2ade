import { PredictionInputError } from "../predict/errors.js";

/**
 * Moist-air relations over liquid water in the Magnus form e_s(T) = c·exp(a·T / (b + T)), with
 * the constants of Alduchov & Eskridge (1996), "Improved Magnus form approximation of saturation
 * vapor pressure", J. Appl. Meteor. 35, 601–609 (their AERK fit): a = 17.625, b = 243.04 °C,
 * c = 6.1094 hPa, fitted for −40…+50 °C, where they stay within 0.4 % of the reference values.
 */
export const MAGNUS = Object.freeze({ a: 17.625, b: 243.04, c: 6.1094 });

/** The temperatures (°C) the constants were fitted for; beyond them the answer is refused. */
const TEMPERATURE_RANGE_C = Object.freeze({ min: -40, max: 50 });
const HUMIDITY_RANGE = Object.freeze({ min: 0, max: 100 });

/** Specific gas constant of water vapour, J/(kg·K). */
const R_VAPOUR = 461.5;
const KELVIN = 273.15;

/** Refuses a temperature outside the Magnus constants' range, naming what was measured. */
export function checkTemperature(celsius: number, what = "temperature"): void {
  const { min, max } = TEMPERATURE_RANGE_C;
  if (!Number.isFinite(celsius) || celsius < min || celsius > max) {
    throw new PredictionInputError(`${what} ${celsius} °C lies outside ${min}…${max} °C, the range the Magnus constants (Alduchov & Eskridge 1996) and this model are valid for`);
  }
}

/** Refuses a relative humidity outside 0–100 %. */
export function checkHumidity(percent: number, what = "relative humidity"): void {
  if (!Number.isFinite(percent) || percent < HUMIDITY_RANGE.min || percent > HUMIDITY_RANGE.max) {
    throw new PredictionInputError(`${what} ${percent} % lies outside ${HUMIDITY_RANGE.min}–${HUMIDITY_RANGE.max} %; a relative humidity cannot, so check or recalibrate the sensor`);
  }
}

/** Saturation vapour pressure over water at `celsius`, hPa. */
export function saturationVapourPressure(celsius: number): number {
  checkTemperature(celsius);
  return MAGNUS.c * Math.exp((MAGNUS.a * celsius) / (MAGNUS.b + celsius));
}

/** Partial pressure of water vapour, hPa. */
export function vapourPressure(celsius: number, relativeHumidity: number): number {
  checkHumidity(relativeHumidity);
  return (relativeHumidity / 100) * saturationVapourPressure(celsius);
}

/**
 * Dew point (°C): the inverse of the Magnus form, Td = b·γ / (a − γ) with
 * γ = ln(RH/100) + a·T/(b + T). Null at 0 % (dry air has none).
 */
export function dewPoint(celsius: number, relativeHumidity: number): number | null {
  checkTemperature(celsius);
  checkHumidity(relativeHumidity);
  if (relativeHumidity === 0) return null;
  const gamma = Math.log(relativeHumidity / 100) + (MAGNUS.a * celsius) / (MAGNUS.b + celsius);
  return (MAGNUS.b * gamma) / (MAGNUS.a - gamma);
}

/** Water vapour per volume of air, g/m³, from the ideal gas law ρ = e / (R_v·T). */
export function absoluteHumidity(celsius: number, relativeHumidity: number): number {
  const pascal = vapourPressure(celsius, relativeHumidity) * 100;
  return (pascal / (R_VAPOUR * (celsius + KELVIN))) * 1000;
}

/**
 * The relative humidity at a surface of `surfaceC` touched by this air: the same vapour pressure
 * against the surface's saturation pressure, capped at 100 % (above it the surface condenses).
 */
export function surfaceRelativeHumidity(airC: number, relativeHumidity: number, surfaceC: number): number {
  checkTemperature(surfaceC, "surface temperature");
  return Math.min(100, (100 * vapourPressure(airC, relativeHumidity)) / saturationVapourPressure(surfaceC));
}
