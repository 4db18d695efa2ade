import { createClient } from "@redis/client";
import { afterAll, beforeAll, expect } from "vitest";
import { VirtualDevice } from "../../src/bridge/virtual/virtualDevice.js";
import { startTestRedis, type TestRedis } from "../support/redis.js";
import { requires } from "../support/requirements.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";
import { subscribe, wsClient } from "../support/wsClient.js";

const { describe, it } = requires("redis");

const READING_ADDED = `subscription ($ids: [ID!]) { readingAdded(sensorIds: $ids) { sensorId value seq } }`;
const RECORD = `mutation ($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { accepted } }`;

interface Live {
  sensorId: string;
  value: number;
  seq: number | null;
}

const readings = (sensorId: string, from: number, count: number): Array<{ sensorId: string; value: number; timestamp: string; seq: number }> =>
  Array.from({ length: count }, (_, i) => ({ sensorId, value: from + i, timestamp: new Date(Date.parse("2026-11-01T00:00:00Z") + (from + i) * 1000).toISOString(), seq: from + i }));

describe("subscriptions across two instances through Redis", () => {
  let redis: TestRedis;
  let a: TestTwin;
  let b: TestTwin;
  beforeAll(async () => {
    redis = await startTestRedis();
    const settings = { url: redis.url, channel: `twin:test:${Date.now()}` };
    a = await startTestTwin({ redis: settings, instance: "a" });
    b = await startTestTwin({ redis: settings, instance: "b" });
    await eventually(async () => ([a, b].every((t) => t.app.fanout?.status().redis === "up") ? true : undefined), 10_000, "both instances on Redis");
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.close();
  });

  it("a client on A receives every reading recorded on B once, in order, and A's own once too", async () => {
    const fromB = `temp_${b.prefix}_fan`;
    const fromA = `temp_${a.prefix}_fan`;
    const client = wsClient(a.wsUrl);
    const registered = a.subscriptionsRegistered("readingAdded");
    const sub = subscribe<Live>(client, READING_ADDED, { ids: [fromB, fromA] });
    await registered;
    for (let k = 0; k < 5; k++) {
      const res = await gql<{ recordReadings: { accepted: number } }>(b.url, RECORD, { readings: readings(fromB, k * 200, 200) });
      expect(res.data?.recordReadings.accepted).toBe(200);
    }
    await gql(a.url, RECORD, { readings: readings(fromA, 0, 3) });
    const got = await sub.take(1003, 15_000);
    const remote = got.filter((r) => r.sensorId === fromB).map((r) => r.seq);
    expect(remote).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(got.filter((r) => r.sensorId === fromA).map((r) => r.value)).toEqual([0, 1, 2]);
    // Nothing more comes: no echo of A's own readings, no second copy of B's.
    await new Promise((r) => setTimeout(r, 500));
    expect(sub.received).toHaveLength(1003);
    expect(b.app.fanout!.status().published).toBeGreaterThanOrEqual(1000);
    expect(a.app.fanout!.status().received).toBeGreaterThanOrEqual(1000);
    await sub.close();
    await client.dispose();
  });

  it("a device held by B: A's clients see its status and its commands' statuses, and a command sent to A reaches it through B", async () => {
    const deviceId = `fan-${b.prefix}`;
    const node = new VirtualDevice({ deviceId, idSuffix: b.prefix, seed: 5 });
    const client = wsClient(a.wsUrl);
    const statuses = subscribe<{ deviceId: string; online: boolean }>(client, `subscription ($d: [ID!]) { deviceStatus(deviceIds: $d) { deviceId online } }`, { d: [deviceId] });
    const commands = subscribe<{ commandId: string; status: string; targetId: string }>(client, `subscription { commandUpdated { commandId status targetId } }`);
    await eventually(
      async () => (a.app.services.feed.listenerCount("commandUpdated") > 0 && a.app.services.feed.listenerCount("deviceStatus") > 0 ? true : undefined),
      5_000,
      "A's subscriptions registered",
    );
    b.app.bridge.attach(deviceId, async () => node);
    expect((await statuses.take(1))[0]).toEqual({ deviceId, online: true });
    await eventually(
      async () => {
        const { records } = await b.driver.executeQuery("MATCH (:Device {deviceId: $d})-[:HAS_ACTUATOR]->(x:Actuator {actuatorId: $a}) RETURN x", { d: deviceId, a: `fan_${b.prefix}` });
        return records.length > 0 ? true : undefined;
      },
      10_000,
      "the device's registration",
    );
    const sent = await gql<{ sendCommand: { commandId: string; status: string } }>(b.url, `mutation ($a: ID!) { sendCommand(input: { actuatorId: $a, state: "ON" }) { commandId status } }`, {
      a: `fan_${b.prefix}`,
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendCommand.status).toBe("ACKED");
    const id = sent.data!.sendCommand.commandId;
    await eventually(async () => (commands.received.some((c) => c.commandId === id && c.status === "ACKED") ? true : undefined), 5_000, "the ACKED status on A");
    const mine = commands.received.filter((c) => c.commandId === id).map((c) => c.status);
    expect(mine.at(-1)).toBe("ACKED");
    expect(new Set(mine).size).toBe(mine.length); // each status once

    // Sent to A, whose bridge does not hold the device: A forwards it to B through Redis, B's
    // bridge carries it, and A answers once the node's ack and the reported state are stored.
    expect(a.app.bridge.isConnected(deviceId)).toBe(false);
    await eventually(async () => (a.app.remoteDevices?.isConnected(deviceId) === true ? true : undefined), 10_000, "A knows B holds the device");
    const viaA = await gql<{ sendCommand: { commandId: string; status: string; answer: string | null } }>(
      a.url,
      `mutation ($a: ID!) { sendCommand(input: { actuatorId: $a, state: "OFF" }) { commandId status answer } }`,
      { a: `fan_${b.prefix}` },
    );
    expect(viaA.errors).toBeUndefined();
    expect(viaA.data!.sendCommand.status).toBe("ACKED");
    expect(JSON.parse(viaA.data!.sendCommand.answer!)).toMatchObject({ t: "ack", a: `fan_${b.prefix}`, state: "OFF" });
    const { records } = await a.driver.executeQuery("MATCH (x:Actuator {actuatorId: $a}) RETURN x.reportedState AS reported, x.desiredState AS desired", { a: `fan_${b.prefix}` });
    expect([records[0]?.get("reported"), records[0]?.get("desired")]).toEqual(["OFF", "OFF"]);
    await eventually(async () => (commands.received.some((c) => c.commandId === viaA.data!.sendCommand.commandId && c.status === "ACKED") ? true : undefined), 5_000, "A's own command on A's feed");

    // Once B lets the device go, A refuses at once: no instance holds it.
    await b.app.bridge.stop();
    await eventually(async () => (a.app.remoteDevices?.isConnected(deviceId) === false ? true : undefined), 10_000, "A knows no instance holds the device");
    const offline = await gql(a.url, `mutation ($a: ID!) { sendCommand(input: { actuatorId: $a, state: "ON" }) { status } }`, { a: `fan_${b.prefix}` });
    expect(offline.errors?.[0]?.extensions?.["code"]).toBe("DEVICE_OFFLINE");
    await statuses.close();
    await commands.close();
    await client.dispose();
  });

  it("ignores what is not the twin's on the channel, counting it, and goes on delivering", async () => {
    const sensorId = `temp_${b.prefix}_hostile`;
    const intruder = createClient({ url: redis.url });
    await intruder.connect();
    const channel = a.app.fanout!.status().channel;
    const before = a.app.fanout!.status().rejected;
    await intruder.publish(channel, "not json");
    await intruder.publish(channel, JSON.stringify({ v: 2, from: "x", events: [] }));
    await intruder.publish(
      channel,
      JSON.stringify({
        v: 1,
        from: "x",
        events: [
          ["readingAccepted", { sensorId: "temp_x" }],
          ["dropTables", {}],
        ],
      }),
    );
    await intruder.close();
    const client = wsClient(a.wsUrl);
    const registered = a.subscriptionsRegistered("readingAdded");
    const sub = subscribe<Live>(client, READING_ADDED, { ids: [sensorId, "temp_x"] });
    await registered;
    await gql(b.url, RECORD, { readings: readings(sensorId, 0, 2) });
    expect((await sub.take(2)).map((r) => r.sensorId)).toEqual([sensorId, sensorId]);
    expect(a.app.fanout!.status().rejected - before).toBe(4);
    await sub.close();
    await client.dispose();
  });
});

describe("an instance whose Redis is down", () => {
  it("starts, says Redis is down in /healthz, serves its own subscribers, and shares once Redis is up", async () => {
    const redis = await startTestRedis({ started: false });
    const settings = { url: redis.url, channel: "twin:test:late" };
    const a = await startTestTwin({ redis: settings, instance: "a" });
    const b = await startTestTwin({ redis: settings, instance: "b" });
    try {
      const health = (await (await fetch(a.url.replace(/graphql$/, "healthz"))).json()) as { status: string; redis: { redis: string; error: string } };
      expect(health.status).toBe("ok");
      expect(health.redis.redis).toBe("down");
      expect(health.redis.error).toMatch(/ECONNREFUSED|connecting/);

      const local = `temp_${a.prefix}_late`;
      const remote = `temp_${b.prefix}_late`;
      const client = wsClient(a.wsUrl);
      const registered = a.subscriptionsRegistered("readingAdded");
      const sub = subscribe<Live>(client, READING_ADDED, { ids: [local, remote] });
      await registered;
      await gql(a.url, RECORD, { readings: readings(local, 0, 2) });
      await gql(b.url, RECORD, { readings: readings(remote, 0, 2) });
      expect((await sub.take(2)).map((r) => r.sensorId)).toEqual([local, local]);
      expect(b.app.fanout!.status().notShared).toBeGreaterThanOrEqual(2);

      await redis.start();
      await eventually(async () => ([a, b].every((t) => t.app.fanout?.status().redis === "up") ? true : undefined), 20_000, "both instances reconnected");
      await gql(b.url, RECORD, { readings: readings(remote, 10, 2) });
      const got = await sub.take(4);
      expect(got.slice(2).map((r) => [r.sensorId, r.seq])).toEqual([
        [remote, 10],
        [remote, 11],
      ]);
      await sub.close();
      await client.dispose();
    } finally {
      await a.close();
      await b.close();
      await redis.close();
    }
  }, 60_000);
});
