import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { projectRoot } from "../../src/config.js";
import { startDevices, type StartedDevices } from "../../src/devices.js";
import { createLogger, silentLogger } from "../../src/log.js";
import { createDriver } from "../../src/store/driver.js";
import { startEmbedded, type EmbeddedDatabase } from "../../src/store/embedded.js";
import type { Driver } from "neo4j-driver";
import { freePort } from "../support/processes.js";
import { requires } from "../support/requirements.js";
import { eventually, gql } from "../support/testApp.js";

// The firmware's ids are fixed (node-1, fan_1…), and the firmware tests use them in the shared
// database: this test keeps its own, as a user keeps one data folder across runs.
const { describe, it } = requires("avr");

const SEND = `mutation ($a: ID!, $s: String!) { sendCommand(input: { actuatorId: $a, state: $s }) { status attempts error } }`;

let db: EmbeddedDatabase;
let driver: Driver;
let dataDir: string;
const walDir = mkdtempSync(path.join(tmpdir(), "twin-switch-wal-"));
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "twin-switch-neo4j-"));
  db = await startEmbedded({ projectRoot, port: await freePort(), dataDir, log: createLogger("warn"), pageCacheMb: 128 });
  driver = createDriver({ uri: db.uri, user: "neo4j", password: "" });
}, 240_000);

afterAll(async () => {
  await driver?.close();
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(walDir, { recursive: true, force: true });
});

/** A twin on the shared data folder with the devices `DEVICE` would start, as main.ts wires them. */
async function run(device: "sim" | "virtual"): Promise<{ app: App; devices: StartedDevices; deviceId: string }> {
  const app = await createApp({
    config: { host: "127.0.0.1", port: 0, ingest: { batchSize: 500, lingerMs: 20, bufferCapacity: 20_000 }, wal: { dir: walDir, instance: "switch", fsyncMs: 20, maxBytes: 64 * 1024 * 1024 } },
    driver,
    uri: db.uri,
    log: createLogger("info", (line) => logLines.push(line), "twin", "json"),
  });
  const devices = startDevices({ serialPorts: [], serialBaud: 115_200, device, simArgs: [] }, app.bridge, projectRoot, silentLogger);
  const deviceId = device === "sim" ? "node-1" : "virtual-1";
  await eventually(async () => (app.bridge.isConnected(deviceId) ? true : undefined), 30_000, `${deviceId}'s hello`);
  await eventually(
    async () => {
      const { records } = await driver.executeQuery("MATCH (d:Device {deviceId: $deviceId})-[:HAS_ACTUATOR]->(:Actuator {actuatorId: 'fan_1'}) RETURN count(*) AS n", { deviceId });
      return Number(records[0]!.get("n")) === 1 ? true : undefined;
    },
    30_000,
    `fan_1 registered for ${deviceId}`,
  );
  return { app, devices, deviceId };
}

describe("the simulated node, then the virtual one, on one data folder", () => {
  it("routes commands to the device that is here now, and refuses them at once while it is offline", async () => {
    const sim = await run("sim");
    const first = await gql<{ sendCommand: { status: string } }>(sim.app.server.url, SEND, { a: "fan_1", s: "ON" });
    expect(first.data?.sendCommand.status, JSON.stringify(first)).toBe("ACKED");
    await sim.devices.stop();
    await sim.app.stop();

    const virtual = await run("virtual");
    const url = virtual.app.server.url;
    const links = await driver.executeQuery("MATCH (d:Device)-[:HAS_ACTUATOR|HAS_SENSOR]->(x) WHERE x.actuatorId = 'fan_1' OR x.sensorId = 'temp_1' RETURN collect(DISTINCT d.deviceId) AS ds");
    expect(links.records[0]!.get("ds")).toEqual(["virtual-1"]);
    for (const state of ["OFF", "ON", "OFF"]) {
      const res = await gql<{ sendCommand: { status: string; attempts: number } }>(url, SEND, { a: "fan_1", s: state });
      expect(res.data?.sendCommand, JSON.stringify(res)).toMatchObject({ status: "ACKED", attempts: 1 });
    }

    // The virtual node goes away: its commands are refused, not retried for seconds.
    await virtual.devices.stop();
    await virtual.app.bridge.stop();
    const started = performance.now();
    const offline = await gql(url, SEND, { a: "fan_1", s: "ON" });
    const ms = performance.now() - started;
    expect(offline.errors?.[0]).toMatchObject({ extensions: { code: "DEVICE_OFFLINE" } });
    expect(offline.errors?.[0]?.message).toMatch(/device virtual-1 is offline \(last seen \d{4}-\S+Z, \d+ s ago; no device is connected\), so fan_1 ON was not sent/);
    // A measurement, not an assertion: the figure goes into the report.
    console.info(JSON.stringify({ measured: "sendCommand to an actuator whose device is offline, until DEVICE_OFFLINE", ms: Math.round(ms * 10) / 10 }));
    await virtual.app.stop();

    // Every outcome has its line, and every line is one JSON object.
    const entries = logLines.map((line) => JSON.parse(line) as { level: string; component: string; message: string });
    const outcomes = entries.filter((e) => e.component === "twin.commands").map((e) => `${e.level} ${e.message}`);
    expect(outcomes.filter((m) => /^info command ACTUATE fan_1 ACKED$/.test(m))).toHaveLength(4);
    expect(outcomes).toContainEqual(expect.stringMatching(/^info command ACTUATE fan_1 refused \(DEVICE_OFFLINE\): device virtual-1 is offline/));
    expect(entries.map((e) => e.message)).toContainEqual(expect.stringMatching(/fan_1.* now route to virtual-1 \(linked to node-1 before\)/));
  }, 240_000);
});
