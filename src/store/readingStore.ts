import type { Driver } from "neo4j-driver";
import type { Reading } from "../twin/reading.js";
import { defaultUnit, kindFromId } from "../twin/sensorKind.js";
import { toEpochMs } from "./time.js";

export interface StoredReading {
  readonly sensorId: string;
  readonly value: number;
  readonly timestampMs: number;
  readonly seq: number | null;
}

export interface SensorSnapshot {
  readonly sensorId: string;
  readonly currentValue: number | null;
  readonly lastUpdatedMs: number | null;
}

interface SensorRow {
  sensorId: string;
  kind: string;
  unit: string | null;
  latestValue: number;
  latestMs: number;
}

// Sensors first: created on their first reading, current value moved only forward in time.
const UPSERT_SENSORS = `
UNWIND $sensors AS s
MERGE (sensor:Sensor {sensorId: s.sensorId})
  ON CREATE SET sensor.kind = s.kind, sensor.unit = s.unit
WITH sensor, s, datetime({epochMillis: toInteger(s.latestMs)}) AS latest
WHERE sensor.lastUpdated IS NULL OR sensor.lastUpdated <= latest
SET sensor.currentValue = s.latestValue, sensor.lastUpdated = latest`;

// A reading already stored with the same (sensorId, timestamp, seq) is skipped, so a batch
// retried after a commit whose answer was lost is stored once.
const INSERT_READINGS = `
UNWIND $groups AS g
MATCH (sensor:Sensor {sensorId: g.sensorId})
UNWIND g.rows AS row
WITH sensor, g, row, datetime({epochMillis: toInteger(row[1])}) AS ts
OPTIONAL MATCH (dup:Reading {sensorId: g.sensorId, timestamp: ts})
  WHERE coalesce(dup.seq, -1) = coalesce(toInteger(row[2]), -1)
WITH sensor, g, row, ts, dup WHERE dup IS NULL
CREATE (sensor)-[:HAS_READING]->(:Reading {sensorId: g.sensorId, value: row[0], timestamp: ts, seq: toInteger(row[2])})
RETURN count(*) AS created`;

/** Everything the twin reads and writes about readings and sensors' current values. */
export class ReadingStore {
  constructor(private readonly driver: Driver) {}

  /** Writes one batch in one transaction; returns how many readings were new. */
  async writeBatch(readings: readonly Reading[]): Promise<number> {
    if (readings.length === 0) return 0;
    const { sensors, groups } = shapeBatch(readings);
    const session = this.driver.session();
    try {
      return await session.executeWrite(async (tx) => {
        await tx.run(UPSERT_SENSORS, { sensors });
        const result = await tx.run(INSERT_READINGS, { groups });
        return Number(result.records[0]?.get("created") ?? 0);
      });
    } finally {
      await session.close();
    }
  }

  /** The newest `limit` readings of a sensor, newest first (index-backed). */
  async latestReadings(sensorId: string, limit: number): Promise<StoredReading[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (r:Reading) WHERE r.sensorId = $sensorId AND r.timestamp IS NOT NULL
       RETURN r.value AS value, r.timestamp AS timestamp, r.seq AS seq
       ORDER BY r.timestamp DESC LIMIT toInteger($limit)`,
      { sensorId, limit },
    );
    return records.map((rec) => ({
      sensorId,
      value: rec.get("value") as number,
      timestampMs: toEpochMs(rec.get("timestamp")) ?? 0,
      seq: (rec.get("seq") as number | null) ?? null,
    }));
  }

  /** Every sensor with its stored current value. */
  async sensorSnapshots(): Promise<SensorSnapshot[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (s:Sensor) RETURN s.sensorId AS sensorId, s.currentValue AS currentValue, s.lastUpdated AS lastUpdated
       ORDER BY sensorId`,
    );
    return records.map((rec) => ({
      sensorId: rec.get("sensorId") as string,
      currentValue: (rec.get("currentValue") as number | null) ?? null,
      lastUpdatedMs: toEpochMs(rec.get("lastUpdated")),
    }));
  }

  /** How many readings of a sensor are stored (tests, import progress). */
  async countReadings(sensorId: string): Promise<number> {
    const { records } = await this.driver.executeQuery(
      "MATCH (r:Reading) WHERE r.sensorId = $sensorId RETURN count(r) AS n",
      { sensorId },
    );
    return Number(records[0]?.get("n") ?? 0);
  }
}

/** Groups a batch per sensor: one sensor row (its newest reading) and the compact reading rows. */
function shapeBatch(readings: readonly Reading[]): {
  sensors: SensorRow[];
  groups: Array<{ sensorId: string; rows: Array<[number, number, number | null]> }>;
} {
  const sensors = new Map<string, SensorRow>();
  const groups = new Map<string, Array<[number, number, number | null]>>();
  for (const r of readings) {
    const known = sensors.get(r.sensorId);
    if (known === undefined) {
      const kind = kindFromId(r.sensorId);
      sensors.set(r.sensorId, { sensorId: r.sensorId, kind, unit: defaultUnit(kind), latestValue: r.value, latestMs: r.timestampMs });
    } else if (r.timestampMs >= known.latestMs) {
      known.latestValue = r.value;
      known.latestMs = r.timestampMs;
    }
    let rows = groups.get(r.sensorId);
    if (rows === undefined) groups.set(r.sensorId, (rows = []));
    rows.push([r.value, r.timestampMs, r.seq]);
  }
  return {
    sensors: [...sensors.values()],
    groups: [...groups].map(([sensorId, rows]) => ({ sensorId, rows })),
  };
}
