import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dewPoint, surfaceRelativeHumidity } from "../../src/analytics/climate/psychrometrics.js";
import { weeksToIndex1Regression } from "../../src/analytics/climate/vttMold.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let twin: TestTwin;
let end: number;
const id = (name: string): string => `${name}_${twin.prefix}`;

/** 30 days of readings every 15 min, the last `wetHours` at 97 % and 20 °C, before that 45 %. */
function readings(temp: string, humidity: string, wetHours: number, badHumidityAt: number | null = null) {
  const out: Array<{ sensorId: string; value: number; timestamp: string }> = [];
  for (let t = end - 30 * DAY + 15 * MIN; t <= end; t += 15 * MIN) {
    const wet = t > end - wetHours * HOUR;
    const timestamp = new Date(t).toISOString();
    out.push({ sensorId: temp, value: 20, timestamp });
    out.push({ sensorId: humidity, value: badHumidityAt !== null && Math.abs(t - badHumidityAt) < 60 * MIN ? 104 : wet ? 97 : 45, timestamp });
  }
  return out;
}

async function record(rows: ReturnType<typeof readings>): Promise<void> {
  const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, "mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }", { r: rows });
  expect(res.data?.recordReadings.accepted).toBe(rows.length);
}

beforeAll(async () => {
  twin = await startTestTwin();
  end = Math.floor((Date.now() - MIN) / (15 * MIN)) * 15 * MIN;
  const res = await gql(twin.url, `mutation ($input: [LocationCreateInput!]!) { createLocations(input: $input) { locations { locationId } } }`, {
    input: [
      {
        locationId: id("wet"),
        name: "Wet room",
        sensors: { create: [{ node: { sensorId: id("temp_wet"), kind: "TEMPERATURE" } }, { node: { sensorId: id("humidity_wet"), kind: "HUMIDITY" } }] },
        actuators: { create: [{ node: { actuatorId: id("dehumidifier_wet"), kind: "DEHUMIDIFIER", reportedState: "OFF" } }] },
      },
      {
        locationId: id("wall"),
        name: "Cold wall",
        coldestSurfaceC: 12,
        sensors: { create: [{ node: { sensorId: id("temp_wall"), kind: "TEMPERATURE" } }, { node: { sensorId: id("humidity_wall"), kind: "HUMIDITY" } }] },
      },
      { locationId: id("half"), name: "Thermometer only", sensors: { create: [{ node: { sensorId: id("temp_half"), kind: "TEMPERATURE" } }] } },
      {
        locationId: id("broken"),
        name: "Broken hygrometer",
        sensors: { create: [{ node: { sensorId: id("temp_broken"), kind: "TEMPERATURE" } }, { node: { sensorId: id("humidity_broken"), kind: "HUMIDITY" } }] },
      },
    ],
  });
  expect(res.errors).toBeUndefined();
  await record(readings(id("temp_wet"), id("humidity_wet"), 240));
  await record(readings(id("temp_wall"), id("humidity_wall"), 0));
  await record(readings(id("temp_broken"), id("humidity_broken"), 0, end - 10 * DAY));
  await twin.app.writer.flush();
}, 120_000);

afterAll(async () => {
  await twin?.close();
});

interface Mold {
  index: number | null;
  indexForecast: number | null;
  hoursToIndex1: number | null;
  hoursToIndex1Forecast: number | null;
  sensitivityClass: string | null;
  drivers: string[];
  unavailableReason: string | null;
}
const MOLD = "index indexForecast hoursToIndex1 hoursToIndex1Forecast sensitivityClass drivers unavailableReason";
const moldRisk = async (location: string, hours = 24) =>
  gql<{ moldRisk: Mold }>(twin.url, `query ($l: ID!, $h: Int, $a: DateTime) { moldRisk(locationId: $l, hours: $h, asOf: $a) { ${MOLD} } }`, { l: location, h: hours, a: new Date(end).toISOString() });

