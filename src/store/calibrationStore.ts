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
  /** The CALIBRATE command that carried it to the device; null when it was recorded while the device was away. */
  readonly commandId: string | null;
}

const FIELDS = `c.calibrationId AS id, c.sensorId AS sensorId, c.offset AS offset, c.createdAt.epochMillis AS createdAt,
  c.validUntil.epochMillis AS validUntil, c.appliedAt.epochMillis AS appliedAt, c.issuedBy AS issuedBy, c.commandId AS commandId`;

function toRecord(r: { get(key: string): unknown }): CalibrationRecord {
  return {
    calibrationId: r.get("id") as string,
    sensorId: r.get("sensorId") as string,
    offset: r.get("offset") as number,
    createdAtMs: r.get("createdAt") as number,
    validUntilMs: r.get("validUntil") as number,
    appliedAtMs: (r.get("appliedAt") as number | null) ?? null,
    issuedBy: (r.get("issuedBy") as string | null) ?? null,
    commandId: (r.get("commandId") as string | null) ?? null,
  };
}

/** Calibration nodes: (:Sensor)-[:CALIBRATED_BY]->(:Calibration), newest is in force. */
export class CalibrationStore {
  constructor(private readonly driver: Driver) {}

  /**
   * Records a calibration; `delivery` names the command that carried it and when the device
   * acknowledged it (null: not applied yet). One calibration per command: recording the same
   * command again returns the calibration it made.
   */
  async record(
    sensorId: string,
    offset: number,
    validUntilMs: number,
    atMs: number,
    issuedBy: string | null,
    delivery: { readonly commandId: string; readonly appliedAtMs: number | null } | null = null,
  ): Promise<CalibrationRecord> {
    const { records } = await this.driver.executeQuery(
      `MATCH (s:Sensor {sensorId: $sensorId})
       OPTIONAL MATCH (done:Calibration) WHERE $commandId IS NOT NULL AND done.commandId = $commandId
       WITH s, done
       CALL (s, done) {
         WITH s, done WHERE done IS NULL
         CREATE (s)-[:CALIBRATED_BY]->(c:Calibration {calibrationId: $id, sensorId: $sensorId, offset: $offset,
           createdAt: datetime({epochMillis: toInteger($at)}), validUntil: datetime({epochMillis: toInteger($validUntil)}), issuedBy: $issuedBy,
           commandId: $commandId, appliedAt: CASE WHEN $appliedAt IS NULL THEN null ELSE datetime({epochMillis: toInteger($appliedAt)}) END})
         RETURN c
         UNION
         WITH done WHERE done IS NOT NULL
         RETURN done AS c
       }
       RETURN ${FIELDS}`,
      { sensorId, id: randomUUID(), offset, at: atMs, validUntil: validUntilMs, issuedBy, commandId: delivery?.commandId ?? null, appliedAt: delivery?.appliedAtMs ?? null },
    );
    const r = records[0];
    if (r === undefined) throw new Error(`no Sensor node ${sensorId} to record a calibration on`);
    return toRecord(r);
  }

  /** The calibration in force (newest) for a sensor, or null. */
  async latest(sensorId: string): Promise<CalibrationRecord | null> {
    const { records } = await this.driver.executeQuery(`MATCH (c:Calibration) WHERE c.sensorId = $sensorId RETURN ${FIELDS} ORDER BY c.createdAt DESC LIMIT 1`, { sensorId });
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
    const { records } = await this.driver.executeQuery(`MATCH (c:Calibration {calibrationId: $calibrationId}) SET c.appliedAt = datetime({epochMillis: toInteger($at)}) RETURN ${FIELDS}`, {
      calibrationId,
      at: atMs,
    });
    return records[0] === undefined ? null : toRecord(records[0]);
  }
}
