import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualDevice } from "../../src/bridge/virtual/virtualDevice.js";
import { createCommand, type Command } from "../../src/domain/command.js";
import type { SafetySettings } from "../../src/commands/safety.js";
import { CommandStore } from "../../src/store/commandStore.js";
import { createAuthenticator } from "../../src/graphql/auth.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";
import { subscribe, wsClient } from "../support/wsClient.js";

// Commands and rules on a real Neo4j, against a virtual room node that speaks protocol v1 like
// the firmware. Its ids carry a suffix of their own (fan_<sfx>…) so the firmware tests, which
// use the firmware's fixed ids, never meet them in the shared database.

interface CommandResult {
  commandId: string;
  status: string;
  attempts: number;
  issuedBy: string;
  error: string | null;
  payload: string;
  kind: string;
}
const COMMAND_FIELDS = "commandId status attempts issuedBy error payload kind";
const SEND = `mutation ($input: CommandInput!) { sendCommand(input: $input) { ${COMMAND_FIELDS} } }`;

/** Counts the command lines a device receives, by type. */
function tapWrites(device: VirtualDevice): string[] {
  const lines: string[] = [];
  const write = device.write.bind(device);
  device.write = async (data: string) => {
    lines.push(...data.split("\n").filter((l) => l.trim() !== ""));
    return write(data);
  };
  return lines;
}

function plugIn(twin: TestTwin, device: VirtualDevice, deviceId: string): { unplug: () => Promise<void> } {
  let plugged = true;
  twin.app.bridge.attach(`virtual ${deviceId}`, async () => {
    if (!plugged) throw new Error("unplugged");
    return device;
  });
  return {
    unplug: async () => {
      plugged = false;
      await device.close();
    },
  };
}

const sfx = randomBytes(3).toString("hex");
const ids = {
  device: `ctl-${sfx}`,
  fan: `fan_${sfx}`,
  heater: `heater_${sfx}`,
  cooler: `cooler_${sfx}`,
  dehumidifier: `dehumidifier_${sfx}`,
};
const SAFETY: SafetySettings = {
  interlocks: [{ kind: "EXCLUSIVE", name: "heat-or-cool", actuators: [ids.heater, ids.cooler] }],
  rateLimit: { maxCommands: 8, windowMs: 60_000 },
  overrideMs: 60_000,
};

let twin: TestTwin;
let device: VirtualDevice;
let written: string[];

beforeAll(async () => {
  twin = await startTestTwin({ safety: SAFETY });
  device = new VirtualDevice({ deviceId: ids.device, idSuffix: sfx, intervalMs: 500 });
  written = tapWrites(device);
  plugIn(twin, device, ids.device);
  await eventually(async () => (twin.app.bridge.isConnected(ids.device) ? true : undefined), 10_000, "the virtual node's hello");
  // The actuators are in the graph once the hello is stored.
  await eventually(
    async () => {
      const res = await gql<{ actuators: unknown[] }>(twin.url, `query ($id: ID!) { actuators(where: { actuatorId: { eq: $id } }) { actuatorId } }`, { id: ids.fan });
      return res.data?.actuators.length === 1 ? true : undefined;
    },
    10_000,
    "the node's actuators in the graph",
  );
});

afterAll(async () => {
  await twin?.close();
});

