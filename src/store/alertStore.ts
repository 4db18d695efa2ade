import { defaultUnit, kindFromId } from "../domain/sensorKind.js";
import type { Driver } from "neo4j-driver";
import type { AnomalyType, Severity } from "../domain/anomalyTypes.js";
import type { RaisedAlert } from "../domain/alert.js";

type AlertStatus = "ACTIVE" | "ACKNOWLEDGED" | "CLEARED";

export interface AlertRecord {
  readonly alertId: string;
  readonly sensorId: string;
  readonly type: AnomalyType;
  readonly severity: Severity;
  readonly message: string;
  readonly status: AlertStatus;
  readonly raisedAtMs: number;
  readonly clearedAtMs: number | null;
  readonly acknowledgedAtMs: number | null;
  readonly value: number | null;
}

const ALERT_FIELDS = `a.alertId AS alertId, a.sensorId AS sensorId, a.type AS type, a.severity AS severity, a.message AS message,
  a.status AS status, a.raisedAt.epochMillis AS raisedAt, a.clearedAt.epochMillis AS clearedAt,
  a.acknowledgedAt.epochMillis AS acknowledgedAt, a.value AS value`;

function toRecord(rec: { get(key: string): unknown }): AlertRecord {
  return {
    alertId: rec.get("alertId") as string,
    sensorId: rec.get("sensorId") as string,
    type: rec.get("type") as AnomalyType,
    severity: rec.get("severity") as Severity,
    message: rec.get("message") as string,
    status: rec.get("status") as AlertStatus,
    raisedAtMs: rec.get("raisedAt") as number,
    clearedAtMs: (rec.get("clearedAt") as number | null) ?? null,
    acknowledgedAtMs: (rec.get("acknowledgedAt") as number | null) ?? null,
    value: (rec.get("value") as number | null) ?? null,
  };
}

/** Alert nodes: one per anomaly episode, linked to its sensor. */
export class AlertStore {
  constructor(private readonly driver: Driver) {}

  /** Records raised episodes (idempotent: the episode key is the alert id). */
  async raise(alerts: readonly RaisedAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    await this.driver.executeQuery(
      `UNWIND $alerts AS x
       MERGE (s:Sensor {sensorId: x.sensorId})
       ON CREATE SET s.kind = x.kind, s.unit = x.unit
       MERGE (a:Alert {alertId: x.alertId})
       ON CREATE SET a.sensorId = x.sensorId, a.type = x.type, a.severity = x.severity, a.message = x.message,
         a.status = 'ACTIVE', a.raisedAt = datetime({epochMillis: toInteger(x.raisedAtMs)}), a.value = x.value
       MERGE (s)-[:HAS_ALERT]->(a)`,
      // An alert can be raised before its sensor's first batch is written; the sensor it
      // creates then must already carry the kind and unit a reading would have given it.
      { alerts: alerts.map((a) => ({ ...a, kind: kindFromId(a.sensorId), unit: defaultUnit(kindFromId(a.sensorId)) })) },
    );
  }

  /** Marks episodes cleared (those already cleared are left alone). */
  async clear(cleared: ReadonlyArray<{ readonly alertId: string; readonly atMs: number }>): Promise<void> {
    if (cleared.length === 0) return;
    await this.driver.executeQuery(
      `UNWIND $cleared AS x
       MATCH (a:Alert {alertId: x.alertId}) WHERE a.status <> 'CLEARED'
       SET a.status = 'CLEARED', a.clearedAt = datetime({epochMillis: toInteger(x.atMs)})`,
      { cleared },
    );
  }

  /** Acknowledges an alert; a cleared one keeps its status and gets the time. Null if unknown. */
  async acknowledge(alertId: string, atMs: number): Promise<AlertRecord | null> {
    const { records } = await this.driver.executeQuery(
      `MATCH (a:Alert {alertId: $alertId})
       SET a.acknowledgedAt = coalesce(a.acknowledgedAt, datetime({epochMillis: toInteger($atMs)})),
           a.status = CASE a.status WHEN 'ACTIVE' THEN 'ACKNOWLEDGED' ELSE a.status END
       RETURN ${ALERT_FIELDS}`,
      { alertId, atMs },
    );
    return records[0] === undefined ? null : toRecord(records[0]);
  }

