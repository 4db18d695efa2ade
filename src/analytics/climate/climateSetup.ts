import { kindFromId } from "../../domain/sensorKind.js";
import { num } from "../format.js";
import { surfaceSetting, type SurfaceSetting } from "./surface.js";
import { DECLINE_COEFFICIENTS, REFERENCE_MODEL, SENSITIVITY_CLASSES, type MoldModel, type SensitivityClass } from "./vttMold.js";

/** What a location holds that room physics reads (see `LocationStore`). */
export interface LocationClimateFields {
  readonly locationId: string;
  readonly coldestSurfaceC: number | null;
  readonly coldestSurfaceOffsetC: number | null;
  readonly moldSensitivityClass: string | null;
  readonly moldDeclineCoefficient: number | null;
  readonly sensors: ReadonlyArray<{ readonly sensorId: string; readonly kind: string | null }>;
}

/** The sensors and settings one room's physics runs on. */
export interface ClimateSetup {
  readonly locationId: string;
  readonly temperatureSensorId: string;
  readonly humiditySensorId: string;
  readonly surface: SurfaceSetting;
  readonly model: MoldModel;
}

/**
 * The room's climate sensors — its first TEMPERATURE and first HUMIDITY sensor by id (a sensor
 * without a stored kind counts by its id prefix) — and its mold settings (default: the model's
 * reference, pine sapwood with decline 1, the most cautious class); or why the room has none,
 * naming what is missing or wrong.
 */
export function climateSetup(location: LocationClimateFields): { ok: true; setup: ClimateSetup } | { ok: false; reason: string } {
  const kindOf = (s: { sensorId: string; kind: string | null }): string => s.kind ?? kindFromId(s.sensorId);
  const temperature = location.sensors.find((s) => kindOf(s) === "TEMPERATURE");
  const humidity = location.sensors.find((s) => kindOf(s) === "HUMIDITY");
  const where = `location ${location.locationId}`;
  if (temperature === undefined || humidity === undefined) {
    const missing = [temperature === undefined ? "TEMPERATURE" : null, humidity === undefined ? "HUMIDITY" : null].filter((m) => m !== null).join(" and no ");
    const there = location.sensors.length === 0 ? "no sensors" : location.sensors.map((s) => `${s.sensorId} (${kindOf(s)})`).join(", ");
    return { ok: false, reason: `${where} has no ${missing} sensor (it has ${there}); place one in it (Sensor.location) for its climate` };
  }
  const cls = location.moldSensitivityClass ?? REFERENCE_MODEL.sensitivity;
  if (!(SENSITIVITY_CLASSES as readonly string[]).includes(cls)) {
    return { ok: false, reason: `${where} has moldSensitivityClass "${cls}", which is not one of ${SENSITIVITY_CLASSES.join(", ")}` };
  }
  const decline = location.moldDeclineCoefficient ?? REFERENCE_MODEL.declineCoefficient;
  if (!(decline > 0 && decline <= 1)) {
    return { ok: false, reason: `${where} has moldDeclineCoefficient ${num(decline)}, outside (0, 1] (published: ${DECLINE_COEFFICIENTS.join(", ")})` };
  }
  return {
    ok: true,
    setup: {
      locationId: location.locationId,
      temperatureSensorId: temperature.sensorId,
      humiditySensorId: humidity.sensorId,
      surface: surfaceSetting(location.coldestSurfaceC, location.coldestSurfaceOffsetC),
      model: { sensitivity: cls as SensitivityClass, declineCoefficient: decline },
    },
  };
}
