import type { ClimateSetup } from "../climate/climateSetup.js";
import type { MoldRiskAssessment } from "../climate/moldRisk.js";
import { hoursUntilIndex, runMold, type SurfaceStep } from "../climate/moldRun.js";
import { conditionsAt } from "../climate/surface.js";
import { criticalHumidity, isFavourable } from "../climate/vttMold.js";
import { num } from "../format.js";
import { recommendationOrder } from "./recommendOrder.js";
import type { LocationActuators, Recommendation, Urgency } from "./recommendTypes.js";

/** A room whose mold index is to reach 1 sooner than this (or has) gets advice. */
export const MOLD_ADVICE_WITHIN_HOURS = 168;

/** What switching one actuator would do to the room's humidity: the simulated air humidity, minute by minute from asOf. */
export interface HumidityPath {
  readonly minutes: readonly number[];
}

export interface MoldSituation {
  readonly setup: ClimateSetup;
  readonly risk: MoldRiskAssessment;
  /** The room's air temperature now (held through the simulated path). */
  readonly airCelsius: number;
  readonly location: LocationActuators | undefined;
  /** The humidity path with an actuator switched, from the room's fitted plant; null when there is no plant. */
  readonly simulate: (actuatorId: string, state: "ON" | "OFF") => HumidityPath | null;
}

/** What a simulated humidity path does to the mold outcome, for `expectedEffect`. */
export interface MoldEffect {
  readonly hours: number;
  readonly humidityAfter: number;
  /** Hours until the judged surface falls below the critical humidity; null if it never does in the path. */
  readonly hoursToStopGrowth: number | null;
  readonly indexAfter: number;
  /** With the path's last conditions held after it; null: never. */
  readonly hoursToIndex1: number | null;
}

/** The soonest index 1 is expected (0: reached), under the conditions now or repeating; null: never. */
export function soonestIndex1(risk: MoldRiskAssessment): number | null {
  const hours = [risk.hoursToIndex1, risk.hoursToIndex1Forecast].filter((h): h is number => h !== null);
  return hours.length === 0 ? null : Math.min(...hours);
}

/** The mold outcome of a simulated humidity path (per minute) at a held air temperature, from the index now. */
export function moldEffect(situation: Pick<MoldSituation, "setup" | "risk" | "airCelsius">, path: HumidityPath): MoldEffect {
  const { setup, risk, airCelsius } = situation;
  const names = { temperature: setup.temperatureSensorId, humidity: setup.humiditySensorId };
  const steps: SurfaceStep[] = path.minutes.map((rh) => {
    const at = conditionsAt(airCelsius, Math.min(100, Math.max(0, rh)), setup.surface, names);
    return { hours: 1 / 60, celsius: at.celsius, relativeHumidity: at.relativeHumidity };
  });
  const stop = steps.findIndex((s) => !isFavourable(s.celsius, s.relativeHumidity, setup.model.sensitivity));
  const after = runMold({ index: risk.index, dryHours: 0 }, steps, setup.model);
  const last = steps.at(-1);
  return {
    hours: steps.length / 60,
    humidityAfter: path.minutes.at(-1) ?? Number.NaN,
    hoursToStopGrowth: stop === -1 ? null : (stop + 1) / 60,
    indexAfter: after.index,
    hoursToIndex1: last === undefined ? null : hoursUntilIndex(after, [{ hours: 1, celsius: last.celsius, relativeHumidity: last.relativeHumidity }], 1, setup.model),
  };
}

/**
 * Advice for a room whose mold index has reached 1 or is forecast to within a week
 * (`MOLD_ADVICE_WITHIN_HOURS`): switch each of its dehumidifiers ON and humidifiers OFF, with the
 * expected effect simulated on the room's fitted humidity plant when there is one (the surface
 * humidity against the critical one, the index after the simulated day, index 1 after it);
 * without a dehumidifier, inspect the room. Urgency HIGH when index 1 is reached or within
 * 24 h, MEDIUM within 72 h, else LOW; confidence 0.9 when the simulation stops growth, 0.4 when it
 * does not, 0.6 without a simulation.
 */
