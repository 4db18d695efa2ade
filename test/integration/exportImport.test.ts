import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { createAuthenticator } from "../../src/graphql/auth.js";
import { fixtures } from "../support/requirements.js";
import { readDatasetText } from "../../src/datasets/files.js";
import { importSeries, parseSeriesFile } from "../../src/import/importer.js";
import { gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const RECORD = `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted rejected errors { index message } } }`;

let twin: TestTwin;
const SECRET = `test-secret-${randomBytes(16).toString("hex")}`;

beforeAll(async () => {
  twin = await startTestTwin();
});
afterAll(async () => {
  await twin?.close();
});

const send = async (readings: unknown[]) =>
  (await gql<{ recordReadings: { accepted: number; rejected: number; errors: Array<{ index: number; message: string }> } }>(twin.url, RECORD, { r: readings })).data!.recordReadings;

describe("UCI occupancy data imported through the ingest pipeline", () => {
  const temperature = (): string => `temp_${twin.prefix}_uci`;
  let points: Array<{ timestampMs: number; value: number }>;

  beforeAll(async () => {
    const parsed = parseSeriesFile(await readDatasetText(fixtures, "uci-occupancy", "datatest.txt"), "Temperature");
    points = parsed.points;
    const progress: number[] = [];
    const summary = await importSeries(points, { sensorId: temperature(), send, chunkSize: 1000, onProgress: (p) => progress.push(p.sent) });
    expect(summary).toMatchObject({ total: 2665, accepted: 2665, rejected: 0 });
    expect(progress.at(-1)).toBe(2665);
    await twin.app.writer.flush();
  });

  it("trend, ranking inputs and health match an independent recomputation", async () => {
    const asOfMs = points.at(-1)!.timestampMs;
    const windowMs = 6 * 3_600_000;
    const inWindow = points.filter((p) => p.timestampMs > asOfMs - windowMs && p.timestampMs <= asOfMs);
    const values = inWindow.map((p) => p.value);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));

    const res = await gql<{
      trend: {
        readingCount: number;
        avgValue: number;
        minValue: number;
        maxValue: number;
        series: Array<{ count: number; avg: number | null; min: number | null; max: number | null; start: string; end: string }>;
      };
      traits: { readingCount: number; mean: number; stdDev: number; current: number };
      ranking: Array<{ sensorId: string; readingCount: number; mean: number; stdDev: number }>;
    }>(
      twin.url,
      `query ($id: ID!, $asOf: DateTime) {
        trend(sensorId: $id, windowSeconds: 21600, buckets: 12, asOf: $asOf) { readingCount avgValue minValue maxValue series { count avg min max start end } }
        traits(sensorId: $id, windowSeconds: 21600, asOf: $asOf) { readingCount mean stdDev current }
        ranking(windowSeconds: 21600, asOf: $asOf) { sensorId readingCount mean stdDev }
      }`,
      { id: temperature(), asOf: new Date(asOfMs).toISOString() },
    );
    expect(res.errors).toBeUndefined();
    const { trend, traits, ranking } = res.data!;
    expect(trend.readingCount).toBe(values.length);
    expect(trend.avgValue).toBeCloseTo(mean, 9);
    expect(trend.minValue).toBe(Math.min(...values));
    expect(trend.maxValue).toBe(Math.max(...values));
    // Each bucket is (start, end]: recount it from the raw points.
    for (const bucket of trend.series) {
      const start = Date.parse(bucket.start);
      const end = Date.parse(bucket.end);
      const inside = inWindow.filter((p) => p.timestampMs > start && p.timestampMs <= end).map((p) => p.value);
      expect(bucket.count).toBe(inside.length);
      if (inside.length > 0) {
        expect(bucket.avg).toBeCloseTo(inside.reduce((a, b) => a + b, 0) / inside.length, 9);
        expect(bucket.min).toBe(Math.min(...inside));
        expect(bucket.max).toBe(Math.max(...inside));
      }
    }
    expect(traits).toMatchObject({ readingCount: values.length, current: values.at(-1) });
    expect(traits.mean).toBeCloseTo(mean, 9);
    expect(traits.stdDev).toBeCloseTo(std, 9);
    const row = ranking.find((r) => r.sensorId === temperature())!;
    expect(row.readingCount).toBe(values.length);
    expect(row.stdDev).toBeCloseTo(std, 9);
  });

  it("exports the series as CSV, streamed in time order with a file name", async () => {
    const from = new Date(points[0]!.timestampMs - 1).toISOString();
    const to = new Date(points.at(-1)!.timestampMs).toISOString();
    const response = await fetch(`${twin.url.replace(/graphql$/, "")}export/${temperature()}.csv?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="${temperature()}_.*\\.csv"`));
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("timestamp,value");
    expect(lines.length - 1).toBe(points.length);
    const sorted = [...points].sort((a, b) => a.timestampMs - b.timestampMs);
    expect(lines[1]).toBe(`${new Date(sorted[0]!.timestampMs).toISOString()},${sorted[0]!.value}`);
    expect(lines.at(-1)).toBe(`${new Date(sorted.at(-1)!.timestampMs).toISOString()},${sorted.at(-1)!.value}`);

    const small = await gql<{ exportCsv: string }>(twin.url, `query ($id: ID!, $from: DateTime!, $to: DateTime!) { exportCsv(sensorId: $id, from: $from, to: $to) }`, { id: temperature(), from, to });
    expect(small.data!.exportCsv.trimEnd().split("\n")).toEqual(lines);
  });

  it("answers bad export requests clearly", async () => {
    const base = twin.url.replace(/graphql$/, "");
    expect((await fetch(`${base}export/no_such_sensor_x.csv?hours=1`)).status).toBe(404);
    const backwards = await fetch(`${base}export/${temperature()}.csv?from=2015-02-03T00:00:00Z&to=2015-02-02T00:00:00Z`);
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toMatch(/from .* must be before to/);
    const garbled = await fetch(`${base}export/${temperature()}.csv?from=yesterday`);
    expect(garbled.status).toBe(400);
    expect(await garbled.text()).toMatch(/from=yesterday is not an ISO-8601/);
  });
});

