import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { ReadingStore } from "../../src/store/readingStore.js";
import { gql, routingUri, startTestTwin, testDriver, type TestTwin } from "../support/testApp.js";

// A cluster is addressed with the routing scheme; a single server answers it with a routing
// table naming itself. Whatever writes — a store session, executeQuery, @neo4j/graphql — feeds
// the driver's one bookmark manager, which is what makes a follower's read wait for the write.

let twin: TestTwin;
let driver: Driver;

beforeAll(async () => {
  twin = await startTestTwin({ neo4jUri: routingUri() });
  driver = testDriver(routingUri());
});
afterAll(async () => {
  await driver?.close();
  await twin?.close();
});

describe("neo4j:// routing", () => {
  it("the twin runs over it: a committed reading is read back at once through GraphQL", async () => {
    expect(routingUri()).toMatch(/^neo4j:\/\//);
    const sensorId = `temp_${twin.prefix}_routed`;
    const recorded = await gql<{ recordReadings: { accepted: number; durability: string } }>(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted durability } }`, {
      r: [{ sensorId, value: 21.5, timestamp: "2026-05-01T00:00:00Z" }],
    });
    expect(recorded.data?.recordReadings).toEqual({ accepted: 1, durability: "COMMITTED" });
    const read = await gql<{ sensors: Array<{ currentValue: number }> }>(twin.url, `query ($id: ID!) { sensors(where: { sensorId: { eq: $id } }) { currentValue } }`, { id: sensorId });
    expect(read.data?.sensors).toEqual([{ currentValue: 21.5 }]);
  });

  it("a store session's write moves the bookmark that executeQuery and @neo4j/graphql read with", async () => {
    const manager = driver.executeQueryBookmarkManager;
    const before = [...(await manager.getBookmarks())];
    await new ReadingStore(driver).writeBatch([{ sensorId: `temp_${twin.prefix}_bm`, value: 1, timestampMs: Date.parse("2026-05-01T00:00:00Z"), seq: null }]);
    const after = [...(await manager.getBookmarks())];
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
    // A read routed to any server (a follower on a cluster) with those bookmarks sees the write.
    const { records } = await driver.executeQuery("MATCH (r:Reading {sensorId: $id}) RETURN count(r) AS n", { id: `temp_${twin.prefix}_bm` }, { routing: "READ" });
    expect(Number(records[0]?.get("n"))).toBe(1);
  });
});
