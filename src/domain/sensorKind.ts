export const SENSOR_KINDS = ["TEMPERATURE", "HUMIDITY", "PRESSURE", "DISTANCE", "LIGHT", "CO2", "OTHER"] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

const PREFIXES: ReadonlyArray<readonly [string, SensorKind]> = [
  ["temp_", "TEMPERATURE"],
  ["humidity_", "HUMIDITY"],
  ["pressure_", "PRESSURE"],
  ["distance_", "DISTANCE"],
  ["ultrasonic_", "DISTANCE"],
  ["light_", "LIGHT"],
  ["co2_", "CO2"],
];

/** The kind a sensor id implies by its prefix (`temp_1` → TEMPERATURE); OTHER when none matches. */
export function kindFromId(sensorId: string): SensorKind {
  const lower = sensorId.toLowerCase();
  for (const [prefix, kind] of PREFIXES) if (lower.startsWith(prefix)) return kind;
  return "OTHER";
}

/** The unit a kind is reported in unless the source declares another. */
export function defaultUnit(kind: SensorKind): string | null {
  switch (kind) {
    case "TEMPERATURE":
      return "C";
    case "HUMIDITY":
      return "%RH";
    case "PRESSURE":
      return "hPa";
    case "DISTANCE":
      return "cm";
    case "LIGHT":
      return "lx";
    case "CO2":
      return "ppm";
    case "OTHER":
      return null;
  }
}
