import type { ManagedTransaction } from "neo4j-driver";
import { bucketize, type RollupStats } from "../analytics/rollup/bucketMath.js";
import { bucketStartOf, HOUR_MS, RESOLUTION_MS, type RollupResolution } from "../analytics/rollup/resolution.js";
import type { Point } from "../analytics/point.js";
import { readingKey, type Reading } from "../domain/reading.js";
import { ADVANCE_SENSORS, groupBySensor, INSERT_READINGS_RETURNING, type SensorGroup } from "./readingRows.js";

/** What retention asks of the write path. */
export interface RollupPolicy {
  /** A reading of the sensor at or before this time is kept in the rollups only (it is past raw retention); null: none is. */
  rollupOnlyBefore(sensorId: string, nowMs: number): number | null;
  /** Minute rollups ending at or before this are not kept (nor written); null: kept for ever. */
  minuteKeptFrom(nowMs: number): number | null;
}

export const KEEP_EVERYTHING: RollupPolicy = Object.freeze({ rollupOnlyBefore: () => null, minuteKeptFrom: () => null });

/** One bucket's worth of new readings, merged into its stored rollup by MERGE_ROLLUPS. */
export interface RollupPart extends RollupStats {
  readonly sensorId: string;
  readonly resolution: RollupResolution;
  readonly start: number;
  /** Keys of readings that went to the rollups only (hour parts): a replayed one is recognised. */
  readonly lateKeys: string[];
}

// Merges each part into its bucket with Chan's pairwise formula (bucketMath.mergeStats, the
// same operations). The old values are taken before anything is set. Callers hold the rollup
// lock, so no other writer touches the bucket meanwhile.
export const MERGE_ROLLUPS = `
UNWIND $parts AS p
MERGE (r:Rollup {sensorId: p.sensorId, resolution: p.resolution, start: toInteger(p.start)})
WITH r, p, r.count IS NULL AS fresh, coalesce(r.count, 0) AS na, r.mean AS ma, r.tMean AS ta, r.m2 AS m2a, r.stt AS stta, r.stv AS stva,
     r.min AS mina, r.max AS maxa, r.first AS fa, r.last AS la, r.lastValue AS lva, r.lateKeys AS keys
WITH r, p, fresh, na, ma, ta, m2a, stta, stva, mina, maxa, fa, la, lva, keys, toFloat(na + p.count) AS n
WITH r, p, fresh, na, ma, ta, m2a, stta, stva, mina, maxa, fa, la, lva, keys, n,
     CASE WHEN fresh THEN 0.0 ELSE p.mean - ma END AS dv,
     CASE WHEN fresh THEN 0.0 ELSE (p.tMean - ta) / 60000.0 END AS dt,
     CASE WHEN fresh THEN 0.0 ELSE na * p.count / n END AS w
SET r += CASE WHEN fresh
  THEN {count: toInteger(p.count), mean: p.mean, m2: p.m2, min: p.min, max: p.max, tMean: p.tMean, stt: p.stt, stv: p.stv,
        first: toInteger(p.first), last: toInteger(p.last), lastValue: p.lastValue}
  ELSE {count: toInteger(n), mean: ma + dv * p.count / n, m2: m2a + p.m2 + dv * dv * w,
        min: CASE WHEN p.min < mina THEN p.min ELSE mina END, max: CASE WHEN p.max > maxa THEN p.max ELSE maxa END,
        tMean: ta + (p.tMean - ta) * p.count / n, stt: stta + p.stt + dt * dt * w, stv: stva + p.stv + dt * dv * w,
        first: CASE WHEN p.first < fa THEN toInteger(p.first) ELSE fa END,
        last: CASE WHEN p.last >= la THEN toInteger(p.last) ELSE la END,
        lastValue: CASE WHEN p.last >= la THEN p.lastValue ELSE lva END}
  END
SET r.lateKeys = CASE WHEN size(p.lateKeys) = 0 THEN keys ELSE coalesce(keys, []) + p.lateKeys END
WITH r, p, fresh WHERE fresh
MATCH (s:Sensor {sensorId: p.sensorId})
CREATE (s)-[:HAS_ROLLUP]->(r)`;

// Readings past raw retention are not stored raw, so their duplicates are recognised by the key
// their hour rollup keeps of them, or by a raw copy stored before they aged past the cutoff.
const LATE_FRESH = `
UNWIND $late AS g
MERGE (sensor:Sensor {sensorId: g.sensorId})
  ON CREATE SET sensor.kind = g.kind, sensor.unit = g.unit, sensor.rollupsComplete = true
WITH g
UNWIND g.rows AS row
WITH g, row, row[5] AS i
OPTIONAL MATCH (h:Rollup {sensorId: g.sensorId, resolution: 'HOUR', start: toInteger(row[3])})
WITH g, i, row, h
WHERE NOT row[4] IN coalesce(h.lateKeys, [])
  AND NOT EXISTS {
    MATCH (dup:Reading {sensorId: g.sensorId, timestamp: datetime({epochMillis: toInteger(row[1])})})
    WHERE coalesce(dup.seq, -1) = coalesce(toInteger(row[2]), -1)
  }
RETURN g.sensorId AS sensorId, collect(i) AS fresh`;

