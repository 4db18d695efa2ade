import { SignJWT } from "jose";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUERY_LIMITS } from "../../src/config.js";
import { createAuthenticator } from "../../src/graphql/auth.js";
import { eventually, gql, startTestTwin, type GraphQLResponse, type TestTwin } from "../support/testApp.js";
import { wsClient } from "../support/wsClient.js";

// Real twins on the test database: `strict` with the defaults, `slow` with only a short time
// limit (so slow queries get to run), `budgeted` with tokens and a small per-minute budget.
let strict: TestTwin;
let slow: TestTwin;
let budgeted: TestTwin;
const SECRET = "query-limits-test-secret-of-32-characters!";
const OFF = { maxDepth: 0, maxAliases: 0, maxCost: 0, costPerMinute: 0 };

beforeAll(async () => {
  // One after another: each runs the start-up migrations, which must not race.
  strict = await startTestTwin();
  // Room for a normal query on a loaded machine, right after the one resolver a stopped query
  // may still finish (one recommendations over the shared database can take a second there);
  // the attacks (1,000 recommendations, ~9 ms each even on one sensor) take far longer.
  slow = await startTestTwin({ queryLimits: { ...OFF, timeoutMs: 3_000 } });
  budgeted = await startTestTwin({ authenticator: createAuthenticator({ jwtSecret: SECRET }), queryLimits: { ...DEFAULT_QUERY_LIMITS, maxCost: 2_000, costPerMinute: 2_500 } });
  for (const twin of [strict, slow]) {
    const created = await gql(
      twin.url,
      `mutation { createDevices(input: [{ deviceId: "${twin.prefix}", sensors: { create: [{ node: { sensorId: "temp_${twin.prefix}", kind: TEMPERATURE } }] } }]) { devices { deviceId } } }`,
    );
    expect(created.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await Promise.all([strict?.close(), slow?.close(), budgeted?.close()]);
});

/** `sensors → device → sensors …` nested `pairs` times: the walk that took 5 s on one sensor. */
function nested(pairs: number, prefix: string): string {
  let selection = "sensors { sensorId }";
  for (let i = 0; i < pairs; i++) selection = `sensors { device { ${selection} } }`;
  return `{ ${selection.replace(/^sensors/, `sensors(where: { sensorId: { eq: "temp_${prefix}" } })`)} }`;
}
const aliased = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `r${i}: recommendations { action }`).join(" ")} }`;
/** A small query of the twin's own sensor: its time does not grow with the shared test database. */
const normal = (prefix: string): string => `{ sensors(where: { sensorId: { eq: "temp_${prefix}" } }) { sensorId } }`;

/** One operation over graphql-ws: what it answered, or the errors it was refused with. */
function overWs(client: Client, query: string): Promise<GraphQLResponse<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    let last: GraphQLResponse<Record<string, unknown>> = {};
    client.subscribe(
      { query },
      {
        next: (value) => void (last = value as GraphQLResponse<Record<string, unknown>>),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error instanceof Error ? error : new Error(JSON.stringify(error)))),
        complete: () => resolve(last),
      },
    );
  });
}

function codes(response: GraphQLResponse<unknown>): unknown[] {
  return [...new Set((response.errors ?? []).map((e) => e.extensions?.["code"]))];
}

async function answersNormally(twin: TestTwin, via: (query: string) => Promise<GraphQLResponse<Record<string, unknown>>>): Promise<void> {
  const response = await via(normal(twin.prefix));
  expect(response.errors).toBeUndefined();
  expect(response.data?.["sensors"]).toEqual([{ sensorId: `temp_${twin.prefix}` }]);
  expect((await gql(twin.url, normal(twin.prefix))).errors).toBeUndefined();
}

const ATTACKS: Array<[string, string, RegExp, (prefix: string) => string]> = [
  ["a query nested 50 levels", "QUERY_TOO_DEEP", /^query depth 52 exceeds QUERY_MAX_DEPTH=12; ask for fewer nested levels/, (p) => nested(25, p)],
  ["300 aliases of recommendations", "TOO_MANY_ALIASES", /^300 aliases exceed QUERY_MAX_ALIASES=30/, () => aliased(300)],
  ["25 aliases of recommendations", "QUERY_TOO_COMPLEX", /^query cost 25525 exceeds QUERY_MAX_COST=5000 \(r0 1021,/, () => aliased(25)],
  ["nested lists within the depth limit", "QUERY_TOO_COMPLEX", /exceeds QUERY_MAX_COST=5000 \(sensors \d+\)/, (p) => nested(5, p)],
];

describe("the default limits", () => {
  it.each(ATTACKS)("refuse %s over HTTP before it runs (400 %s), and the twin answers next", async (_name, code, message, attack) => {
    const response = await gql(strict.url, attack(strict.prefix));
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(codes(response)).toEqual([code]);
    expect(response.errors?.[0]?.message).toMatch(message);
    await answersNormally(strict, (q) => gql(strict.url, q));
  });

  it.each(ATTACKS)("refuse %s over graphql-ws (%s), and the twin answers next", async (_name, code, message, attack) => {
    const client = wsClient(strict.wsUrl);
    try {
      const response = await overWs(client, attack(strict.prefix));
      expect(codes(response)).toEqual([code]);
      expect(response.errors?.[0]?.message).toMatch(message);
      await answersNormally(strict, (q) => overWs(client, q));
    } finally {
      await client.dispose();
    }
  });

  it("refuse a deep subscription before it starts", async () => {
    const client = wsClient(strict.wsUrl);
    try {
      const deep =
        "subscription { commandUpdated { actuator { device { sensors { device { sensors { device { sensors { device { sensors { device { sensors { device { deviceId } } } } } } } } } } } } } }";
      const refused = await overWs(client, deep);
      expect(codes(refused), JSON.stringify(refused)).toEqual(["QUERY_TOO_DEEP"]);
    } finally {
      await client.dispose();
    }
  });
});

describe("the per-minute budget", () => {
  const token = (subject: string): Promise<string> =>
    new SignJWT({ roles: ["viewer"] }).setProtectedHeader({ alg: "HS256" }).setSubject(subject).setIssuedAt().setExpirationTime("10m").sign(new TextEncoder().encode(SECRET));

  it("is kept per token subject, over HTTP and graphql-ws together, and answers 429 with Retry-After", async () => {
    const alice = await token(`alice-${budgeted.prefix}`);
    const ask = (bearer: string): Promise<Response> =>
      fetch(budgeted.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query: aliased(1) }) });
    expect((await ask(alice)).status).toBe(200); // 1021 of 2500
    const client = wsClient(budgeted.wsUrl, { Authorization: `Bearer ${alice}` });
    try {
      expect((await overWs(client, aliased(1))).errors).toBeUndefined(); // 2042 of 2500
      const overWsRefused = await overWs(client, aliased(1));
      expect(codes(overWsRefused)).toEqual(["QUERY_RATE_LIMITED"]);
    } finally {
      await client.dispose();
    }
    const refused = await ask(alice);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as GraphQLResponse<unknown>;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_RATE_LIMITED", limit: 2_500, measured: 1021 });
    expect(body.errors?.[0]?.message).toMatch(/is more than the \d+ left of QUERY_COST_PER_MINUTE=2500 for "alice-.*"; retry in \d+ s/);

    expect((await ask(await token(`bob-${budgeted.prefix}`))).status).toBe(200);
  });
});

describe("the time limit", () => {
  it("answers QUERY_TIMEOUT over HTTP and stops the work; the twin answers next", async () => {
    const response = await gql(slow.url, aliased(1_000));
    expect(codes(response)).toEqual(["QUERY_TIMEOUT"]);
    expect(response.errors?.[0]?.message).toMatch(/^the query ran past QUERY_TIMEOUT_MS=3000 and was stopped/);
    await answersNormally(slow, (q) => gql(slow.url, q));
  });

  it("answers QUERY_TIMEOUT over graphql-ws", async () => {
    const client = wsClient(slow.wsUrl);
    try {
      expect(codes(await overWs(client, aliased(1_000)))).toEqual(["QUERY_TIMEOUT"]);
      await answersNormally(slow, (q) => overWs(client, q));
    } finally {
      await client.dispose();
    }
  });

  it("ends the generated query's database transaction too", async () => {
    const answer = await fetch(slow.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: nested(25, slow.prefix) }) });
    expect(codes((await answer.json()) as GraphQLResponse<unknown>)).toEqual(["QUERY_TIMEOUT"]);
    const requestId = answer.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The transaction carries the request's id in its metadata; Neo4j ends it at its timeout
    // (it checks between steps of its planning and execution, so shortly after the limit).
    const session = slow.driver.session();
    try {
      await eventually(
        async () => {
          const running = await session.run("SHOW TRANSACTIONS YIELD metaData WHERE metaData.requestId = $requestId RETURN count(*) AS n", { requestId });
          return Number(running.records[0]?.get("n")) === 0 ? true : undefined;
        },
        // Unbounded, this query runs about 12 s on Neo4j; with the timeout it ends shortly after 3 s.
        10_000,
        "the timed-out transaction to end",
      );
    } finally {
      await session.close();
    }
    await answersNormally(slow, (q) => gql(slow.url, q));
  });
});
