import type { Driver } from "neo4j-driver";
import type { RollupStats } from "../analytics/rollup/bucketMath.js";
import { DAY_MS, RESOLUTION_MS, type RollupResolution } from "../analytics/rollup/resolution.js";
import type { RollupBucket } from "../analytics/rollup/rollupTrend.js";
import { SerialLock } from "../util/serialLock.js";
import { MERGE_ROLLUPS, rollupParts } from "./rollupWrites.js";

/** A sensor as retention sees it. */
export interface RetentionSensor {
  readonly sensorId: string;
  /** Its raw retention: Sensor.retentionDays, else its kind's KindThresholds.retentionDays, else null for RETENTION_RAW_DAYS. */
  readonly retentionDays: number | null;
  /** Where `retentionDays` is set: "SENSOR", "KIND", or null when neither sets it. */
  readonly retentionSetOn: "SENSOR" | "KIND" | null;
  readonly kind: string | null;
  /** Every raw reading it has is in its rollups (false: written before rollups existed; backfilled first). */
  readonly rollupsComplete: boolean;
  /** Raw readings at or before this time may be gone (deleted, or never stored): rebuilds stop there. */
  readonly rawCompleteFrom: number | null;
}

export interface DayRebuild {
  readonly readings: number;
  readonly buckets: number;
}

const ROLLUP_FIELDS =
  "r.start AS start, r.count AS count, r.mean AS mean, r.m2 AS m2, r.min AS min, r.max AS max, r.tMean AS tMean, r.stt AS stt, r.stv AS stv, r.first AS first, r.last AS last, r.lastValue AS lastValue";

/**
 * The rollups' reads and their maintenance (rebuilds, retention's deletes); the incremental
 * writes happen in the readings' own transaction (rollupWrites.ts). `lock` is shared with the
 * reading store: whoever changes a rollup holds it.
 */
export class RollupStore {
  readonly lock = new SerialLock();

  constructor(private readonly driver: Driver) {}

  /** A sensor's rollup buckets at a resolution that end in (fromExclusiveMs, toInclusiveMs], oldest first (index range scan). */
  async range(sensorId: string, resolution: RollupResolution, fromExclusiveMs: number, toInclusiveMs: number): Promise<RollupBucket[]> {
    const width = RESOLUTION_MS[resolution];
    const { records } = await this.driver.executeQuery(
      `MATCH (r:Rollup)
       WHERE r.sensorId = $sensorId AND r.resolution = $resolution AND r.start > toInteger($from) AND r.start <= toInteger($to)
       RETURN ${ROLLUP_FIELDS} ORDER BY r.sensorId, r.resolution, r.start`,
      { sensorId, resolution, from: fromExclusiveMs - width, to: toInclusiveMs - width },
    );
    return records.map((rec) => ({
      startMs: rec.get("start") as number,
      stats: {
        count: rec.get("count") as number,
        mean: rec.get("mean") as number,
        m2: rec.get("m2") as number,
        min: rec.get("min") as number,
        max: rec.get("max") as number,
        tMean: rec.get("tMean") as number,
        stt: rec.get("stt") as number,
        stv: rec.get("stv") as number,
        first: rec.get("first") as number,
        last: rec.get("last") as number,
        lastValue: rec.get("lastValue") as number,
      } satisfies RollupStats,
    }));
  }

  /** The newest rollup bucket at a resolution ending at or before `toInclusiveMs` (freshness when raw readings are gone). */
  async newestBefore(sensorId: string, resolution: RollupResolution, toInclusiveMs: number): Promise<RollupBucket | null> {
    const width = RESOLUTION_MS[resolution];
    const { records } = await this.driver.executeQuery(
      `MATCH (r:Rollup) WHERE r.sensorId = $sensorId AND r.resolution = $resolution AND r.start <= toInteger($to)
       RETURN r.start AS start ORDER BY r.sensorId DESC, r.resolution DESC, r.start DESC LIMIT 1`,
      { sensorId, resolution, to: toInclusiveMs - width },
    );
    const start = records[0]?.get("start") as number | undefined;
    return start === undefined ? null : ((await this.range(sensorId, resolution, start + width - 1, start + width))[0] ?? null);
  }