describe("exportCsv limits", () => {
  it("points at the streaming endpoint beyond 100,000 rows", async () => {
    const id = `light_${twin.prefix}_many`;
    const start = Date.parse("2025-01-01T00:00:00Z");
    for (let from = 0; from < 100_001; from += 10_000) {
      const n = Math.min(10_000, 100_001 - from);
      const r = await send(Array.from({ length: n }, (_, k) => ({ sensorId: id, value: k % 100, timestamp: new Date(start + (from + k) * 1000).toISOString() })));
      expect(r.accepted).toBe(n);
    }
    await twin.app.writer.flush();
    const res = await gql(twin.url, `query ($id: ID!) { exportCsv(sensorId: $id, from: "2024-12-31T00:00:00Z", to: "2025-01-03T00:00:00Z") }`, { id });
    expect(res.errors?.[0]?.message).toMatch(new RegExp(`${id} has 100001 readings in that range; exportCsv returns at most 100000.*GET /export/${id}\\.csv\\?from=`));
    const streamed = await fetch(`${twin.url.replace(/graphql$/, "")}export/${id}.csv?from=2024-12-31T00:00:00Z&to=2025-01-03T00:00:00Z`);
    const body = await streamed.text();
    expect(body.split("\n").length - 2).toBe(100_001);
  }, 120_000);
});

describe("npm run import", () => {
  const file = path.join(fixtures["nab"]!, "artificialNoAnomaly", "art_daily_small_noise.csv");
  const runImport = (args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", file, ...args], { cwd: projectRoot, env: { PATH: process.env["PATH"] ?? "", ...env } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.once("close", (code) => resolve({ code, stdout, stderr }));
    });

  it("sends to the twin on PORT, or at --url, and prints one summary line (no progress bar off a terminal)", async () => {
    await twin.app.writer.flush(); // the tests above may leave a backlog that would hold up these commits
    const port = new URL(twin.url).port;
    const byPort = await runImport(["--sensor", `art_${twin.prefix}_port`], { PORT: port });
    expect(byPort.code, byPort.stderr).toBe(0);
    expect(JSON.parse(byPort.stdout)).toMatchObject({ sensorId: `art_${twin.prefix}_port`, readings: 4032, accepted: 4032, rejected: 0 });
    expect(byPort.stderr).not.toMatch(/\r|\[#/);
    const byUrl = await runImport(["--sensor", `art_${twin.prefix}_url`, "--url", twin.url], { PORT: "1" });
    expect(JSON.parse(byUrl.stdout)).toMatchObject({ accepted: 4032 });
  });

  it("says to pass a token when the twin needs one", async () => {
    const secured = await startTestTwin({ authenticator: createAuthenticator({ jwtSecret: SECRET }) });
    try {
      const refused = await runImport(["--sensor", `art_${secured.prefix}_anon`, "--url", secured.url], {});
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/no token.*pass an operator's token with --token or TWIN_TOKEN/);
      const token = await new SignJWT({ roles: ["operator"] }).setProtectedHeader({ alg: "HS256" }).setSubject("importer").setExpirationTime("5m").sign(new TextEncoder().encode(SECRET));
      const ok = await runImport(["--sensor", `art_${secured.prefix}_tok`, "--url", secured.url], { TWIN_TOKEN: token });
      expect(JSON.parse(ok.stdout)).toMatchObject({ accepted: 4032 });
    } finally {
      await secured.close();
    }
  });
});
