import type { Driver } from "neo4j-driver";
import { SENSOR_KINDS, kindFromId } from "../domain/sensorKind.js";

const ACTUATOR_KINDS = ["FAN", "HEATER", "COOLER", "DEHUMIDIFIER", "HUMIDIFIER", "RELAY", "OTHER"] as const;

export interface DeviceRegistration {
  readonly deviceId: string;
  readonly port: string;
  readonly firmware: string;
  readonly seenAtMs: number;
  readonly sensors: ReadonlyArray<{ readonly id: string; readonly kind: string; readonly unit: string }>;
  readonly actuators: ReadonlyArray<{ readonly id: string; readonly kind: string; readonly state: string }>;
}

/** A declared kind if the graph knows it, else what the id implies (sensors) or OTHER. */
function sensorKind(declared: string, id: string): string {
  return (SENSOR_KINDS as readonly string[]).includes(declared) ? declared : kindFromId(id);
}

function actuatorKind(declared: string): string {
  return (ACTUATOR_KINDS as readonly string[]).includes(declared) ? declared : "OTHER";
}

const REGISTER = `
MERGE (d:Device {deviceId: $deviceId})
SET d.port = $port, d.firmware = $firmware, d.lastSeen = datetime({epochMillis: toInteger($seenAtMs)})
WITH d
CALL (d) {
  UNWIND $sensors AS s
  MERGE (sensor:Sensor {sensorId: s.id})
  ON CREATE SET sensor.kind = s.kind
  SET sensor.unit = s.unit
  MERGE (d)-[:HAS_SENSOR]->(sensor)
  // The device that says hello now is where the sensor is: a link to another is stale.
  WITH d, sensor
  MATCH (old:Device)-[stale:HAS_SENSOR]->(sensor) WHERE old <> d
  DELETE stale
  RETURN collect({id: sensor.sensorId, from: old.deviceId}) AS movedSensors
}
CALL (d) {
  UNWIND $actuators AS a
  MERGE (act:Actuator {actuatorId: a.id})
  ON CREATE SET act.kind = a.kind
  // Writes race: an ack written before this hello may have been received after it. The lock
  // (a write) comes before the check, so a concurrent ack's commit cannot slip in between.
  SET act._lock = true REMOVE act._lock
  WITH d, act, a, datetime({epochMillis: toInteger($seenAtMs)}) AS at
  FOREACH (_ IN CASE WHEN act.reportedAt IS NULL OR act.reportedAt <= at THEN [1] ELSE [] END |
    SET act.reportedState = a.state, act.reportedAt = at, act.updatedAt = at)
  MERGE (d)-[:HAS_ACTUATOR]->(act)
  // Commands follow this link: one left to a previous device would send them to a dead port.
  WITH d, act
  MATCH (old:Device)-[stale:HAS_ACTUATOR]->(act) WHERE old <> d
  DELETE stale
  RETURN collect({id: act.actuatorId, from: old.deviceId}) AS movedActuators
}
// A node's sensors and actuators share a room unless someone placed them: without that, the
// physics would not know which heater warms which thermometer.
WITH d, movedSensors, movedActuators
OPTIONAL MATCH (d)-[:HAS_SENSOR|HAS_ACTUATOR]->(x) WHERE NOT (x)-[:LOCATED_IN]->(:Location)
WITH d, movedSensors, movedActuators, collect(x) AS unplaced
FOREACH (_ IN CASE WHEN size(unplaced) > 0 THEN [1] ELSE [] END |
  MERGE (l:Location {locationId: d.deviceId + "-room"})
  ON CREATE SET l.name = "Room of " + d.deviceId
  FOREACH (x IN unplaced | MERGE (x)-[:LOCATED_IN]->(l))
)
RETURN movedSensors + movedActuators AS moved`;

/** A sensor or actuator that a hello took over from the device it was linked to before. */
export interface MovedComponent {
  readonly id: string;
  readonly from: string;
}

/** Devices, their sensors and actuators as the bridge learns them from hello messages. */
export class DeviceStore {
  constructor(private readonly driver: Driver) {}

  /**
   * Creates or updates a device and everything it announced (idempotent), and links each of
   * them to this device alone. Returns what was linked to another device before.
   */
  async register(device: DeviceRegistration): Promise<MovedComponent[]> {
    const { records } = await this.driver.executeQuery(REGISTER, {
      deviceId: device.deviceId,
      port: device.port,
      firmware: device.firmware,
      seenAtMs: device.seenAtMs,
      sensors: device.sensors.map((s) => ({ id: s.id, kind: sensorKind(s.kind, s.id), unit: s.unit })),
      actuators: device.actuators.map((a) => ({ id: a.id, kind: actuatorKind(a.kind), state: a.state })),
    });
    return (records[0]?.get("moved") as MovedComponent[] | undefined) ?? [];
  }

  /** When the device was last seen (Device.lastSeen), or null if never. */
  async lastSeen(deviceId: string): Promise<number | null> {
    const { records } = await this.driver.executeQuery("MATCH (d:Device {deviceId: $deviceId}) RETURN d.lastSeen.epochMillis AS at", { deviceId });
    return (records[0]?.get("at") as number | null | undefined) ?? null;
  }

  /** Moves lastSeen forward for several devices at once (never backwards). */
  async touch(seen: ReadonlyArray<{ readonly deviceId: string; readonly atMs: number }>): Promise<void> {
    if (seen.length === 0) return;
    await this.driver.executeQuery(
      `UNWIND $seen AS s
       MATCH (d:Device {deviceId: s.deviceId})
       WITH d, datetime({epochMillis: toInteger(s.atMs)}) AS at
       WHERE d.lastSeen IS NULL OR d.lastSeen < at
       SET d.lastSeen = at`,
      { seen },
    );
  }

  async exists(deviceId: string): Promise<boolean> {
    const { records } = await this.driver.executeQuery("MATCH (d:Device {deviceId: $deviceId}) RETURN count(d) AS n", { deviceId });
    return Number(records[0]?.get("n") ?? 0) > 0;
  }

  /** The device a sensor belongs to, or null. */
  async deviceOfSensor(sensorId: string): Promise<string | null> {
    const { records } = await this.driver.executeQuery("MATCH (d:Device)-[:HAS_SENSOR]->(:Sensor {sensorId: $sensorId}) RETURN d.deviceId AS id LIMIT 1", { sensorId });
    return (records[0]?.get("id") as string | undefined) ?? null;
  }
}