  /** Alerts of a sensor still open (ACTIVE or ACKNOWLEDGED) in the database. */
  async open(sensorId: string): Promise<AlertRecord[]> {
    const { records } = await this.driver.executeQuery(`MATCH (a:Alert) WHERE a.sensorId = $sensorId AND a.status <> 'CLEARED' RETURN ${ALERT_FIELDS}`, { sensorId });
    return records.map(toRecord);
  }

  /** Alerts raised in [sinceMs, untilMs], optionally of some sensors, oldest first. */
  async raisedBetween(sinceMs: number, untilMs: number, sensorIds: readonly string[] | null, limit: number): Promise<AlertRecord[]> {
    const { records } = await this.driver.executeQuery(
      // Two texts, not "$sensorIds IS NULL OR …": the planner can then seek (sensorId, raisedAt) for named sensors.
      `MATCH (a:Alert)
       WHERE ${sensorIds === null ? "" : "a.sensorId IN $sensorIds AND "}a.raisedAt >= datetime({epochMillis: toInteger($since)}) AND a.raisedAt <= datetime({epochMillis: toInteger($until)})
       RETURN ${ALERT_FIELDS} ORDER BY a.raisedAt, a.alertId LIMIT toInteger($limit)`,
      { since: sinceMs, until: untilMs, sensorIds, limit },
    );
    return records.map(toRecord);
  }

  /** One sensor's alerts raised in [sinceMs, asOfMs] or still open at asOfMs, in one query (failure risk). */
  async historyOf(sensorId: string, sinceMs: number, asOfMs: number): Promise<AlertRecord[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (a:Alert)
       WHERE a.sensorId = $sensorId AND a.raisedAt <= datetime({epochMillis: toInteger($asOf)})
         AND (a.raisedAt >= datetime({epochMillis: toInteger($since)}) OR a.clearedAt IS NULL OR a.clearedAt > datetime({epochMillis: toInteger($asOf)}))
       RETURN ${ALERT_FIELDS} ORDER BY a.raisedAt, a.alertId`,
      { sensorId, since: sinceMs, asOf: asOfMs },
    );
    return records.map(toRecord);
  }

  /**
   * One sensor's alerts that overlap [sinceMs, ∞): raised since then, or cleared after it, or
   * still open. A superset of `historyOf(sensorId, s, asOf)` for every s ≥ sinceMs and any asOf.
   */
  async overlapping(sensorId: string, sinceMs: number): Promise<AlertRecord[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (a:Alert)
       WHERE a.sensorId = $sensorId
         AND (a.raisedAt >= datetime({epochMillis: toInteger($since)}) OR a.clearedAt IS NULL OR a.clearedAt > datetime({epochMillis: toInteger($since)}))
       RETURN ${ALERT_FIELDS} ORDER BY a.raisedAt, a.alertId`,
      { sensorId, since: sinceMs },
    );
    return records.map(toRecord);
  }

  /** Alerts of a sensor that were open at `asOfMs` (raised before, not cleared by then). */
  async openAt(sensorId: string, asOfMs: number): Promise<AlertRecord[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (a:Alert)
       WHERE a.sensorId = $sensorId AND a.raisedAt <= datetime({epochMillis: toInteger($asOf)})
         AND (a.clearedAt IS NULL OR a.clearedAt > datetime({epochMillis: toInteger($asOf)}))
       RETURN ${ALERT_FIELDS}`,
      { sensorId, asOf: asOfMs },
    );
    return records.map(toRecord);
  }

  /** Per sensor: STUCK episodes and other episodes (GAP excluded) raised in (fromMs, toMs]. */
  async episodeCounts(fromMs: number, toMs: number): Promise<Map<string, { stuck: number; other: number }>> {
    const { records } = await this.driver.executeQuery(
      `MATCH (a:Alert)
       WHERE a.raisedAt > datetime({epochMillis: toInteger($from)}) AND a.raisedAt <= datetime({epochMillis: toInteger($to)})
       RETURN a.sensorId AS sensorId, sum(CASE a.type WHEN 'STUCK' THEN 1 ELSE 0 END) AS stuck,
              sum(CASE WHEN a.type IN ['STUCK', 'GAP'] THEN 0 ELSE 1 END) AS other`,
      { from: fromMs, to: toMs },
    );
    return new Map(records.map((r) => [r.get("sensorId") as string, { stuck: Number(r.get("stuck")), other: Number(r.get("other")) }]));
  }
}
