import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { createClient } from "graphql-ws";
import { SignJWT } from "jose";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "../../src/graphql/auth.js";
import type { RegisteredRoute } from "../../src/http/routes.js";
import { gql, startTestTwin, type TestTwin } from "../support/testApp.js";

const EVIL = "http://evil.example";
const DASH = "http://dash.example:5173";

/** Opens a graphql-ws socket with the given headers; resolves with how it ended or that it was acknowledged. */
function openSocket(url: string, headers: Record<string, string>, init: Record<string, unknown> = {}): Promise<{ acked: boolean; code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, "graphql-transport-ws", { headers });
    let acked = false;
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: init })));
    socket.on("message", (data) => {
      if ((JSON.parse((data as Buffer).toString()) as { type: string }).type === "connection_ack") {
        acked = true;
        socket.close(1000, "done");
      }
    });
    socket.on("close", (code, reason) => resolve({ acked, code, reason: reason.toString() }));
    socket.on("error", reject);
  });
}

/** A raw request, so the test can set Host (fetch sets its own). */
function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers ?? {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const RECORD = `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted } }`;

describe("browser origins, without authentication (the loopback default)", () => {
  let twin: TestTwin;
  beforeAll(async () => {
    twin = await startTestTwin({ corsOrigins: [DASH] });
  });
  afterAll(async () => {
    await twin?.close();
  });

  it("closes a WebSocket opened by a page of another origin, naming the origin and CORS_ORIGINS", async () => {
    const refused = await openSocket(twin.wsUrl, { origin: EVIL });
    expect(refused).toMatchObject({ acked: false, code: 4403 });
    expect(refused.reason).toMatch(/origin http:\/\/evil\.example not allowed; only same-origin and CORS_ORIGINS/);
    // Through a GraphQL client, as the page would use it: the mutation never starts.
    const client = createClient({
      url: twin.wsUrl,
      retryAttempts: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { origin: EVIL } });
        }
      },
    });
    const sensorId = `${twin.prefix}_evil_ws`;
    const outcome = await new Promise<string>((resolve) => {
      client.subscribe(
        { query: RECORD, variables: { r: [{ sensorId, value: 1 }] } },
        { next: () => resolve("ran"), error: (e) => resolve(`closed ${(e as { code?: number }).code}`), complete: () => resolve("completed") },
      );
    });
    await client.dispose();
    expect(outcome).toBe("closed 4403");
    expect(twin.app.services.live.get(sensorId)).toBeUndefined();
  });

  it("refuses an HTTP request from another origin with 403 before anything runs", async () => {
    const sensorId = `${twin.prefix}_evil_http`;
    const res = await gql(twin.url, RECORD, { r: [{ sensorId, value: 1 }] }, { origin: EVIL });
    expect(res.status).toBe(403);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: "ORIGIN_NOT_ALLOWED" } });
    expect(res.errors?.[0]?.message).toMatch(/origin http:\/\/evil\.example is not allowed.*CORS_ORIGINS \(now: http:\/\/dash\.example:5173\)/);
    expect(twin.app.services.live.get(sensorId)).toBeUndefined();
    const preflight = await fetch(twin.url, { method: "OPTIONS", headers: { origin: EVIL, "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves clients that send no Origin, pages of its own origin, and the listed origins with CORS headers", async () => {
    const own = new URL(twin.url).origin;
    expect((await openSocket(twin.wsUrl, {})).acked).toBe(true);
    expect((await openSocket(twin.wsUrl, { origin: own })).acked).toBe(true);
    expect((await openSocket(twin.wsUrl, { origin: DASH })).acked).toBe(true);
    expect((await gql(twin.url, "{ __typename }", {}, { origin: own })).status).toBe(200);

    const preflight = await fetch(twin.url, { method: "OPTIONS", headers: { origin: DASH, "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(DASH);
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type, authorization");
    const listed = await fetch(twin.url, { method: "POST", headers: { origin: DASH, "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("access-control-allow-origin")).toBe(DASH);
    expect(listed.headers.get("vary")).toMatch(/Origin/);
  });

  it("answers only requests addressed to a loopback name, so DNS rebinding cannot make a page same-origin", async () => {
    const port = new URL(twin.url).port;
    const rebound = `rebind.evil.example:${port}`;
    const res = await rawRequest(twin.url, {
      method: "POST",
      headers: { host: rebound, origin: `http://${rebound}`, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ extensions: { code: "HOST_NOT_ALLOWED" } }] });
    expect(res.body).toMatch(/without authentication this twin answers only requests to a loopback name/);
    const ws = await openSocket(twin.wsUrl, { host: rebound, origin: `http://${rebound}` });
    expect(ws).toMatchObject({ acked: false, code: 4403 });
    expect((await rawRequest(twin.url.replace("/graphql", "/healthz"), { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });
});

describe("every route behind the same authentication and roles as the API", () => {
  const SECRET = `test-secret-${randomBytes(16).toString("hex")}`;
  const token = (roles: string[]): Promise<string> =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(`user-${roles.join("-") || "none"}`)
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(SECRET));
  let twin: TestTwin;
  let viewer: string;
  beforeAll(async () => {
    twin = await startTestTwin({ authenticator: createAuthenticator({ jwtSecret: SECRET }), corsOrigins: [DASH] });
    viewer = await token(["viewer"]);
  });
  afterAll(async () => {
    await twin?.close();
  });

  /** A URL for a route's path: parameters and wildcards filled with a sensor's file name. */
  const urlOf = (route: RegisteredRoute): string => new URL(route.path.replace(/\{?\*\w+\}?/g, "x").replace(/:(\w+)/g, "temp_1.csv"), twin.url).href;
  /** What a request to the route asks for: GraphQL gets a query, anything else a plain request. */
  const requestTo = (route: RegisteredRoute, headers: Record<string, string>): Promise<Response> =>
    route.access === "operations"
      ? fetch(route.method === "get" ? `${urlOf(route)}?query=${encodeURIComponent("{ __typename }")}` : urlOf(route), {
          method: route.method.toUpperCase(),
          headers: { "content-type": "application/json", ...headers },
          ...(route.method === "post" ? { body: JSON.stringify({ query: "{ deviceStatuses { deviceId } }" }) } : {}),
        })
      : fetch(urlOf(route), { method: route.method.toUpperCase(), headers });

  it("lists every route Express dispatches to, each mounted behind a guard", () => {
    const routes = twin.app.server.routes;
    expect(routes.filter((r) => r.access === null)).toEqual([]);
    expect(routes.map((r) => `${r.method} ${r.path} ${r.access}`)).toEqual(
      expect.arrayContaining(["get /healthz public", "get /export/:file viewer", "get /graphql operations", "post /graphql operations"]),
    );
  });

  it("refuses every route but the public ones without a token, and serves a viewer what a viewer may have", async () => {
    const checked: string[] = [];
    for (const route of twin.app.server.routes.filter((r) => r.method !== "use")) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const anonymous = await requestTo(route, {});
      const asViewer = await requestTo(route, { authorization: `Bearer ${viewer}` });
      if (route.access === "public") {
        expect([401, 403], `${name} is public`).not.toContain(anonymous.status);
      } else {
        expect(anonymous.status, `${name} without a token`).toBe(401);
        const why = (await anonymous.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
        expect(why.errors[0], `${name} says why`).toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
        expect(why.errors[0]?.message, `${name} says why`).toMatch(/no token: send an "Authorization: Bearer <jwt>" header/);
        const viewerMay = route.access === "viewer" || route.access === "operations";
        expect(asViewer.status === 403, `${name} with a viewer's token (needs ${route.access})`).toBe(!viewerMay);
        expect(asViewer.status, `${name} with a viewer's token`).not.toBe(401);
      }
      checked.push(name);
    }
    expect(checked).toEqual(expect.arrayContaining(["GET /export/:file", "POST /graphql", "GET /healthz"]));
  });

  it("exports CSV to a viewer's token only", async () => {
    const url = new URL("/export/temp_1.csv?hours=1", twin.url).href;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const noRole = await fetch(url, { headers: { authorization: `Bearer ${await token([])}` } });
    expect(noRole.status).toBe(403);
    expect(await noRole.text()).toMatch(/GET \/export\/temp_1\.csv needs the viewer role \(or higher\); the token has no role/);
    const tampered = await fetch(url, { headers: { authorization: `Bearer ${viewer.slice(0, -3)}abc` } });
    expect(tampered.status).toBe(401);
    expect(await tampered.text()).toMatch(/signature does not verify/);
  });

  it("still needs a token from a listed origin, over HTTP and WebSocket", async () => {
    const res = await gql(twin.url, "{ deviceStatuses { deviceId } }", {}, { origin: DASH });
    expect(res.status).toBe(401);
    const refused = await openSocket(twin.wsUrl, { origin: DASH });
    expect(refused).toMatchObject({ acked: false, code: 4401 });
    expect((await openSocket(twin.wsUrl, { origin: DASH }, { authorization: `Bearer ${viewer}` })).acked).toBe(true);
    expect((await openSocket(twin.wsUrl, { origin: EVIL }, { authorization: `Bearer ${viewer}` })).code).toBe(4403);
  });
});
