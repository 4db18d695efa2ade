import { afterAll, describe, expect, it } from "vitest";
import { ReadDeadlines } from "../../src/store/readDeadlines.js";
import { testDriver } from "../support/testApp.js";

const driver = testDriver();
afterAll(async () => {
  await driver.close();
});

describe("the store's queries under a request's deadline", () => {
  const deadlines = new ReadDeadlines();
  const bound = deadlines.bound(driver);

  it("a query started for a request with 200 ms left is stopped by Neo4j at that limit", async () => {
    const endsAt = Date.now() + 200;
    const slow = deadlines.run({ remainingMs: () => endsAt - Date.now() }, () => bound.executeQuery("CALL apoc.util.sleep(5000) RETURN 1 AS one"));
    await expect(slow).rejects.toMatchObject({ code: expect.stringMatching(/^Neo\.ClientError\.Transaction\.TransactionTimedOut/) });
  });

  it("outside a request (ingest, background work) the same driver sets no limit", async () => {
    const { records } = await bound.executeQuery("CALL apoc.util.sleep(300) RETURN 1 AS one");
    expect(records[0]?.get("one")).toBe(1);
    expect(deadlines.timeoutMs()).toBeUndefined();
  });

  it("a request whose time is up gives a query 1 ms, not an unlimited transaction", async () => {
    const late = deadlines.run({ remainingMs: () => -50 }, () => bound.executeQuery("CALL apoc.util.sleep(2000) RETURN 1 AS one"));
    await expect(late).rejects.toMatchObject({ code: expect.stringMatching(/TransactionTimedOut/) });
  });
});
