// The site bench:predict asks its two room- and site-wide questions of, loaded after the
// sensor-level figures are taken (so those figures keep measuring 20 sensors):
// - a mold room: a temperature and a humidity sensor with 30 days of hourly readings (a daily
//   cycle, 55–92 % RH at 19–22 °C, so the mold index moves), for `moldRisk`;
// - 480 more sensors, 5 to a room in 96 rooms (a quarter each in Helsinki, New York, Tokyo and
//   UTC), a day at one reading per 5 minutes; every third one's noise grows through the day at its
//   own rate (its stability falls towards 60 % over hours to days), so with the 20 bench sensors
//   500 sensors feed `maintenancePlan`.
import { gql } from "../test/support/testApp.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const MOLD_ROOM = "room_bench_mold";
export const PLAN_SENSORS = 480;
const PLAN_ROOMS = 96;
const PLAN_STEP_MS = 5 * 60_000;
const ZONES = ["Europe/Helsinki", "America/New_York", "Asia/Tokyo", null] as const;

interface Row {
  sensorId: string;
  value: number;
  timestamp: string;
}
type Record = (rows: readonly Row[]) => Promise<void>;

async function createLocations(url: string, input: unknown[]): Promise<void> {
  const res = await gql(url, "mutation ($input: [LocationCreateInput!]!) { createLocations(input: $input) { locations { locationId } } }", { input });
  if (res.errors !== undefined) throw new Error(`creating locations failed: ${res.errors[0]?.message}`);
}

/** Sends rows in calls of at most 10,000 (the API's limit). */
async function inCalls(record: Record, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) await record(rows.slice(i, i + 10_000));
}

export async function loadMoldRoom(url: string, record: Record, endMs: number): Promise<number> {
  await createLocations(url, [
    {
      locationId: MOLD_ROOM,
      name: "Bench cellar",
      coldestSurfaceOffsetC: 2,
      sensors: { create: [{ node: { sensorId: "temp_bench_mold", kind: "TEMPERATURE" } }, { node: { sensorId: "humidity_bench_mold", kind: "HUMIDITY" } }] },
    },
  ]);
  const rows: Row[] = [];
  for (let t = endMs - 30 * DAY; t <= endMs; t += HOUR) {
    const phase = Math.sin((2 * Math.PI * (t % DAY)) / DAY);
    const timestamp = new Date(t).toISOString();
    rows.push({ sensorId: "temp_bench_mold", value: 20.5 + 1.5 * phase, timestamp }, { sensorId: "humidity_bench_mold", value: 73.5 - 18.5 * phase, timestamp });
  }
  await inCalls(record, rows);
  return rows.length / 2;
}

export async function loadPlanSite(url: string, record: Record, endMs: number): Promise<number> {
  const rooms = Array.from({ length: PLAN_ROOMS }, (_, r) => ({
    locationId: `room_plan_${r}`,
    name: `Plan room ${r}`,
    timeZone: ZONES[r % ZONES.length],
    sensors: { create: Array.from({ length: PLAN_SENSORS / PLAN_ROOMS }, (_, k) => ({ node: { sensorId: `temp_plan_${r * (PLAN_SENSORS / PLAN_ROOMS) + k}`, kind: "TEMPERATURE" } })) },
  }));
  await createLocations(url, rooms);
  const rows: Row[] = [];
  let seed = 1;
  const noise = (): number => {
    // A small LCG with a Box–Muller step: repeatable, and no dependency for a bench's noise.
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const u = (seed + 1) / 2 ** 31;
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const v = (seed + 1) / 2 ** 31;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  for (let t = endMs - DAY; t <= endMs; t += PLAN_STEP_MS) {
    const dayShare = (t - (endMs - DAY)) / DAY;
    const timestamp = new Date(t).toISOString();
    for (let i = 0; i < PLAN_SENSORS; i++) {
      const wearing = i % 3 === 0;
      const sigma = 0.05 + (wearing ? (0.1 + (0.3 * (i % 7)) / 6) * dayShare : 0);
      rows.push({ sensorId: `temp_plan_${i}`, value: 21 + sigma * noise(), timestamp });
    }
  }
  await inCalls(record, rows);
  return rows.length;
}