describe("sendCommand", () => {
  it("switches an actuator: ACKED, desired and reported state with their times, linked to actuator and device, every change published", async () => {
    const client = wsClient(twin.wsUrl);
    const registered = twin.subscriptionsRegistered("commandUpdated");
    const sub = subscribe<{ status: string; commandId: string }>(client, `subscription { commandUpdated { commandId status } }`);
    await registered;
    const res = await gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input: { actuatorId: ids.fan, state: "ON", reason: "test" } });
    expect(res.errors).toBeUndefined();
    const c = res.data!.sendCommand;
    expect(c).toMatchObject({ status: "ACKED", attempts: 1, issuedBy: "local", kind: "ACTUATE", error: null });
    expect(JSON.parse(c.payload)).toEqual({ actuatorId: ids.fan, state: "ON" });

    const updates = await sub.take(3, 5_000);
    expect(updates.map((u) => [u.commandId, u.status])).toEqual(["PENDING", "SENT", "ACKED"].map((s) => [c.commandId, s]));
    await sub.close();
    await client.dispose();

    await eventually(
      async () => {
        const a = await gql<{ actuators: Array<{ desiredState: string; reportedState: string; desiredAt: string; reportedAt: string }> }>(
          twin.url,
          `query ($id: ID!) { actuators(where: { actuatorId: { eq: $id } }) { desiredState reportedState desiredAt reportedAt } }`,
          { id: ids.fan },
        );
        const row = a.data?.actuators[0];
        // Both are written in the background (the device does not wait for Neo4j).
        return row?.reportedState === "ON" && row.desiredState === "ON" ? row : undefined;
      },
      5_000,
      "the fan desired and reported ON",
    ).then((row) => {
      expect(Date.parse(row.reportedAt)).toBeGreaterThanOrEqual(Date.parse(row.desiredAt));
    });
    const linked = await eventually(
      async () => {
        const q = await gql<{ commands: Array<{ status: string; ackedAt: string | null; actuator: { actuatorId: string } | null; device: { deviceId: string } | null }> }>(
          twin.url,
          `query ($id: ID!) { commands(where: { commandId: { eq: $id } }) { status ackedAt actuator { actuatorId } device { deviceId } } }`,
          { id: c.commandId },
        );
        const row = q.data?.commands[0];
        return row?.status === "ACKED" ? row : undefined;
      },
      5_000,
      "the stored command",
    );
    expect(linked.actuator?.actuatorId).toBe(ids.fan);
    expect(linked.device?.deviceId).toBe(ids.device);
    expect(linked.ackedAt).not.toBeNull();
  });

  it("returns the same command for the same idempotency key and switches only once", async () => {
    const before = written.filter((l) => l.includes(`"a":"${ids.dehumidifier}"`)).length;
    const input = { actuatorId: ids.dehumidifier, state: "ON", idempotencyKey: `key-${sfx}` };
    const [a, b] = await Promise.all([gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input }), gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input })]);
    const again = await gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input });
    expect(a.data!.sendCommand.status).toBe("ACKED");
    expect(new Set([a.data!.sendCommand.commandId, b.data!.sendCommand.commandId, again.data!.sendCommand.commandId]).size).toBe(1);
    expect(written.filter((l) => l.includes(`"a":"${ids.dehumidifier}"`)).length - before).toBe(1);
    // The same key for a different request is a mistake, not a replay.
    const clash = await gql(twin.url, SEND, { input: { ...input, state: "OFF" } });
    expect(clash.errors?.[0]?.message).toMatch(/idempotencyKey/);
  });

  it("refuses unknown actuators, unsupported states and bad timeouts, and sends nothing", async () => {
    const before = written.length;
    const unknown = await gql(twin.url, SEND, { input: { actuatorId: `nope_${sfx}`, state: "ON" } });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: "NOT_FOUND" } });
    expect(unknown.errors?.[0]?.message).toMatch(/no actuator with actuatorId "nope_/);
    const state = await gql(twin.url, SEND, { input: { actuatorId: ids.fan, state: "HALF" } });
    expect(state.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(state.errors?.[0]?.message).toMatch(/state must be "ON" or "OFF", got "HALF"/);
    const timeout = await gql(twin.url, SEND, { input: { actuatorId: ids.fan, state: "ON", timeoutMs: 5 } });
    expect(timeout.errors?.[0]?.message).toMatch(/timeoutMs must be an integer/);
    expect(written.length).toBe(before);
  });

  it("refuses a command an interlock forbids, naming the interlock, and switches nothing", async () => {
    const heat = await gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input: { actuatorId: ids.heater, state: "ON" } });
    expect(heat.data!.sendCommand.status).toBe("ACKED");
    const before = written.length;
    const cool = await gql(twin.url, SEND, { input: { actuatorId: ids.cooler, state: "ON" } });
    expect(cool.errors?.[0]).toMatchObject({ extensions: { code: "INTERLOCK" } });
    expect(cool.errors?.[0]?.message).toMatch(new RegExp(`interlock heat-or-cool forbids ${ids.cooler} ON while ${ids.heater} is ON`));
    expect(written.length).toBe(before);
    const stored = await twin.driver.executeQuery("MATCH (a:Actuator {actuatorId: $id}) RETURN a.desiredState AS d", { id: ids.cooler });
    expect(stored.records[0]!.get("d")).not.toBe("ON");
    // Switching OFF is always allowed; then the cooler may start.
    expect((await gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input: { actuatorId: ids.heater, state: "OFF" } })).data!.sendCommand.status).toBe("ACKED");
    expect((await gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input: { actuatorId: ids.cooler, state: "ON" } })).data!.sendCommand.status).toBe("ACKED");
    await gql(twin.url, SEND, { input: { actuatorId: ids.cooler, state: "OFF" } });
  });

  it("limits commands per actuator per minute", async () => {
    const results: Array<{ errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> = [];
    // The fan had one command already; the limit is 8 a minute.
    for (let i = 0; i < 8; i++) results.push(await gql(twin.url, SEND, { input: { actuatorId: ids.fan, state: i % 2 === 0 ? "OFF" : "ON" } }));
    const refused = results.filter((r) => r.errors !== undefined);
    expect(refused.length).toBe(1);
    expect(refused[0]!.errors![0]).toMatchObject({ extensions: { code: "RATE_LIMITED" } });
    expect(refused[0]!.errors![0]!.message).toMatch(new RegExp(`${ids.fan}.*8 commands`));
  });
});

