import { randomBytes } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { MqttSettings } from "../../src/bridge/mqtt/mqttBridge.js";
import { VirtualMqttNode } from "../../src/bridge/virtual/virtualMqttNode.js";
import { mosquitto, type Broker } from "../support/mosquitto.js";
import { requires } from "../support/requirements.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";
import { subscribe, wsClient } from "../support/wsClient.js";

// MQTT nodes through a real broker (Debian's mosquitto, started here on a free loopback port)
// into a twin on the real test Neo4j. Ids carry a suffix of their own, as in control.test.ts.
const { describe } = requires("mosquitto");

const sfx = randomBytes(3).toString("hex");
const SEND = `mutation ($input: CommandInput!) { sendCommand(input: $input) { commandId status error } }`;
const STATUSES = "{ deviceStatuses { deviceId online readings rejectedLines port } }";

let broker: Broker;
let twin: TestTwin;
let settings: MqttSettings;
const nodes: VirtualMqttNode[] = [];
const clients: MqttClient[] = [];

/** A plain MQTT client (a hand-written node, or a spy on the downlinks). */
async function rawClient(url: string, options: mqtt.IClientOptions = {}): Promise<MqttClient> {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, ...options });
  clients.push(client);
  return client;
}

function node(deviceId: string, suffix: string, extra: { onPublish?: (r: { s: string; n: number }) => void; intervalMs?: number; mqtt?: MqttSettings } = {}): VirtualMqttNode {
  const created = new VirtualMqttNode({
    deviceId,
    idSuffix: suffix,
    intervalMs: extra.intervalMs ?? 200,
    mqtt: extra.mqtt ?? settings,
    ...(extra.onPublish === undefined ? {} : { onPublish: extra.onPublish }),
  });
  nodes.push(created);
  return created;
}

async function deviceStatus(url: string, deviceId: string): Promise<{ online: boolean; readings: number; rejectedLines: number; port: string } | undefined> {
  const res = await gql<{ deviceStatuses: Array<{ deviceId: string; online: boolean; readings: number; rejectedLines: number; port: string }> }>(url, STATUSES);
  return res.data?.deviceStatuses.find((s) => s.deviceId === deviceId);
}

beforeAll(async () => {
  broker = await mosquitto();
  settings = { url: broker.url, username: undefined, password: undefined, prefix: "twin" };
  twin = await startTestTwin({ mqtt: settings });
  // Readings are not retained: the nodes may publish only once the twin listens.
  await eventually(async () => (twin.app.mqtt?.status().subscribed === true ? true : undefined), 10_000, "the twin's subscription to every uplink");
});

afterAll(async () => {
  for (const n of nodes) await n.stop().catch(() => undefined);
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await twin?.close();
  await broker?.close();
});

