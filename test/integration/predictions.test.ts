import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../src/analytics/random.js";
import { ReadingStore } from "../../src/store/readingStore.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const MIN = 60_000;
// The room the twin must discover: tau 40 min, ambient 20 °C, heater +0.15 °C/min, fan −0.1 °C/min.
const TRUTH = { tau: 40, ambient: 20, heater: 0.15, fan: -0.1 };

let twin: TestTwin;
let ids: { room: string; sensor: string; heater: string; fan: string; humidity: string };
let endMs: number;

/** Steps the true room one minute (exact first-order response). */
function step(x: number, heater: boolean, fan: boolean): number {
  const target = TRUTH.ambient + TRUTH.tau * ((heater ? TRUTH.heater : 0) + (fan ? TRUTH.fan : 0));
  return target + (x - target) * Math.exp(-1 / TRUTH.tau);
}

beforeAll(async () => {
  twin = await startTestTwin();
  const p = twin.prefix;
  ids = { room: `room_${p}`, sensor: `temp_${p}_room`, heater: `heater_${p}`, fan: `fan_${p}`, humidity: `humidity_${p}_room` };
  const created = await gql(
    twin.url,
    `mutation ($room: ID!, $sensor: ID!, $humidity: ID!, $heater: ID!, $fan: ID!) {
      createLocations(input: [{ locationId: $room, name: "Test room",
        sensors: { create: [{ node: { sensorId: $sensor, kind: TEMPERATURE, targetMax: 24, maxDriftPerMinute: 0.05 } }, { node: { sensorId: $humidity, kind: HUMIDITY } }] },
        actuators: { create: [{ node: { actuatorId: $heater, kind: HEATER, reportedState: "OFF" } }, { node: { actuatorId: $fan, kind: FAN, reportedState: "OFF" } }] } }]) {
        locations { locationId }
      }
    }`,
    ids,
  );
  expect(created.errors).toBeUndefined();

  // Eight hours of 1-min readings; heater and fan switched on a schedule, logged as the bridge does on acks.
  const rng = new SeededRandom(17);
  const start = Date.now() - 8 * 60 * MIN;
  let x = 20;
  let heater = false;
  let fan = false;
  const readings: Array<{ sensorId: string; value: number; timestamp: string }> = [];
  for (let m = 0; m < 8 * 60; m++) {
    const at = start + m * MIN;
    const phase = Math.floor(m / 45) % 4; // 45 min each: heater, off, fan, off
    const wantHeater = phase === 0;
    const wantFan = phase === 2;
    if (wantHeater !== heater) twin.app.services.bus.emit("actuatorReported", { deviceId: "test", actuatorId: ids.heater, state: wantHeater ? "ON" : "OFF", atMs: at });
    if (wantFan !== fan) twin.app.services.bus.emit("actuatorReported", { deviceId: "test", actuatorId: ids.fan, state: wantFan ? "ON" : "OFF", atMs: at });
    heater = wantHeater;
    fan = wantFan;
    readings.push({ sensorId: ids.sensor, value: Number((x + rng.gaussian(0, 0.03)).toFixed(3)), timestamp: new Date(at).toISOString() });
    readings.push({ sensorId: ids.humidity, value: 45 + rng.gaussian(0, 0.2), timestamp: new Date(at).toISOString() });
    x = step(x, heater, fan);
  }
  endMs = start + (8 * 60 - 1) * MIN;
  const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`, { r: readings });
  expect(res.data?.recordReadings.accepted).toBe(readings.length);
  await twin.app.writer.flush();
  // The actuator log is written asynchronously from the bus.
  await eventually(
    async () => {
      const { records } = await twin.driver.executeQuery("MATCH (c:ActuatorChange) WHERE c.actuatorId IN [$h, $f] RETURN count(c) AS n", { h: ids.heater, f: ids.fan });
      return Number(records[0]!.get("n")) >= 10 ? true : undefined;
    },
    10_000,
    "the actuator log",
  );
}, 120_000);

afterAll(async () => {
  await twin?.close();
});

describe("what-if on a fitted plant, through GraphQL", () => {
  it("recovers the room's physics from its history and predicts when the heater brings it to 25 °C", async () => {
    const asOf = new Date(endMs).toISOString();
    const res = await gql<{
      simulate: {
        locationId: string;
        minutesToThreshold: number;
        minutesToThresholdLower: number;
        minutesToThresholdUpper: number | null;
        trajectory: Array<{ timestamp: string; value: number; lower: number; upper: number }>;
        model: { kind: string; fittedOn: number; parameters: Array<{ name: string; value: number; stdErr: number }>; unidentified: Array<{ actuatorId: string }> };
      };
    }>(
      twin.url,
      `query ($s: ID!, $h: ID!, $f: ID!, $asOf: DateTime) {
        simulate(scenario: { sensorId: $s, hours: 3, asOf: $asOf, threshold: 25,
          actuators: [{ actuatorId: $h, state: "ON", atMinute: 0 }, { actuatorId: $f, state: "OFF", atMinute: 0 }] }) {
          locationId minutesToThreshold minutesToThresholdLower minutesToThresholdUpper
          trajectory { timestamp value lower upper }
          model { kind fittedOn parameters { name value stdErr } unidentified { actuatorId } }
        }
      }`,
      { s: ids.sensor, h: ids.heater, f: ids.fan, asOf },
    );
    expect(res.errors).toBeUndefined();
    const sim = res.data!.simulate;
    expect(sim.locationId).toBe(ids.room);
    const param = (name: string): number => sim.model.parameters.find((q) => q.name.includes(name))!.value;
    expect(param("tau")).toBeGreaterThan(TRUTH.tau * 0.85);
    expect(param("tau")).toBeLessThan(TRUTH.tau * 1.15);
    expect(param("ambient")).toBeCloseTo(TRUTH.ambient, 0);
    expect(param(ids.heater)).toBeCloseTo(TRUTH.heater, 2);
    expect(param(ids.fan)).toBeCloseTo(TRUTH.fan, 2);

    // The truth, from the same start with the heater on.
    const last = (await twin.app.services.readings.latestReadings(ids.sensor, 1))[0]!.value;
    let x = last;
    let truthMinutes: number | null = null;
    for (let m = 1; m <= 180 && truthMinutes === null; m++) {
      const next = step(x, true, false);
      if (next >= 25) truthMinutes = m - 1 + (25 - x) / (next - x);
      x = next;
    }
    expect(truthMinutes).not.toBeNull();
    expect(Math.abs(sim.minutesToThreshold - truthMinutes!) / truthMinutes!).toBeLessThan(0.15);
    expect(sim.trajectory.length).toBeGreaterThanOrEqual(180);
    for (const p of sim.trajectory) expect(p.lower <= p.value && p.value <= p.upper).toBe(true);
  });

  it("says why when the history cannot identify the plant", async () => {
    const res = await gql(twin.url, `query ($s: ID!) { simulate(scenario: { sensorId: $s, hours: 1 }) { minutesToThreshold } }`, { s: ids.humidity });
    expect(res.data?.["simulate"]).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(new RegExp(`no plant model for ${ids.humidity}`));
    expect(res.errors?.[0]?.extensions?.["code"]).toBe("UNAVAILABLE");
  });
});

describe("questions about the past, with the actuators as they were then", () => {
  const startMs = (): number => endMs - (8 * 60 - 1) * MIN;

  it("simulates from the states the actuators had at asOf, not the ones they report now", async () => {
    // At minute 380 the heater was ON (it is OFF now) and the fan OFF (it is ON now).
    const asOfMs = startMs() + 380 * MIN;
    const res = await gql<{ simulate: { trajectory: Array<{ value: number; lower: number; upper: number }> } }>(
      twin.url,
      `query ($s: ID!, $asOf: DateTime) { simulate(scenario: { sensorId: $s, hours: 1, asOf: $asOf }) { trajectory { value lower upper } } }`,
      { s: ids.sensor, asOf: new Date(asOfMs).toISOString() },
    );
    expect(res.errors).toBeUndefined();
    const trajectory = res.data!.simulate.trajectory;
    const first = trajectory[0]!;
    const last = trajectory[trajectory.length - 1]!;
    let truth = first.value;
    for (let m = 0; m < 60; m++) truth = step(truth, true, false);
    expect(last.value).toBeGreaterThan(first.value + 2);
    expect(truth).toBeGreaterThanOrEqual(last.lower);
    expect(truth).toBeLessThanOrEqual(last.upper);
  });

  it("before the plant can say, blames the heater's switch-off four minutes earlier, not the sensor", async () => {
    // Minute 49: the heater ran from 0 to 45, so the history cannot yet tell its gain (OFF for 4 min);
    // the plant model is not valid with it OFF, and the time of the switch explains the fall.
    const asOf = new Date(startMs() + 49 * MIN).toISOString();
    const res = await gql<{
      sensors: Array<{ health: { issues: string[] }; traits: { driftPerMinute: number; driftCause: string } }>;
      recommendations: Array<{ action: string; targetId: string; reason: string }>;
    }>(
      twin.url,
      `query ($s: ID!, $asOf: DateTime) {
        sensors(where: { sensorId: { eq: $s } }) { health(windowSeconds: 300, asOf: $asOf) { issues } traits(windowSeconds: 300, asOf: $asOf) { driftPerMinute driftCause } }
        recommendations(asOf: $asOf) { action targetId reason }
      }`,
      { s: ids.sensor, asOf },
    );
    expect(res.errors).toBeUndefined();
    // A fall within a room's plausible rates, with no peer: not the sensor's fault by itself (health says nothing); the room is asked.
    expect(res.data!.sensors[0]!.traits).toMatchObject({ driftCause: "UNKNOWN", driftPerMinute: expect.any(Number) });
    expect(res.data!.sensors[0]!.traits.driftPerMinute).toBeLessThan(0);
    expect(res.data!.sensors[0]!.health.issues.filter((i) => i.startsWith("Drifting"))).toEqual([]);
    const mine = res.data!.recommendations.filter((r) => r.targetId === ids.sensor);
    expect(mine.map((r) => r.action)).toEqual(["CONTINUE_MONITORING"]);
    expect(mine[0]!.reason).toMatch(new RegExp(`since ${ids.heater} \\(HEATER\\), which raised it, went OFF 4 min ago: the room is changing, not the sensor`));
  });

  it("tells a room cooling after its heater went off from a drifting sensor, by the room's fitted plant", async () => {
    // Seven minutes after the heater's last switch-off, with everything OFF: the room relaxes towards 20 °C.
    const asOf = new Date(startMs() + 412 * MIN).toISOString();
    const res = await gql<{
      sensors: Array<{ health: { issues: string[] }; traits: { driftPerMinute: number; driftCause: string } }>;
      recommendations: Array<{ action: string; sensorId: string; targetId: string; urgency: string; reason: string }>;
    }>(
      twin.url,
      `query ($s: ID!, $asOf: DateTime) {
        sensors(where: { sensorId: { eq: $s } }) { health(windowSeconds: 300, asOf: $asOf) { issues } traits(windowSeconds: 300, asOf: $asOf) { driftPerMinute driftCause } }
        recommendations(asOf: $asOf) { action sensorId targetId urgency reason }
      }`,
      { s: ids.sensor, asOf },
    );
    expect(res.errors).toBeUndefined();
    // A fall within a room's plausible rates, with no peer: not the sensor's fault by itself (health says nothing); the room is asked.
    expect(res.data!.sensors[0]!.traits).toMatchObject({ driftCause: "UNKNOWN", driftPerMinute: expect.any(Number) });
    expect(res.data!.sensors[0]!.traits.driftPerMinute).toBeLessThan(0);
    expect(res.data!.sensors[0]!.health.issues.filter((i) => i.startsWith("Drifting"))).toEqual([]);
    const mine = res.data!.recommendations.filter((r) => r.targetId === ids.sensor);
    expect(mine.map((r) => r.action)).not.toContain("RECALIBRATE");
    const monitoring = mine.find((r) => r.action === "CONTINUE_MONITORING");
    expect(monitoring?.urgency).toBe("LOW");
    expect(monitoring?.reason).toMatch(/as the room's fitted model expects -0\.\d+ ± [\d.]+\/min now \(every actuator OFF, settling towards (19|20)[\d.]*\): the room is changing, not the sensor/);
  });
});

describe("forecast, risk, maintenance and recommendations", () => {
  it("forecasts with a calibrated interval, and recommends switching the fan when the target band will be breached", async () => {
    const asOf = new Date(endMs).toISOString();
    const res = await gql<{
      forecast: { value: number; lower: number; upper: number; minutesToThreshold: number | null; method: string };
      failureRisk: { probability: number; drivers: string[]; method: string };
      maintenance: { status: string; currentStability: number; reasons: string[] };
      recommendations: Array<{ action: string; targetId: string; command: string | null; sensorId: string; urgency: string; reason: string; expectedEffect: string | null }>;
    }>(
      twin.url,
      `query ($s: ID!, $asOf: DateTime) {
        forecast(sensorId: $s, minutes: 30, threshold: 24, asOf: $asOf) { value lower upper minutesToThreshold method }
        failureRisk(sensorId: $s, hours: 24, asOf: $asOf) { probability drivers method }
        maintenance(sensorId: $s, asOf: $asOf) { status currentStability reasons }
        recommendations(asOf: $asOf) { action targetId command sensorId urgency reason expectedEffect }
      }`,
      { s: ids.sensor, asOf },
    );
    expect(res.errors).toBeUndefined();
    const { forecast, failureRisk, maintenance, recommendations } = res.data!;
    expect(forecast.lower).toBeLessThanOrEqual(forecast.value);
    expect(forecast.upper).toBeGreaterThanOrEqual(forecast.value);
    expect(forecast.method).toMatch(/Holt/);
    expect(failureRisk.probability).toBeGreaterThanOrEqual(0);
    expect(failureRisk.probability).toBeLessThanOrEqual(1);
    expect(failureRisk.method).toMatch(/P = 1/);
    expect(["HEALTHY", "SCHEDULE_SOON", "URGENT", "IMPROVING"]).toContain(maintenance.status);
    expect(maintenance.reasons.length).toBeGreaterThan(0);
    const mine = recommendations.filter((r) => r.sensorId === ids.sensor);
    expect(mine.length).toBeGreaterThan(0);
    const order = ["HIGH", "MEDIUM", "LOW", "NONE"];
    const ranks = recommendations.map((r) => order.indexOf(r.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("refuses bad horizons and unknown sensors clearly", async () => {
    const res = await gql(twin.url, `{ failureRisk(sensorId: "temp_unknown_zz", hours: 24) { probability } }`);
    expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/no sensor with sensorId "temp_unknown_zz"/), extensions: { code: "NOT_FOUND" } });
    const hours = await gql(twin.url, `query ($s: ID!) { failureRisk(sensorId: $s, hours: 0) { probability } }`, { s: ids.sensor });
    expect(hours.errors?.[0]?.message).toMatch(/hours must be a whole number from 1 to 168/);
    const week = await gql(twin.url, `query ($s: ID!) { forecast(sensorId: $s, minutes: 20000) { value } }`, { s: ids.sensor });
    expect(week.errors?.[0]?.message).toMatch(/minutes must be a whole number from 1 to 10080 \(7 days\), got 20000/);
  });
});

describe("long horizons, from the days before the live one", () => {
  it("samples a sensor's older readings per bucket in Neo4j and forecasts a day ahead from them", async () => {
    // Three days of 5-min readings with a daily cycle, stored in Neo4j (older than the live day).
    const sensorId = `temp_${twin.prefix}_long`;
    const rng = new SeededRandom(23);
    const end = Math.floor(Date.now() / MIN) * MIN - 10 * MIN;
    const readings: Array<{ sensorId: string; value: number; timestamp: string }> = [];
    for (let t = end - 3 * 24 * 60 * MIN + 5 * MIN; t <= end; t += 5 * MIN) {
      readings.push({ sensorId, value: Number((21 + 2 * Math.sin((2 * Math.PI * t) / (24 * 60 * MIN)) + rng.gaussian(0, 0.1)).toFixed(3)), timestamp: new Date(t).toISOString() });
    }
    const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`, { r: readings });
    expect(res.data?.recordReadings.accepted).toBe(readings.length);
    await twin.app.writer.flush();

    // The store's per-bucket sample: the newest reading of each 12-min bucket (every 12-min
    // bucket ending on a multiple of 12 min holds 2 or 3 readings 5 min apart).
    const store = new ReadingStore(twin.driver);
    const bucket = 12 * MIN;
    const to = Math.floor((end - 24 * 60 * MIN) / bucket) * bucket;
    const sampled = await store.newestPerBucket(sensorId, to, bucket, 100);
    const stored = readings.map((r) => ({ timestampMs: Date.parse(r.timestamp), value: r.value }));
    const expected = Array.from({ length: 100 }, (_, k) => stored.filter((p) => p.timestampMs > to - (100 - k) * bucket && p.timestampMs <= to - (99 - k) * bucket).at(-1)).filter(
      (p) => p !== undefined,
    );
    expect(sampled).toEqual(expected);
    expect(sampled).toHaveLength(100);
    // A span reaching back before the sensor's first reading gives the buckets it has readings
    // in (the older ones are not sought); a sensor with none in the span gives none.
    const reaching = await store.newestPerBucket(sensorId, to, bucket, 1_000);
    const held = Array.from({ length: 1_000 }, (_, k) => stored.filter((p) => p.timestampMs > to - (1_000 - k) * bucket && p.timestampMs <= to - (999 - k) * bucket).at(-1)).filter(
      (p) => p !== undefined,
    );
    expect(held.length).toBeGreaterThan(100);
    expect(held.length).toBeLessThan(1_000);
    expect(reaching).toEqual(held);
    expect(await store.newestPerBucket(sensorId, stored[0]!.timestampMs - 1, bucket, 100)).toEqual([]);
    expect(await store.newestPerBucket(`${sensorId}_none`, to, bucket, 100)).toEqual([]);

    const day = await gql<{ forecast: { value: number | null; lower: number | null; upper: number | null; unavailableReason: string | null } }>(
      twin.url,
      `query ($s: ID!) { forecast(sensorId: $s, minutes: 1440) { value lower upper unavailableReason } }`,
      { s: sensorId },
    );
    expect(day.errors).toBeUndefined();
    expect(day.data?.forecast.unavailableReason).toBeNull();
    // A day ahead of a daily cycle is about where it is now; the band is the sensor's own errors.
    const now = stored.at(-1)!.value;
    expect(Math.abs(day.data!.forecast.value! - now)).toBeLessThan(1.5);
    expect(day.data!.forecast.lower!).toBeLessThan(day.data!.forecast.upper!);
  }, 60_000);
});