describe("setSamplingInterval", () => {
  const SET = `mutation ($d: ID!, $ms: Int!) { setSamplingInterval(deviceId: $d, ms: $ms) { ${COMMAND_FIELDS} } }`;

  it("changes the node's interval, and refuses intervals outside the firmware's range and unknown devices", async () => {
    const ok = await gql<{ setSamplingInterval: CommandResult }>(twin.url, SET, { d: ids.device, ms: 250 });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.setSamplingInterval).toMatchObject({ status: "ACKED", kind: "SET_INTERVAL" });
    const before = written.length;
    const low = await gql(twin.url, SET, { d: ids.device, ms: 50 });
    expect(low.errors?.[0]?.message).toMatch(/ms must be an integer in 100\.\.60000, got 50/);
    const high = await gql(twin.url, SET, { d: ids.device, ms: 3_600_000 });
    expect(high.errors?.[0]?.message).toMatch(/ms must be an integer in 100\.\.60000/);
    const unknown = await gql(twin.url, SET, { d: `ghost-${sfx}`, ms: 1000 });
    expect(unknown.errors?.[0]?.message).toMatch(/no device with deviceId "ghost-/);
    expect(written.length).toBe(before);
    await gql(twin.url, SET, { d: ids.device, ms: 500 });
  });
});

describe("routes follow the device that is here now", () => {
  const other = randomBytes(3).toString("hex");
  const first = `ctl-a-${other}`;
  const second = `ctl-b-${other}`;
  const linksTo = async (label: "Sensor" | "Actuator", rel: "HAS_SENSOR" | "HAS_ACTUATOR", id: string): Promise<string[]> => {
    const key = label === "Sensor" ? "sensorId" : "actuatorId";
    const res = await twin.driver.executeQuery(`MATCH (d:Device)-[:${rel}]->(:${label} {${key}: $id}) RETURN d.deviceId AS d ORDER BY d`, { id });
    return res.records.map((r) => r.get("d") as string);
  };
  let secondLines: string[];
  let unplugSecond: () => Promise<void>;

  it("a hello takes the node's sensors and actuators over from the device they were linked to, and commands go to it", async () => {
    const a = plugIn(twin, new VirtualDevice({ deviceId: first, idSuffix: other }), first);
    await eventually(async () => ((await linksTo("Actuator", "HAS_ACTUATOR", `fan_${other}`)).join() === first ? true : undefined), 10_000, "the first node's actuators");
    await a.unplug();
    await eventually(async () => (twin.app.bridge.isConnected(first) ? undefined : true), 5_000, "the bridge to notice");

    const replacement = new VirtualDevice({ deviceId: second, idSuffix: other });
    secondLines = tapWrites(replacement);
    unplugSecond = plugIn(twin, replacement, second).unplug;
    await eventually(async () => ((await linksTo("Actuator", "HAS_ACTUATOR", `fan_${other}`)).join() === second ? true : undefined), 10_000, "the actuator routed to the second node");
    expect(await linksTo("Sensor", "HAS_SENSOR", `temp_${other}`)).toEqual([second]);

    const res = await gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input: { actuatorId: `fan_${other}`, state: "ON" } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.sendCommand).toMatchObject({ status: "ACKED", attempts: 1 });
    expect(secondLines.some((l) => l.includes(`"a":"fan_${other}"`))).toBe(true);
  });

  it("a command to an actuator whose device is offline fails at once with DEVICE_OFFLINE, naming the device and its last sighting", async () => {
    await unplugSecond();
    await eventually(async () => (twin.app.bridge.isConnected(second) ? undefined : true), 5_000, "the bridge to notice");
    const before = secondLines.length;
    const res = await gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input: { actuatorId: `fan_${other}`, state: "OFF" } });
    expect(res.data?.sendCommand ?? null).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: "DEVICE_OFFLINE" } });
    expect(res.errors?.[0]?.message).toMatch(new RegExp(`device ${second} is offline \\(last seen \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, \\d+ s ago; connected: .*\\), so fan_${other} OFF was not sent`));
    const interval = await gql(twin.url, `mutation ($d: ID!) { setSamplingInterval(deviceId: $d, ms: 500) { status } }`, { d: second });
    expect(interval.errors?.[0]).toMatchObject({ extensions: { code: "DEVICE_OFFLINE" } });
    expect(secondLines.length).toBe(before);
    const stored = await twin.driver.executeQuery("MATCH (c:Command) WHERE c.targetId = $id AND c.payload CONTAINS 'OFF' RETURN count(c) AS n", { id: `fan_${other}` });
    expect(Number(stored.records[0]!.get("n"))).toBe(0);
  });
});

