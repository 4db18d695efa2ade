// Pure formatting for the dashboard: numbers, ages, arrows (time is passed in).

/** A value with its unit, to a precision that suits its size. */
export function formatValue(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}

/** How long ago, in the largest whole unit: "3 s ago", "5 min ago", "2 h ago", "4 d ago". */
export function formatAge(thenMs: number | null, nowMs: number): string {
  if (thenMs === null) return "never";
  const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

export type FreshnessLevel = "FRESH" | "STALE" | "OFFLINE";

/** The API's freshness rule on the browser's clock: fresh up to the stale limit, stale up to ten limits, then offline. */
export function freshness(lastMs: number | null, staleAfterSeconds: number, nowMs: number): FreshnessLevel {
  if (lastMs === null) return "OFFLINE";
  const age = (nowMs - lastMs) / 1000;
  if (age <= staleAfterSeconds) return "FRESH";
  return age <= 10 * staleAfterSeconds ? "STALE" : "OFFLINE";
}

export function trendArrow(direction: string | null | undefined): string {
  return direction === "RISING" ? "↑" : direction === "FALLING" ? "↓" : direction === "STABLE" ? "→" : "·";
}

const URGENCY_ORDER: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2, NONE: 3 };

/** Most urgent first, then most confident (the API's order, kept when the list is filtered). */
export function byUrgency<T extends { urgency: string; confidence: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (URGENCY_ORDER[a.urgency] ?? 9) - (URGENCY_ORDER[b.urgency] ?? 9) || b.confidence - a.confidence);
}
