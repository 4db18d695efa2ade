import type { Driver } from "neo4j-driver";
import type { Point } from "../analytics/point.js";
import type { Reading } from "../domain/reading.js";
import { ADVANCE_SENSORS, groupBySensor, INSERT_READINGS } from "./readingRows.js";
import { RollupStore } from "./rollupStore.js";
import { KEEP_EVERYTHING, writeWithRollups, type RollupPolicy } from "./rollupWrites.js";
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

export interface ReadingStoreOptions {
  /** Where the rollups live; null writes readings without them (the benchmarks' baseline only). Default: a store on the same driver. */
  readonly rollups?: RollupStore | null;
  /** What retention keeps (default: everything). */
  readonly policy?: RollupPolicy;
  readonly clock?: () => number;
}

/** Everything the twin reads and writes about readings and sensors' current values. */
export class ReadingStore {
  readonly rollups: RollupStore | null;
  private policy: RollupPolicy;
  private readonly clock: () => number;

  constructor(
    private readonly driver: Driver,
    options: ReadingStoreOptions = {},
  ) {
    this.rollups = options.rollups === undefined ? new RollupStore(driver) : options.rollups;
    this.policy = options.policy ?? KEEP_EVERYTHING;
    this.clock = options.clock ?? Date.now;
  }

  /** Retention's rules for the write path (set once retention is configured). */
  usePolicy(policy: RollupPolicy): void {
    this.policy = policy;
  }

  /**
   * Writes one batch in one transaction, its new readings folded into the rollups in the same
   * transaction (readings past raw retention into the rollups only); returns how many were new.
   */
  async writeBatch(readings: readonly Reading[]): Promise<number> {
    if (readings.length === 0) return 0;
    if (this.rollups === null) return this.writePlain(readings);
    return this.rollups.lock.run(async () => {
      const session = this.driver.session();
      try {
        return await session.executeWrite((tx) => writeWithRollups(tx, readings, this.policy, this.clock()));
      } finally {
        await session.close();
      }
    });
  }

  private async writePlain(readings: readonly Reading[]): Promise<number> {
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
   * models that sample a long history on a coarse grid. The oldest reading in the span is found
   * first (one seek) and no bucket before it is sought: a sensor younger than the span (most
   * sensors of a new site) costs a seek per bucket it has readings in, one in all when it has none.
   */
  async newestPerBucket(sensorId: string, toInclusiveMs: number, bucketMs: number, count: number): Promise<Point[]> {
    if (count <= 0) return [];
    const { records } = await this.driver.executeQuery(
      `MATCH (o:Reading)
       WHERE o.sensorId = $sensorId
         AND o.timestamp > datetime({epochMillis: toInteger($to) - toInteger($count) * toInteger($bucket)})
         AND o.timestamp <= datetime({epochMillis: toInteger($to)})
       WITH o ORDER BY o.sensorId, o.timestamp LIMIT 1
       WITH (toInteger($to) - o.timestamp.epochMillis) / toInteger($bucket) AS reach
       UNWIND range(0, CASE WHEN reach < toInteger($count) - 1 THEN reach ELSE toInteger($count) - 1 END) AS k
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
    const { records } = await this.driver.executeQuery("MATCH (s:Sensor) RETURN s.sensorId AS id, s.kind AS kind, s.lastUpdated.epochMillis AS last ORDER BY id");
    return records.map((rec) => ({ sensorId: rec.get("id") as string, kind: (rec.get("kind") as string | null) ?? "OTHER", lastUpdatedMs: (rec.get("last") as number | null) ?? null }));
  }

  /** How many readings of a sensor are stored (tests, import progress). */
  async countReadings(sensorId: string): Promise<number> {
    const { records } = await this.driver.executeQuery("MATCH (r:Reading) WHERE r.sensorId = $sensorId RETURN count(r) AS n", { sensorId });
    return Number(records[0]?.get("n") ?? 0);
  }
}
