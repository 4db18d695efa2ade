import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualDevice } from "../../src/bridge/virtual/virtualDevice.js";
import { VirtualRoom } from "../../src/bridge/virtual/virtualRoom.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

// Two virtual nodes in one room, run in simulated time: the twin's clock and the nodes' clock
// are one virtual clock, advanced a second per reading cycle, so 30 minutes take seconds.
// The drift is the simulator's drift scenario (reading += rate × minutes since start).
const MIN = 60_000;
const RATE = 0.2; // °C/min injected on node A's thermometer
const DRIFT_START_MIN = 2;

interface Recommendation {
  action: string;
  sensorId: string;
  targetId: string;
  offset: number | null;
  reason: string;
}

interface Room {
  readonly twin: TestTwin;
  readonly nodes: readonly VirtualDevice[];
  /** Node A's and B's sensor ids by kind prefix. */
  readonly ids: (node: "a" | "b", kind: "temp" | "humidity" | "pressure" | "distance") => string;
  now(): number;
  /** The clock when the nodes began (the drift scenario counts minutes from it). */
  readonly startedAtMs: number;
  /** Advances the clock a second at a time, every node sampling each second; `each` after every simulated minute. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- `each` returns true to stop the run, or nothing
  run(minutes: number, each?: (minute: number) => Promise<boolean | void>): Promise<number>;
  close(): Promise<void>;
}

/** Two virtual nodes (A drifting as asked) whose sensors and actuators share node A's room. */
async function twoNodesInOneRoom(drift: boolean): Promise<Room> {
  let now = Math.floor(Date.now() / 1000) * 1000;
  const clock = (): number => now;
  const startedAtMs = now;
  const twin = await startTestTwin({ clock });
  const suffix = (node: "a" | "b"): string => `${twin.prefix}${node}`;
  const ids = (node: "a" | "b", kind: string): string => `${kind}_${suffix(node)}`;
  // One room, one truth: both nodes read the same temperature, humidity and (wandering) pressure.
  const shared = new VirtualRoom({ seed: 3 });
  const nodes = (["a", "b"] as const).map(
    (node, i) =>
      new VirtualDevice({
        deviceId: `${twin.prefix}-${node}`,
        idSuffix: suffix(node),
        seed: 7 + i,
        clock,
        manual: true,
        sharedRoom: shared,
        drift: drift && node === "a" ? [{ sensorId: ids("a", "temp"), ratePerMinute: RATE, startMinute: DRIFT_START_MIN }] : [],
      }),
  );
  for (const node of nodes) twin.app.bridge.attach(node.name, async () => node);
  const room = `${twin.prefix}-a-room`;
  await eventually(
    async () => {
      const { records } = await twin.driver.executeQuery("MATCH (d:Device)-[:HAS_SENSOR]->(s:Sensor)-[:LOCATED_IN]->(:Location) WHERE d.deviceId IN $devices RETURN count(s) AS n", {
        devices: [`${twin.prefix}-a`, `${twin.prefix}-b`],
      });
      return (records[0]?.get("n") as number) === 8 ? true : undefined;
    },
    20_000,
    "both nodes registered and placed",
  );
  // Node B hangs in node A's room: its thermometer is A's co-located peer.
  await twin.driver.executeQuery(
    `MATCH (:Device {deviceId: $b})-[:HAS_SENSOR|HAS_ACTUATOR]->(x)-[r:LOCATED_IN]->(:Location) DELETE r
     WITH DISTINCT x MATCH (l:Location {locationId: $room}) MERGE (x)-[:LOCATED_IN]->(l)`,
    { b: `${twin.prefix}-b`, room },
  );
  twin.app.analytics.catalog.invalidate();
  return {
    twin,
    nodes,
    ids,
    now: () => now,
    startedAtMs,
    run: async (minutes, each) => {
      for (let minute = 1; minute <= minutes; minute++) {
        for (let s = 0; s < 60; s++) {
          now += 1000;
          for (const node of nodes) node.sample();
          await new Promise((r) => setImmediate(r));
        }
        if ((await each?.(minute)) === true) return minute;
      }
      return minutes;
    },
    close: () => twin.close(),
  };
}

async function recommendations(room: Room): Promise<Recommendation[]> {
  const res = await gql<{ recommendations: Recommendation[] }>(room.twin.url, `query ($asOf: DateTime) { recommendations(asOf: $asOf) { action sensorId targetId offset reason } }`, {
    asOf: new Date(room.now()).toISOString(),
  });
  expect(res.errors).toBeUndefined();
  // The shared database holds other tests' sensors: only this room's count.
  return res.data!.recommendations.filter((r) => r.sensorId.includes(room.twin.prefix));
}

describe("drift told apart from the world, on two co-located virtual nodes", () => {
  describe("no drift scenario", () => {
    let room: Room;
    beforeAll(async () => {
      room = await twoNodesInOneRoom(false);
    });
    afterAll(async () => room?.close());

    it("30 simulated minutes: no RECALIBRATE on any sensor, checked every 5 minutes", async () => {
      const seen: Recommendation[] = [];
      let checks = 0;
      await room.run(30, async (minute) => {
        if (minute % 5 !== 0) return;
        checks++;
        seen.push(...(await recommendations(room)));
      });
      expect(checks).toBe(6);
      expect(seen.filter((r) => r.action === "RECALIBRATE")).toEqual([]);
      // Each node's barometer wanders (a mean-reverting walk): the twin never blames it.
      const barometer = await room.twin.app.analytics.diagnostics.sensorHealth(room.ids("a", "pressure"), 300_000, room.now());
      expect(barometer.issues.filter((i) => i.startsWith("Drifting"))).toEqual([]);
    }, 60_000);
  });

  describe("the drift scenario on one of two co-located thermometers", () => {
    let room: Room;
    beforeAll(async () => {
      room = await twoNodesInOneRoom(true);
    });
    afterAll(async () => room?.close());

    it("RECALIBRATE for that one within 20 minutes, with an offset within 20 % of the injected one", async () => {
      const drifting = room.ids("a", "temp");
      const peer = room.ids("b", "temp");
      let found: { minute: number; rec: Recommendation } | null = null;
      await room.run(20, async (minute) => {
        if (minute < 3) return;
        const rec = (await recommendations(room)).find((r) => r.action === "RECALIBRATE");
        if (rec === undefined) return;
        found = { minute, rec };
        return true;
      });
      expect(found, "a RECALIBRATE within 20 simulated minutes").not.toBeNull();
      const { minute, rec } = found as unknown as { minute: number; rec: Recommendation };
      expect(rec.targetId).toBe(drifting);
      // The node reads RATE × (minutes since the drift began) too high: the offset takes it off.
      const injected = RATE * (minute - DRIFT_START_MIN);
      expect(rec.offset).not.toBeNull();
      expect(Math.abs(-(rec.offset as number) - injected)).toBeLessThanOrEqual(0.2 * injected);
      expect(rec.reason).toMatch(new RegExp(`cause SENSOR: it diverges from ${peer} by \\+0\\.\\d+/min .* while ${peer} holds steady`));
      // Health blames the drifting thermometer, names the cause, and leaves its steady peer alone.
      const health = await gql<{ sensors: Array<{ sensorId: string; health: { issues: string[] }; traits: { driftCause: string | null; driftCorrection: number | null } }> }>(
        room.twin.url,
        `query ($ids: [ID!]!, $asOf: DateTime) { sensors(where: { sensorId: { in: $ids } }) { sensorId health(asOf: $asOf) { issues } traits(asOf: $asOf) { driftCause driftCorrection } } }`,
        { ids: [drifting, peer], asOf: new Date(room.now()).toISOString() },
      );
      const bySensor = new Map(health.data!.sensors.map((s) => [s.sensorId, s]));
      expect(bySensor.get(drifting)?.traits.driftCause).toBe("SENSOR");
      expect(bySensor.get(drifting)?.health.issues.some((i) => /^Drifting \(\+0\.\d+\/min, limit ±0\.10\/min; cause SENSOR: it diverges from/.test(i))).toBe(true);
      expect(bySensor.get(peer)?.traits.driftCause).toBeNull();
      expect(bySensor.get(peer)?.health.issues).toEqual([]);
    }, 60_000);

    it("the recommended offset, recorded, is carried by a CALIBRATE command and brings the readings back", async () => {
      const drifting = room.ids("a", "temp");
      const rec = (await recommendations(room)).find((r) => r.action === "RECALIBRATE" && r.targetId === drifting);
      expect(rec?.offset).toBeTypeOf("number");
      const res = await gql<{ recordCalibration: { offset: number; appliedAt: string | null; commandId: string | null } }>(
        room.twin.url,
        `mutation ($s: ID!, $o: Float!) { recordCalibration(sensorId: $s, offset: $o, validDays: 30, idempotencyKey: "drift-test") { offset appliedAt commandId } }`,
        { s: drifting, o: rec!.offset },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.recordCalibration.appliedAt).not.toBeNull();
      const { records } = await room.twin.driver.executeQuery("MATCH (c:Command {commandId: $id}) RETURN c.kind AS kind, c.status AS status", { id: res.data!.recordCalibration.commandId });
      expect([records[0]?.get("kind"), records[0]?.get("status")]).toEqual(["CALIBRATE", "ACKED"]);
      // A repeat with the same key is the same calibration, not a second one.
      const again = await gql<{ recordCalibration: { commandId: string } }>(
        room.twin.url,
        `mutation ($s: ID!, $o: Float!) { recordCalibration(sensorId: $s, offset: $o, validDays: 30, idempotencyKey: "drift-test") { commandId } }`,
        { s: drifting, o: rec!.offset },
      );
      expect(again.data?.recordCalibration.commandId).toBe(res.data!.recordCalibration.commandId);
      // A minute later the thermometer reads close to its peer again.
      await room.run(1);
      const [mine, theirs] = [drifting, room.ids("b", "temp")].map((id) => room.twin.app.services.live.get(id)!.currentValue);
      expect(Math.abs((mine as number) - (theirs as number))).toBeLessThan(0.5);
    }, 60_000);
  });
});

describe("a rule that recalibrates the drifting thermometer from its peer", () => {
  let room: Room;
  beforeAll(async () => {
    room = await twoNodesInOneRoom(true);
  });
  afterAll(async () => room?.close());

  it("fires, applies the peer's correction through an ACKED CALIBRATE command, and raises CALIBRATION_MISMATCH in Neo4j when the drift goes on", async () => {
    const drifting = room.ids("a", "temp");
    const peer = room.ids("b", "temp");
    const created = await gql<{ createRule: { ruleId: string } }>(
      room.twin.url,
      `mutation ($s: ID!) { createRule(input: { name: "recalibrate from the peer", sensorId: $s, condition: { type: "DRIFT", comparison: "GT", threshold: 0.1 }, forSeconds: 120, actions: [{ type: "CALIBRATE", maxOffset: 3, cooldownSeconds: 86400, validDays: 30 }] }) { ruleId } }`,
      { s: drifting },
    );
    expect(created.errors).toBeUndefined();
    const ruleId = created.data!.createRule.ruleId;
    interface Stored {
      offset: number;
      commandId: string | null;
      appliedAt: unknown;
      kind: string | null;
      status: string | null;
    }
    const calibration = async (): Promise<Stored | undefined> => {
      const { records } = await room.twin.driver.executeQuery(
        `MATCH (:Sensor {sensorId: $s})-[:CALIBRATED_BY]->(c:Calibration {issuedBy: $by}) OPTIONAL MATCH (k:Command {commandId: c.commandId})
         RETURN c.offset AS offset, c.commandId AS commandId, c.appliedAt AS appliedAt, k.kind AS kind, k.status AS status`,
        { s: drifting, by: `rule:${ruleId}` },
      );
      return records[0]?.toObject() as Stored | undefined;
    };
    const fired = async (): Promise<number | undefined> => {
      const { records } = await room.twin.driver.executeQuery("MATCH (:Rule {ruleId: $id})-[:DECIDED]->(d:RuleDecision {event: 'FIRED'}) RETURN d.at.epochMillis AS at", { id: ruleId });
      return records[0]?.get("at") as number | undefined;
    };
    let firedAtMs: number | undefined;
    await room.run(20, async () => (firedAtMs = await fired()) !== undefined);
    expect(firedAtMs, "the rule fired within 20 simulated minutes").toBeDefined();
    // The calibration goes to the node as a command and waits for its ack (the clock stands still meanwhile).
    const stored = await eventually(
      async () => {
        const c = await calibration();
        return c?.status === "ACKED" ? c : undefined;
      },
      15_000,
      "the rule's calibration, acknowledged by the node",
    );
    expect([stored.kind, stored.status]).toEqual(["CALIBRATE", "ACKED"]);
    // The node reads RATE × (minutes since the drift began) too high; the rule takes it off.
    const injected = RATE * (((firedAtMs as number) - room.startedAtMs) / MIN - DRIFT_START_MIN);
    expect(stored.offset).toBeLessThan(0);
    expect(Math.abs(-stored.offset - injected)).toBeLessThanOrEqual(0.25 * injected);
    expect(room.twin.app.control.verifier.watching).toBeGreaterThan(0);

    // The scenario's drift goes on after the calibration: within the hour it no longer agrees
    // with its peer. (The verifier's own timer runs on wall time; in simulated time the test
    // calls the check it makes, each simulated minute.)
    await room.run(15, async () => {
      const found = await room.twin.app.control.verifier.check();
      return found.some((f) => f.verdict === "DISAGREES");
    });
    const alert = await eventually(
      async () => {
        const { records } = await room.twin.driver.executeQuery(
          "MATCH (:Sensor {sensorId: $s})-[:HAS_ALERT]->(a:Alert {type: 'CALIBRATION_MISMATCH'}) RETURN a.severity AS severity, a.status AS status, a.message AS message",
          { s: drifting },
        );
        return records[0]?.toObject() as { severity: string; status: string; message: string } | undefined;
      },
      10_000,
      "the CALIBRATION_MISMATCH alert in Neo4j",
    );
    expect(alert.severity).toBe("HIGH");
    expect(alert.status).not.toBe("CLEARED");
    expect(alert.message).toMatch(new RegExp(`^the calibration \\S+ by rule ${ruleId} did not hold: \\d+ min after it, .*${peer}.*; inspect or replace the sensor$`));
  }, 90_000);
});
