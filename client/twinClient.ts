// The typed client for frontends and scripts: GraphQL over HTTP for queries and mutations,
// graphql-ws for subscriptions, both typed by the documents' generated types
// (client/generated, made by `npm run codegen` from the graphql(`…`) calls in web/ and examples/).
import { createClient, type Client } from "graphql-ws";
import type { TypedDocumentString } from "./generated/graphql.js";

export { graphql } from "./generated/gql.js";

/** One GraphQL error as the API sends it (the code is in extensions.code). */
export interface ApiError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** The API refused or failed a request; `errors` are the API's own, `status` the HTTP status (0: no answer). */
export class TwinRequestError extends Error {
  override readonly name = "TwinRequestError";
  constructor(
    message: string,
    readonly status: number,
    readonly errors: readonly ApiError[],
  ) {
    super(message);
  }

  /** The first error's code (UNAUTHENTICATED, FORBIDDEN, UNAVAILABLE…), if any. */
  get code(): string | undefined {
    const code = this.errors[0]?.extensions?.["code"];
    return typeof code === "string" ? code : undefined;
  }
}

export interface TwinClientOptions {
  /** The API: http(s)://host:port/graphql; subscriptions use the same address over ws(s). */
  readonly url: string;
  /** A bearer token (or a function read at each request and connection), when auth is on. */
  readonly token?: string | (() => string | undefined);
  /** A WebSocket class where there is no global one (Node 20: the `ws` package's). */
  readonly webSocketImpl?: unknown;
  /** Told when the subscription socket opens and closes (e.g. to show "live" / "reconnecting"). */
  readonly onSocket?: (state: "open" | "closed", reason?: string) => void;
}

export interface Handlers<R> {
  next(data: R): void;
  error?(error: Error): void;
  complete?(): void;
}

export interface TwinClient {
  /** Data and errors as the API answered (a field may be null beside its error, e.g. simulate's UNAVAILABLE). */
  execute<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<{ data: R | null; errors: readonly ApiError[] }>;
  /** The data, or a TwinRequestError for any error. */
  request<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<R>;
  /** Starts a subscription; the function returned ends it. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V | undefined, handlers: Handlers<R>): () => void;
  close(): Promise<void>;
}

function bearer(token: string | undefined): string | undefined {
  if (token === undefined || token.trim() === "") return undefined;
  return /^Bearer\s/i.test(token) ? token : `Bearer ${token.trim()}`;
}

/** Why a socket closed, in words (graphql-ws passes a CloseEvent, or an Error). */
function closeReason(event: unknown): string {
  if (typeof event === "object" && event !== null && "code" in event) {
    const { code, reason } = event as { code: number; reason?: string };
    return reason !== undefined && reason !== "" ? `${reason} (${code})` : `closed with code ${code}`;
  }
  return event instanceof Error ? event.message : String(event);
}

/** A client of one twin's API. */
export function createTwinClient(options: TwinClientOptions): TwinClient {
  const token = (): string | undefined => bearer(typeof options.token === "function" ? options.token() : options.token);
  let socket: Client | undefined;
  const ws = (): Client => {
    socket ??= createClient({
      url: options.url.replace(/^http/, "ws"),
      connectionParams: () => {
        const authorization = token();
        return authorization === undefined ? {} : { Authorization: authorization };
      },
      ...(options.webSocketImpl === undefined ? {} : { webSocketImpl: options.webSocketImpl }),
      retryAttempts: Number.POSITIVE_INFINITY,
      // A refused token (4401) or a forbidden operation is not cured by reconnecting.
      shouldRetry: (event) => !(typeof event === "object" && event !== null && "code" in event && [4401, 4403].includes((event as { code: number }).code)),
      retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
      on: {
        connected: () => options.onSocket?.("open"),
        closed: (event) => options.onSocket?.("closed", closeReason(event)),
      },
    });
    return socket;
  };

  const execute = async <R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<{ data: R | null; errors: readonly ApiError[] }> => {
    const authorization = token();
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(authorization === undefined ? {} : { authorization }),
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      });
    } catch (error) {
      throw new TwinRequestError(`cannot reach the twin at ${options.url}: ${(error as Error).message}; is it running?`, 0, []);
    }
    let body: { data?: R | null; errors?: ApiError[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new TwinRequestError(`the twin answered HTTP ${response.status} without a GraphQL body`, response.status, []);
    }
    const errors = body.errors ?? [];
    if ((body.data === undefined || body.data === null) && errors.length > 0) {
      throw new TwinRequestError(errors.map((e) => e.message).join("; "), response.status, errors);
    }
    return { data: body.data ?? null, errors };
  };

  return {
    execute,
    request: async (document, variables) => {
      const { data, errors } = await execute(document, variables);
      if (errors.length > 0 || data === null) throw new TwinRequestError(errors.map((e) => e.message).join("; ") || "no data", 200, errors);
      return data;
    },
    subscribe: <R, V>(document: TypedDocumentString<R, V>, variables: V | undefined, handlers: Handlers<R>) =>
      ws().subscribe<R>(
        { query: document.toString(), variables: variables ?? {} },
        {
          next: (result) => {
            if (result.errors !== undefined && result.errors.length > 0) handlers.error?.(new TwinRequestError(result.errors.map((e) => e.message).join("; "), 200, result.errors));
            else if (result.data !== undefined && result.data !== null) handlers.next(result.data);
          },
          error: (error) => {
            if (Array.isArray(error)) handlers.error?.(new TwinRequestError(error.map((e: ApiError) => e.message).join("; "), 200, error as ApiError[]));
            else handlers.error?.(new Error(closeReason(error)));
          },
          complete: () => handlers.complete?.(),
        },
      ),
    close: async () => {
      await socket?.dispose();
      socket = undefined;
    },
  };
}
