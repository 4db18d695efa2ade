import type { Driver } from "neo4j-driver";
import type { ActuatorChange, ActuatorKind, ActuatorState } from "../analytics/predict/actuators.js";

export interface LocatedActuator {
  readonly actuatorId: string;
  readonly kind: ActuatorKind;
  readonly reportedState: ActuatorState | null;
  /** When the device last reported it (null if never): the state held at any time from then on. */
  readonly reportedAtMs: number | null;
}

export interface SensorLocation {
  readonly locationId: string;
  readonly name: string;
  readonly actuators: readonly LocatedActuator[];
}

const asState = (s: unknown): ActuatorState | null => (s === "ON" || s === "OFF" ? s : null);

/** What the command path needs to know about one actuator. */
export interface ActuatorEntry {
  readonly actuatorId: string;
  readonly kind: ActuatorKind;
  readonly deviceId: string | null;
  readonly reportedState: ActuatorState | null;
  readonly reportedAtMs: number | null;
  readonly overrideUntilMs: number | null;
}

/** One reported actuator state, as the state log holds it. */
export interface LoggedChange {
  readonly actuatorId: string;
  readonly state: ActuatorState;
  readonly atMs: number;
}

/** An accepted command as the graph records it (see `ActuatorStore.acceptMany`). */
export interface AcceptedState {
  readonly actuatorId: string;
  readonly state: ActuatorState;
  readonly atMs: number;
  /** End of a person's manual override; null leaves the stored one as it is. */
  readonly overrideUntilMs: number | null;
}

/** Actuators as the physics and the command path need them: where, which device, which state since when. */
export class ActuatorStore {
  constructor(private readonly driver: Driver) {}

  /** The newest logged state of each actuator (absent: none logged). */
  async lastStates(actuatorIds: readonly string[]): Promise<Map<string, ActuatorState>> {
    const { records } = await this.driver.executeQuery(
      `UNWIND $ids AS id
       CALL (id) {
         MATCH (c:ActuatorChange) WHERE c.actuatorId = id AND c.at IS NOT NULL
         RETURN c.state AS state ORDER BY c.at DESC LIMIT 1
       }
       RETURN id, state`,
      { ids: actuatorIds },
    );
    return new Map(records.map((r) => [r.get("id") as string, r.get("state") as ActuatorState]));
  }

  /** Appends state changes to the log, each linked from its actuator (unknown actuators are skipped). */
  async recordChanges(changes: readonly LoggedChange[]): Promise<void> {
    if (changes.length === 0) return;
    await this.driver.executeQuery(
      `UNWIND $changes AS x
       MATCH (a:Actuator {actuatorId: x.actuatorId})
       CREATE (a)-[:STATE_CHANGED]->(:ActuatorChange {actuatorId: x.actuatorId, state: x.state, at: datetime({epochMillis: toInteger(x.atMs)})})`,
      { changes },
    );
  }

  /**
   * State changes of some actuators in (fromMs, toMs], and the state each one was in at fromMs
   * (its latest change at or before it; left out when the log has none).
   */
  async history(actuatorIds: readonly string[], kinds: ReadonlyMap<string, ActuatorKind>, fromMs: number, toMs: number): Promise<{ changes: ActuatorChange[]; before: Record<string, ActuatorState> }> {
    const { records } = await this.driver.executeQuery(
      `UNWIND $ids AS id
       CALL (id) {
         OPTIONAL MATCH (c:ActuatorChange) WHERE c.actuatorId = id AND c.at <= datetime({epochMillis: toInteger($from)})
         WITH c ORDER BY c.at DESC LIMIT 1
         RETURN c.state AS before
       }
       CALL (id) {
         OPTIONAL MATCH (c:ActuatorChange)
         WHERE c.actuatorId = id AND c.at > datetime({epochMillis: toInteger($from)}) AND c.at <= datetime({epochMillis: toInteger($to)})
         WITH c ORDER BY c.at
         RETURN collect([c.state, c.at.epochMillis]) AS changes
       }
       RETURN id, before, changes`,
      { ids: actuatorIds, from: fromMs, to: toMs },
    );
    const changes: ActuatorChange[] = [];
    const before: Record<string, ActuatorState> = {};
    for (const r of records) {
      const id = r.get("id") as string;
      const kind = kinds.get(id) ?? "OTHER";
      const state = asState(r.get("before"));
      if (state !== null) before[id] = state;
      for (const [state, at] of r.get("changes") as Array<[string, number]>) {
        const s = asState(state);
        if (s !== null) changes.push({ actuatorId: id, kind, state: s, atMs: at });
      }
    }
    changes.sort((a, b) => a.atMs - b.atMs);
    return { changes, before };
  }