describe("rules", () => {
  const CREATE = `mutation ($input: RuleInput!) { createRule(input: $input) { ruleId name enabled conditionType threshold clearThreshold phase } }`;
  const humidityRule = (sensorId: string, extra: Record<string, unknown> = {}) => ({
    name: `dry the room ${sfx}`,
    sensorId,
    condition: { type: "VALUE", comparison: "GT", threshold: 70 },
    forSeconds: 0,
    clear: { comparison: "LT", threshold: 60 },
    actions: [{ type: "ACTUATE", actuatorId: ids.dehumidifier, state: "ON", clearState: "OFF" }],
    ...extra,
  });
  const RECORD = `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`;

  it("refuses invalid rules with a message naming the field, and stores nothing", async () => {
    const sensorId = `humidity_${sfx}_exists`;
    await gql(twin.url, RECORD, { r: [{ sensorId, value: 50 }] });
    await twin.app.writer.flush();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [humidityRule(`humidity_${sfx}_missing`), /sensorId.*humidity_.*_missing/],
      [humidityRule(sensorId, { actions: [{ type: "WEBHOOK", url: "ftp://example.org/x" }] }), /url.*http/],
      [humidityRule(sensorId, { actions: [{ type: "ACTUATE", actuatorId: `nope_${sfx}`, state: "ON" }] }), /actuatorId.*nope_/],
      [humidityRule(sensorId, { condition: { type: "VALUE", comparison: "ABOUT", threshold: 70 } }), /comparison/],
      [humidityRule(sensorId, { clear: { comparison: "GT", threshold: 80 } }), /clear/],
      [humidityRule(sensorId, { actions: [{ type: "SET_INTERVAL", deviceId: ids.device, ms: 10 }] }), /ms/],
      [humidityRule(sensorId, { forSeconds: -1 }), /forSeconds/],
    ];
    for (const [input, message] of cases) {
      const res = await gql(twin.url, CREATE, { input });
      expect(res.errors?.[0]?.message, JSON.stringify(input)).toMatch(message);
    }
    const stored = await twin.driver.executeQuery("MATCH (r:Rule) WHERE r.name = $name RETURN count(r) AS n", { name: `dry the room ${sfx}` });
    expect(Number(stored.records[0]!.get("n"))).toBe(0);
  });

  it("a dry run counts what the rule would have done over recorded history", async () => {
    const sensorId = `humidity_${sfx}_history`;
    const t0 = Date.UTC(2026, 2, 1);
    // Three humid spells (75 %RH for 10 min) in six hours of 55 %RH, one reading a minute.
    const readings = Array.from({ length: 360 }, (_, i) => ({ sensorId, value: [60, 180, 300].some((s) => i >= s && i < s + 10) ? 75 : 55, timestamp: new Date(t0 + i * 60_000).toISOString() }));
    await gql(twin.url, RECORD, { r: readings });
    await twin.app.writer.flush();
    const res = await gql<{ ruleDryRun: { firings: number; clearings: number; timeline: Array<{ event: string; at: string; actions: string[] }> } }>(
      twin.url,
      `query ($input: RuleInput!, $from: DateTime!, $to: DateTime!) { ruleDryRun(input: $input, from: $from, to: $to) { firings clearings timeline { event at actions } } }`,
      { input: humidityRule(sensorId, { forSeconds: 120 }), from: new Date(t0).toISOString(), to: new Date(t0 + 360 * 60_000).toISOString() },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.ruleDryRun.firings).toBe(3);
    expect(res.data!.ruleDryRun.clearings).toBe(3);
    const fired = res.data!.ruleDryRun.timeline.filter((e) => e.event === "FIRED");
    // Held for two minutes: it fires at the third humid reading.
    expect(fired.map((e) => e.at)).toEqual([62, 182, 302].map((m) => new Date(t0 + m * 60_000).toISOString()));
    expect(fired[0]!.actions).toEqual([`ACTUATE ${ids.dehumidifier} ON`]);
    const bad = await gql(twin.url, `query ($input: RuleInput!) { ruleDryRun(input: $input, from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z") { firings } }`, {
      input: humidityRule(sensorId),
    });
    expect(bad.errors?.[0]?.message).toMatch(/before/);
  });

  it("acts on live readings: fires once, clears once, each command ACKED and linked to the rule, decisions queryable; a manual command wins; update, disable, delete", async () => {
    // A node of its own: no earlier manual command has paused rules on its actuators.
    const r = randomBytes(3).toString("hex");
    const dehumidifier = `dehumidifier_${r}`;
    const node = new VirtualDevice({ deviceId: `rul-${r}`, idSuffix: r });
    plugIn(twin, node, `rul-${r}`);
    await eventually(
      async () => {
        const res = await twin.driver.executeQuery("MATCH (a:Actuator {actuatorId: $id}) RETURN a.reportedState AS s", { id: dehumidifier });
        return res.records[0]?.get("s") === "OFF" ? true : undefined;
      },
      10_000,
      "the rule node's actuators",
    );
    const sensorId = `humidity_${sfx}_live`;
    await gql(twin.url, RECORD, { r: [{ sensorId, value: 50 }] });
    await twin.app.writer.flush();
    const input = humidityRule(sensorId, { actions: [{ type: "ACTUATE", actuatorId: dehumidifier, state: "ON", clearState: "OFF" }] });
    const created = await gql<{ createRule: { ruleId: string; enabled: boolean; phase: string } }>(twin.url, CREATE, { input });
    expect(created.errors).toBeUndefined();
    const ruleId = created.data!.createRule.ruleId;
    expect(created.data!.createRule.enabled).toBe(true);

    let t = Date.now();
    const feed = async (values: number[]): Promise<void> => {
      for (const value of values) {
        t += 1_000;
        await gql(twin.url, RECORD, { r: [{ sensorId, value, timestamp: new Date(t).toISOString() }] });
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    };
    const ruleView = async () =>
      (
        await gql<{
          rules: Array<{
            phase: string;
            commands: Array<{ status: string; payload: string; issuedBy: string }>;
            decisions: Array<{ event: string; reason: string | null; message: string; at: string }>;
          }>;
        }>(
          twin.url,
          `query ($id: ID!) { rules(where: { ruleId: { eq: $id } }) { phase commands(sort: [{ createdAt: ASC }]) { status payload issuedBy createdAt sentAt ackedAt attempts } decisions(sort: [{ at: ASC }]) { event reason message at } } }`,
          { id: ruleId },
        )
      ).data!.rules[0]!;

    // Humid twice in a row (one firing; 65 is inside the hysteresis band), then dry twice (one clearing).
    await feed([75, 76, 65, 72, 58, 57]);
    const cycle = await eventually(
      async () => {
        const rule = await ruleView();
        // Decisions and command statuses are written a moment after they happen: wait for both.
        return rule.commands.length >= 2 && rule.commands.every((c) => c.status === "ACKED") && rule.decisions.length >= 2 ? rule : undefined;
      },
      10_000,
      "the rule's two commands ACKED",
    ).catch(async (error: unknown) => {
      throw new Error(`${(error as Error).message}; the rule: ${JSON.stringify(await ruleView())}`);
    });
    expect(cycle.commands.map((c) => (JSON.parse(c.payload) as { state: string }).state)).toEqual(["ON", "OFF"]);
    expect(cycle.commands.every((c) => c.issuedBy === `rule:${ruleId}`)).toBe(true);
    expect(cycle.decisions.map((d) => d.event)).toEqual(["FIRED", "CLEARED"]);
    expect(cycle.phase).toBe("IDLE");

    // A person switches it: the rule's next firing leaves the actuator alone, and says so.
    const manual = await gql<{ sendCommand: CommandResult }>(twin.url, SEND, { input: { actuatorId: dehumidifier, state: "OFF", reason: "maintenance" } });
    expect(manual.data!.sendCommand.status).toBe("ACKED");
    await feed([80]);
    const overridden = await eventually(
      async () => {
        const rule = await ruleView();
        return rule.decisions.length >= 4 ? rule : undefined;
      },
      5_000,
      "the decisions under override",
    );
    // The firing and the action it left out carry the same time: compare them unordered.
    const later = overridden.decisions.slice(2);
    expect(later.map((d) => `${d.event}:${d.reason ?? ""}`).sort()).toEqual(["FIRED:", "SUPPRESSED:OVERRIDE"]);
    expect(later.find((d) => d.event === "SUPPRESSED")!.message).toMatch(new RegExp(`${dehumidifier} is under manual override`));
    expect(overridden.commands).toHaveLength(2);

    const updated = await gql<{ updateRule: { threshold: number } }>(twin.url, `mutation ($id: ID!, $input: RuleInput!) { updateRule(ruleId: $id, input: $input) { threshold } }`, {
      id: ruleId,
      input: { ...input, condition: { type: "VALUE", comparison: "GT", threshold: 72 } },
    });
    expect(updated.data!.updateRule.threshold).toBe(72);
    // It had fired (under the override): editing its threshold must not forget that, or its
    // clearing would never undo the firing.
    expect((await ruleView()).phase).toBe("ACTIVE");
    const disabled = await gql<{ enableRule: { enabled: boolean } }>(twin.url, `mutation ($id: ID!) { enableRule(ruleId: $id, enabled: false) { enabled } }`, { id: ruleId });
    expect(disabled.data!.enableRule.enabled).toBe(false);
    const decisionsBefore = (await ruleView()).decisions.length;
    await feed([50, 90, 91]);
    expect((await ruleView()).decisions.length).toBe(decisionsBefore);
    const deleted = await gql<{ deleteRule: boolean }>(twin.url, `mutation ($id: ID!) { deleteRule(ruleId: $id) }`, { id: ruleId });
    expect(deleted.data!.deleteRule).toBe(true);
    const again = await gql(twin.url, `mutation ($id: ID!) { deleteRule(ruleId: $id) }`, { id: ruleId });
    expect(again.errors?.[0]?.message).toMatch(/no rule with ruleId/);
  });

  it("POSTs a firing's JSON to its webhook, and records an action that failed as suppressed, with the reason", async () => {
    const received: unknown[] = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.statusCode = req.url === "/broken" ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    try {
      const sensorId = `humidity_${sfx}_hook`;
      await gql(twin.url, RECORD, { r: [{ sensorId, value: 50, timestamp: new Date(Date.now() - 1_000).toISOString() }] });
      await twin.app.writer.flush();
      const input = humidityRule(sensorId, {
        actions: [
          { type: "WEBHOOK", url: `${base}/sms`, body: JSON.stringify({ text: "{{ruleName}}: {{sensorId}} at {{value}} ({{event}})" }) },
          { type: "WEBHOOK", url: `${base}/broken` },
          { type: "WEBHOOK", url: "http://127.0.0.1:1/refused" },
        ],
      });
      const created = await gql<{ createRule: { ruleId: string } }>(twin.url, CREATE, { input });
      expect(created.errors).toBeUndefined();
      const ruleId = created.data!.createRule.ruleId;
      await gql(twin.url, RECORD, { r: [{ sensorId, value: 75, timestamp: new Date().toISOString() }] });
      const decisions = await eventually(
        async () => {
          const res = await gql<{ rules: Array<{ decisions: Array<{ event: string; reason: string | null; message: string }> }> }>(
            twin.url,
            `query ($id: ID!) { rules(where: { ruleId: { eq: $id } }) { decisions { event reason message } } }`,
            { id: ruleId },
          );
          const list = res.data!.rules[0]!.decisions;
          return list.length >= 3 ? list : undefined;
        },
        10_000,
        "the firing and its two failed webhooks",
      );
      expect(received).toContainEqual({ text: `${input.name}: ${sensorId} at 75 (FIRED)` });
      expect(decisions.map((d) => `${d.event}:${d.reason ?? ""}`).sort()).toEqual(["FIRED:", "SUPPRESSED:ACTION_FAILED", "SUPPRESSED:ACTION_FAILED"]);
      const failed = decisions.filter((d) => d.event === "SUPPRESSED").map((d) => d.message);
      expect(failed).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`${base}/broken not done: the webhook answered HTTP 503`)),
          expect.stringMatching(/127\.0\.0\.1:1\/refused not done: .*ECONNREFUSED/),
        ]),
      );
      await gql(twin.url, `mutation ($id: ID!) { deleteRule(ruleId: $id) }`, { id: ruleId });
    } finally {
      receiver.close();
    }
  });
});

