import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response } from "express";
import type { Route } from "./routes.js";

export interface WebRouteOptions {
  /** The dashboard's build output (web/dist): index.html, graphiql.html, assets/. */
  readonly distDir: string;
  /** Serve GraphiQL to browsers on GET /graphql (else Apollo's landing page answers there). */
  readonly graphiql: boolean;
}

const NOT_BUILT = (page: string): string =>
  `<!doctype html><meta charset="utf-8"><title>sensor-twin</title>` +
  `<p>The ${page} is not built yet. Run <code>npm run build:web</code> (<code>npm start</code> builds it when it is missing), then reload.</p>` +
  `<p>The GraphQL API is at <a href="/graphql">/graphql</a>; health at <a href="/healthz">/healthz</a>.</p>`;

/**
 * The dashboard at / and /dashboard, GraphiQL on GET /graphql for a browser (Accept text/html;
 * POST and other GETs go on to the API), and their hashed assets. All from web/dist, so they
 * work on a machine without internet. Public: the pages hold no data; what they show comes
 * through the API, with the token.
 */
export function webRoutes(options: WebRouteOptions): Route[] {
  const page = (file: string, what: string) => (_req: Request, res: Response) => {
    const full = path.join(options.distDir, file);
    // Checked per request: a build finished after the start is served without a restart.
    if (!existsSync(full)) {
      res.status(503).type("html").send(NOT_BUILT(what));
      return;
    }
    res.set("cache-control", "no-cache").sendFile(full);
  };
  const routes: Route[] = [
    { method: "get", path: "/", access: "public", what: "the dashboard page", handlers: [page("index.html", "dashboard")] },
    { method: "get", path: "/dashboard", access: "public", what: "the dashboard page", handlers: [page("index.html", "dashboard")] },
    // Vite names assets by their content hash, so they never change under one name.
    {
      method: "get",
      path: "/assets/{*file}",
      access: "public",
      what: "the pages' scripts and styles",
      handlers: [express.static(options.distDir, { immutable: true, maxAge: "365d", fallthrough: false, index: false })],
    },
  ];
  if (options.graphiql) {
    const graphiql = page("graphiql.html", "GraphiQL playground");
    routes.push({
      method: "get",
      path: "/graphql",
      access: "public",
      what: "GraphiQL for a browser asking for HTML (other GETs go on to the API)",
      handlers: [
        (req, res, next) => {
          // A browser's navigation asks for HTML first; GraphQL clients ask for JSON.
          if (req.query["query"] === undefined && req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html") graphiql(req, res);
          else next();
        },
      ],
    });
  }
  return routes;
}
