/** How long a manual command keeps rules off its actuator, unless configured otherwise. */
export const DEFAULT_OVERRIDE_MS = 15 * 60_000;
const MAX_OVERRIDE_MS = 7 * 86_400_000;

/** Until when (epoch ms) rules leave an actuator alone after a manual command at `nowMs`. */
export function overrideUntil(nowMs: number, pauseMs: number = DEFAULT_OVERRIDE_MS): number {
  if (!Number.isFinite(pauseMs) || pauseMs < 0 || pauseMs > MAX_OVERRIDE_MS) {
    throw new RangeError(`override pauseMs must be in 0..${MAX_OVERRIDE_MS} ms (7 days), got ${pauseMs}`);
  }
  return nowMs + pauseMs;
}

/** True while a manual override on `actuatorId` lasts; `overrides` maps actuator → until (epoch ms). */
export function isOverridden(actuatorId: string, overrides: ReadonlyMap<string, number>, nowMs: number): boolean {
  const until = overrides.get(actuatorId);
  return until !== undefined && nowMs < until;
}

/** The overrides still running at `nowMs` (drop the rest from storage). */
export function activeOverrides(overrides: ReadonlyMap<string, number>, nowMs: number): Map<string, number> {
  const active = new Map<string, number>();
  for (const [id, until] of overrides) if (nowMs < until) active.set(id, until);
  return active;
}
