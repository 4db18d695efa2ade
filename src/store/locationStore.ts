import type { Driver } from "neo4j-driver";

/** A location's own settings and the sensors placed in it (by id, with their kinds). */
export interface LocationRecord {
  readonly locationId: string;
  readonly name: string;
  /** IANA time zone of the site (null: UTC). */
  readonly timeZone: string | null;
  readonly coldestSurfaceC: number | null;
  readonly coldestSurfaceOffsetC: number | null;
  readonly moldSensitivityClass: string | null;
  readonly moldDeclineCoefficient: number | null;
  /** Sorted by sensor id. */
  readonly sensors: ReadonlyArray<{ readonly sensorId: string; readonly kind: string | null }>;
}

const RETURN_LOCATION = `
  OPTIONAL MATCH (s:Sensor)-[:LOCATED_IN]->(l)
  WITH l, s ORDER BY s.sensorId
  RETURN l.locationId AS locationId, l.name AS name, l.timeZone AS timeZone, l.coldestSurfaceC AS coldestSurfaceC,
         l.coldestSurfaceOffsetC AS coldestSurfaceOffsetC, l.moldSensitivityClass AS moldSensitivityClass,
         l.moldDeclineCoefficient AS moldDeclineCoefficient, collect(s{.sensorId, .kind}) AS sensors`;

const num = (v: unknown): number | null => (typeof v === "number" ? v : v === null || v === undefined ? null : Number(v));
const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

function toRecord(get: (key: string) => unknown): LocationRecord {
  return {
    locationId: get("locationId") as string,
    name: (text(get("name")) ?? get("locationId")) as string,
    timeZone: text(get("timeZone")),
    coldestSurfaceC: num(get("coldestSurfaceC")),
    coldestSurfaceOffsetC: num(get("coldestSurfaceOffsetC")),
    moldSensitivityClass: text(get("moldSensitivityClass")),
    moldDeclineCoefficient: num(get("moldDeclineCoefficient")),
    sensors: (get("sensors") as Array<{ sensorId: string; kind: string | null }>).map((s) => ({ sensorId: s.sensorId, kind: s.kind ?? null })),
  };
}

/** Locations as room physics and maintenance planning read them. */
export class LocationStore {
  constructor(private readonly driver: Driver) {}

  /** One location; null if there is none with this id. */
  async get(locationId: string): Promise<LocationRecord | null> {
    const { records } = await this.driver.executeQuery(`MATCH (l:Location {locationId: $locationId})${RETURN_LOCATION}`, { locationId });
    const r = records[0];
    return r === undefined ? null : toRecord((k) => r.get(k));
  }

  /** The location a sensor is placed in; null without one. */
  async ofSensor(sensorId: string): Promise<LocationRecord | null> {
    const { records } = await this.driver.executeQuery(`MATCH (:Sensor {sensorId: $sensorId})-[:LOCATED_IN]->(l:Location) WITH l LIMIT 1${RETURN_LOCATION}`, { sensorId });
    const r = records[0];
    return r === undefined ? null : toRecord((k) => r.get(k));
  }

  /** Every location, by id. */
  async all(): Promise<LocationRecord[]> {
    const { records } = await this.driver.executeQuery(`MATCH (l:Location)${RETURN_LOCATION} ORDER BY locationId`);
    return records.map((r) => toRecord((k) => r.get(k)));
  }
}
