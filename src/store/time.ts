import neo4j from "neo4j-driver";

/** Converts a Neo4j temporal (or ISO string) read from the database to epoch milliseconds. */
export function toEpochMs(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isDateTime(value)) return Date.parse((value as { toString(): string }).toString());
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value === "number") return value;
  return null;
}

/** Epoch milliseconds as the ISO-8601 text the GraphQL DateTime scalar serves. */
export function toIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
