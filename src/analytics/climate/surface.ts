import { num } from "../format.js";
import { checkHumidity, checkTemperature, surfaceRelativeHumidity } from "./psychrometrics.js";

/**
 * Where the mold model looks: the room's coldest surface when its temperature is known (a fixed
 * `Location.coldestSurfaceC`, or the air minus `Location.coldestSurfaceOffsetC`), else the air
 * itself. The surface touches the room's air, so it has the air's vapour pressure at its own,
 * lower temperature — a higher relative humidity, which is what mold on a cold wall sees.
 */
export type SurfaceSetting = { readonly kind: "FIXED"; readonly celsius: number } | { readonly kind: "OFFSET"; readonly celsius: number } | null;

/** The surface setting of a location from its two properties; the fixed temperature wins when both are set. */
export function surfaceSetting(coldestSurfaceC: number | null, coldestSurfaceOffsetC: number | null): SurfaceSetting {
  if (coldestSurfaceC !== null) return { kind: "FIXED", celsius: coldestSurfaceC };
  if (coldestSurfaceOffsetC !== null) return { kind: "OFFSET", celsius: coldestSurfaceOffsetC };
  return null;
}

/** The surface's temperature for this air (null: no surface known). */
export function surfaceTemperature(airC: number, setting: SurfaceSetting): number | null {
  if (setting === null) return null;
  return setting.kind === "FIXED" ? setting.celsius : airC - setting.celsius;
}

export interface SurfaceConditions {
  readonly celsius: number;
  readonly relativeHumidity: number;
}

/**
 * The conditions at the surface the model judges (the air when no surface is known); throws
 * `PredictionInputError` naming the value and the range when a reading or the surface lies
 * outside what the formulas hold for.
 */
export function conditionsAt(airC: number, relativeHumidity: number, setting: SurfaceSetting, names: { temperature: string; humidity: string }): SurfaceConditions {
  checkTemperature(airC, `${names.temperature}'s temperature`);
  checkHumidity(relativeHumidity, `${names.humidity}'s relative humidity`);
  const surface = surfaceTemperature(airC, setting);
  if (surface === null) return { celsius: airC, relativeHumidity };
  checkTemperature(surface, setting?.kind === "FIXED" ? "Location.coldestSurfaceC" : `the coldest surface (air ${num(airC)} °C − Location.coldestSurfaceOffsetC)`);
  return { celsius: surface, relativeHumidity: surfaceRelativeHumidity(airC, relativeHumidity, surface) };
}

/** "the air", "the coldest surface (12 °C, Location.coldestSurfaceC)"… for messages. */
export function describeSurface(setting: SurfaceSetting): string {
  if (setting === null) return "the air (no Location.coldestSurfaceC or coldestSurfaceOffsetC set)";
  return setting.kind === "FIXED"
    ? `the coldest surface (${num(setting.celsius)} °C, Location.coldestSurfaceC)`
    : `the coldest surface (${num(setting.celsius)} °C below the air, Location.coldestSurfaceOffsetC)`;
}
