import neo4j, { type Driver } from "neo4j-driver";
import { UnavailableError } from "../errors.js";

export interface DriverTarget {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

/**
 * Creates a driver tuned for the twin: short retries (the batch writer retries itself), bounded
 * pool, and causal chaining: its sessions share the bookmark manager that `executeQuery` and
 * @neo4j/graphql use, so on a cluster (`neo4j://`) a read on a follower waits for every write
 * the twin committed before it, whichever API wrote it.
 */
export function createDriver(target: DriverTarget): Driver {
  return causalSessions(plainDriver(target));
}

function causalSessions(driver: Driver): Driver {
  const session: Driver["session"] = (config = {}) => driver.session({ bookmarkManager: driver.executeQueryBookmarkManager, ...config });
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === "session") return session;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function plainDriver(target: DriverTarget): Driver {
  // No password: the embedded database (auth off, loopback only) takes the "none" scheme.
  const auth = target.password === "" ? undefined : neo4j.auth.basic(target.user, target.password);
  return neo4j.driver(target.uri, auth, {
    maxTransactionRetryTime: 2_000,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: true,
    logging: { level: "error", logger: () => undefined },
  });
}

/** Says, in words a user can act on, why the database at `uri` did not answer. */
function explainConnectionError(uri: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code ?? "";
  if (code === "Neo.ClientError.Security.Unauthorized") {
    return `Neo4j at ${uri} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD`;
  }
  if (/ECONNREFUSED|ServiceUnavailable|Could not perform discovery|Failed to connect/i.test(message + code)) {
    return `Neo4j at ${uri} does not answer (${message}); start it, or unset NEO4J_URI to use the embedded database`;
  }
  return `Neo4j at ${uri} could not be used: ${message}`;
}

/** Fails with an UnavailableError naming the fix unless the database answers a trivial query. */
export async function verifyDatabase(driver: Driver, uri: string): Promise<void> {
  try {
    await driver.executeQuery("RETURN 1 AS ok");
  } catch (error) {
    throw new UnavailableError(explainConnectionError(uri, error));
  }
}
