import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestTwin, type TestTwin } from "../support/testApp.js";
import { subscribe, wsClient } from "../support/wsClient.js";

const READING_ADDED = `subscription ($ids: [ID!]) { readingAdded(sensorIds: $ids) { sensorId value timestamp seq } }`;
// ACCEPTED: the answer does not wait for the commit, so "before the commit" can be seen.
const RECORD = `mutation ($readings: [ReadingInput!]!) { recordReadings(readings: $readings, durability: ACCEPTED) { accepted } }`;

interface Live {
  sensorId: string;
  value: number;
  timestamp: string;
  seq: number | null;
}

let twin: TestTwin;

beforeAll(async () => {
  // A linger of a minute and huge batches: nothing is committed while the test watches, so
  // what subscribers receive can only come from publish-at-acceptance.
  twin = await startTestTwin({ ingest: { batchSize: 50_000, lingerMs: 60_000, bufferCapacity: 100_000 } });
});
afterAll(async () => {
  await twin?.close();
});

describe("readingAdded", () => {
  it("delivers readings as they are accepted, before they are committed, filtered per sensor", async () => {
    const mine = `temp_${twin.prefix}_a`;
    const other = `temp_${twin.prefix}_b`;
    const client = wsClient(twin.wsUrl);
    const registered = twin.subscriptionsRegistered("readingAdded", 2);
    const filtered = subscribe<Live>(client, READING_ADDED, { ids: [mine] });
    const everything = subscribe<Live>(client, READING_ADDED, {});
    await registered;

    const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, RECORD, {
      readings: [
        { sensorId: other, value: 1, timestamp: "2026-05-01T00:00:00Z", seq: 1 },
        { sensorId: mine, value: 21.25, timestamp: "2026-05-01T00:00:01Z", seq: 2 },
        { sensorId: mine, value: 21.5, timestamp: "2026-05-01T00:00:02.500Z" },
      ],
    });
    expect(res.data?.recordReadings.accepted).toBe(3);

    expect(await filtered.take(2)).toEqual([
      { sensorId: mine, value: 21.25, timestamp: "2026-05-01T00:00:01.000Z", seq: 2 },
      { sensorId: mine, value: 21.5, timestamp: "2026-05-01T00:00:02.500Z", seq: null },
    ]);
    const all = await everything.take(3);
    expect(all.map((r) => r.sensorId)).toEqual([other, mine, mine]);
    expect(twin.app.writer.pending).toBe(3); // still uncommitted
    expect(await twin.app.services.readings.countReadings(mine)).toBe(0);

    await twin.app.writer.flush();
    expect(await twin.app.services.readings.countReadings(mine)).toBe(2);
    await filtered.close();
    await everything.close();
    await client.dispose();
  });

  it("does not deliver rejected or duplicate readings", async () => {
    const id = `temp_${twin.prefix}_c`;
    const client = wsClient(twin.wsUrl);
    const registered = twin.subscriptionsRegistered("readingAdded");
    const sub = subscribe<Live>(client, READING_ADDED, { ids: [id] });
    await registered;
    const reading = { sensorId: id, value: 5, timestamp: "2026-05-01T00:00:00Z", seq: 9 };
    await gql(twin.url, RECORD, { readings: [reading, { sensorId: id, value: 6, timestamp: "not a time" }, reading] });
    await gql(twin.url, RECORD, { readings: [{ ...reading, value: 7, seq: 10 }] });
    // Events arrive in order: had the duplicate or the rejected one been published, it would
    // come before this last reading.
    await gql(twin.url, RECORD, { readings: [{ ...reading, value: 8, seq: 11, timestamp: "2026-05-01T00:00:01Z" }] });
    const got = await sub.take(3);
    expect(got.map((r) => r.value)).toEqual([5, 7, 8]);
    expect(sub.received).toHaveLength(3);
    await sub.close();
    await client.dispose();
  });

  it("sent over HTTP, is refused with 400 saying subscriptions run over WebSocket", async () => {
    const res = await gql(twin.url, `subscription { readingAdded { sensorId } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" } });
    expect(res.errors?.[0]?.message).toMatch(/subscriptions run over WebSocket \(the graphql-ws protocol\)/);
  });

  it("refuses a malformed sensor id with a clear error", async () => {
    const client = wsClient(twin.wsUrl);
    const sub = subscribe<Live>(client, READING_ADDED, { ids: ["bad id"] });
    // With its code, formatted as over HTTP.
    await expect(sub.take(1)).rejects.toThrow(/readingAdded\(sensorIds\).*"bad id".* \[BAD_USER_INPUT\]$/);
    await client.dispose();
  });
});
