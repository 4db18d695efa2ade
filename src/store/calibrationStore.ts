import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";

export interface CalibrationRecord {
  readonly calibrationId: string;
  readonly sensorId: string;
  readonly offset: number;
  readonly createdAtMs: number;
  readonly validUntilMs: number;
  readonly appliedAtMs: number | null;
  readonly issuedBy: string | null;
}

const FIELDS = `c.calibrationId AS id, c.sensorId AS sensorId, c.offset AS offset, c.createdAt.epochMillis AS createdAt,
  c.validUntil.epochMillis AS validUntil, c.appliedAt.epochMillis AS appliedAt, c.issuedBy AS issuedBy`;

function toRecord(r: { get(key: string): unknown }): CalibrationRecord {
  return {
    calibrationId: r.get("id") as string,
    sensorId: r.get("sensorId") as string,
    offset: r.get("offset") as number,
    createdAtMs: r.get("createdAt") as number,
    validUntilMs: r.get("validUntil") as number,
    appliedAtMs: (r.get("appliedAt") as number | null) ?? null,
    issuedBy: (r.get("issuedBy") as string | null) ?? null,
  };
}

/** Calibration nodes: (:Sensor)-[:CALIBRATED_BY]->(:Calibration), newest is in force. */
export class CalibrationStore {
  constructor(private readonly driver: Driver) {}

  async record(sensorId: string, offset: number, validUntilMs: number, atMs: number, issuedBy: string | null): Promise<CalibrationRecord> {
    const { records } = await this.driver.executeQuery(
      `MATCH (s:Sensor {sensorId: $sensorId})
       CREATE (s)-[:CALIBRATED_BY]->(c:Calibration {calibrationId: $id, sensorId: $sensorId, offset: $offset,
         createdAt: datetime({epochMillis: toInteger($at)}), validUntil: datetime({epochMillis: toInteger($validUntil)}), issuedBy: $issuedBy})
       RETURN ${FIELDS}`,
      { sensorId, id: randomUUID(), offset, at: atMs, validUntil: validUntilMs, issuedBy },
    );
    return toRecord(records[0]!);
  }

  /** The calibration in force (newest) for a sensor, or null. */
  async latest(sensorId: string): Promise<CalibrationRecord | null> {
    const { records } = await this.driver.executeQuery(
      `MATCH (c:Calibration) WHERE c.sensorId = $sensorId RETURN ${FIELDS} ORDER BY c.createdAt DESC LIMIT 1`,
      { sensorId },
    );
    return records[0] === undefined ? null : toRecord(records[0]);
  }

  /** The latest calibration of each sensor named, in one query (sensors without one are absent). */
  async latestFor(sensorIds: readonly string[]): Promise<Map<string, CalibrationRecord>> {
    if (sensorIds.length === 0) return new Map();
    const { records } = await this.driver.executeQuery(
      `UNWIND $sensorIds AS sensorId
       CALL (sensorId) { MATCH (c:Calibration) WHERE c.sensorId = sensorId RETURN c ORDER BY c.createdAt DESC LIMIT 1 }
       RETURN ${FIELDS}`,
      { sensorIds },
    );
    return new Map(records.map((r) => [r.get("sensorId") as string, toRecord(r)]));
  }

  /** Notes that the device acknowledged the offset. */
  async markApplied(calibrationId: string, atMs: number): Promise<CalibrationRecord | null> {
    const { records } = await this.driver.executeQuery(
      `MATCH (c:Calibration {calibrationId: $calibrationId}) SET c.appliedAt = datetime({epochMillis: toInteger($at)}) RETURN ${FIELDS}`,
      { calibrationId, at: atMs },
    );
    return records[0] === undefined ? null : toRecord(records[0]);
  }
}
