import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { getOperationAST, GraphQLError, OperationTypeNode, parse, validate, type DocumentNode, type ExecutionArgs, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { QueryLimitSettings } from "../graphql/limits/queryLimitSettings.js";
import { isLoopback } from "./origins.js";
import type { Logger } from "../log.js";
import type { Authenticator, Principal } from "../graphql/auth.js";
import type { TwinContext } from "../graphql/context.js";
import { createErrorFormatter } from "../graphql/errors.js";
import type { Deadline } from "../graphql/limits/deadline.js";
import { QueryLimits } from "../graphql/limits/queryLimits.js";
import { operationRefusal } from "../graphql/roleGuard.js";
import { DomainError } from "../errors.js";
import { closeReason, judgeRequest, originGuard, refusalBody, type OriginPolicy } from "./origins.js";
import { assertEveryRouteGuarded, everyRequest, mountRoutes, registeredRoutes, type RegisteredRoute, type Route } from "./routes.js";

/** What a browser gets on GET /graphql (PLAYGROUND). */
export type Playground = "graphiql" | "apollo";

export interface HealthReport {
  readonly status: "ok" | "unavailable";
  readonly neo4j: "up" | "down";
  readonly [detail: string]: unknown;
}

export interface HttpOptions {
  readonly schema: GraphQLSchema;
  readonly host: string;
  readonly port: number;
  readonly log: Logger;
  readonly health: () => Promise<HealthReport>;
  /** More routes (CSV export, pages), each with who may call it; mounted after /healthz, before /graphql. */
  readonly routes?: readonly Route[];
  /** CORS_ORIGINS: browser origins besides the twin's own that may call it (default none). */
  readonly corsOrigins?: readonly string[];
  /** Called after every mutation (caches of graph data drop what may have changed). */
  readonly afterMutation?: () => void;
  readonly authenticator: Authenticator;
  /** Depth, aliases, cost and time per request; default: README's defaults. */
  readonly limits?: QueryLimitSettings;
  /** apollo: Apollo Sandbox answers a browser on /graphql; graphiql (default): a route in `routes` does. */
  readonly playground?: Playground;
}

const NOBODY: Principal = Object.freeze({ subject: "anonymous", roles: [], authenticated: false });

function contextFor(principal: Principal, deadline: Deadline | undefined): TwinContext {
  const requestId = randomUUID();
  return {
    requestId,
    principal,
    jwt: { sub: principal.subject, roles: principal.roles },
    deadline,
    transaction: {
      // Read as each transaction opens: it gets what is left of the request's time, so the
      // database stops it when the request's time is up.
      get timeout() {
        return deadline === undefined ? undefined : Math.max(1, Math.ceil(deadline.remainingMs()));
      },
      metadata: { requestId },
    },
  };
}

/** A limit's refusal with its HTTP status: 429 with Retry-After for the minute's budget, else 400. */
function withHttpStatus(refusal: GraphQLError): GraphQLError {
  const rateLimited = refusal.extensions["code"] === "QUERY_RATE_LIMITED";
  const http = rateLimited ? { status: 429, headers: new HeaderMap([["retry-after", String(refusal.extensions["retryAfterSeconds"])]]) } : { status: 400 };
  return new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http } });
}

/** A refusal as a GraphQL error with its HTTP status (401 unauthenticated, 403 forbidden). */
function authError(error: unknown): GraphQLError {
  const code = error instanceof DomainError ? error.code : "UNAUTHENTICATED";
  return new GraphQLError((error as Error).message, { extensions: { code, http: { status: code === "FORBIDDEN" ? 403 : 401 } } });
}

export interface RunningServer {
  /** http://host:port/graphql */
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  /** Every route Express dispatches to, with its access (what docs/security.md's route table lists). */
  readonly routes: readonly RegisteredRoute[];
  close(): Promise<void>;
}

/** The port is taken or not ours to use; the message says which variable to change. */
export class ListenError extends Error {
  override readonly name = "ListenError";
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE") {
        reject(new ListenError(`port ${port} on ${host} is already in use (another twin running?); stop it or set PORT to a free port`));
      } else if (error.code === "EACCES") {
        reject(new ListenError(`not allowed to listen on ${host}:${port}; choose a PORT above 1023`));
      } else if (error.code === "EADDRNOTAVAIL") {
        reject(new ListenError(`HOST=${host} is not an address of this machine`));
      } else {
        reject(error);
      }
    };
    const onListening = (): void => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/**
 * One HTTP server carries everything: GraphQL over HTTP (Apollo) and over WebSocket
 * (graphql-ws, for subscriptions) on /graphql, /healthz, and the routes given (CSV export,
 * /metrics, the dashboard and GraphiQL).
 */
