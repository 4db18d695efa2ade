import { recommendationOrder } from "./recommendOrder.js";
import { actuationRecommendations } from "./recommendActuation.js";
import { sensorRecommendations } from "./recommendSensor.js";
import type { Recommendation, RecommendationInputs } from "./recommendTypes.js";

/**
 * The decision engine: for every sensor, what to do about it and about its room, ranked by
 * urgency (HIGH, MEDIUM, LOW, NONE), then confidence, then target id.
 * - the sensor's own state (`sensorRecommendations`): INSPECT, REPLACE, RECALIBRATE, or
 *   CONTINUE_MONITORING when maintenance asks to watch it;
 * - its room (`actuationRecommendations`): ACTUATE the location's actuators that counteract a
 *   breached or forecast limit, judged by the `simulate` callback when one is given;
 * - a sensor with nothing to do gets CONTINUE_MONITORING with urgency NONE, so every sensor
 *   asked about has an answer.
 * Pure: the simulations are the callback's (itself pure: `simulate` on a fitted plant).
 */
export function recommend(inputs: RecommendationInputs): Recommendation[] {
  const out: Recommendation[] = [];
  for (const sensor of inputs.sensors) {
    const location = sensor.locationId === null ? undefined : inputs.locations.find((l) => l.locationId === sensor.locationId);
    const own = [...sensorRecommendations(sensor, location, inputs.asOfMs), ...actuationRecommendations(sensor, location, inputs.simulate)];
    if (own.length === 0) {
      const health = sensor.health;
      own.push({
        action: "CONTINUE_MONITORING",
        targetId: sensor.sensorId,
        sensorId: sensor.sensorId,
        command: null,
        urgency: "NONE",
        confidence: health === null ? 0.5 : 0.9,
        reason: health === null ? "no health assessment available; nothing flagged" : `health ${health.status} (score ${health.score}); no limit forecast to be crossed`,
        expectedEffect: null,
      });
    }
    out.push(...own);
  }
  return out.sort(recommendationOrder);
}