describe("commands a crash left unfinished", () => {
  it("are settled from the device's hello after the restart: ACKED where it reports what was asked, else TIMED_OUT", async () => {
    const r = randomBytes(3).toString("hex");
    const deviceId = `rst-${r}`;
    const now = Date.now();
    // What a twin that died mid-command leaves in the graph: commands SENT, never answered.
    const sent = (kind: "ACTUATE" | "SET_INTERVAL", targetId: string, payload: Record<string, unknown>): Command => ({
      ...createCommand({ commandId: `${kind}-${targetId}-${JSON.stringify(payload).length}-${r}`, kind, targetId, payload, issuedBy: "local", atMs: now, timeoutMs: 60_000 }),
      status: "SENT",
      attempts: 1,
      sentAt: now,
    });
    const left = {
      heaterOff: sent("ACTUATE", `heater_${r}`, { actuatorId: `heater_${r}`, state: "OFF" }),
      fanOn: sent("ACTUATE", `fan_${r}`, { actuatorId: `fan_${r}`, state: "ON" }),
      sameInterval: sent("SET_INTERVAL", deviceId, { deviceId, ms: 1000 }),
      otherInterval: sent("SET_INTERVAL", deviceId, { deviceId, ms: 500 }),
    };
    await new CommandStore(twin.driver).saveMany(Object.values(left).map((command) => ({ command, ruleId: null })));

    const restarted = await startTestTwin({ safety: SAFETY });
    try {
      // The node kept running meanwhile: all actuators OFF, sampling every 1000 ms.
      plugIn(restarted, new VirtualDevice({ deviceId, idSuffix: r, intervalMs: 1000 }), deviceId);
      const statuses = await eventually(
        async () => {
          const res = await gql<{ commands: Array<{ commandId: string; status: string; error: string | null }> }>(
            restarted.url,
            `query ($ids: [ID!]!) { commands(where: { commandId: { in: $ids } }) { commandId status error } }`,
            { ids: Object.values(left).map((c) => c.commandId) },
          );
          const list = res.data?.commands ?? [];
          return list.length === 4 && list.every((c) => c.status !== "SENT") ? new Map(list.map((c) => [c.commandId, c])) : undefined;
        },
        15_000,
        "the four unfinished commands settled",
      );
      expect(statuses.get(left.heaterOff.commandId)?.status).toBe("ACKED");
      expect(statuses.get(left.sameInterval.commandId)?.status).toBe("ACKED");
      expect(statuses.get(left.fanOn.commandId)).toMatchObject({ status: "TIMED_OUT", error: expect.stringMatching(/did not report what it asked for/) });
      expect(statuses.get(left.otherInterval.commandId)?.status).toBe("TIMED_OUT");
    } finally {
      await restarted.close();
    }
  }, 60_000);
});

