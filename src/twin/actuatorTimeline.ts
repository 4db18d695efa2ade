import { lastSwitches, type ActuatorKind, type ActuatorState } from "../analytics/predict/actuators.js";
import { SETTLING_MINUTES, isDrifting } from "../analytics/predict/recommendSensor.js";
import type { SensorSituation } from "../analytics/predict/recommendTypes.js";
import type { ActuatorStore, LocatedActuator, SensorLocation } from "../store/actuatorStore.js";

/** An asOf this close to the clock asks about now. */
const NOW_MS = 1_000;

/** Actuator states by id, the unknown ones left out (the plant models take those as OFF). */
export function statesOf(actuators: readonly LocatedActuator[]): Record<string, ActuatorState> {
  return Object.fromEntries(actuators.flatMap((a) => (a.reportedState === null ? [] : [[a.actuatorId, a.reportedState]])));
}

/** The actuators' states at any time: the reported ones for now, the state log for the past. */
export class ActuatorTimeline {
  constructor(
    private readonly actuators: Pick<ActuatorStore, "history">,
    private readonly clock: () => number,
  ) {}

  /**
   * Each actuator's state at `asOfMs`: the reported one when asOf is now or the device reported
   * it by then (it has held it since), else the state log's latest change at or before asOfMs
   * (a question about the past). With neither, a state set by hand (never reported) counts;
   * otherwise it is unknown and left out.
   */
  async statesAt(location: SensorLocation, asOfMs: number): Promise<Record<string, ActuatorState>> {
    const states: Record<string, ActuatorState> = {};
    // A question about now: the reported states are the current ones, no need to read the log.
    const now = asOfMs >= this.clock() - NOW_MS;
    const unsure = now ? [] : location.actuators.filter((a) => a.reportedAtMs === null || a.reportedAtMs > asOfMs);
    for (const a of location.actuators) if (!unsure.includes(a) && a.reportedState !== null) states[a.actuatorId] = a.reportedState;
    if (unsure.length > 0) {
      const kinds = new Map<string, ActuatorKind>(unsure.map((a) => [a.actuatorId, a.kind]));
      const logged = (await this.actuators.history([...kinds.keys()], kinds, asOfMs, asOfMs)).before;
      for (const a of unsure) {
        const state = logged[a.actuatorId] ?? (a.reportedAtMs === null ? a.reportedState : null);
        if (state !== null) states[a.actuatorId] = state;
      }
    }
    return states;
  }

  /**
   * Where a sensor drifts and no plant explains it, when each actuator of its location last
   * switched within `SETTLING_MINUTES` before asOf (by location, then actuator): a room settling
   * back after a switch-off is not a drifting sensor either. Other locations are not read.
   */
  async recentSwitches(locations: readonly SensorLocation[], situations: readonly SensorSituation[], asOfMs: number): Promise<Map<string, Map<string, number>>> {
    const unexplained = new Set(situations.filter((s) => isDrifting(s) && (s.roomRate ?? null) === null && s.locationId !== null).map((s) => s.locationId as string));
    const switchedAt = new Map<string, Map<string, number>>();
    await Promise.all(
      locations
        .filter((l) => unexplained.has(l.locationId) && l.actuators.length > 0)
        .map(async (l) => {
          const kinds = new Map<string, ActuatorKind>(l.actuators.map((a) => [a.actuatorId, a.kind]));
          const { changes, before } = await this.actuators.history([...kinds.keys()], kinds, asOfMs - SETTLING_MINUTES * 60_000, asOfMs);
          switchedAt.set(l.locationId, lastSwitches(changes, before));
        }),
    );
    return switchedAt;
  }
}
