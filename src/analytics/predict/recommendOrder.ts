import type { Recommendation, Urgency } from "./recommendTypes.js";

const URGENCY_RANK: Readonly<Record<Urgency, number>> = { HIGH: 3, MEDIUM: 2, LOW: 1, NONE: 0 };

/** Most urgent first, then most confident, then by target id (a stable order). */
export function recommendationOrder(a: Recommendation, b: Recommendation): number {
  return (
    URGENCY_RANK[b.urgency] - URGENCY_RANK[a.urgency] ||
    b.confidence - a.confidence ||
    (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0) ||
    (a.action < b.action ? -1 : a.action > b.action ? 1 : 0)
  );
}
