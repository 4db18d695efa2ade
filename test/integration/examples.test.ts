import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualDevice } from "../../src/bridge/virtual/virtualDevice.js";
import { projectRoot } from "../../src/config.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const run = promisify(execFile);
const sfx = randomBytes(3).toString("hex");
const deviceId = `ex-${sfx}`;
let twin: TestTwin;
let out: string;

/** Runs an example as a person would (npx tsx examples/<name>.ts …), against the test twin. */
function example(name: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ["--import", "tsx", path.join(projectRoot, "examples", `${name}.ts`), ...args], {
    cwd: projectRoot,
    env: { ...process.env, TWIN_URL: twin.url },
    timeout: 30_000,
  });
}

beforeAll(async () => {
  twin = await startTestTwin();
  out = mkdtempSync(path.join(tmpdir(), "twin-examples-"));
  const device = new VirtualDevice({ deviceId, idSuffix: sfx, intervalMs: 300 });
  twin.app.bridge.attach(`virtual ${deviceId}`, async () => device);
  await eventually(
    async () => {
      const res = await gql<{ actuators: unknown[]; sensors: unknown[] }>(
        twin.url,
        `query ($a: ID!, $s: ID!) { actuators(where: { actuatorId: { eq: $a } }) { actuatorId } sensors(where: { sensorId: { eq: $s } }) { unit } }`,
        { a: `fan_${sfx}`, s: `temp_${sfx}` },
      );
      return res.data?.actuators.length === 1 && res.data.sensors.length === 1 ? true : undefined;
    },
    15_000,
    "the virtual node in the graph",
  );
});

afterAll(async () => {
  await twin?.close();
  if (out !== undefined) rmSync(out, { recursive: true, force: true });
});

describe("examples/", () => {
  it("follow-sensor prints a sensor's readings live, with its unit", async () => {
    const { stdout } = await example("follow-sensor", [`temp_${sfx}`, "--count", "3"]);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  temp_${sfx}  -?\\d+(\\.\\d+)? C$`));
  });

  it("send-command switches an actuator and waits for its ack", async () => {
    const { stdout } = await example("send-command", [`fan_${sfx}`, "ON"]);
    const lines = stdout.trim().split("\n");
    expect(lines).toContain("ACKED");
    expect(lines.at(-1)).toMatch(new RegExp(`^fan_${sfx} ON: ACKED after 1 attempt\\(s\\), command [0-9a-f-]{36}$`));
    const state = await gql<{ actuators: Array<{ reportedState: string }> }>(twin.url, `query ($id: ID!) { actuators(where: { actuatorId: { eq: $id } }) { reportedState } }`, { id: `fan_${sfx}` });
    expect(state.data?.actuators[0]?.reportedState).toBe("ON");
  });

  it("send-command refuses a state other than ON or OFF", async () => {
    await expect(example("send-command", [`fan_${sfx}`, "MAYBE"])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("usage:") });
  });

  it("export-day writes one day of a sensor's readings as CSV", async () => {
    const sensorId = `day_${sfx}`;
    const day = "2026-11-20";
    const readings = Array.from({ length: 48 }, (_, i) => ({ sensorId, value: 20 + i / 10, timestamp: new Date(Date.parse(`${day}T00:00:00Z`) + i * 1_800_000).toISOString() }));
    // One reading on the day after, which the export must leave out.
    readings.push({ sensorId, value: 99, timestamp: `2026-11-21T00:30:00.000Z` });
    const res = await gql(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`, { r: readings });
    expect(res.data).toEqual({ recordReadings: { accepted: 49 } });
    const file = path.join(out, "day.csv");
    const { stderr } = await example("export-day", [sensorId, day, "--out", file]);
    expect(stderr).toContain(`${sensorId} on ${day}: 47 readings`);
    const rows = readFileSync(file, "utf8").trim().split("\n");
    expect(rows[0]).toBe("timestamp,value");
    // (from, to]: midnight itself belongs to the day before.
    expect(rows).toHaveLength(48);
    expect(rows[1]).toBe("2026-11-20T00:30:00.000Z,20.1");
    expect(rows.at(-1)).toBe("2026-11-20T23:30:00.000Z,24.7");
  });
});
