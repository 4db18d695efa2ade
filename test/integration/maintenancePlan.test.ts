import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../src/analytics/random.js";
import { gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const MIN = 60_000;
const HOUR = 60 * MIN;

let twin: TestTwin;
let now: number;
const id = (name: string): string => `${name}_${twin.prefix}`;

interface Visit {
  start: string;
  end: string;
  locationId: string | null;
  technician: number;
  items: Array<{ sensorId: string; action: string; dueBy: string | null; reason: string; costOfDelayPerDay: number | null }>;
}
const PLAN = "start end locationId technician items { sensorId action dueBy reason costOfDelayPerDay }";

beforeAll(async () => {
  twin = await startTestTwin();
  now = Date.now();
  const create = await gql(twin.url, `mutation ($input: [LocationCreateInput!]!) { createLocations(input: $input) { locations { locationId } } }`, {
    input: [
      { locationId: id("lab"), name: "Lab", sensors: { create: [{ node: { sensorId: id("temp_wearing"), kind: "TEMPERATURE" } }, { node: { sensorId: id("temp_steady"), kind: "TEMPERATURE" } }] } },
      { locationId: id("hki"), name: "Helsinki office", timeZone: "Europe/Helsinki", sensors: { create: [{ node: { sensorId: id("temp_silent"), kind: "TEMPERATURE" } }] } },
    ],
  });
  expect(create.errors).toBeUndefined();
  // A day at one reading a minute: one sensor's noise grows (stability 95 % → 65 %, 60 % about
  // 4 h after now), one stays steady, one falls silent 10 min ago (stale and unstable: FAILED).
  const rng = new SeededRandom(5);
  const rows: Array<{ sensorId: string; value: number; timestamp: string }> = [];
  for (let m = 24 * 60; m >= 0; m--) {
    const t = now - m * MIN;
    const timestamp = new Date(t).toISOString();
    const sigma = 0.05 + 0.3 * (1 - m / (24 * 60));
    rows.push({ sensorId: id("temp_wearing"), value: 21 + rng.gaussian(0, sigma), timestamp });
    rows.push({ sensorId: id("temp_steady"), value: 21 + rng.gaussian(0, 0.05), timestamp });
    if (m > 10) rows.push({ sensorId: id("temp_silent"), value: 21 + rng.gaussian(0, 0.6), timestamp });
  }
  const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, "mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }", { r: rows });
  expect(res.data?.recordReadings.accepted).toBe(rows.length);
  await twin.app.writer.flush();
}, 120_000);

afterAll(async () => {
  await twin?.close();
});

describe("maintenancePlan through GraphQL", () => {
  it("plans a replacement and a recalibration inside each site's own working hours", async () => {
    const res = await gql<{ maintenancePlan: Visit[] }>(twin.url, `query ($from: DateTime!) { maintenancePlan(from: $from, days: 3, technicians: 4, hoursPerVisit: 1.5) { ${PLAN} } }`, {
      from: new Date(now).toISOString(),
    });
    expect(res.errors).toBeUndefined();
    const mine = res.data!.maintenancePlan.filter((v) => v.locationId === id("lab") || v.locationId === id("hki"));
    const lab = mine.find((v) => v.locationId === id("lab"));
    const hki = mine.find((v) => v.locationId === id("hki"));
    expect(lab?.items.map((i) => [i.sensorId, i.action])).toEqual([[id("temp_wearing"), "RECALIBRATE"]]);
    expect(lab!.items[0]!.reason).toMatch(/^stability reaches 60 % in ~\d+(\.\d+)? h \(stability falling .*\); a day's delay: a \d(\.\d+)? chance it fails that day; /);
    expect(hki?.items.map((i) => [i.sensorId, i.action])).toEqual([[id("temp_silent"), "REPLACE"]]);
    expect(hki!.items[0]!.reason).toMatch(/^health FAILED now/);
    expect(hki!.items[0]!.costOfDelayPerDay).toBe(1);
    // 08:00–17:00 in Helsinki (UTC+2 in winter, +3 in summer) and in UTC for the lab.
    const helsinkiHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Helsinki", hour: "2-digit", hourCycle: "h23" }).format(new Date(hki!.start)));
    expect(helsinkiHour).toBeGreaterThanOrEqual(8);
    expect(helsinkiHour).toBeLessThanOrEqual(15);
    expect(Date.parse(hki!.end) - Date.parse(hki!.start)).toBe(1.5 * HOUR);
    const labHour = new Date(lab!.start).getUTCHours() + new Date(lab!.start).getUTCMinutes() / 60;
    expect(labHour).toBeGreaterThanOrEqual(8);
    expect(labHour + 1.5).toBeLessThanOrEqual(17);
    expect(mine.every((v) => Date.parse(v.start) >= now)).toBe(true);
  });

  it("refuses zero technicians and missing working hours with a clear message", async () => {
    const zero = await gql(twin.url, `{ maintenancePlan(from: "${new Date(now).toISOString()}", days: 3, technicians: 0, hoursPerVisit: 1) { start } }`);
    expect(zero.errors?.[0]).toMatchObject({ message: "technicians must be a whole number from 1 to 100, got 0: a plan without technicians visits no one", extensions: { code: "BAD_USER_INPUT" } });
    const none = await gql(twin.url, `{ maintenancePlan(from: "${new Date(now).toISOString()}", days: 3, technicians: 1, hoursPerVisit: 1, workingHours: "") { start } }`);
    expect(none.errors?.[0]?.message).toBe('workingHours must be "HH:MM-HH:MM", e.g. "08:00-17:00"; got ""');
  });
});