describe("a command another twin on the same database settled", () => {
  it("is not overwritten by a twin that took it over as unfinished", async () => {
    const r = randomBytes(3).toString("hex");
    const now = Date.now();
    const base = (id: string): Command => ({
      ...createCommand({ commandId: `${id}-${r}`, kind: "ACTUATE", targetId: `fan_${r}`, payload: { actuatorId: `fan_${r}`, state: "ON" }, issuedBy: "local", atMs: now, timeoutMs: 5_000 }),
      status: "SENT",
      attempts: 1,
      sentAt: now,
    });
    const store = new CommandStore(twin.driver);
    const open = base("open");
    const ownedElsewhere = base("owned");
    await store.saveMany([
      { command: open, ruleId: null },
      { command: ownedElsewhere, ruleId: null },
    ]);
    // The owner settles its command first; the twin that took both over then times both out.
    await store.saveMany([{ command: { ...ownedElsewhere, status: "ACKED", ackedAt: now + 20, finishedAt: now + 20 }, ruleId: null }]);
    const timedOut = (c: Command): Command => ({ ...c, status: "TIMED_OUT", finishedAt: now + 40, error: "unfinished" });
    expect(await store.settleIfUnfinished(timedOut(open))).toBe(true);
    expect(await store.settleIfUnfinished(timedOut(ownedElsewhere))).toBe(false);
    expect((await store.get(open.commandId))?.status).toBe("TIMED_OUT");
    expect(await store.get(ownedElsewhere.commandId)).toMatchObject({ status: "ACKED", ackedAt: now + 20, error: null });
  });
});

