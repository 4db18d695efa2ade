import { defaultUnit } from "../../domain/sensorKind.js";
import { num } from "../format.js";
import { ACTUATOR_EFFECTS, plantQuantityOf } from "./actuators.js";
import { normalCdf } from "./distributions.js";
import type { CandidateAction, LocationActuators, Recommendation, RecommendationInputs, SensorSituation, Urgency, ValueLimit } from "./recommendTypes.js";

const Z90 = 1.6448536269514722;

/**
 * ACTUATE recommendations for a temperature or humidity sensor whose value is beyond its limit
 * now, or whose forecast reaches it (`minutesToThreshold`): every actuator at the sensor's
 * location that pushes the right way (`ACTUATOR_EFFECTS`) and is not ON is to be switched ON,
 * every one that pushes the wrong way and is not OFF switched OFF.
 * - urgency: HIGH when breached now or within 30 min, MEDIUM within 2 h, else LOW;
 * - confidence = breach certainty × sensor trust × effect:
 *   breach certainty 0.9 when breached now, else P(value beyond the limit at the forecast
 *   horizon) from the forecast's interval (normal, clamped 0.3..0.95; 0.4 when the crossing lies
 *   past the horizon); trust 1 / 0.8 / 0.4 for health HEALTHY / DEGRADED / FAILED;
 *   effect from the simulated candidate: 1 when it restores (or keeps) the limit within the
 *   simulated time, 0.6 when it only delays the breach, 0.3 when it does not help, 0.7 without
 *   a simulation (the table alone). Among candidates that work, each slower one loses 5 %.
 */
export function actuationRecommendations(s: SensorSituation, location: LocationActuators | undefined, simulateCandidate: RecommendationInputs["simulate"]): Recommendation[] {
  const quantity = plantQuantityOf(s.kind);
  const f = s.forecast;
  if (quantity === null || location === undefined || f === null) return [];
  const current = s.traits?.current ?? f.value;
  const limit: ValueLimit | null = s.limit ?? (f.threshold === null ? null : { value: f.threshold, side: f.threshold >= current ? "MAX" : "MIN" });
  if (limit === null) return [];
  const breachedNow = limit.side === "MAX" ? current > limit.value : current < limit.value;
  const minutes = f.minutesToThreshold;
  if (!breachedNow && minutes === null) return [];
  const direction = limit.side === "MAX" ? "LOWER" : "RAISE";
  const urgency: Urgency = breachedNow || (minutes as number) <= 30 ? "HIGH" : (minutes as number) <= 120 ? "MEDIUM" : "LOW";
  const unit = defaultUnit(s.kind) === "C" ? " °C" : " %";
  const limitText = `${num(limit.value)}${unit}`;
  const side = limit.side === "MAX" ? "under" : "over";
  const certainty = breachedNow ? 0.9 : breachCertainty(f.value, f.lower, f.upper, limit, (minutes as number) <= f.horizonMinutes);
  const trust = s.health?.status === "FAILED" ? 0.4 : s.health?.status === "DEGRADED" ? 0.8 : 1;
  const reason = breachedNow
    ? `${quantity} ${num(current)}${unit} is ${limit.side === "MAX" ? "above" : "below"} the ${limitText} limit`
    : `${quantity} forecast to reach ${limitText} in ≈${Math.round(minutes as number)} min (${num(f.ratePerMinute)}${unit}/min now)`;

  const scored: Array<{ rec: Recommendation; restoresIn: number }> = [];
  for (const actuator of location.actuators) {
    const effect = ACTUATOR_EFFECTS[actuator.kind][quantity];
    if (effect === undefined) continue;
    const helps = effect < 0 === (direction === "LOWER");
    const state = helps ? "ON" : "OFF";
    if (actuator.reportedState === state) continue;
    const candidate: CandidateAction = { sensorId: s.sensorId, locationId: location.locationId, actuatorId: actuator.actuatorId, kind: actuator.kind, state, quantity, limit, direction };
    const sim = simulateCandidate?.(candidate) ?? null;
    let factor = 0.7;
    let restoresIn = Number.POSITIVE_INFINITY;
    const pushes = effect < 0 ? "lowers" : "raises";
    let expectedEffect = helps ? `${actuator.kind} ON ${pushes} ${quantity}` : `${actuator.kind} OFF stops it ${effect < 0 ? "lowering" : "raising"} ${quantity}`;
    if (sim !== null) {
      const first = sim.trajectory[0];
      const last = sim.trajectory[sim.trajectory.length - 1];
      const hours = num(first === undefined || last === undefined ? 0 : (last.timestampMs - first.timestampMs) / 3_600_000);
      const simMinutes = sim.minutesToThreshold;
      if (breachedNow) {
        factor = simMinutes === null ? 0.3 : 1;
        restoresIn = simMinutes ?? restoresIn;
        expectedEffect = simMinutes === null ? `does not bring ${quantity} back ${side} ${limitText} within ${hours} h` : `${quantity} back ${side} ${limitText} in ≈${Math.round(simMinutes)} min`;
      } else if (simMinutes === null) {
        factor = 1;
        restoresIn = 0;
        expectedEffect = `keeps ${quantity} ${side} ${limitText} for the next ${hours} h`;
      } else if (simMinutes > (minutes as number) + 5) {
        factor = 0.6;
        restoresIn = simMinutes;
        expectedEffect = `delays reaching ${limitText} to ≈${Math.round(simMinutes)} min (from ≈${Math.round(minutes as number)})`;
      } else {
        factor = 0.3;
        expectedEffect = `does not stop ${quantity} reaching ${limitText} (≈${Math.round(simMinutes)} min)`;
      }
    }
    scored.push({
      restoresIn,
      rec: {
        action: "ACTUATE",
        targetId: actuator.actuatorId,
        command: `${actuator.kind} ${state}`,
        confidence: certainty * trust * factor,
        reason: `${reason}; ${actuator.kind} ${pushes} ${quantity}${helps ? "" : " and is on"}`,
        urgency,
        expectedEffect,
        sensorId: s.sensorId,
      },
    });
  }
  // The faster of several working actions first: each slower one loses 5 % confidence.
  const working = scored.filter((x) => Number.isFinite(x.restoresIn)).sort((a, b) => a.restoresIn - b.restoresIn);
  return scored.map(({ rec, restoresIn }) => {
    const rank = Number.isFinite(restoresIn) ? working.findIndex((w) => w.rec === rec) : 0;
    return { ...rec, confidence: rec.confidence * (1 - 0.05 * rank) };
  });
}

/** P(the value at the forecast horizon is beyond the limit), the interval read as a normal; 0.4 if the crossing lies past the horizon. */
function breachCertainty(value: number, lower: number, upper: number, limit: ValueLimit, withinHorizon: boolean): number {
  if (!withinHorizon) return 0.4;
  const sigma = Math.max((upper - lower) / (2 * Z90), 1e-12);
  const z = (limit.value - value) / sigma;
  const p = limit.side === "MAX" ? 1 - normalCdf(z) : normalCdf(z);
  return Math.min(0.95, Math.max(0.3, p));
}
