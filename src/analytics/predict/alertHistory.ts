import type { ActiveEpisode, AnomalyType, Severity } from "../../domain/anomalyTypes.js";

/** One alert of a sensor as stored: when it was raised and, once it was, cleared. */
export interface AlertRecord {
  readonly type: AnomalyType;
  readonly severity: Severity;
  readonly raisedAtMs: number;
  readonly clearedAtMs: number | null;
}

/** Alerts open at asOf (raised by then, not cleared by then), as the episodes health scores. */
export function openAt(alerts: readonly AlertRecord[], asOfMs: number): ActiveEpisode[] {
  return alerts
    .filter((a) => a.raisedAtMs <= asOfMs && (a.clearedAtMs === null || a.clearedAtMs > asOfMs))
    .map((a) => ({
      episodeKey: `${a.type}:${a.raisedAtMs}`,
      type: a.type,
      severity: a.severity,
      message: `${a.type} alert`,
      raisedAtMs: a.raisedAtMs,
      lastSeenMs: asOfMs,
    }));
}

/** How many alerts matching `keep` were raised in (asOf − spanMs, asOf]. */
export function raisedWithin(alerts: readonly AlertRecord[], asOfMs: number, spanMs: number, keep: (a: AlertRecord) => boolean): number {
  let n = 0;
  for (const a of alerts) if (a.raisedAtMs > asOfMs - spanMs && a.raisedAtMs <= asOfMs && keep(a)) n += 1;
  return n;
}

/** P(at least one event within `hours`) for a Poisson process that produced `count` events in `spanHours`. */
export function poissonAtLeastOne(count: number, spanHours: number, hours: number): number {
  return 1 - Math.exp(-(count / spanHours) * hours);
}