describe("who may do what", () => {
  const SECRET = `test-secret-${randomBytes(16).toString("hex")}`;
  let secured: TestTwin;
  let node: VirtualDevice;
  let nodeLines: string[];
  const other = randomBytes(3).toString("hex");
  const token = (roles: string[], options: { expiresIn?: string; secret?: string } = {}): Promise<string> =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(`user-${roles.join("-") || "none"}`)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? "5m")
      .sign(new TextEncoder().encode(options.secret ?? SECRET));
  const bearer = async (roles: string[], options?: { expiresIn?: string; secret?: string }) => ({ authorization: `Bearer ${await token(roles, options)}` });

  beforeAll(async () => {
    secured = await startTestTwin({ authenticator: createAuthenticator({ jwtSecret: SECRET }), safety: SAFETY });
    node = new VirtualDevice({ deviceId: `auth-${other}`, idSuffix: other });
    nodeLines = tapWrites(node);
    plugIn(secured, node, `auth-${other}`);
    await eventually(async () => (secured.app.bridge.isConnected(`auth-${other}`) ? true : undefined), 10_000, "the node");
    await eventually(
      async () => {
        const res = await secured.driver.executeQuery("MATCH (a:Actuator {actuatorId: $id}) RETURN count(a) AS n", { id: `fan_${other}` });
        return Number(res.records[0]!.get("n")) === 1 ? true : undefined;
      },
      10_000,
      "its actuators",
    );
  });
  afterAll(async () => {
    await secured?.close();
  });

  it("a viewer reads but its sendCommand is refused and nothing reaches the device", async () => {
    const viewer = await bearer(["viewer"]);
    const read = await gql<{ actuators: unknown[] }>(secured.url, `query ($id: ID!) { actuators(where: { actuatorId: { eq: $id } }) { actuatorId } }`, { id: `fan_${other}` }, viewer);
    expect(read.errors).toBeUndefined();
    expect(read.data!.actuators).toHaveLength(1);
    const before = nodeLines.length;
    const res = await gql(secured.url, SEND, { input: { actuatorId: `fan_${other}`, state: "ON" } }, viewer);
    expect(res.status).toBe(403);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(res.errors?.[0]?.message).toMatch(/sendCommand needs the operator role/);
    // The role check refuses before any resolver runs; a command that ran would have been
    // written to the device before its answer.
    expect(nodeLines.length).toBe(before);
    const stored = await secured.driver.executeQuery("MATCH (c:Command) WHERE c.targetId = $id RETURN count(c) AS n", { id: `fan_${other}` });
    expect(Number(stored.records[0]!.get("n"))).toBe(0);
  });

  it("an operator's command records who issued it; rules and generated mutations need an admin", async () => {
    const operator = await bearer(["operator"]);
    const sent = await gql<{ sendCommand: CommandResult }>(secured.url, SEND, { input: { actuatorId: `fan_${other}`, state: "ON" } }, operator);
    expect(sent.data!.sendCommand).toMatchObject({ status: "ACKED", issuedBy: "user-operator" });
    const rule = await gql(secured.url, `mutation { deleteRule(ruleId: "x") }`, {}, operator);
    expect(rule.errors?.[0]?.message).toMatch(/deleteRule needs the admin role/);
    const generated = await gql(secured.url, `mutation { deleteSensors(where: { sensorId: { eq: "x" } }) { nodesDeleted } }`, {}, operator);
    expect(generated.errors?.[0]?.message).toMatch(/deleteSensors needs the admin role/);
    const admin = await bearer(["admin"]);
    const asAdmin = await gql(secured.url, `mutation { deleteRule(ruleId: "x") }`, {}, admin);
    expect(asAdmin.errors?.[0]?.message).toMatch(/no rule with ruleId "x"/);
  });

  it("refuses missing, expired and tampered tokens with 401 and says why", async () => {
    const query = `{ deviceStatuses { deviceId } }`;
    const none = await gql(secured.url, query);
    expect(none.status).toBe(401);
    expect(none.errors?.[0]?.message).toMatch(/no token/);
    const expired = await gql(secured.url, query, {}, await bearer(["admin"], { expiresIn: "-1m" }));
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    const forged = await gql(secured.url, query, {}, await bearer(["admin"], { secret: `${SECRET}-not` }));
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.message).toMatch(/signature does not verify/);
  });

  it("subscriptions need a token in the connection parameters", async () => {
    const ok = wsClient(secured.wsUrl, { authorization: `Bearer ${await token(["viewer"])}` });
    const registered = secured.subscriptionsRegistered("commandUpdated");
    const sub = subscribe<{ status: string }>(ok, `subscription { commandUpdated { status } }`);
    await registered;
    await gql(secured.url, SEND, { input: { actuatorId: `fan_${other}`, state: "OFF" } }, await bearer(["operator"]));
    expect((await sub.take(1, 5_000)).length).toBe(1);
    await sub.close();
    await ok.dispose();
    const refused = wsClient(secured.wsUrl);
    const denied = subscribe(refused, `subscription { commandUpdated { status } }`);
    await expect(denied.take(1, 5_000)).rejects.toThrow(/closed 4401: no token/);
    await refused.dispose();
  });
});
