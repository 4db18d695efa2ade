import { MAX_FORECAST_HOURS } from "../../analytics/climate/moldRisk.js";
import { InvalidInputError } from "../../errors.js";
import type { LocationResolvers, MoldRiskResolvers, QueryResolvers, RoomClimateResolvers } from "../../generated/graphql.js";
import { toIso } from "../../store/time.js";
import { timeArg } from "../args.js";
import type { TwinServices } from "../services.js";

const CLIMATE_METHOD = "newest readings of the hour before asOf; Magnus form with Alduchov & Eskridge (1996) constants (a 17.625, b 243.04 °C, c 6.1094 hPa)";

export function climateQueries(services: TwinServices): Pick<QueryResolvers, "moldRisk"> {
  return {
    moldRisk: (_p, { locationId, hours, asOf }) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an explicit null overrides the schema's default; the generated type does not say so
      const h = hours ?? 24;
      if (!Number.isInteger(h) || h < 1 || h > MAX_FORECAST_HOURS) throw new InvalidInputError(`hours must be a whole number from 1 to ${MAX_FORECAST_HOURS} (30 days), got ${h}`);
      return services.climate.moldRisk(locationId, h, timeArg(asOf, "asOf"));
    },
  };
}

export function climateLocationFields(services: TwinServices): Pick<LocationResolvers, "climate"> {
  return {
    climate: (location, { asOf }) => services.climate.climate(location.locationId, timeArg(asOf, "asOf")),
  };
}

export const roomClimateFields: RoomClimateResolvers = {
  asOf: (c) => toIso(c.asOfMs) as string,
  temperatureC: (c) => c.climate?.temperatureC ?? null,
  relativeHumidity: (c) => c.climate?.relativeHumidity ?? null,
  vapourPressureHpa: (c) => c.climate?.vapourPressureHpa ?? null,
  dewPointC: (c) => c.climate?.dewPointC ?? null,
  absoluteHumidityGm3: (c) => c.climate?.absoluteHumidityGm3 ?? null,
  surfaceTemperatureC: (c) => c.climate?.surfaceTemperatureC ?? null,
  surfaceRelativeHumidity: (c) => c.climate?.surfaceRelativeHumidity ?? null,
  dewPointMarginC: (c) => c.climate?.dewPointMarginC ?? null,
  condensationRisk: (c) => c.climate?.condensationRisk ?? null,
  method: () => CLIMATE_METHOD,
};

export const moldRiskFields: MoldRiskResolvers = {
  asOf: (m) => toIso(m.asOfMs) as string,
  index: (m) => m.risk?.index ?? null,
  indexForecast: (m) => m.risk?.indexForecast ?? null,
  hoursToIndex1: (m) => m.risk?.hoursToIndex1 ?? null,
  hoursToIndex1Forecast: (m) => m.risk?.hoursToIndex1Forecast ?? null,
  drivers: (m) => [...(m.risk?.drivers ?? [])],
};