  /**
   * Recomputes the minute, hour and day buckets of one day (dayStartMs, dayStartMs + 1 day] from
   * the raw readings, in one transaction under the lock. Minute buckets ending at or before
   * `minuteKeptFrom` are not written (retention would delete them).
   */
  async rebuildDay(sensorId: string, dayStartMs: number, minuteKeptFrom: number | null): Promise<DayRebuild> {
    return this.lock.run(async () => {
      const session = this.driver.session();
      try {
        return await session.executeWrite(async (tx) => {
          const read = await tx.run(
            `MATCH (r:Reading)
             WHERE r.sensorId = $sensorId AND r.timestamp > datetime({epochMillis: toInteger($from)}) AND r.timestamp <= datetime({epochMillis: toInteger($to)})
             RETURN r.timestamp.epochMillis AS t, r.value AS v`,
            { sensorId, from: dayStartMs, to: dayStartMs + DAY_MS },
          );
          const points = read.records.map((rec) => ({ timestampMs: rec.get("t") as number, value: rec.get("v") as number }));
          await tx.run(
            `MATCH (r:Rollup)
             WHERE r.sensorId = $sensorId AND r.resolution IN ['DAY', 'HOUR', 'MINUTE'] AND r.start >= toInteger($from) AND r.start < toInteger($to)
             DETACH DELETE r`,
            { sensorId, from: dayStartMs, to: dayStartMs + DAY_MS },
          );
          const parts = rollupParts(new Map([[sensorId, points]]), minuteKeptFrom);
          if (parts.length > 0) await tx.run(MERGE_ROLLUPS, { parts });
          return { readings: points.length, buckets: parts.length };
        });
      } finally {
        await session.close();
      }
    });
  }

  /** The oldest and newest raw reading of a sensor (a backfill's span); null without readings. */
  async rawSpan(sensorId: string): Promise<{ firstMs: number; lastMs: number } | null> {
    const { records } = await this.driver.executeQuery(
      `CALL { MATCH (r:Reading) WHERE r.sensorId = $sensorId AND r.timestamp IS NOT NULL RETURN r.timestamp.epochMillis AS first ORDER BY r.sensorId, r.timestamp LIMIT 1 }
       CALL { MATCH (r:Reading) WHERE r.sensorId = $sensorId AND r.timestamp IS NOT NULL RETURN r.timestamp.epochMillis AS last ORDER BY r.sensorId DESC, r.timestamp DESC LIMIT 1 }
       RETURN first, last`,
      { sensorId },
    );
    const rec = records[0];
    return rec === undefined ? null : { firstMs: rec.get("first") as number, lastMs: rec.get("last") as number };
  }

