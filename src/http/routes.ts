import type { Express, RequestHandler } from "express";
import { hasRole, type Role } from "../commands/roles.js";
import { DomainError } from "../errors.js";
import type { Authenticator, Principal } from "../graphql/auth.js";
import { refusalBody } from "./origins.js";

/**
 * Who may call a route:
 * - `public`: anyone who passes the origin rule, no token (health probes, pages and files that
 *   hold no data: their data comes through the API, with the token);
 * - a role: a token with that role or a higher one (`viewer` < `operator` < `admin`);
 * - `operations`: a token, with each GraphQL operation's roles checked by the GraphQL layer
 *   (its GET page, the playground, holds no data and needs none).
 */
type Access = "public" | Role | "operations";

/**
 * One HTTP route and who may call it. Every route of the twin is mounted from a list of these
 * (`HttpOptions.routes` for routes from outside src/http), so none is served without its check:
 * the server refuses to start if any route or middleware was mounted another way.
 */
export interface Route {
  readonly method: "get" | "post";
  /** An Express 5 path: `/metrics`, `/export/:file`, `/{*file}`. */
  readonly path: string;
  readonly access: Access;
  /** One line on what it serves, for the route table of docs/security.md and the start-up check. */
  readonly what: string;
  readonly handlers: readonly RequestHandler[];
}

/** The principal a guarded handler runs for, in `res.locals`. */
const PRINCIPAL = "principal";

const ACCESS = Symbol("route access");
type Guard = RequestHandler & { readonly [ACCESS]: Access };

function refuse(res: Parameters<RequestHandler>[1], status: number, code: string, message: string): void {
  if (status === 401) res.setHeader("WWW-Authenticate", 'Bearer realm="sensor-twin"');
  res.status(status).json(refusalBody(message, code));
}

/** The check in front of one route: the token (401) and its roles (403) before the handler runs. */
function guard(access: Access, authenticator: Authenticator): Guard {
  const check: RequestHandler = (req, res, next) => {
    if (access === "public" || access === "operations") {
      next();
      return;
    }
    authenticator.authenticate(req.headers.authorization).then(
      (principal: Principal) => {
        if (!hasRole(principal.roles, access)) {
          const have = principal.roles.length === 0 ? "no role" : `roles ${principal.roles.join(", ")}`;
          refuse(res, 403, "FORBIDDEN", `${req.method} ${req.path} needs the ${access} role (or higher); the token has ${have}`);
          return;
        }
        res.locals[PRINCIPAL] = principal;
        next();
      },
      (error: unknown) => refuse(res, 401, error instanceof DomainError ? error.code : "UNAUTHENTICATED", (error as Error).message),
    );
  };
  return Object.assign(check, { [ACCESS]: access });
}

/**
 * Middleware that runs for every request and serves nothing itself (the origin rule, the final
 * 404), marked so the start-up check lets it through.
 */
export function everyRequest(handler: RequestHandler): RequestHandler {
  return Object.assign(handler, { [ACCESS]: "public" });
}

/** Mounts each route behind its guard, in order. */
export function mountRoutes(app: Express, routes: readonly Route[], authenticator: Authenticator): void {
  for (const route of routes) app[route.method](route.path, guard(route.access, authenticator), ...route.handlers);
}

/** A route as Express holds it, with the access its guard grants (null: no guard in front). */
export interface RegisteredRoute {
  readonly method: string;
  readonly path: string;
  readonly access: Access | null;
}

interface LayerLike {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean>; readonly stack: ReadonlyArray<{ readonly handle: unknown }> };
  readonly handle: unknown;
  readonly rawPath?: unknown;
}

function accessOf(handle: unknown): Access | null {
  return typeof handle === "function" && ACCESS in handle ? (handle as Guard)[ACCESS] : null;
}

/**
 * Every route Express would dispatch to (walking its router stack, mounted routers included),
 * and the middleware mounted with `app.use` (method `use`): what the route walk test requests
 * and what the start-up check inspects, so a route added any way at all is seen.
 */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  const walk = (stack: readonly LayerLike[], prefix: string): void => {
    for (const layer of stack) {
      if (layer.route !== undefined) {
        const access = accessOf(layer.route.stack[0]?.handle);
        for (const method of Object.keys(layer.route.methods)) out.push({ method, path: prefix + layer.route.path, access });
        continue;
      }
      const inner = (layer.handle as { stack?: readonly LayerLike[] }).stack;
      const mount = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
      if (Array.isArray(inner)) walk(inner, prefix + mount);
      else out.push({ method: "use", path: prefix + (mount === "" ? "/" : mount), access: accessOf(layer.handle) });
    }
  };
  walk((app.router as unknown as { stack: readonly LayerLike[] }).stack, "");
  return out;
}

/** Throws, naming them, if routes or middleware were mounted without a guard (outside a route table). */
export function assertEveryRouteGuarded(app: Express): void {
  const open = registeredRoutes(app).filter((r) => r.access === null);
  if (open.length > 0) {
    throw new Error(
      `${open.map((r) => `${r.method.toUpperCase()} ${r.path}`).join(", ")} mounted without an access check; ` +
        "add it to a route table (src/http/routes.ts: Route, with the role it needs) instead of calling app.get/app.use",
    );
  }
}
