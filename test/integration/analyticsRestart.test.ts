import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../src/analytics/random.js";
import { gql, startTestTwin } from "../support/testApp.js";

const RECORD = `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`;
const TRAITS = `query ($id: ID!, $asOf: DateTime) { traits(sensorId: $id, windowSeconds: 600, asOf: $asOf) { readingCount mean stdDev driftPerMinute anomaly source } }`;

describe("after a restart", () => {
  it("the live analytics are rebuilt from Neo4j and open alerts are neither lost nor duplicated", async () => {
    const first = await startTestTwin();
    const id = `temp_${first.prefix}_restart`;
    const start = Date.now() - 3_000_000; // recent: inside the 24 h the twin keeps live
    const rng = new SeededRandom(21);
    const readings = Array.from({ length: 2_500 }, (_, i) => ({
      sensorId: id,
      value: i >= 2_200 ? 21.03 : 21 + rng.gaussian(0, 0.05), // stuck (at a normal level) for the last 300 readings
      timestamp: new Date(start + i * 1000).toISOString(),
    }));
    expect((await gql<{ recordReadings: { accepted: number } }>(first.url, RECORD, { r: readings })).data?.recordReadings.accepted).toBe(2_500);
    await first.app.writer.flush();
    await first.app.analytics.keeper.flush();
    const asOf = new Date(start + 2_499_000).toISOString();
    const before = (await gql<{ traits: Record<string, unknown> }>(first.url, TRAITS, { id, asOf })).data!.traits;
    expect(before).toMatchObject({ source: "LIVE", anomaly: true });
    await first.close();

    const second = await startTestTwin();
    try {
      await second.app.analytics.warmed;
      const after = (await gql<{ traits: Record<string, unknown> }>(second.url, TRAITS, { id, asOf })).data!.traits;
      expect(after).toEqual(before);
      await second.app.analytics.keeper.flush();
      const alerts = await gql<{ alerts: Array<{ type: string; status: string }> }>(second.url, `query ($id: ID!) { alerts(where: { sensorId: { eq: $id } }) { type status } }`, { id });
      // The stuck run is still open, and so is the silence since the last reading (both once).
      expect(alerts.data!.alerts.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
        { type: "GAP", status: "ACTIVE" },
        { type: "STUCK", status: "ACTIVE" },
      ]);
    } finally {
      await second.close();
    }
  }, 120_000);
});