  /** Every sensor with what retention needs to know of it. */
  async sensors(): Promise<RetentionSensor[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (s:Sensor) OPTIONAL MATCH (k:KindThresholds {kind: s.kind})
       RETURN s.sensorId AS id, s.kind AS kind, s.retentionDays AS own, k.retentionDays AS ofKind, coalesce(s.rollupsComplete, false) AS complete, s.rawCompleteFrom AS rawFrom ORDER BY id`,
    );
    return records.map((rec) => {
      const own = (rec.get("own") as number | null) ?? null;
      const ofKind = (rec.get("ofKind") as number | null) ?? null;
      return {
        sensorId: rec.get("id") as string,
        kind: (rec.get("kind") as string | null) ?? null,
        retentionDays: own ?? ofKind,
        retentionSetOn: own !== null ? "SENSOR" : ofKind !== null ? "KIND" : null,
        rollupsComplete: rec.get("complete") as boolean,
        rawCompleteFrom: (rec.get("rawFrom") as number | null) ?? null,
      };
    });
  }

  /** Whether a sensor's rollups hold every raw reading it has (false also for a sensor not in the graph). */
  async isComplete(sensorId: string): Promise<boolean> {
    const { records } = await this.driver.executeQuery("MATCH (s:Sensor {sensorId: $sensorId}) RETURN coalesce(s.rollupsComplete, false) AS complete", { sensorId });
    return (records[0]?.get("complete") as boolean | undefined) ?? false;
  }

  /** Marks a sensor's rollups as holding every raw reading it has (after a backfill). */
  async markComplete(sensorId: string): Promise<void> {
    await this.driver.executeQuery("MATCH (s:Sensor {sensorId: $sensorId}) SET s.rollupsComplete = true", { sensorId });
  }

  /** Raw readings at or before `cutoffMs` may be gone from now on (set before retention deletes them). */
  async markRawIncompleteBefore(sensorId: string, cutoffMs: number): Promise<void> {
    await this.driver.executeQuery("MATCH (s:Sensor {sensorId: $sensorId}) WHERE s.rawCompleteFrom IS NULL OR s.rawCompleteFrom < toInteger($ms) SET s.rawCompleteFrom = toInteger($ms)", {
      sensorId,
      ms: cutoffMs,
    });
  }

  /** Deletes up to `limit` raw readings at or before `cutoffMs`, oldest first, in one transaction; returns how many. */
  async deleteRawBefore(sensorId: string, cutoffMs: number, limit: number): Promise<number> {
    return this.lock.run(async () => {
      const { records } = await this.driver.executeQuery(
        `MATCH (r:Reading) WHERE r.sensorId = $sensorId AND r.timestamp <= datetime({epochMillis: toInteger($cutoff)})
         WITH r ORDER BY r.sensorId, r.timestamp LIMIT toInteger($limit)
         DETACH DELETE r RETURN count(*) AS n`,
        { sensorId, cutoff: cutoffMs, limit },
      );
      return Number(records[0]?.get("n") ?? 0);
    });
  }

  /** Deletes up to `limit` minute rollups ending at or before `cutoffMs`; returns how many. */
  async deleteMinutesBefore(sensorId: string, cutoffMs: number, limit: number): Promise<number> {
    return this.lock.run(async () => {
      const { records } = await this.driver.executeQuery(
        `MATCH (r:Rollup) WHERE r.sensorId = $sensorId AND r.resolution = 'MINUTE' AND r.start <= toInteger($last)
         WITH r ORDER BY r.sensorId, r.resolution, r.start LIMIT toInteger($limit)
         DETACH DELETE r RETURN count(*) AS n`,
        { sensorId, last: cutoffMs - RESOLUTION_MS.MINUTE, limit },
      );
      return Number(records[0]?.get("n") ?? 0);
    });
  }

  /** How many raw readings and minute rollups of a sensor lie at or before the cutoffs (a dry run). */
  async countBefore(sensorId: string, rawCutoffMs: number | null, minuteCutoffMs: number | null): Promise<{ raw: number; minutes: number }> {
    const { records } = await this.driver.executeQuery(
      `CALL { MATCH (r:Reading) WHERE $raw IS NOT NULL AND r.sensorId = $sensorId AND r.timestamp <= datetime({epochMillis: toInteger($raw)}) RETURN count(r) AS raw }
       CALL { MATCH (r:Rollup) WHERE $minute IS NOT NULL AND r.sensorId = $sensorId AND r.resolution = 'MINUTE' AND r.start <= toInteger($minute) - 60000 RETURN count(r) AS minutes }
       RETURN raw, minutes`,
      { sensorId, raw: rawCutoffMs, minute: minuteCutoffMs },
    );
    return { raw: Number(records[0]?.get("raw") ?? 0), minutes: Number(records[0]?.get("minutes") ?? 0) };
  }

  /** Rollup buckets of a sensor per resolution (tests, the bench). */
  async countRollups(sensorId: string): Promise<Record<RollupResolution, number>> {
    const { records } = await this.driver.executeQuery("MATCH (r:Rollup) WHERE r.sensorId = $sensorId RETURN r.resolution AS res, count(r) AS n", { sensorId });
    const out: Record<RollupResolution, number> = { MINUTE: 0, HOUR: 0, DAY: 0 };
    for (const rec of records) out[rec.get("res") as RollupResolution] = Number(rec.get("n"));
    return out;
  }
}