export async function startHttpServer(options: HttpOptions): Promise<RunningServer> {
  const { schema, log } = options;
  const limits = new QueryLimits(schema, options.limits);
  const app = express();
  const httpServer = createServer(app);
  // Without a token to prove who is asking, a loopback twin must not be reachable by DNS rebinding.
  const origins: OriginPolicy = { allowed: options.corsOrigins ?? [], loopbackHostsOnly: !options.authenticator.enabled && isLoopback(options.host) };
  // Upgrades are judged here, before graphql-ws sees them: a refused page gets a close code and reason.
  const wsServer = new WebSocketServer({ noServer: true });
  httpServer.on("upgrade", (request, socket, head) => {
    if (new URL(request.url ?? "/", "http://twin").pathname !== "/graphql") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    const verdict = judgeRequest(origins, request);
    wsServer.handleUpgrade(request, socket, head, (ws) => {
      if (verdict.allowed) {
        wsServer.emit("connection", ws, request);
        return;
      }
      log.info("refused a WebSocket connection", { origin: request.headers.origin, host: request.headers.host, reason: verdict.message });
      ws.close(4403, verdict.closeReason);
    });
  });
  const formatError = createErrorFormatter(log.child("graphql"));
  const formatWsError = (error: GraphQLError): GraphQLFormattedError => formatError(error.toJSON(), error);
  const wsCleanup = useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      schema,
      // A token that does not verify closes the socket (4403) before any subscription starts.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = params["Authorization"] ?? params["authorization"] ?? params["token"];
        try {
          ctx.extra.principal = await options.authenticator.authenticate(typeof header === "string" ? header : undefined);
          return true;
        } catch (error) {
          const reason = (error as Error).message;
          log.info("refused a WebSocket connection", { reason });
          // 4401 with the reason (a close reason holds at most 123 bytes), so the client knows what to fix.
          ctx.extra.socket.close(4401, closeReason(reason));
          return false;
        }
      },
      // The whole check before anything runs, as over HTTP: parse, validate, roles, limits.
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const principal = ctx.extra.principal;
        if (principal === undefined) return [new GraphQLError("not authenticated", { extensions: { code: "UNAUTHENTICATED" } })];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid;
        const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: payload.variables };
        const operation = getOperationAST(document, payload.operationName);
        if (operation === null || operation === undefined) return args; // graphql-ws says which operation it could not find
        const refusal = operationRefusal(principal, operation, document);
        if (refusal !== null) return [new GraphQLError(refusal, { extensions: { code: "FORBIDDEN" } })];
        const limited = limits.refusal(document, operation, payload.variables ?? undefined, principal.subject);
        return limited === null ? args : [limited];
      },
      context: (ctx) => contextFor(ctx.extra.principal ?? NOBODY, limits.deadline()),
      // The same error shapes as over HTTP: domain codes, and no internal detail to the client.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors === undefined ? undefined : { ...result, errors: result.errors.map(formatWsError) }),
      onError: (_ctx, _id, _payload, errors) => {
        log.warn("subscription error", { errors: errors.map((e) => e.message) });
        return errors.map(formatWsError);
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<TwinContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler would stop the server and re-raise the
    // signal, killing the process before pending readings are written.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      options.playground === "apollo" ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart() {
          return {
            // Roles and limits are checked before execution: a refused operation does nothing at all.
            async didResolveOperation({ operation, document, contextValue, request }) {
              if (!operation) return;
              if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
                throw new GraphQLError("subscriptions run over WebSocket (the graphql-ws protocol) at this address with ws://, not over HTTP", {
                  extensions: { code: "BAD_REQUEST", http: { status: 400 } },
                });
              }
              const refusal = operationRefusal(contextValue.principal, operation, document);
              if (refusal !== null) throw new GraphQLError(refusal, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
              const limited = limits.refusal(document, operation, request.variables, contextValue.principal.subject);
              if (limited !== null) throw withHttpStatus(limited);
            },
            async willSendResponse({ operation, contextValue, response }) {
              // The id the server log and the database's transaction metadata know this request by.
              response.http.headers.set("x-request-id", contextValue.requestId);
              if (operation?.operation === OperationTypeNode.MUTATION) options.afterMutation?.();
            },
          };
        },
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const graphql = [
    express.json({ limit: "16mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<TwinContext> => {
        try {
          return contextFor(await options.authenticator.authenticate(req.headers.authorization), limits.deadline());
        } catch (error) {
          throw authError(error);
        }
      },
    }),
  ];
  const health: Route = {
    method: "get",
    path: "/healthz",
    access: "public",
    what: "liveness for probes: database up, ingest buffer",
    handlers: [
      async (_req, res) => {
        const report = await options.health();
        res.status(report.status === "ok" ? 200 : 503).json(report);
      },
    ],
  };
  app.use(everyRequest(originGuard(origins)));
  mountRoutes(
    app,
    [
      health,
      ...(options.routes ?? []),
      { method: "get", path: "/graphql", access: "operations", what: "GraphQL over GET (queries), and the playground page", handlers: graphql },
      { method: "post", path: "/graphql", access: "operations", what: "GraphQL over POST", handlers: graphql },
    ],
    options.authenticator,
  );
  app.use(everyRequest((req, res) => void res.status(404).json(refusalBody(`no route ${req.method} ${req.path}; the API is at /graphql`, "NOT_FOUND"))));

  try {
    assertEveryRouteGuarded(app);
    await listen(httpServer, options.host, options.port);
  } catch (error) {
    await apollo.stop().catch(() => undefined);
    wsServer.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    wsUrl: `ws://${shownHost}:${port}/graphql`,
    port,
    routes: registeredRoutes(app),
    close: async () => {
      await apollo.stop();
      wsServer.close();
    },
  };
}
