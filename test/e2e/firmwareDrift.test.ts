import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SerialLink } from "../../src/bridge/serialLink.js";
import { SimulatedNode, buildFirmware } from "../../src/bridge/simulatedNode.js";
import { DEFAULT_QUERY_LIMITS, projectRoot } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { requires } from "../support/requirements.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const { describe } = requires("avr");

// Four firmware images in simavr, two rooms of two nodes each. The nodes of a room share its
// plant (--plant-seed: one temperature, humidity and wandering pressure) and each has its own
// sensor noise. In room "steady" nothing is wrong; in room "drift" node A's thermometer runs the
// simulator's drift scenario. Every node has its own id number (temp_N, fan_N), as several real
// boards on one twin must. Simulated time runs SPEED times faster than the wall: the nodes are
// paced to it, and the twin's clock runs at the same rate, so 30 minutes take two.
const SPEED = 15;
const MIN = 60_000;
const RATE = 0.2; // °C per simulated minute on the drifting thermometer
const DRIFT_START_MIN = 2;

interface Recommendation {
  action: string;
  sensorId: string;
  targetId: string;
  offset: number | null;
  reason: string;
}

interface Node {
  readonly deviceId: string;
  readonly number: number;
  readonly sim: SimulatedNode;
  /** The twin's clock when the simulator started (its minute 0). */
  startedAtMs: number;
  exit: Record<string, unknown> | null;
}

const started = performance.now();
const epoch = Math.floor(Date.now() / 1000) * 1000;
const clock = (): number => epoch + Math.round((performance.now() - started) * SPEED);
let twin: TestTwin;
// Id numbers 20..99, so no other test's firmware (temp_1) or node shares them.
const numbers = ((): number[] => {
  const picked = new Set<number>();
  while (picked.size < 4) picked.add(randomInt(20, 100));
  return [...picked];
})();
const tag = randomBytes(3).toString("hex");
const rooms = { steady: [] as Node[], drift: [] as Node[] };

function startNode(room: "steady" | "drift", index: number, scenario: readonly string[]): Node {
  const number = numbers[(room === "drift" ? 2 : 0) + index]!;
  const deviceId = `fd-${tag}-${room[0]}${index}`;
  const node: Node = {
    deviceId,
    number,
    startedAtMs: 0,
    exit: null,
    sim: new SimulatedNode({
      projectRoot,
      log: silentLogger,
      args: [
        ...["--device-id", deviceId, "--id-number", String(number), "--speed", String(SPEED)],
        ...["--seed", String(31 + number), "--plant-seed", room === "steady" ? "41" : "43", "--trace-ms", "0"],
        ...scenario,
      ],
      onLine: (m) => {
        if (m["t"] === "exit") node.exit = m;
      },
    }),
  };
  twin.app.bridge.attach(deviceId, async () => {
    const pty = await node.sim.ptyPath();
    node.startedAtMs = clock();
    return new SerialLink(pty, 115_200);
  });
  return node;
}

const id = (node: Node, base: "temp" | "humidity" | "pressure" | "distance"): string => `${base}_${node.number}`;

async function recommendations(asOf: number): Promise<Recommendation[]> {
  const res = await gql<{ recommendations: Recommendation[] }>(twin.url, `query ($asOf: DateTime) { recommendations(asOf: $asOf) { action sensorId targetId offset reason } }`, {
    asOf: new Date(asOf).toISOString(),
  });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const ours = new Set([...rooms.steady, ...rooms.drift].flatMap((n) => (["temp", "humidity", "pressure", "distance"] as const).map((b) => id(n, b))));
  return res.data!.recommendations.filter((r) => ours.has(r.sensorId) || ours.has(r.targetId));
}

/** Resolves once the twin's clock has reached `minute` simulated minutes after `fromMs`. */
async function until(fromMs: number, minute: number): Promise<number> {
  const at = fromMs + minute * MIN;
  while (clock() < at) await new Promise((r) => setTimeout(r, Math.min(250, (at - clock()) / SPEED)));
  return clock();
}

beforeAll(async () => {
  buildFirmware(projectRoot);
  // Device time stamps the readings: a reader stalled for a moment does not smear them by SPEED.
  // recommendations() judges every sensor of the shared test database (other files' too): on a
  // busy machine its first, cold answer may take longer than the default 10 s query timeout.
  twin = await startTestTwin({ clock, serialTimestamps: "device", queryLimits: { ...DEFAULT_QUERY_LIMITS, timeoutMs: 60_000 } });
  rooms.steady.push(startNode("steady", 0, []), startNode("steady", 1, []));
  rooms.drift.push(startNode("drift", 0, ["--scenario", `drift:temp_1:${RATE}@${DRIFT_START_MIN}`]), startNode("drift", 1, []));
  const all = [...rooms.steady, ...rooms.drift];
  await eventually(
    async () => {
      const { records } = await twin.driver.executeQuery("MATCH (d:Device)-[:HAS_SENSOR]->(s:Sensor)-[:LOCATED_IN]->(:Location) WHERE d.deviceId IN $devices RETURN count(s) AS n", {
        devices: all.map((n) => n.deviceId),
      });
      return (records[0]?.get("n") as number) === 16 ? true : undefined;
    },
    30_000,
    "the four nodes registered and placed",
  );
  // Node 1 of each room hangs beside node 0: its sensors and actuators are in node 0's room.
  for (const [a, b] of [rooms.steady, rooms.drift] as Array<[Node, Node]>) {
    await twin.driver.executeQuery(
      `MATCH (:Device {deviceId: $b})-[:HAS_SENSOR|HAS_ACTUATOR]->(x)-[r:LOCATED_IN]->(:Location) DELETE r
       WITH DISTINCT x MATCH (l:Location {locationId: $room}) MERGE (x)-[:LOCATED_IN]->(l)`,
      { b: b.deviceId, room: `${a.deviceId}-room` },
    );
  }
  twin.app.analytics.catalog.invalidate();
}, 120_000);

