import type { Driver } from "neo4j-driver";
import type { Point } from "../analytics/point.js";
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

// Sensors are created on their first reading. A reading already stored with the same
// (sensorId, timestamp, seq) is skipped, so a batch retried after a commit whose answer was
// lost is stored once; the index lookup is needed only for readings not newer than the
// sensor's lastUpdated (the newest stored timestamp), which in-order streams never are.
const INSERT_READINGS = `
UNWIND $groups AS g
MERGE (sensor:Sensor {sensorId: g.sensorId})
  ON CREATE SET sensor.kind = g.kind, sensor.unit = g.unit
WITH sensor, g, sensor.lastUpdated AS prev
UNWIND g.rows AS row
WITH sensor, g, prev, row, datetime({epochMillis: toInteger(row[1])}) AS ts
WHERE CASE WHEN prev IS NULL OR ts > prev THEN true
      ELSE NOT EXISTS {
        MATCH (dup:Reading {sensorId: g.sensorId, timestamp: ts})
        WHERE coalesce(dup.seq, -1) = coalesce(toInteger(row[2]), -1)
      } END
CREATE (sensor)-[:HAS_READING]->(:Reading {sensorId: g.sensorId, value: row[0], timestamp: ts, seq: toInteger(row[2])})
RETURN count(*) AS created`;

// The current value moves only forward in time: an old reading arriving late leaves it alone.
const ADVANCE_SENSORS = `
UNWIND $groups AS g
MATCH (sensor:Sensor {sensorId: g.sensorId})
WITH sensor, g, datetime({epochMillis: toInteger(g.latestMs)}) AS latest
WHERE sensor.lastUpdated IS NULL OR sensor.lastUpdated <= latest
SET sensor.currentValue = g.latestValue, sensor.lastUpdated = latest`;

/** Everything the twin reads and writes about readings and sensors' current values. */
export class ReadingStore {
  constructor(private readonly driver: Driver) {}

