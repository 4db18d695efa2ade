import { absoluteHumidity, dewPoint, vapourPressure } from "./psychrometrics.js";
import { conditionsAt, surfaceTemperature, type SurfaceSetting } from "./surface.js";

type CondensationRisk = "CONDENSING" | "HIGH" | "LOW";

/**
 * Surface relative humidity from which condensation risk is HIGH: 80 %, the criterion of IEA
 * Annex 14 ("Condensation and Energy", 1990) for surfaces that must stay free of mold — about
 * 3.5 °C above the dew point at room temperature.
 */
const HIGH_SURFACE_HUMIDITY = 80;

export interface Climate {
  readonly temperatureC: number;
  readonly relativeHumidity: number;
  readonly vapourPressureHpa: number;
  /** Null at 0 % RH. */
  readonly dewPointC: number | null;
  readonly absoluteHumidityGm3: number;
  /** The rest are null without a known coldest surface. */
  readonly surfaceTemperatureC: number | null;
  readonly surfaceRelativeHumidity: number | null;
  /** Surface temperature minus the dew point: how much colder the surface may get before it condenses. */
  readonly dewPointMarginC: number | null;
  readonly condensationRisk: CondensationRisk | null;
}

/**
 * The room's moist-air state from one temperature and one humidity: vapour pressure, dew point
 * and absolute humidity by the Magnus form (`psychrometrics`), and — when the coldest surface's
 * temperature is known — that surface's relative humidity and condensation risk: CONDENSING at
 * or below the dew point, HIGH from 80 % surface RH (`HIGH_SURFACE_HUMIDITY`), else LOW. Throws
 * `PredictionInputError` for values outside the formulas' range.
 */
export function roomClimate(celsius: number, relativeHumidity: number, setting: SurfaceSetting, names: { temperature: string; humidity: string }): Climate {
  const surface = conditionsAt(celsius, relativeHumidity, setting, names);
  const dew = dewPoint(celsius, relativeHumidity);
  const surfaceC = surfaceTemperature(celsius, setting);
  const margin = surfaceC === null || dew === null ? null : surfaceC - dew;
  const risk: CondensationRisk | null = surfaceC === null ? null : margin !== null && margin <= 0 ? "CONDENSING" : surface.relativeHumidity >= HIGH_SURFACE_HUMIDITY ? "HIGH" : "LOW";
  return {
    temperatureC: celsius,
    relativeHumidity,
    vapourPressureHpa: vapourPressure(celsius, relativeHumidity),
    dewPointC: dew,
    absoluteHumidityGm3: absoluteHumidity(celsius, relativeHumidity),
    surfaceTemperatureC: surfaceC,
    surfaceRelativeHumidity: surfaceC === null ? null : surface.relativeHumidity,
    dewPointMarginC: surfaceC === null ? null : margin,
    condensationRisk: risk,
  };
}
