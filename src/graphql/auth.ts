import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { ROLE_ORDER, roleRank, type Role } from "../commands/roles.js";
import { UnauthenticatedError } from "../errors.js";

/** Who is asking, with every role their token implies (operator implies viewer, and so on). */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly authenticated: boolean;
}

export interface Authenticator {
  /** False when no JWT_SECRET/JWKS_URL is set: everyone is the local admin (loopback only). */
  readonly enabled: boolean;
  /** Verifies an `Authorization` value ("Bearer <jwt>" or the bare token). */
  authenticate(authorization: string | undefined | null): Promise<Principal>;
}

/** Without auth configured, the (loopback-only) caller may do everything. */
const LOCAL_ADMIN: Principal = Object.freeze({ subject: "local", roles: [...ROLE_ORDER], authenticated: false });

/** The roles a token names, with the ones they imply; unknown names are ignored. */
function impliedRoles(claim: unknown): Role[] {
  const names = Array.isArray(claim) ? claim.filter((r): r is string => typeof r === "string") : typeof claim === "string" ? claim.split(/[\s,]+/) : [];
  const top = Math.max(-1, ...names.map(roleRank));
  return ROLE_ORDER.slice(0, top + 1);
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return `the token expired at ${new Date(Number(error.payload.exp) * 1000).toISOString()}; get a new one`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature does not verify (tampered, or signed with another key)";
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not valid (${error.reason})`;
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token is signed with an algorithm this server does not accept";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "the token is not a well-formed JWT";
  if (error instanceof errors.JWKSNoMatchingKey) return "no key of the JWKS matches the token";
  return `the token could not be verified: ${(error as Error).message}`;
}

/**
 * Verifies bearer tokens: HS256 with JWT_SECRET, or any JWKS algorithm with JWKS_URL. Roles
 * come from the `roles` claim (a list, or space/comma separated text).
 */
export function createAuthenticator(options: { readonly jwtSecret?: string | undefined; readonly jwksUrl?: string | undefined }): Authenticator {
  let key: Uint8Array | JWTVerifyGetKey | null = null;
  let algorithms: string[] | undefined;
  if (options.jwtSecret !== undefined) {
    key = new TextEncoder().encode(options.jwtSecret);
    algorithms = ["HS256"];
  } else if (options.jwksUrl !== undefined) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
  }
  if (key === null) return { enabled: false, authenticate: async () => LOCAL_ADMIN };
  const verifyKey = key;
  return {
    enabled: true,
    authenticate: async (authorization) => {
      const token = authorization?.replace(/^Bearer\s+/i, "").trim();
      if (token === undefined || token === "") {
        throw new UnauthenticatedError('no token: send an "Authorization: Bearer <jwt>" header (for subscriptions, an Authorization connection parameter)');
      }
      let payload: JWTPayload;
      try {
        payload = (
          typeof verifyKey === "function"
            ? await jwtVerify(token, verifyKey, algorithms === undefined ? {} : { algorithms })
            : await jwtVerify(token, verifyKey, algorithms === undefined ? {} : { algorithms })
        ).payload;
      } catch (error) {
        throw new UnauthenticatedError(describe(error));
      }
      return { subject: typeof payload.sub === "string" ? payload.sub : "unknown", roles: impliedRoles(payload["roles"]), authenticated: true };
    },
  };
}
