import type { Driver } from "neo4j-driver";
import type { ThresholdOverrides } from "../analytics/thresholds.js";

/** Threshold properties a Sensor or a KindThresholds node may carry (GraphQL names). */
const THRESHOLD_PROPERTIES = ["minStabilityPercent", "maxDriftPerMinute", "staleAfterSeconds", "sigmaMax", "healthyAbove", "degradedAbove"] as const;

interface SensorThresholdRow {
  readonly sensorId: string;
  readonly kind: string;
  readonly overrides: ThresholdOverrides;
  /** The band the value should stay in (comfort or process limits), when set. */
  readonly targetMin: number | null;
  readonly targetMax: number | null;
  /** The Location the sensor is in (LOCATED_IN), null if it is in none: its co-located peers share it. */
  readonly locationId: string | null;
}

export interface ThresholdSnapshot {
  readonly sensors: readonly SensorThresholdRow[];
  readonly kinds: ReadonlyMap<string, ThresholdOverrides>;
}

/** Node properties (staleAfterSeconds in seconds) → analytics overrides (staleAfterMs). */
function overridesOf(props: Record<string, unknown>): ThresholdOverrides {
  const num = (key: string): number | undefined => (typeof props[key] === "number" ? props[key] : undefined);
  const stale = num("staleAfterSeconds");
  const out: Record<string, number> = {};
  for (const [key, value] of [
    ["minStabilityPercent", num("minStabilityPercent")],
    ["maxDriftPerMinute", num("maxDriftPerMinute")],
    ["staleAfterMs", stale === undefined ? undefined : stale * 1000],
    ["sigmaMax", num("sigmaMax")],
    ["healthyAbove", num("healthyAbove")],
    ["degradedAbove", num("degradedAbove")],
  ] as const) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Every sensor with its kind and threshold overrides, plus the per-kind overrides. */
export async function loadThresholds(driver: Driver): Promise<ThresholdSnapshot> {
  const projection = THRESHOLD_PROPERTIES.map((p) => `.${p}`).join(", ");
  const [sensors, kinds] = await Promise.all([
    driver.executeQuery(
      `MATCH (s:Sensor) OPTIONAL MATCH (s)-[:LOCATED_IN]->(l:Location) WITH s, head(collect(l.locationId)) AS locationId
       RETURN s.sensorId AS id, s.kind AS kind, s{${projection}} AS props, s.targetMin AS targetMin, s.targetMax AS targetMax, locationId`,
    ),
    driver.executeQuery(`MATCH (k:KindThresholds) RETURN k.kind AS kind, k{${projection}} AS props`),
  ]);
  return {
    sensors: sensors.records.map((r) => ({
      sensorId: r.get("id") as string,
      kind: (r.get("kind") as string | null) ?? "OTHER",
      overrides: overridesOf(r.get("props") as Record<string, unknown>),
      targetMin: typeof r.get("targetMin") === "number" ? (r.get("targetMin") as number) : null,
      targetMax: typeof r.get("targetMax") === "number" ? (r.get("targetMax") as number) : null,
      locationId: (r.get("locationId") as string | null) ?? null,
    })),
    kinds: new Map(kinds.records.map((r) => [r.get("kind") as string, overridesOf(r.get("props") as Record<string, unknown>)])),
  };
}
