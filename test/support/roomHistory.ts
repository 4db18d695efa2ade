import { SeededRandom } from "../../src/analytics/random.js";
import { eventually, gql, type TestTwin } from "./testApp.js";

const MIN = 60_000;
// A room the twin can identify: tau 40 min, ambient 20 °C, heater +0.15 °C/min, fan −0.1 °C/min.
const TRUTH = { tau: 40, ambient: 20, heater: 0.15, fan: -0.1 };

export interface Room {
  readonly location: string;
  readonly sensor: string;
  readonly heater: string;
  readonly fan: string;
}

/**
 * Creates a location with a thermometer, a heater and a fan, and `spanMs` of 1-min readings
 * up to now with the heater and fan switched on a schedule and both OFF for the last half hour
 * (their states logged as acks are):
 * enough history for charts, forecasts and a fitted plant (simulate).
 */
export async function seedRoomHistory(twin: Pick<TestTwin, "url" | "app" | "driver">, room: Room, spanMs: number): Promise<void> {
  const created = await gql(
    twin.url,
    `mutation ($room: ID!, $sensor: ID!, $heater: ID!, $fan: ID!) {
      createLocations(input: [{ locationId: $room, name: "History room",
        sensors: { create: [{ node: { sensorId: $sensor, kind: TEMPERATURE, unit: "C", targetMax: 24 } }] },
        actuators: { create: [{ node: { actuatorId: $heater, kind: HEATER, reportedState: "OFF" } }, { node: { actuatorId: $fan, kind: FAN, reportedState: "OFF" } }] } }]) {
        locations { locationId }
      }
    }`,
    { room: room.location, sensor: room.sensor, heater: room.heater, fan: room.fan },
  );
  if (created.errors !== undefined) throw new Error(`creating the room failed: ${JSON.stringify(created.errors)}`);
  const rng = new SeededRandom(17);
  const minutes = Math.floor(spanMs / MIN);
  const start = Date.now() - minutes * MIN;
  let x = 20;
  let heater = false;
  let fan = false;
  let changes = 0;
  const readings: Array<{ sensorId: string; value: number; timestamp: string }> = [];
  for (let m = 0; m < minutes; m++) {
    const at = start + m * MIN;
    // 45 min each: heater, off, fan, off; the last half hour off, so both are OFF now as reported.
    const phase = m >= minutes - 30 ? 1 : Math.floor(m / 45) % 4;
    const wantHeater = phase === 0;
    const wantFan = phase === 2;
    changes += Number(wantHeater !== heater) + Number(wantFan !== fan);
    if (wantHeater !== heater) twin.app.services.bus.emit("actuatorReported", { deviceId: "test", actuatorId: room.heater, state: wantHeater ? "ON" : "OFF", atMs: at });
    if (wantFan !== fan) twin.app.services.bus.emit("actuatorReported", { deviceId: "test", actuatorId: room.fan, state: wantFan ? "ON" : "OFF", atMs: at });
    heater = wantHeater;
    fan = wantFan;
    readings.push({ sensorId: room.sensor, value: Number((x + rng.gaussian(0, 0.03)).toFixed(3)), timestamp: new Date(at).toISOString() });
    const target = TRUTH.ambient + TRUTH.tau * ((heater ? TRUTH.heater : 0) + (fan ? TRUTH.fan : 0));
    x = target + (x - target) * Math.exp(-1 / TRUTH.tau);
  }
  const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`, { r: readings });
  if (res.data?.recordReadings.accepted !== readings.length) throw new Error(`seeding readings failed: ${JSON.stringify(res)}`);
  await twin.app.writer.flush();
  // The log is written asynchronously from the bus; a plant fitted on part of it holds a wrong state now.
  await eventually(
    async () => {
      const { records } = await twin.driver.executeQuery("MATCH (c:ActuatorChange) WHERE c.actuatorId IN [$h, $f] RETURN count(c) AS n", { h: room.heater, f: room.fan });
      return Number(records[0]!.get("n")) >= changes ? true : undefined;
    },
    10_000,
    "the whole actuator log",
  );
}
