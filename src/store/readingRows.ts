import type { Reading } from "../domain/reading.js";
import { defaultUnit, kindFromId } from "../domain/sensorKind.js";

// Sensors are created on their first reading. A reading already stored with the same
// (sensorId, timestamp, seq) is skipped, so a batch retried after a commit whose answer was
// lost is stored once; the index lookup is needed only for readings not newer than the
// sensor's lastUpdated (the newest stored timestamp), which in-order streams never are.
// A sensor created here has its rollups complete from its first reading (retention may then
// delete its old raw readings, failure risk read its hourly levels from them), and so has one
// registered without readings (createSensors) once its first arrive; one with readings from
// before rollups existed is backfilled first.
const insertHead = (rollups: boolean): string => `
UNWIND $groups AS g
MERGE (sensor:Sensor {sensorId: g.sensorId})
  ON CREATE SET sensor.kind = g.kind, sensor.unit = g.unit${rollups ? ", sensor.rollupsComplete = true" : ""}
WITH sensor, g, sensor.lastUpdated AS prev${
  rollups
    ? `
FOREACH (_ IN CASE WHEN prev IS NULL AND sensor.rollupsComplete IS NULL THEN [1] ELSE [] END | SET sensor.rollupsComplete = true)
WITH sensor, g, prev`
    : ""
}
UNWIND g.rows AS row
WITH sensor, g, prev, row, datetime({epochMillis: toInteger(row[1])}) AS ts
WHERE CASE WHEN prev IS NULL OR ts > prev THEN true
      ELSE NOT EXISTS {
        MATCH (dup:Reading {sensorId: g.sensorId, timestamp: ts})
        WHERE coalesce(dup.seq, -1) = coalesce(toInteger(row[2]), -1)
      } END
CREATE (sensor)-[:HAS_READING]->(:Reading {sensorId: g.sensorId, value: row[0], timestamp: ts, seq: toInteger(row[2])})`;

/** Inserts the new readings without rollups (the benchmarks' baseline); returns how many. */
export const INSERT_READINGS = `${insertHead(false)}
RETURN count(*) AS created`;

/**
 * Inserts the new readings; returns, per sensor, which of its rows were new (their rollups are
 * updated with exactly those). Each row carries its index as a fourth element: indexing the
 * list in Cypher (`g.rows[i]`) made a 50,000-row batch take minutes.
 */
export const INSERT_READINGS_RETURNING = `${insertHead(true)}
RETURN g.sensorId AS sensorId, collect(row[3]) AS created`;

// The current value moves only forward in time: an old reading arriving late leaves it alone.
export const ADVANCE_SENSORS = `
UNWIND $groups AS g
MATCH (sensor:Sensor {sensorId: g.sensorId})
WITH sensor, g, datetime({epochMillis: toInteger(g.latestMs)}) AS latest
WHERE sensor.lastUpdated IS NULL OR sensor.lastUpdated <= latest
SET sensor.currentValue = g.latestValue, sensor.lastUpdated = latest`;

export interface SensorGroup {
  sensorId: string;
  kind: string;
  unit: string | null;
  latestValue: number;
  latestMs: number;
  /** [value, timestampMs, seq] — arrays keep the Bolt message small. */
  rows: Array<[number, number, number | null]>;
}

/** Groups a batch per sensor, noting each sensor's newest reading. */
export function groupBySensor(readings: readonly Reading[]): SensorGroup[] {
  const groups = new Map<string, SensorGroup>();
  for (const r of readings) {
    let group = groups.get(r.sensorId);
    if (group === undefined) {
      const kind = kindFromId(r.sensorId);
      group = { sensorId: r.sensorId, kind, unit: defaultUnit(kind), latestValue: r.value, latestMs: r.timestampMs, rows: [] };
      groups.set(r.sensorId, group);
    } else if (r.timestampMs >= group.latestMs) {
      group.latestValue = r.value;
      group.latestMs = r.timestampMs;
    }
    group.rows.push([r.value, r.timestampMs, r.seq]);
  }
  return [...groups.values()];
}
