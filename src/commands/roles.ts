/** Roles from least to most; each includes everything the ones before it may do. */
export const ROLE_ORDER = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLE_ORDER)[number];

export type OperationType = "query" | "mutation" | "subscription";

/**
 * Custom mutations and the least role each needs. viewer: read and subscribe; operator: act
 * on the plant (commands, calibrations, acknowledging alerts, feeding readings); admin:
 * manage rules. Mutations not listed (the generated create/update/delete ones among them)
 * need admin: a new mutation is closed until someone decides otherwise.
 */
export const MUTATION_ROLES: Readonly<Record<string, Role>> = Object.freeze({
  sendCommand: "operator",
  cancelCommand: "operator",
  setSamplingInterval: "operator",
  recordCalibration: "operator",
  acknowledgeAlert: "operator",
  recordReadings: "operator",
  createRule: "admin",
  updateRule: "admin",
  deleteRule: "admin",
  enableRule: "admin",
  rebuildRollups: "admin",
});

/** Rank of a role name (case-insensitive); -1 for names that are not roles. */
export function roleRank(role: string): number {
  return (ROLE_ORDER as readonly string[]).indexOf(role.toLowerCase());
}

/** True if any of `roles` is `needed` or above it; unknown role names grant nothing. */
export function hasRole(roles: readonly string[], needed: Role): boolean {
  const rank = roleRank(needed);
  return roles.some((r) => roleRank(r) >= rank);
}

/** The least role a root field needs: queries and subscriptions viewer, mutations per `MUTATION_ROLES`, else admin. */
export function roleFor(operation: OperationType, fieldName: string): Role {
  if (operation !== "mutation") return "viewer";
  // hasOwn: a field named "constructor" must not find Object's.
  return Object.hasOwn(MUTATION_ROLES, fieldName) ? (MUTATION_ROLES[fieldName] as Role) : "admin";
}

/** Null if `roles` may use the field, else a message saying which role it needs. */
export function forbiddenReason(roles: readonly string[], operation: OperationType, fieldName: string): string | null {
  const needed = roleFor(operation, fieldName);
  if (hasRole(roles, needed)) return null;
  const have = roles.length === 0 ? "no role" : `roles ${roles.join(", ")}`;
  return `${operation} ${fieldName} needs the ${needed} role (or higher); the token has ${have}`;
}