// Raw readings of the sensor at or before this time are no longer complete (rollup-only readings
// or retention): a rebuild must not recompute buckets there from what raw readings are left.
const MARK_RAW_INCOMPLETE = `
UNWIND $marks AS m
MATCH (s:Sensor {sensorId: m.sensorId})
WHERE s.rawCompleteFrom IS NULL OR s.rawCompleteFrom < m.ms
SET s.rawCompleteFrom = toInteger(m.ms)`;

// What follows the insert, in one statement: one round trip more than no rollups would be
// most of their cost on a loaded machine.
const ADVANCE_MERGE_MARK = `
CALL { ${ADVANCE_SENSORS} }
CALL { ${MERGE_ROLLUPS} }
CALL { ${MARK_RAW_INCOMPLETE} }
RETURN 1 AS done`;

/** A late reading's key as its hour rollup keeps it. */
function lateKey(r: Pick<Reading, "timestampMs" | "seq">): string {
  return `${r.timestampMs}/${r.seq ?? ""}`;
}

/**
 * Writes a batch and folds exactly the readings it created into the sensor's minute, hour and
 * day rollups, in the caller's transaction: a duplicate or a replayed reading adds nothing to
 * either. Readings past raw retention go to the rollups only. Returns how many were new.
 */
export async function writeWithRollups(tx: ManagedTransaction, readings: readonly Reading[], policy: RollupPolicy, nowMs: number): Promise<number> {
  const raw: Reading[] = [];
  const late = new Map<string, Reading>();
  for (const r of readings) {
    const cutoff = policy.rollupOnlyBefore(r.sensorId, nowMs);
    if (cutoff !== null && r.timestampMs <= cutoff) late.set(readingKey(r), r);
    else raw.push(r);
  }
  const fresh = new Map<string, Point[]>();
  const add = (sensorId: string, p: Point): void => {
    const list = fresh.get(sensorId);
    if (list === undefined) fresh.set(sensorId, [p]);
    else list.push(p);
  };
  let created = 0;
  let groups: SensorGroup[] = [];
  if (raw.length > 0) {
    groups = groupBySensor(raw);
    const byId = new Map(groups.map((g) => [g.sensorId, g]));
    const indexed = groups.map((g) => ({ ...g, rows: g.rows.map((r, i) => [r[0], r[1], r[2], i]) }));
    const result = await tx.run(INSERT_READINGS_RETURNING, { groups: indexed });
    for (const rec of result.records) {
      const group = byId.get(rec.get("sensorId") as string);
      for (const i of rec.get("created") as number[]) {
        const row = group?.rows[i];
        if (row === undefined) continue;
        add(group!.sensorId, { value: row[0], timestampMs: row[1] });
        created += 1;
      }
    }
  }
  const lateKeys = new Map<string, string[]>();
  const marks = new Map<string, number>();
  if (late.size > 0) {
    const lateGroups = groupBySensor([...late.values()]).map((g) => ({
      ...g,
      rows: g.rows.map(([v, t, seq], i) => [v, t, seq, bucketStartOf(t, HOUR_MS), lateKey({ timestampMs: t, seq }), i]),
    }));
    const byId = new Map(lateGroups.map((g) => [g.sensorId, g]));
    const result = await tx.run(LATE_FRESH, { late: lateGroups });
    for (const rec of result.records) {
      const group = byId.get(rec.get("sensorId") as string);
      if (group === undefined) continue;
      for (const i of rec.get("fresh") as number[]) {
        const row = group.rows[i];
        if (row === undefined) continue;
        const [value, timestampMs] = row as [number, number, number | null, number, string];
        add(group.sensorId, { value, timestampMs });
        const hourKey = `${group.sensorId}|${row[3]}`;
        lateKeys.set(hourKey, [...(lateKeys.get(hourKey) ?? []), row[4] as string]);
        marks.set(group.sensorId, Math.max(marks.get(group.sensorId) ?? Number.NEGATIVE_INFINITY, timestampMs));
        created += 1;
      }
    }
  }
  const parts = rollupParts(fresh, policy.minuteKeptFrom(nowMs), lateKeys);
  if (groups.length > 0 || parts.length > 0 || marks.size > 0) {
    // The sensors' newest readings only: packing the rows a second time would hold the event loop (and the log's fsync timer) for nothing.
    const latest = groups.map((g) => ({ sensorId: g.sensorId, latestMs: g.latestMs, latestValue: g.latestValue }));
    await tx.run(ADVANCE_MERGE_MARK, { groups: latest, parts, marks: [...marks].map(([sensorId, ms]) => ({ sensorId, ms })) });
  }
  return created;
}

/**
 * The parts a set of new readings adds, day buckets first, then hours, then minutes (one order
 * for every writer); minute parts that retention would delete at once are left out.
 */
export function rollupParts(points: ReadonlyMap<string, readonly Point[]>, minuteKeptFrom: number | null, lateKeys: ReadonlyMap<string, string[]> = new Map()): RollupPart[] {
  const parts: RollupPart[] = [];
  for (const resolution of ["DAY", "HOUR", "MINUTE"] as const) {
    const width = RESOLUTION_MS[resolution];
    for (const [sensorId, list] of points) {
      for (const [start, stats] of bucketize(list, width)) {
        if (resolution === "MINUTE" && minuteKeptFrom !== null && start + width <= minuteKeptFrom) continue;
        const keys = resolution === "HOUR" ? (lateKeys.get(`${sensorId}|${start}`) ?? []) : [];
        parts.push({ sensorId, resolution, start, ...stats, lateKeys: keys });
      }
    }
  }
  return parts;
}
