// Small checks shared by the rule validators; every message starts with the field's path.

export type Fields = Readonly<Record<string, unknown>>;

/** Absent and null mean the same to a validator: GraphQL sends null for omitted optional fields. */
export const absent = (value: unknown): value is null | undefined => value === undefined || value === null;

export const isRecord = (value: unknown): value is Fields => typeof value === "object" && value !== null && !Array.isArray(value);

/** A value quoted for a message, cut to 80 characters. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition, @typescript-eslint/no-base-to-string -- JSON.stringify gives undefined for a function or a symbol, which String() then names
    text = typeof value === "object" && value !== null ? "an object" : (JSON.stringify(value) ?? String(value));
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what JSON.stringify could not write (a BigInt, a cycle) is named as String() can
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** One problem per field of `o` that is set but not among `allowed`. */
export function unknownFields(o: Fields, allowed: readonly string[], path: string, what: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(o)) {
    if (!allowed.includes(key) && !absent(value)) problems.push(`${path}${key} does not apply to ${what}; leave it out (fields: ${allowed.join(", ")})`);
  }
  return problems;
}

/** Longest forSeconds, clearForSeconds, cooldownSeconds, minOnSeconds, minOffSeconds. */
const MAX_RULE_SECONDS = 7 * 86_400;

/** A seconds field: absent (→ default) or a number in 0..7 days. */
export function secondsProblem(value: unknown, field: string): string | null {
  if (absent(value)) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_RULE_SECONDS) {
    return `${field} must be a number of seconds in 0..${MAX_RULE_SECONDS} (7 days), got ${show(value)}`;
  }
  return null;
}

/** True if `value` is one of `options`; pushes a message naming them otherwise. */
export function oneOf<T extends string>(value: unknown, options: readonly T[], field: string, problems: string[], requiredFor?: string): value is T {
  if (absent(value)) {
    if (requiredFor !== undefined) problems.push(`${field} is required for ${requiredFor} (one of ${options.join(", ")})`);
    return false;
  }
  if (typeof value === "string" && (options as readonly string[]).includes(value)) return true;
  problems.push(`${field} must be one of ${options.join(", ")}, got ${show(value)}`);
  return false;
}