  /** Every actuator with its device, reported state (and since when) and manual-override window. */
  async directory(): Promise<ActuatorEntry[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (a:Actuator) OPTIONAL MATCH (d:Device)-[:HAS_ACTUATOR]->(a)
       RETURN a.actuatorId AS id, a.kind AS kind, d.deviceId AS deviceId, a.reportedState AS state,
              coalesce(a.reportedAt, a.updatedAt).epochMillis AS at, a.overrideUntil.epochMillis AS overrideUntil`,
    );
    return records.map((r) => ({
      actuatorId: r.get("id") as string,
      kind: ((r.get("kind") as string | null) ?? "OTHER") as ActuatorKind,
      deviceId: (r.get("deviceId") as string | null) ?? null,
      reportedState: asState(r.get("state")),
      reportedAtMs: (r.get("at") as number | null) ?? null,
      overrideUntilMs: (r.get("overrideUntil") as number | null) ?? null,
    }));
  }

  /**
   * Accepted commands in one write: per actuator the desired state and its time, and — for a
   * person's command — the end of the manual override (null leaves it as it is).
   */
  async acceptMany(accepted: readonly AcceptedState[]): Promise<void> {
    if (accepted.length === 0) return;
    await this.driver.executeQuery(
      `UNWIND $rows AS row
       MATCH (a:Actuator {actuatorId: row.actuatorId})
       SET a.desiredState = row.state, a.desiredAt = datetime({epochMillis: toInteger(row.atMs)}), a.updatedAt = datetime({epochMillis: toInteger(row.atMs)})
       FOREACH (_ IN CASE WHEN row.until IS NULL THEN [] ELSE [1] END | SET a.overrideUntil = datetime({epochMillis: toInteger(row.until)}))`,
      { rows: accepted.map((a) => ({ actuatorId: a.actuatorId, state: a.state, atMs: a.atMs, until: a.overrideUntilMs })) },
    );
  }

  /** The location a sensor is in, with the actuators located there; null without a location. */
  async locationOf(sensorId: string): Promise<SensorLocation | null> {
    const { records } = await this.driver.executeQuery(
      `MATCH (:Sensor {sensorId: $sensorId})-[:LOCATED_IN]->(l:Location)
       OPTIONAL MATCH (a:Actuator)-[:LOCATED_IN]->(l)
       RETURN l.locationId AS id, l.name AS name, collect(a{.actuatorId, .kind, .reportedState, reportedAtMs: a.reportedAt.epochMillis}) AS actuators LIMIT 1`,
      { sensorId },
    );
    const r = records[0];
    if (r === undefined) return null;
    return {
      locationId: r.get("id") as string,
      name: r.get("name") as string,
      actuators: (r.get("actuators") as Array<Record<string, unknown>>).map((a) => ({
        actuatorId: a["actuatorId"] as string,
        kind: ((a["kind"] as string | null) ?? "OTHER") as ActuatorKind,
        reportedState: asState(a["reportedState"]),
        reportedAtMs: (a["reportedAtMs"] as number | null) ?? null,
      })),
    };
  }

  /** Every location with its actuators and the sensors placed there. */
  async locations(): Promise<Array<SensorLocation & { readonly sensorIds: readonly string[] }>> {
    const { records } = await this.driver.executeQuery(
      `MATCH (l:Location)
       OPTIONAL MATCH (a:Actuator)-[:LOCATED_IN]->(l)
       WITH l, collect(a{.actuatorId, .kind, .reportedState, reportedAtMs: a.reportedAt.epochMillis}) AS actuators
       OPTIONAL MATCH (s:Sensor)-[:LOCATED_IN]->(l)
       RETURN l.locationId AS id, l.name AS name, actuators, collect(s.sensorId) AS sensorIds`,
    );
    return records.map((r) => ({
      locationId: r.get("id") as string,
      name: r.get("name") as string,
      sensorIds: r.get("sensorIds") as string[],
      actuators: (r.get("actuators") as Array<Record<string, unknown>>).map((a) => ({
        actuatorId: a["actuatorId"] as string,
        kind: ((a["kind"] as string | null) ?? "OTHER") as ActuatorKind,
        reportedState: asState(a["reportedState"]),
        reportedAtMs: (a["reportedAtMs"] as number | null) ?? null,
      })),
    }));
  }
}
