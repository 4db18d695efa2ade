import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const RECORD = `mutation ($readings: [ReadingInput!]!) {
  recordReadings(readings: $readings) { accepted rejected errors { index message } }
}`;

interface RecordResult {
  recordReadings: { accepted: number; rejected: number; errors: Array<{ index: number; message: string }> };
}

let twin: TestTwin;

beforeAll(async () => {
  twin = await startTestTwin();
});
afterAll(async () => {
  await twin?.close();
});

async function stored(sensorId: string): Promise<Array<{ value: number; timestamp: string; seq: number | null }>> {
  await twin.app.writer.flush();
  const res = await gql<{ sensors: Array<{ latestReadings: Array<{ value: number; timestamp: string; seq: number | null }> }> }>(
    twin.url,
    `query ($id: ID!) { sensors(where: { sensorId: { eq: $id } }) { latestReadings(limit: 1000) { value timestamp seq } } }`,
    { id: sensorId },
  );
  expect(res.errors).toBeUndefined();
  return res.data?.sensors[0]?.latestReadings ?? [];
}

describe("recordReadings", () => {
  it("stores good items and refuses each bad one with a reason naming it", async () => {
    const id = `temp_${twin.prefix}`;
    const res = await gql<RecordResult>(twin.url, RECORD, {
      readings: [
        { sensorId: id, value: 21.5, timestamp: "2026-01-01T00:00:00Z", seq: 1 },
        { sensorId: "", value: 1 },
        { sensorId: id, value: 22.5, timestamp: "yesterday-ish" },
        { sensorId: "x".repeat(129), value: 1 },
        { sensorId: id, value: 23.5, timestamp: new Date(Date.now() + 2 * 86_400_000).toISOString() },
        { sensorId: "bad id with spaces", value: 2 },
        { sensorId: id, value: 24.5, timestamp: "2026-01-01T00:00:01Z", seq: 2 },
      ],
    });
    expect(res.errors).toBeUndefined();
    const result = res.data!.recordReadings;
    expect(result.accepted).toBe(2);
    expect(result.rejected).toBe(5);
    expect(result.errors.map((e) => e.index)).toEqual([1, 2, 3, 4, 5]);
    expect(result.errors[0]!.message).toMatch(/readings\[1\].*sensorId is empty/);
    expect(result.errors[1]!.message).toMatch(/readings\[2\].*"yesterday-ish".*not an ISO-8601/);
    expect(result.errors[2]!.message).toMatch(/readings\[3\].*129 characters.*at most 128/);
    expect(result.errors[3]!.message).toMatch(/readings\[4\].*more than 1 day in the future/);
    expect(result.errors[4]!.message).toMatch(/readings\[5\].*characters other than/);
    const rows = await stored(id);
    expect(rows.map((r) => r.value).sort()).toEqual([21.5, 24.5]);
  });

  it("refuses non-numeric values at validation with the item's path", async () => {
    const res = await gql(twin.url, RECORD, { readings: [{ sensorId: "temp_x", value: "hot" }] });
    expect(res.errors?.[0]?.message).toMatch(/readings\[0\]\.value|Float cannot represent/);
    expect(res.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
  });

  it("refuses more than 10,000 readings in one call and says how to fix it", async () => {
    const readings = Array.from({ length: 10_001 }, (_, i) => ({ sensorId: `temp_${twin.prefix}_big`, value: i }));
    const res = await gql(twin.url, RECORD, { readings });
    expect(res.errors?.[0]?.message).toMatch(/at most 10000 readings per call, got 10001; split/);
    expect(res.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(await stored(`temp_${twin.prefix}_big`)).toEqual([]);
  });

  it("accepts exactly 10,000 readings in one call and stores them all", async () => {
    const id = `pressure_${twin.prefix}_bulk`;
    const base = Date.parse("2026-02-01T00:00:00Z");
    const readings = Array.from({ length: 10_000 }, (_, i) => ({
      sensorId: id,
      value: 1000 + (i % 7),
      timestamp: new Date(base + i * 1000).toISOString(),
      seq: i,
    }));
    const res = await gql<RecordResult>(twin.url, RECORD, { readings });
    expect(res.data?.recordReadings).toEqual({ accepted: 10_000, rejected: 0, errors: [] });
    await twin.app.writer.flush();
    expect(await twin.app.services.readings.countReadings(id)).toBe(10_000);
  });

  it("stores a duplicate (sensorId, timestamp, seq) once, even across calls", async () => {
    const id = `humidity_${twin.prefix}_dup`;
    const reading = { sensorId: id, value: 40, timestamp: "2026-03-01T10:00:00Z", seq: 7 };
    const sameTimeOtherSeq = { ...reading, seq: 8, value: 41 };
    await gql(twin.url, RECORD, { readings: [reading, reading, sameTimeOtherSeq] });
    await gql(twin.url, RECORD, { readings: [reading] });
    const rows = await stored(id);
    expect(rows.map((r) => r.seq).sort()).toEqual([7, 8]);
  });

  it("stores a duplicate once even when the twin has forgotten it (store-side check)", async () => {
    const id = `humidity_${twin.prefix}_dup2`;
    const reading = { sensorId: id, value: 40, timestamp: "2026-03-01T10:00:00Z" };
    await gql(twin.url, RECORD, { readings: [reading] });
    await twin.app.writer.flush();
    const other = await startTestTwin();
    try {
      await gql(other.url, RECORD, { readings: [reading] });
      await other.app.writer.flush();
    } finally {
      await other.close();
    }
    expect(await twin.app.services.readings.countReadings(id)).toBe(1);
  });

  it("creates the sensor on its first reading with the kind its id implies", async () => {
    const ids = ["temp", "humidity", "pressure", "distance", "ultrasonic", "light", "co2", "vibration"].map((p) => `${p}_${twin.prefix}_k`);
    await gql(twin.url, RECORD, { readings: ids.map((sensorId) => ({ sensorId, value: 1 })) });
    await twin.app.writer.flush();
    const res = await gql<{ sensors: Array<{ sensorId: string; kind: string; unit: string | null }> }>(
      twin.url,
      `query ($ids: [ID!]!) { sensors(where: { sensorId: { in: $ids } }, sort: [{ sensorId: ASC }]) { sensorId kind unit } }`,
      { ids },
    );
    expect(res.errors).toBeUndefined();
    const kinds = Object.fromEntries(res.data!.sensors.map((s) => [s.sensorId.split("_")[0], s.kind]));
    expect(kinds).toEqual({
      temp: "TEMPERATURE",
      humidity: "HUMIDITY",
      pressure: "PRESSURE",
      distance: "DISTANCE",
      ultrasonic: "DISTANCE",
      light: "LIGHT",
      co2: "CO2",
      vibration: "OTHER",
    });
  });

  it("keeps currentValue at the newest reading by timestamp: an old late reading does not move it back", async () => {
    const id = `temp_${twin.prefix}_order`;
    await gql(twin.url, RECORD, { readings: [{ sensorId: id, value: 30, timestamp: "2026-04-01T12:00:00Z" }] });
    await twin.app.writer.flush();
    await gql(twin.url, RECORD, { readings: [{ sensorId: id, value: 10, timestamp: "2026-04-01T11:00:00Z" }] });
    await twin.app.writer.flush();
    const res = await gql<{ sensors: Array<{ currentValue: number; lastUpdated: string }>; sensorStates: Array<{ sensorId: string; currentValue: number; lastUpdate: string }> }>(
      twin.url,
      `query ($id: ID!) { sensors(where: { sensorId: { eq: $id } }) { currentValue lastUpdated } sensorStates { sensorId currentValue lastUpdate } }`,
      { id },
    );
    expect(res.data!.sensors[0]).toEqual({ currentValue: 30, lastUpdated: "2026-04-01T12:00:00.000Z" });
    expect(res.data!.sensorStates.find((s) => s.sensorId === id)).toEqual({
      sensorId: id,
      currentValue: 30,
      lastUpdate: "2026-04-01T12:00:00.000Z",
    });
    expect((await stored(id)).length).toBe(2);
  });

  it("sensorStates lists sensors made through the generated CRUD mutations too", async () => {
    const id = `light_${twin.prefix}_crud`;
    const created = await gql(twin.url, `mutation ($id: ID!) { createSensors(input: [{ sensorId: $id, kind: LIGHT, name: "desk" }]) { sensors { sensorId } } }`, {
      id,
    });
    expect(created.errors).toBeUndefined();
    const states = await eventually(async () => {
      const res = await gql<{ sensorStates: Array<{ sensorId: string; currentValue: number | null }> }>(twin.url, "{ sensorStates { sensorId currentValue } }");
      return res.data!.sensorStates.find((s) => s.sensorId === id);
    });
    expect(states).toEqual({ sensorId: id, currentValue: null });
  });

  it("refuses a second sensor with the same id as a conflict, not an internal error", async () => {
    const id = `light_${twin.prefix}_twice`;
    const create = `mutation ($id: ID!) { createSensors(input: [{ sensorId: $id, kind: LIGHT }]) { sensors { sensorId } } }`;
    expect((await gql(twin.url, create, { id })).errors).toBeUndefined();
    const second = await gql(twin.url, create, { id });
    expect(second.errors?.[0]?.extensions?.["code"]).toBe("CONFLICT");
    expect(second.errors?.[0]?.message).toMatch(/already exists/);
  });
});
