import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreRisk, type RiskSample } from "../../src/analytics/predict/riskReplay.js";
import { loadNabSeries } from "../../src/datasets/predictionSeries.js";
import { fixtures } from "../support/requirements.js";
import { gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const HOUR = 3_600_000;
let twin: TestTwin;

beforeAll(async () => {
  twin = await startTestTwin();
});

afterAll(async () => {
  await twin?.close();
});

describe("failure risk through the API on NAB machine temperature, asked every 6 h", () => {
  it("is above 0.5 near at least 3 of the 4 labelled windows (from a day before each to its end) and at most 5 % of the time elsewhere", async () => {
    const series = await loadNabSeries(fixtures, "realKnownCause/machine_temperature_system_failure.csv", "");
    const sensorId = `machine_${twin.prefix}_nab`;
    const created = await gql(twin.url, `mutation ($id: ID!) { createSensors(input: [{ sensorId: $id, kind: OTHER }]) { sensors { sensorId } } }`, { id: sensorId });
    expect(created.errors).toBeUndefined();
    // As `npm run import` sends it: chunks of 5,000 in time order.
    for (let i = 0; i < series.points.length; i += 5000) {
      const chunk = series.points.slice(i, i + 5000).map((p) => ({ sensorId, value: p.value, timestamp: new Date(p.timestampMs).toISOString() }));
      const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`, { r: chunk });
      expect(res.data?.recordReadings.accepted).toBe(chunk.length);
    }
    await twin.app.writer.flush();
    await twin.app.analytics.keeper.flush();

    const first = series.points[0]!.timestampMs;
    const last = series.points.at(-1)!.timestampMs;
    const samples: RiskSample[] = [];
    for (let asOf = first + 25 * HOUR; asOf <= last; asOf += 6 * HOUR) {
      const r = await gql<{ failureRisk: { probability: number; drivers: string[] } }>(
        twin.url,
        `query ($s: ID!, $asOf: DateTime) { failureRisk(sensorId: $s, hours: 24, asOf: $asOf) { probability drivers } }`,
        { s: sensorId, asOf: new Date(asOf).toISOString() },
      );
      expect(r.errors).toBeUndefined();
      samples.push({ asOfMs: asOf, probability: r.data!.failureRisk.probability, drivers: r.data!.failureRisk.drivers });
    }
    const score = scoreRisk(samples, series.windows, 24);
    if (process.env["TEST_LOG"]) console.log(JSON.stringify({ warned: score.windowsWarned, leads: score.windows.map((w) => w.leadHours), shareAboveOutside: score.shareAboveOutside }));
    expect(score.steps).toBeGreaterThan(300);
    expect(score.windowsWarned).toBeGreaterThanOrEqual(3);
    expect(score.shareAboveOutside).toBeLessThanOrEqual(0.05);
  }, 300_000);
});
