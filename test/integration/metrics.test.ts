import { SignJWT } from "jose";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "../../src/graphql/auth.js";
import { gql, startTestTwin, type TestTwin } from "../support/testApp.js";

type Families = ReturnType<typeof parsePrometheusTextFormat>;

async function scrape(twin: TestTwin, headers: Record<string, string> = {}): Promise<Families> {
  const response = await fetch(twin.url.replace(/graphql$/, "metrics"), { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusTextFormat(await response.text());
}

/** The value of a counter or gauge sample whose labels include `labels` (0 when absent). */
function value(families: Families, name: string, labels: Record<string, string> = {}): number {
  const family = families.find((f) => f.name === name);
  if (family === undefined) throw new Error(`no metric ${name}; have ${families.map((f) => f.name).join(", ")}`);
  const sample = family.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return Number(sample?.value ?? sample?.count ?? 0);
}

describe("/metrics", () => {
  let twin: TestTwin;
  beforeAll(async () => {
    twin = await startTestTwin();
  });
  afterAll(async () => {
    await twin?.close();
  });

  it("parses as Prometheus text, and its counters move with the readings", async () => {
    const before = await scrape(twin);
    for (const name of [
      "twin_readings_committed_total",
      "twin_batch_commit_seconds",
      "twin_ingest_buffer_readings",
      "twin_wal_bytes",
      "twin_wal_segments",
      "twin_subscribers",
      "twin_alerts_open",
      "twin_neo4j_up",
      "twin_process_cpu_user_seconds_total",
      "twin_nodejs_heap_size_used_bytes",
    ]) {
      expect(before.map((f) => f.name)).toContain(name);
    }
    expect(before.every((f) => f.name.startsWith("twin_"))).toBe(true);
    expect(value(before, "twin_neo4j_up")).toBe(1);

    const s = `${twin.prefix}_m`;
    const readings = Array.from({ length: 25 }, (_, i) => ({ sensorId: s, value: 20 + i / 10, timestamp: new Date(Date.now() - (25 - i) * 1000).toISOString() }));
    const res = await gql(twin.url, `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted rejected } }`, {
      r: [...readings, { sensorId: "bad id", value: 1 }],
    });
    expect(res.data).toEqual({ recordReadings: { accepted: 25, rejected: 1 } });

    const after = await scrape(twin);
    expect(value(after, "twin_readings_accepted_total", { source: "api" }) - value(before, "twin_readings_accepted_total", { source: "api" })).toBe(25);
    expect(value(after, "twin_readings_rejected_total", { source: "api" }) - value(before, "twin_readings_rejected_total", { source: "api" })).toBe(1);
    // recordReadings answers once committed (the default durability), so the commit is counted.
    expect(value(after, "twin_readings_committed_total") - value(before, "twin_readings_committed_total")).toBeGreaterThanOrEqual(25);
    const histogram = after.find((f) => f.name === "twin_batch_commit_seconds")!;
    expect(histogram.type).toBe("HISTOGRAM");
    expect(Number(histogram.metrics[0]!.count)).toBeGreaterThan(Number(before.find((f) => f.name === "twin_batch_commit_seconds")!.metrics[0]!.count));
  });

  it("counts open subscriptions", async () => {
    const { WebSocket } = await import("ws");
    const { createClient } = await import("graphql-ws");
    const client = createClient({ url: twin.wsUrl, webSocketImpl: WebSocket, lazy: false });
    const received = new Promise<void>((resolve, reject) => {
      client.subscribe({ query: `subscription { readingAdded(sensorIds: ["${twin.prefix}_sub"]) { value } }` }, { next: () => resolve(), error: reject, complete: () => undefined });
    });
    // The subscription is open once a reading sent after it arrives.
    for (let i = 0; i < 50; i++) {
      const families = await scrape(twin);
      if (value(families, "twin_subscribers", { subscription: "readingAdded" }) >= 1) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await gql(twin.url, `mutation { recordReadings(readings: [{ sensorId: "${twin.prefix}_sub", value: 1 }]) { accepted } }`);
    await received;
    expect(value(await scrape(twin), "twin_subscribers", { subscription: "readingAdded" })).toBeGreaterThanOrEqual(1);
    await client.dispose();
  });
});

describe("/metrics with auth on", () => {
  const SECRET = "metrics-test-secret-of-at-least-32-characters";
  let twin: TestTwin;
  beforeAll(async () => {
    twin = await startTestTwin({ authenticator: createAuthenticator({ jwtSecret: SECRET }) });
  });
  afterAll(async () => {
    await twin?.close();
  });

  it("needs a valid bearer token, like the API", async () => {
    const url = twin.url.replace(/graphql$/, "metrics");
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    // The same refusal every guarded route gives (src/http/routes.ts).
    const refusal = (await anonymous.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(refusal.errors[0]?.message).toMatch(/no token: send an "Authorization: Bearer <jwt>" header/);
    const token = await new SignJWT({ roles: ["viewer"] }).setProtectedHeader({ alg: "HS256" }).setSubject("prometheus").setExpirationTime("10m").sign(new TextEncoder().encode(SECRET));
    expect(value(await scrape(twin, { authorization: `Bearer ${token}` }), "twin_neo4j_up")).toBe(1);
  });
});