describe("failure risk of a process value with no physical range", () => {
  it("learns its operating range from two weeks in Neo4j, counts a fault that outlasts its ordinary idles as leaving it, and asks for an inspection", async () => {
    // A machine at 90 that idles at 60 for 3 h every day, for 14 days of 10-min readings; for
    // the last 9 h it has sat at 40: longer than any idle of the week.
    const sensorId = `machine_${twin.prefix}_temp`;
    const created = await gql(twin.url, `mutation ($id: ID!) { createSensors(input: [{ sensorId: $id, kind: OTHER }]) { sensors { sensorId } } }`, { id: sensorId });
    expect(created.errors).toBeUndefined();
    const rng = new SeededRandom(31);
    const HOUR = 60 * MIN;
    const top = Math.floor(Date.now() / HOUR) * HOUR;
    const end = top - 5 * MIN;
    const faultFrom = top - 9 * HOUR;
    const readings: Array<{ sensorId: string; value: number; timestamp: string }> = [];
    // Off the hour grid (at :05, :15, …): hour rollups count a reading at :00 in the hour that
    // ends there, raw hourly levels in the one that starts there.
    for (let t = top - 14 * 24 * HOUR + 5 * MIN; t <= end; t += 10 * MIN) {
      // The idles fill the 3 whole hours that end 14 h before the last one, every day.
      const hoursBack = (top - t) / HOUR;
      const level = t >= faultFrom ? 40 : hoursBack % 24 > 14 && hoursBack % 24 <= 17 ? 60 : 90;
      readings.push({ sensorId, value: Number((level + rng.gaussian(0, 1)).toFixed(3)), timestamp: new Date(t).toISOString() });
    }
    const ask = (asOfMs: number) =>
      gql<{ failureRisk: { probability: number; drivers: string[]; resolution: string } }>(
        twin.url,
        `query ($s: ID!, $asOf: DateTime) { failureRisk(sensorId: $s, hours: 24, asOf: $asOf) { probability drivers resolution } }`,
        {
          s: sensorId,
          asOf: new Date(asOfMs).toISOString(),
        },
      );
    const risk = async (asOfMs: number) => {
      const r = await ask(asOfMs);
      expect(r.errors).toBeUndefined();
      return r.data!.failureRisk;
    };
    // Asked before the readings arrive (as during an import): nothing to judge yet — and the
    // empty read of the older days must not outlive the back-fill's commit.
    const early = await ask(end);
    expect(early.errors?.[0]?.message).toMatch(/no readings at or before asOf/);

    const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`, { r: readings });
    expect(res.data?.recordReadings.accepted).toBe(readings.length);
    await twin.app.writer.flush();

    const failed = await risk(end);
    expect(failed.probability).toBe(1);
    // Registered before its first reading, the sensor's rollups hold all of it: the older days' hourly levels are its hour rollups.
    expect(failed.resolution).toBe("HOUR");
    expect(failed.drivers.join(" | ")).toMatch(
      /out of its operating band (89|90)\.\d+ ± [\d.]+ \(its last week's hourly levels\) for 9 h, longer than its ordinary excursions \(the longest before it in the last week lasted 3 h\): it has left its operating range/,
    );
    // Just before the fault the machine was inside its band: no range driver, low risk.
    const before = await risk(faultFrom - 20 * MIN);
    expect(before.probability).toBeLessThan(0.5);
    expect(before.drivers.join(" | ")).not.toMatch(/operating/);

    // What to do: inspect the machine now, nothing of the kind before the fault.
    const advice = async (asOfMs: number) => {
      const r = await gql<{ recommendations: Array<{ action: string; targetId: string; urgency: string; reason: string }> }>(
        twin.url,
        `query ($asOf: DateTime) { recommendations(asOf: $asOf) { action targetId urgency reason } }`,
        { asOf: new Date(asOfMs).toISOString() },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.recommendations.filter((x) => x.targetId === sensorId);
    };
    const now = await advice(end);
    expect(now.find((x) => x.action === "INSPECT")).toMatchObject({
      urgency: "HIGH",
      reason: expect.stringMatching(/for 9 h, longer than its ordinary excursions .*; inspect what it measures, and the sensor$/),
    });
    expect((await advice(faultFrom - 20 * MIN)).some((x) => x.action === "INSPECT")).toBe(false);
  }, 60_000);
});