describe("MQTT nodes through mosquitto", () => {
  it("20 virtual MQTT nodes: every reading is stored once and reaches a graphql-ws subscriber", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => ({ deviceId: `mq-${sfx}-${i}`, suffix: `${sfx}m${i}` }));
    const sensorIds = ids.flatMap(({ suffix }) => ["temp", "humidity", "pressure", "distance"].map((kind) => `${kind}_${suffix}`));
    const published = new Set<string>();
    const client = wsClient(twin.wsUrl);
    const registered = twin.subscriptionsRegistered("readingAdded");
    const sub = subscribe<{ sensorId: string; seq: number }>(client, "subscription ($ids: [ID!]) { readingAdded(sensorIds: $ids) { sensorId seq } }", { ids: sensorIds });
    await registered;

    const fleet = ids.map(({ deviceId, suffix }) => node(deviceId, suffix, { onPublish: ({ s, n }) => published.add(`${s}#${n}`) }));
    await Promise.all(fleet.map((n) => n.start()));
    await eventually(async () => (ids.every(({ deviceId }) => twin.app.bridge.isConnected(deviceId)) ? true : undefined), 15_000, "all 20 nodes connected");
    await eventually(async () => (published.size >= 20 * 4 * 10 ? true : undefined), 20_000, "ten rounds of readings from every node");
    // A clean stop: the node's goodbye (an empty retained uplink) comes after its last reading.
    await Promise.all(fleet.map((n) => n.stop()));
    await eventually(async () => (ids.some(({ deviceId }) => twin.app.bridge.isConnected(deviceId)) ? undefined : true), 10_000, "every node gone");

    await twin.app.writer.flush();
    const { records } = await twin.driver.executeQuery("MATCH (r:Reading) WHERE r.sensorId IN $ids RETURN r.sensorId AS s, r.seq AS n", { ids: sensorIds });
    const stored = records.map((r) => `${r.get("s") as string}#${Number(r.get("n"))}`);
    expect(stored.length).toBe(published.size);
    expect(new Set(stored)).toEqual(published);

    await eventually(async () => (sub.received.length >= published.size ? true : undefined), 10_000, "every reading at the subscriber");
    const delivered = sub.received.map((r) => `${r.sensorId}#${r.seq}`);
    expect(delivered.length).toBe(published.size);
    expect(new Set(delivered)).toEqual(published);
    // /metrics counts them under their own source (this is the file's first test: all of them are these).
    const metrics = await (await fetch(twin.url.replace(/graphql$/, "metrics"))).text();
    expect(Number(/^twin_readings_accepted_total\{source="mqtt"\} (\d+)$/m.exec(metrics)?.[1])).toBe(published.size);
    await sub.close();
    await client.dispose();
  }, 90_000);

  it("a command reaches ACKED through the node's downlink; its last will marks it offline (DEVICE_OFFLINE)", async () => {
    const deviceId = `mqcmd-${sfx}`;
    const fan = `fan_${sfx}c`;
    const spy = await rawClient(broker.url);
    const downlink: string[] = [];
    spy.on("message", (topic, payload) => downlink.push(`${topic} ${payload.toString()}`));
    await spy.subscribeAsync(`twin/${deviceId}/down`, { qos: 1 });

    const cmdNode = node(deviceId, `${sfx}c`, { intervalMs: 1_000 });
    await cmdNode.start();
    await eventually(
      async () => {
        const res = await gql<{ actuators: unknown[] }>(twin.url, `query ($id: ID!) { actuators(where: { actuatorId: { eq: $id } }) { actuatorId } }`, { id: fan });
        return res.data?.actuators.length === 1 ? true : undefined;
      },
      15_000,
      "the node's actuators in the graph",
    );
    expect((await deviceStatus(twin.url, deviceId))?.port).toBe(`mqtt:twin/${deviceId}`);

    const on = await gql<{ sendCommand: { status: string; error: string | null } }>(twin.url, SEND, { input: { actuatorId: fan, state: "ON" } });
    expect(on.errors).toBeUndefined();
    expect(on.data?.sendCommand).toMatchObject({ status: "ACKED", error: null });
    expect(downlink.some((m) => m.startsWith(`twin/${deviceId}/down {"t":"set"`) && m.includes(`"a":"${fan}","state":"ON"`))).toBe(true);

    // Power cut: no goodbye, so the broker publishes the node's last will.
    await cmdNode.kill();
    await eventually(async () => (twin.app.bridge.isConnected(deviceId) ? undefined : true), 10_000, "the last will to end the link");
    expect(await deviceStatus(twin.url, deviceId)).toBeUndefined();
    const off = await gql(twin.url, SEND, { input: { actuatorId: fan, state: "OFF" } });
    expect(off.errors?.[0]).toMatchObject({ extensions: { code: "DEVICE_OFFLINE" } });
    expect(off.errors?.[0]?.message).toMatch(new RegExp(`device ${deviceId} is offline`));
    // The will was empty and retained: it also cleared the node's retained hello.
    const late = await rawClient(broker.url);
    const retained: string[] = [];
    late.on("message", (topic, payload) => retained.push(`${topic} ${payload.length}`));
    await late.subscribeAsync([`twin/${deviceId}/up`, `twin/${sfx}-probe/up`], { qos: 1 });
    await late.publishAsync(`twin/${sfx}-probe/up`, "probe", { qos: 1 });
    await eventually(async () => (retained.length > 0 ? true : undefined), 5_000, "the probe message");
    expect(retained).toEqual([`twin/${sfx}-probe/up 5`]);
  }, 60_000);

  it("counts hostile payloads for the device and drops a 10 MB message while the broker connection survives", async () => {
    const deviceId = `mqbad-${sfx}`;
    const sensor = `temp_${sfx}h`;
    const up = `twin/${deviceId}/up`;
    const hostile = await rawClient(broker.url);
    const hello = { t: "hello", v: 1, dev: deviceId, fw: "hand-1", up: 0, seq: 0, ms: 1000, sensors: [{ id: sensor, kind: "TEMPERATURE", unit: "C" }], acts: [] };
    await hostile.publishAsync(up, JSON.stringify(hello), { qos: 1, retain: true });
    await eventually(async () => (twin.app.bridge.isConnected(deviceId) ? true : undefined), 10_000, "the hand-written node's session");
    const connects = twin.app.mqtt!.status().connects;

    const junk = [
      "not json at all",
      '{"t":"r","s":"x"}', // fields missing
      '{"t":"party"}', // unknown type
      `{"t":"r","s":"${sensor}","v":1,"n":1,"up":1}\n{"t":"r","s":"${sensor}","v":2,"n":2,"up":2}`, // two messages in one
      JSON.stringify({ t: "r", s: sensor, v: 1, n: 3, up: 3, pad: "x".repeat(2_000) }), // over 1 KiB
      JSON.stringify({ ...hello, dev: `someone-else-${sfx}` }), // a hello for another device
    ];
    for (const payload of junk) await hostile.publishAsync(up, payload, { qos: 1 });
    await hostile.publishAsync(up, Buffer.alloc(10 * 1024 * 1024, 0x7b), { qos: 1 });
    await hostile.publishAsync(`twin/ghost-${sfx}/up`, "junk from a device without a session", { qos: 1 });
    await hostile.publishAsync(up, JSON.stringify({ t: "r", s: sensor, v: 42.5, n: 4, up: 4 }), { qos: 1 });

    const status = await eventually(
      async () => {
        const s = await deviceStatus(twin.url, deviceId);
        return s?.readings === 1 ? s : undefined;
      },
      10_000,
      "the valid reading after the junk",
    );
    expect(status.rejectedLines).toBe(junk.length);
    expect(twin.app.mqtt!.status()).toMatchObject({ broker: "up", connects });
    expect(twin.app.mqtt!.status().strayMessages).toBeGreaterThanOrEqual(1);
    expect(twin.app.bridge.isConnected(`ghost-${sfx}`)).toBe(false);
    await twin.app.writer.flush();
    const { records } = await twin.driver.executeQuery("MATCH (r:Reading {sensorId: $s}) RETURN r.value AS v", { s: sensor });
    expect(records.map((r) => r.get("v") as number)).toEqual([42.5]);
    await hostile.publishAsync(up, Buffer.alloc(0), { qos: 1, retain: true });
  }, 60_000);

  it("starts while the broker is down, says so, connects once it is up, and comes back after it restarts", async () => {
    const late = await mosquitto({ started: false });
    const lateSettings: MqttSettings = { ...settings, url: late.url };
    const second = await startTestTwin({ mqtt: lateSettings });
    try {
      const down = await eventually(
        async () => {
          const health = (await second.app.health()) as { mqtt?: { broker: string; error: string | null } };
          return health.mqtt?.error !== null && health.mqtt?.error !== undefined ? health.mqtt : undefined;
        },
        10_000,
        "the health report to name the MQTT broker",
      );
      expect(down).toMatchObject({ broker: "down", subscribed: false, error: expect.stringMatching(/ECONNREFUSED/) });
      // It serves what it has meanwhile.
      expect((await gql(second.url, "{ deviceStatuses { deviceId } }")).errors).toBeUndefined();

      await late.start();
      const deviceId = `mqlate-${sfx}`;
      await node(deviceId, `${sfx}l`, { mqtt: lateSettings, intervalMs: 500 }).start();
      await eventually(async () => (second.app.bridge.isConnected(deviceId) ? true : undefined), 20_000, "the twin to connect and the node's session");
      expect(second.app.mqtt!.status()).toMatchObject({ broker: "up", subscribed: true, connects: 1, error: null });

      await late.stop();
      await eventually(async () => (second.app.bridge.isConnected(deviceId) ? undefined : true), 10_000, "the node offline with the broker gone");
      await late.start();
      await eventually(async () => (second.app.bridge.isConnected(deviceId) ? true : undefined), 20_000, "the node back after the broker restarted");
      expect(second.app.mqtt!.status().connects).toBe(2);
    } finally {
      await second.close();
      await late.close();
    }
  }, 90_000);
});
