import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestTwin, type TestTwin } from "../support/testApp.js";

let twin: TestTwin;

beforeAll(async () => {
  twin = await startTestTwin();
});
afterAll(async () => {
  await twin?.close();
});

// The GraphQL-over-HTTP spec's audit suite, run against the real endpoint: every MUST holds.
describe("GraphQL over HTTP (graphql-http serverAudits)", () => {
  const audits = serverAudits({ url: () => twin.url, fetchFn: fetch });
  const musts = audits.filter((audit) => audit.name.startsWith("MUST"));

  it("has MUST audits to run", () => {
    expect(musts.length).toBeGreaterThan(10);
  });

  for (const audit of musts) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== "ok") {
        throw new Error(`${result.reason}${"response" in result ? ` (HTTP ${result.response.status})` : ""}`);
      }
    });
  }
});