afterAll(async () => {
  await Promise.all([...rooms.steady, ...rooms.drift].map((n) => n.sim.stop()));
  await twin?.close();
});

describe("drift told apart from the world, on the real firmware in four simulated nodes", () => {
  /** `newestMs`: the drifting thermometer's newest reading when asked (the node's own clock; a node the machine starves lags the twin's). */
  let found: { asOf: number; newestMs: number; rec: Recommendation } | null = null;
  const steadyRecalibrations: Recommendation[] = [];

  it("30 simulated minutes: no RECALIBRATE in the steady room; in the drifting room RECALIBRATE for the drifting thermometer within 20, its offset within 20 % of the injected one", async () => {
    const [driftA, driftB] = rooms.drift as [Node, Node];
    const from = Math.max(...[...rooms.steady, ...rooms.drift].map((n) => n.startedAtMs));
    let checks = 0;
    for (let minute = 1; minute <= 30; minute++) {
      const asOf = await until(from, minute);
      const newestMs = twin.app.services.live.get(id(driftA, "temp"))?.lastUpdateMs ?? asOf;
      const recs = await recommendations(asOf);
      const steadyIds = new Set(rooms.steady.flatMap((n) => [id(n, "temp"), id(n, "humidity"), id(n, "pressure"), id(n, "distance")]));
      steadyRecalibrations.push(...recs.filter((r) => r.action === "RECALIBRATE" && (steadyIds.has(r.sensorId) || steadyIds.has(r.targetId))));
      if (found === null && minute <= 20) {
        const rec = recs.find((r) => r.action === "RECALIBRATE" && r.targetId === id(driftA, "temp"));
        if (rec !== undefined) found = { asOf, newestMs, rec };
      }
      checks++;
    }
    expect(checks).toBe(30);
    expect(steadyRecalibrations).toEqual([]);
    // Both barometers of each room wander with the weather (one walk, two noises): never blamed.
    for (const node of [...rooms.steady, ...rooms.drift]) {
      const health = await twin.app.analytics.diagnostics.sensorHealth(id(node, "pressure"), 300_000, clock());
      expect(
        health.issues.filter((i) => i.startsWith("Drifting")),
        id(node, "pressure"),
      ).toEqual([]);
    }
    expect(found, "a RECALIBRATE of the drifting thermometer within 20 simulated minutes").not.toBeNull();
    const { asOf, newestMs, rec } = found as unknown as { asOf: number; newestMs: number; rec: Recommendation };
    expect(rec.targetId).toBe(id(driftA, "temp"));
    // Device timestamps: a reading's time is the node's simulated time since its hello, which is
    // what the scenario's drift counts from.
    const injected = RATE * ((Math.min(asOf, newestMs) - driftA.startedAtMs) / MIN - DRIFT_START_MIN);
    expect(rec.offset).not.toBeNull();
    expect(Math.abs(-(rec.offset as number) - injected), `offset ${rec.offset} against ${injected.toFixed(2)} injected`).toBeLessThanOrEqual(0.2 * injected);
    expect(rec.reason).toMatch(new RegExp(`cause SENSOR: it diverges from ${id(driftB, "temp")} by \\+0\\.\\d+/min`));
  }, 240_000);

  it("the recommended offset, recorded, goes to the firmware as an ACKED CALIBRATE command and its readings shift by it", async () => {
    const [driftA] = rooms.drift as [Node, Node];
    const sensorId = id(driftA, "temp");
    expect(found, "the RECALIBRATE of the test before").not.toBeNull();
    const rec = (found as unknown as { rec: Recommendation }).rec;
    const before = twin.app.services.live.get(sensorId)!.currentValue;
    const res = await gql<{ recordCalibration: { offset: number; appliedAt: string | null; commandId: string | null } }>(
      twin.url,
      `mutation ($s: ID!, $o: Float!) { recordCalibration(sensorId: $s, offset: $o, validDays: 30) { offset appliedAt commandId } }`,
      { s: sensorId, o: rec.offset },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordCalibration.appliedAt).not.toBeNull();
    const { records } = await twin.driver.executeQuery("MATCH (c:Command {commandId: $id}) RETURN c.kind AS kind, c.status AS status, c.payload AS payload", {
      id: res.data!.recordCalibration.commandId,
    });
    expect([records[0]?.get("kind"), records[0]?.get("status")]).toEqual(["CALIBRATE", "ACKED"]);
    // The node applies it to the readings that follow: they drop by about the offset.
    await eventually(
      async () => {
        const now = twin.app.services.live.get(sensorId)!.currentValue;
        return Math.abs(now - before - (rec.offset as number)) < 0.25 + RATE ? true : undefined;
      },
      15_000,
      `readings of ${sensorId} shifted by ${rec.offset}`,
    );
    for (const node of [...rooms.steady, ...rooms.drift]) expect(node.exit, `${node.deviceId} still running`).toBeNull();
  }, 60_000);
});