describe("room physics through GraphQL", () => {
  it("follows the VTT reference curve on a month of stored history: 10 days at 97 % and 20 °C", async () => {
    const res = await moldRisk(id("wet"));
    expect(res.errors).toBeUndefined();
    const m = res.data!.moldRisk;
    const tm = weeksToIndex1Regression(20, 97) * 168;
    expect(m.unavailableReason).toBeNull();
    expect(m.sensitivityClass).toBe("VERY_SENSITIVE");
    expect(m.index).toBeCloseTo(240 / tm, 1);
    expect(m.hoursToIndex1).toBeCloseTo(tm - 240, -1);
    expect(m.hoursToIndex1Forecast).toBeCloseTo(tm - 240, -1);
    // A second question reads the kept hours, not the month again, and answers the same.
    expect((await moldRisk(id("wet"))).data!.moldRisk).toEqual(m);
  });

  it("recommends the dehumidifier of a room heading for index 1, saying what to expect", async () => {
    const res = await gql<{ recommendations: Array<{ action: string; targetId: string; urgency: string; reason: string; expectedEffect: string | null }> }>(
      twin.url,
      "query ($a: DateTime) { recommendations(asOf: $a) { action targetId sensorId command urgency confidence reason expectedEffect } }",
      { a: new Date(end).toISOString() },
    );
    expect(res.errors).toBeUndefined();
    const mold = res.data!.recommendations.filter((r) => r.targetId === id("dehumidifier_wet"));
    expect(mold).toHaveLength(1);
    expect(mold[0]).toMatchObject({ action: "ACTUATE", urgency: "HIGH" });
    expect(mold[0]!.reason).toMatch(new RegExp(`^mold index 1 in ${id("wet")} in ≈\\d+(\\.\\d+)? h`));
    // The room never switched its dehumidifier, so there is no fitted plant to simulate it on.
    expect(mold[0]!.expectedEffect).toMatch(/no fitted humidity plant/);
    expect(res.data!.recommendations.some((r) => r.targetId.includes("wall") && r.action === "ACTUATE")).toBe(false);
  });

  it("judges the coldest surface: 45 % in the room is 75 % at a 12 °C wall", async () => {
    const res = await gql<{ locations: Array<{ climate: Record<string, unknown> }> }>(
      twin.url,
      `query ($l: ID!, $a: DateTime) { locations(where: { locationId: { eq: $l } }) { climate(asOf: $a) {
        temperatureSensorId humiditySensorId temperatureC relativeHumidity dewPointC absoluteHumidityGm3 surfaceTemperatureC surfaceRelativeHumidity dewPointMarginC condensationRisk surface unavailableReason } } }`,
      { l: id("wall"), a: new Date(end).toISOString() },
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.locations[0]!.climate;
    expect(c).toMatchObject({ temperatureSensorId: id("temp_wall"), humiditySensorId: id("humidity_wall"), temperatureC: 20, relativeHumidity: 45, surfaceTemperatureC: 12, unavailableReason: null });
    expect(c["dewPointC"]).toBeCloseTo(dewPoint(20, 45) as number, 9);
    expect(c["surfaceRelativeHumidity"]).toBeCloseTo(surfaceRelativeHumidity(20, 45, 12), 9);
    expect(c["surfaceRelativeHumidity"]).toBeCloseTo(75, 0);
    expect(c["condensationRisk"]).toBe("LOW");
    const mold = (await moldRisk(id("wall"))).data!.moldRisk;
    expect(mold).toMatchObject({ index: 0, hoursToIndex1: null });
  });

  it("names what is missing or wrong instead of answering", async () => {
    const half = (await moldRisk(id("half"))).data!.moldRisk;
    expect(half.index).toBeNull();
    expect(half.unavailableReason).toMatch(new RegExp(`location ${id("half")} has no HUMIDITY sensor \\(it has ${id("temp_half")} \\(TEMPERATURE\\)\\)`));
    const broken = (await moldRisk(id("broken"))).data!.moldRisk;
    expect(broken.unavailableReason).toMatch(/^refused: the hour to .*: humidity_broken_\w+'s relative humidity 104 % lies outside 0–100 %/);
    const unknown = await moldRisk("no_such_room");
    expect(unknown.errors?.[0]?.extensions?.["code"]).toBe("NOT_FOUND");
    const badHours = await moldRisk(id("wet"), 0);
    expect(badHours.errors?.[0]).toMatchObject({ message: "hours must be a whole number from 1 to 720 (30 days), got 0", extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("MOLD_RISK rules", () => {
  const rule = (sensorId: string) => ({
    name: `dry ${sensorId}`,
    sensorId,
    condition: { type: "MOLD_RISK", measure: "HOURS_TO_INDEX1_FORECAST", comparison: "LT", threshold: 168, forecastHours: 24 },
    clear: { comparison: "GT", threshold: 336 },
    actions: [{ type: "ACTUATE", actuatorId: id("dehumidifier_wet"), state: "ON", clearState: "OFF" }],
  });

  it("are refused on a sensor whose room cannot have a mold risk", async () => {
    const res = await gql(twin.url, "mutation ($input: RuleInput!) { createRule(input: $input) { ruleId } }", { input: rule(id("temp_half")) });
    expect(res.errors?.[0]?.message).toMatch(new RegExp(`MOLD_RISK watches the mold risk of ${id("temp_half")}'s room, but location ${id("half")} has no HUMIDITY sensor`));
  });

  it("dry-run over the room's stored month and fire live when index 1 comes within a week", async () => {
    const dry = await gql<{ ruleDryRun: { firings: number; timeline: Array<{ at: string; message: string; actions: string[] }> } }>(
      twin.url,
      "query ($input: RuleInput!, $from: DateTime!, $to: DateTime!) { ruleDryRun(input: $input, from: $from, to: $to) { firings timeline { at message actions } } }",
      { input: rule(id("humidity_wet")), from: new Date(end - 12 * DAY).toISOString(), to: new Date(end).toISOString() },
    );
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.ruleDryRun.firings).toBe(1);
    // The humidity rose 240 h before the end; index 1 is t_m ≈ 249 h after that; the rule fires 168 h before.
    // The index moves in whole clock hours while the end falls on any quarter hour: within 2 h.
    const tm = weeksToIndex1Regression(20, 97) * 168;
    const firedAt = Date.parse(dry.data!.ruleDryRun.timeline[0]!.at);
    expect(Math.abs((firedAt - (end - 240 * HOUR)) / HOUR - (tm - 168))).toBeLessThan(2);
    expect(dry.data!.ruleDryRun.timeline[0]!.actions).toEqual([`ACTUATE ${id("dehumidifier_wet")} ON`]);

    const created = await gql<{ createRule: { ruleId: string } }>(twin.url, "mutation ($input: RuleInput!) { createRule(input: $input) { ruleId conditionType } }", {
      input: rule(id("humidity_wet")),
    });
    expect(created.errors).toBeUndefined();
    let t = end;
    const fired = await eventually(
      async () => {
        t += 1000;
        await gql(twin.url, "mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }", {
          r: [{ sensorId: id("humidity_wet"), value: 97, timestamp: new Date(t).toISOString() }],
        });
        const res = await gql<{ rules: Array<{ phase: string; decisions: Array<{ event: string; message: string }> }> }>(
          twin.url,
          `query ($id: ID!) { rules(where: { ruleId: { eq: $id } }) { phase decisions(where: { event: { eq: "FIRED" } }) { event message } } }`,
          { id: created.data!.createRule.ruleId },
        );
        return res.data?.rules[0]?.decisions[0];
      },
      20_000,
      "the MOLD_RISK rule's firing",
    );
    expect(fired.message).toMatch(new RegExp(`${id("humidity_wet")} room's mold hours to index 1 \\(the last 24 h repeating\\) \\d+(\\.\\d+)? LT 168`));
  });
});