  /** Writes one batch in one transaction; returns how many readings were new. */
  async writeBatch(readings: readonly Reading[]): Promise<number> {
    if (readings.length === 0) return 0;
    const groups = groupBySensor(readings);
    const session = this.driver.session();
    try {
      return await session.executeWrite(async (tx) => {
        const result = await tx.run(INSERT_READINGS, { groups });
        await tx.run(ADVANCE_SENSORS, { groups });
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

  /**
   * A sensor's readings in (fromExclusiveMs, toInclusiveMs], oldest first — an index range scan
   * on (sensorId, timestamp). The history path of every analytics field reads through here.
   */
  async window(sensorId: string, fromExclusiveMs: number, toInclusiveMs: number): Promise<Point[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (r:Reading)
       WHERE r.sensorId = $sensorId
         AND r.timestamp > datetime({epochMillis: toInteger($from)}) AND r.timestamp <= datetime({epochMillis: toInteger($to)})
       RETURN r.timestamp.epochMillis AS t, r.value AS v ORDER BY r.timestamp`,
      { sensorId, from: fromExclusiveMs, to: toInclusiveMs },
    );
    return records.map((rec) => ({ timestampMs: rec.get("t") as number, value: rec.get("v") as number }));
  }

  /**
   * One reading per bucket: the newest in each of `count` buckets of `bucketMs` ending at
   * `toInclusiveMs` (empty buckets give none), oldest first. Each is an index seek from the
   * bucket's end, so a week of 1 Hz readings costs a few hundred seeks, not 600,000 rows — for
   * models that sample a long history on a coarse grid.
   */
  async newestPerBucket(sensorId: string, toInclusiveMs: number, bucketMs: number, count: number): Promise<Point[]> {
    if (count <= 0) return [];
    const { records } = await this.driver.executeQuery(
      `UNWIND range(0, toInteger($count) - 1) AS k
       CALL {
         WITH k
         MATCH (r:Reading)
         WHERE r.sensorId = $sensorId
           AND r.timestamp > datetime({epochMillis: toInteger($to) - (k + 1) * toInteger($bucket)})
           AND r.timestamp <= datetime({epochMillis: toInteger($to) - k * toInteger($bucket)})
         RETURN r.timestamp.epochMillis AS t, r.value AS v
         // Both index properties: only then does the planner read the index backwards and stop
         // at the first reading (by timestamp alone it sorted every reading in the bucket).
         ORDER BY r.sensorId DESC, r.timestamp DESC LIMIT 1
       }
       RETURN t, v ORDER BY t`,
      { sensorId, to: toInclusiveMs, bucket: bucketMs, count },
    );
    return records.map((rec) => ({ timestampMs: rec.get("t") as number, value: rec.get("v") as number }));
  }

  /** The newest `limit` readings at or before `asOfMs`, oldest first (freshness, typical interval). */
  async recentBefore(sensorId: string, asOfMs: number, limit: number): Promise<Point[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (r:Reading)
       WHERE r.sensorId = $sensorId AND r.timestamp <= datetime({epochMillis: toInteger($asOf)})
       RETURN r.timestamp.epochMillis AS t, r.value AS v ORDER BY r.timestamp DESC LIMIT toInteger($limit)`,
      { sensorId, asOf: asOfMs, limit },
    );
    return records.map((rec) => ({ timestampMs: rec.get("t") as number, value: rec.get("v") as number })).reverse();
  }

  /** Streams a sensor's readings in time order with constant memory (CSV export). */
  async *stream(sensorId: string, fromExclusiveMs: number, toInclusiveMs: number): AsyncGenerator<Point> {
    const session = this.driver.session({ fetchSize: 2_000, defaultAccessMode: "READ" });
    try {
      const result = session.run(
        `MATCH (r:Reading)
         WHERE r.sensorId = $sensorId
           AND r.timestamp > datetime({epochMillis: toInteger($from)}) AND r.timestamp <= datetime({epochMillis: toInteger($to)})
         RETURN r.timestamp.epochMillis AS t, r.value AS v ORDER BY r.timestamp`,
        { sensorId, from: fromExclusiveMs, to: toInclusiveMs },
      );
      for await (const rec of result) yield { timestampMs: rec.get("t") as number, value: rec.get("v") as number };
    } finally {
      await session.close();
    }
  }

  /** How many readings of a sensor lie in (fromExclusiveMs, toInclusiveMs] (index-backed count). */
  async countInWindow(sensorId: string, fromExclusiveMs: number, toInclusiveMs: number): Promise<number> {
    const { records } = await this.driver.executeQuery(
      `MATCH (r:Reading)
       WHERE r.sensorId = $sensorId
         AND r.timestamp > datetime({epochMillis: toInteger($from)}) AND r.timestamp <= datetime({epochMillis: toInteger($to)})
       RETURN count(r) AS n`,
      { sensorId, from: fromExclusiveMs, to: toInclusiveMs },
    );
    return Number(records[0]?.get("n") ?? 0);
  }

  /** Every sensor with its kind and newest stored reading time (start-up warm-up). */
  async sensorsForWarmUp(): Promise<Array<{ sensorId: string; kind: string; lastUpdatedMs: number | null }>> {
    const { records } = await this.driver.executeQuery(
      "MATCH (s:Sensor) RETURN s.sensorId AS id, s.kind AS kind, s.lastUpdated.epochMillis AS last ORDER BY id",
    );
    return records.map((rec) => ({ sensorId: rec.get("id") as string, kind: (rec.get("kind") as string | null) ?? "OTHER", lastUpdatedMs: (rec.get("last") as number | null) ?? null }));
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

interface SensorGroup {
  sensorId: string;
  kind: string;
  unit: string | null;
  latestValue: number;
  latestMs: number;
  /** [value, timestampMs, seq] — arrays keep the Bolt message small. */
  rows: Array<[number, number, number | null]>;
}

/** Groups a batch per sensor, noting each sensor's newest reading. */
function groupBySensor(readings: readonly Reading[]): SensorGroup[] {
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
