import { getOperationAST, parse, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import * as generated from "../../../client/generated/graphql.js";
import { DEFAULT_QUERY_LIMITS } from "../../../src/config.js";
import { estimateCost } from "../../../src/graphql/limits/cost.js";
import { QueryLimits } from "../../../src/graphql/limits/queryLimits.js";
import { POLL_MS, WINDOWS } from "../../../web/src/dashboard/windows.js";
import { servedSchema } from "../graphql/limits/schemaFixture.js";

// Every document of the typed client (the dashboard's and the examples'), as codegen compiled it.
const documents = Object.entries(generated as Record<string, unknown>).flatMap(([name, value]) =>
  value instanceof generated.TypedDocumentString ? [[name.replace(/Document$/, ""), value.toString()] as const] : [],
);

// Variables as the pages and scripts send them: a document whose variables do not fit is not costed at all.
const SAMPLE: Readonly<Record<string, Record<string, unknown>>> = {
  SensorHistory: { sensorId: "temp_1", window: 3600, buckets: 60, since: "2026-11-27T09:00:00Z", h1: 4, h2: 8, h3: 11, h4: 15 },
  WhatIf: { scenario: { sensorId: "temp_1", hours: 1, actuators: [{ actuatorId: "heater_1", state: "ON" }], threshold: 25 } },
  AcknowledgeAlert: { alertId: "a-1" },
  SwitchActuator: { input: { actuatorId: "fan_1", state: "ON", idempotencyKey: "k" } },
  SendCommand: { input: { actuatorId: "fan_1", state: "ON", idempotencyKey: "k" } },
  SensorUnit: { id: "temp_1" },
  ExportDay: { sensorId: "temp_1", from: "2026-11-27T00:00:00Z", to: "2026-11-28T00:00:00Z" },
  FollowSensor: { ids: ["temp_1"] },
  DashboardOverview: { sensors: { location: { locationId: { in: ["lab"] } } }, actuators: null },
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await servedSchema();
});

function cost(name: string, text: string): number {
  const document = parse(text);
  const estimate = estimateCost(schema, document, undefined, SAMPLE[name] ?? {});
  if (estimate === null || estimate === "too many fields") throw new Error(`cannot cost ${text}`);
  return estimate.total;
}

describe("the typed client's documents", () => {
  it("include the dashboard's and the examples'", () => {
    const names = documents.map(([name]) => name);
    for (const name of ["DashboardOverview", "SensorHistory", "WhatIf", "SwitchActuator", "LiveReadings", "FollowSensor", "SendCommand", "ExportDay"]) expect(names).toContain(name);
  });

  it.each(documents)("%s is valid and passes the default limits", (name, text) => {
    const document = parse(text);
    expect(validate(schema, document)).toEqual([]);
    expect(cost(name, text)).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost);
    expect(new QueryLimits(schema).refusal(document, getOperationAST(document)!, SAMPLE[name] ?? {}, "local")).toBeNull();
  });

  it("leave room for ten dashboards in one subject's minute (QUERY_COST_PER_MINUTE)", () => {
    const of = (name: string): number => cost(name, documents.find(([n]) => n === name)![1]);
    const perMinute = (ms: number): number => 60_000 / ms;
    const hour = WINDOWS[0]!;
    const oneDashboard =
      of("DashboardOverview") * perMinute(POLL_MS.overview) +
      of("DashboardAlerts") * perMinute(POLL_MS.alerts) +
      of("DashboardRecommendations") * perMinute(POLL_MS.recommendations) +
      of("SensorHistory") * perMinute(hour.refreshMs);
    // Without auth every browser is the same subject, so ten open dashboards share one budget.
    expect(10 * oneDashboard).toBeLessThan(DEFAULT_QUERY_LIMITS.costPerMinute);
  });
});
