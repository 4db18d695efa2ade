import { climateSetup, type ClimateSetup } from "../../../../src/analytics/climate/climateSetup.js";

/** The setup of a room "cellar" with temp_1 and humidity_1 and the model's defaults (no cold surface). */
export function cellarSetup(): ClimateSetup {
  const found = climateSetup({
    locationId: "cellar",
    coldestSurfaceC: null,
    coldestSurfaceOffsetC: null,
    moldSensitivityClass: null,
    moldDeclineCoefficient: null,
    sensors: [
      { sensorId: "humidity_1", kind: "HUMIDITY" },
      { sensorId: "temp_1", kind: "TEMPERATURE" },
    ],
  });
  if (!found.ok) throw new Error(found.reason);
  return found.setup;
}
