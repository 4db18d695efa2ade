// The bearer token the person signed in with (kept in this browser), and what its roles allow.
// The API checks every request itself; the roles here only decide what the page offers.

const KEY = "sensor-twin.token";
const ROLES = ["viewer", "operator", "admin"] as const;
type Role = (typeof ROLES)[number];

export function storedToken(): string | undefined {
  return localStorage.getItem(KEY) ?? undefined;
}

export function storeToken(token: string | undefined): void {
  if (token === undefined || token.trim() === "") localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, token.trim().replace(/^Bearer\s+/i, ""));
}

export interface TokenClaims {
  readonly subject: string;
  /** The highest role the token names (each includes the ones below it); null: none we know. */
  readonly role: Role | null;
  readonly expiresAtMs: number | null;
}

/** The claims of a JWT, read without verifying it (the server verifies); null if it is not a JWT. */
export function readClaims(token: string): TokenClaims | null {
  const part = token.split(".")[1];
  if (part === undefined) return null;
  try {
    const json = JSON.parse(
      atob(
        part
          .replace(/-/g, "+")
          .replace(/_/g, "/")
          .padEnd(Math.ceil(part.length / 4) * 4, "="),
      ),
    ) as Record<string, unknown>;
    const claim = json["roles"];
    const names = Array.isArray(claim) ? claim.map(String) : typeof claim === "string" ? claim.split(/[\s,]+/) : [];
    const rank = Math.max(-1, ...names.map((n) => ROLES.indexOf(n as Role)));
    return {
      subject: typeof json["sub"] === "string" ? json["sub"] : "unknown",
      role: rank < 0 ? null : (ROLES[rank] as Role),
      expiresAtMs: typeof json["exp"] === "number" ? json["exp"] * 1000 : null,
    };
  } catch {
    return null;
  }
}

/** Why this session may not switch actuators, or null when it may (operator or admin, or no auth). */
export function commandRefusal(authOn: boolean, claims: TokenClaims | null): string | null {
  if (!authOn) return null;
  if (claims === null) return "sign in with a token to switch actuators";
  if (claims.role === "operator" || claims.role === "admin") return null;
  return `switching needs the operator role; your token has ${claims.role ?? "no known role"}`;
}