export function moldRecommendations(s: MoldSituation): Recommendation[] {
  const soonest = soonestIndex1(s.risk);
  if (soonest === null || soonest > MOLD_ADVICE_WITHIN_HOURS) return [];
  const urgency: Urgency = soonest <= 24 ? "HIGH" : soonest <= 72 ? "MEDIUM" : "LOW";
  const room = s.setup.locationId;
  const critical = criticalHumidity(s.risk.current.celsius, s.setup.model.sensitivity);
  const where = s.setup.surface === null ? "" : " at the coldest surface";
  const why =
    soonest === 0
      ? `mold index ${num(s.risk.index)} in ${room}: microscopic growth expected already`
      : `mold index 1 in ${room} in ≈${num(soonest)} h (index now ${num(s.risk.index)}, ${num(s.risk.current.relativeHumidity)} % RH at ${num(s.risk.current.celsius)} °C where critical is ${num(critical)} %)`;
  type Actuator = LocationActuators["actuators"][number];
  const candidates = (s.location?.actuators ?? []).flatMap((a): Array<{ a: Actuator; state: "ON" | "OFF" }> =>
    a.kind === "DEHUMIDIFIER" && a.reportedState !== "ON" ? [{ a, state: "ON" }] : a.kind === "HUMIDIFIER" && a.reportedState !== "OFF" ? [{ a, state: "OFF" }] : [],
  );
  if (candidates.length === 0) {
    const drying = (s.location?.actuators ?? []).some((a) => a.kind === "DEHUMIDIFIER");
    return [
      {
        action: "INSPECT",
        targetId: s.setup.humiditySensorId,
        sensorId: s.setup.humiditySensorId,
        command: null,
        urgency,
        confidence: 0.6,
        reason: `${why}; ${drying ? "its dehumidifier is on already" : "it has no dehumidifier"}: ventilate or dry the room, or warm its coldest surface`,
        expectedEffect: `below ${num(critical)} % RH${where} growth stops`,
      },
    ];
  }
  return candidates.map(({ a, state }): Recommendation => {
    const path = s.simulate(a.actuatorId, state);
    const effect = path === null || path.minutes.length === 0 ? null : moldEffect(s, path);
    const stops = effect !== null && effect.hoursToStopGrowth !== null;
    return {
      action: "ACTUATE",
      targetId: a.actuatorId,
      sensorId: s.setup.humiditySensorId,
      command: `${a.kind} ${state}`,
      urgency,
      confidence: effect === null ? 0.6 : stops ? 0.9 : 0.4,
      reason: `${why}; ${a.kind} ${state} dries the air`,
      expectedEffect: effect === null ? `drying the air below ${num(critical)} % RH${where} stops growth (no fitted humidity plant to say how fast)` : describeEffect(effect, critical, soonest, where),
    };
  });
}

function describeEffect(e: MoldEffect, critical: number, soonest: number, where: string): string {
  const before = soonest === 0 ? "reached now" : `in ≈${num(soonest)} h without it`;
  const humidity = `humidity ${num(e.humidityAfter)} % after ${num(e.hours)} h`;
  if (e.hoursToStopGrowth === null) return `${humidity}, still above the critical ${num(critical)} %${where}: growth goes on (index ${num(e.indexAfter)}; index 1 ${before})`;
  const index1 = e.hoursToIndex1 === null ? "never reached" : e.hoursToIndex1 === 0 ? "reached" : `in ≈${num(e.hoursToIndex1 + e.hours)} h`;
  return `${humidity}; below the critical ${num(critical)} %${where} within ${num(e.hoursToStopGrowth * 60)} min: growth stops (index ${num(e.indexAfter)} after ${num(e.hours)} h), index 1 ${index1} (${before})`;
}

/**
 * The room advice merged into the sensor advice: one recommendation per action, target and
 * command — the more urgent kept, the other's reason appended — in the usual order.
 */
export function mergeRecommendations(base: readonly Recommendation[], extra: readonly Recommendation[]): Recommendation[] {
  const out = [...base];
  for (const r of extra) {
    const i = out.findIndex((o) => o.action === r.action && o.targetId === r.targetId && o.command === r.command);
    const same = out[i];
    if (same === undefined) {
      out.push(r);
      continue;
    }
    const [first, second] = recommendationOrder(same, r) <= 0 ? [same, r] : [r, same];
    out[i] = { ...first, reason: `${first.reason}; also: ${second.reason}` };
  }
  return out.sort(recommendationOrder);
}
