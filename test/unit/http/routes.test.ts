import express from "express";
import { describe, expect, it } from "vitest";
import { createAuthenticator } from "../../../src/graphql/auth.js";
import { assertEveryRouteGuarded, everyRequest, mountRoutes, registeredRoutes } from "../../../src/http/routes.js";

const noAuth = createAuthenticator({});
const ok: express.RequestHandler = (_req, res) => void res.send("ok");

describe("the start-up check of the route table", () => {
  it("passes routes mounted from a table and middleware marked as running for every request", () => {
    const app = express();
    app.use(everyRequest((_req, _res, next) => next()));
    mountRoutes(
      app,
      [
        { method: "get", path: "/healthz", access: "public", what: "health", handlers: [ok] },
        { method: "get", path: "/metrics", access: "viewer", what: "metrics", handlers: [ok] },
        { method: "post", path: "/admin/reset", access: "admin", what: "reset", handlers: [ok] },
      ],
      noAuth,
    );
    expect(() => assertEveryRouteGuarded(app)).not.toThrow();
    expect(registeredRoutes(app)).toEqual([
      { method: "use", path: "/", access: "public" },
      { method: "get", path: "/healthz", access: "public" },
      { method: "get", path: "/metrics", access: "viewer" },
      { method: "post", path: "/admin/reset", access: "admin" },
    ]);
  });

  it("names a route added with app.get, a router's routes and a bare middleware, wherever they are mounted", () => {
    const app = express();
    mountRoutes(app, [{ method: "get", path: "/healthz", access: "public", what: "health", handlers: [ok] }], noAuth);
    app.get("/debug/state", ok);
    const router = express.Router();
    router.get("/:file", ok);
    app.use("/files", router);
    app.use(express.static("/nonexistent"));
    expect(registeredRoutes(app).filter((r) => r.access === null)).toEqual([
      { method: "get", path: "/debug/state", access: null },
      { method: "get", path: "/files/:file", access: null },
      { method: "use", path: "/", access: null },
    ]);
    expect(() => assertEveryRouteGuarded(app)).toThrow(/GET \/debug\/state, GET \/files\/:file, USE \/ mounted without an access check; add it to a route table/);
  });
});
