export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Fields a webhook body may name as {{field}}. */
const TEMPLATE_FIELDS = ["sensorId", "value", "ruleName", "event", "time"] as const;
type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Readonly<Record<TemplateField, string | number | null>>;

export const MAX_BODY_JSON_LENGTH = 4096;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z]+)\s*\}\}$/;

const isField = (name: string): name is TemplateField => (TEMPLATE_FIELDS as readonly string[]).includes(name);

/** Problems with a body's placeholders, each naming where (e.g. `actions[1].body.text`). */
export function templateProblems(value: JsonValue, path: string): string[] {
  const problems: string[] = [];
  walk(value, path, (text, at) => {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? "";
      if (!isField(name)) problems.push(`${at} uses unknown template field {{${name}}}; known: ${TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(", ")}`);
    }
  });
  return problems;
}

/**
 * The body with every {{field}} in its strings (not keys) replaced. A string that is exactly
 * one placeholder takes the value's own type, so "{{value}}" gives the number 21.5, not "21.5".
 */
export function fillTemplate(value: JsonValue, values: TemplateValues): JsonValue {
  if (typeof value === "string") {
    const whole = WHOLE_PLACEHOLDER.exec(value)?.[1];
    if (whole !== undefined && isField(whole)) return values[whole];
    if (!value.includes("{{")) return value;
    return value.replace(PLACEHOLDER, (all, name: string) => (isField(name) ? String(values[name] ?? "") : all));
  }
  if (Array.isArray(value)) return value.map((v) => fillTemplate(v, values));
  if (value !== null && typeof value === "object") {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = fillTemplate(v, values);
    return out;
  }
  return value;
}

function walk(value: JsonValue, path: string, visit: (text: string, at: string) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, visit);
}
