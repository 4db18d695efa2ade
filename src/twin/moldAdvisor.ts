import { moldRecommendations, soonestIndex1, MOLD_ADVICE_WITHIN_HOURS, type HumidityPath } from "../analytics/predict/recommendMold.js";
import type { Recommendation } from "../analytics/predict/recommendTypes.js";
import { DomainError } from "../errors.js";
import type { ActuatorStore } from "../store/actuatorStore.js";
import type { ClimateService } from "./climateService.js";
import type { Predictions } from "./predictions.js";

/** Simulated hours behind an expected effect. */
const EFFECT_HOURS = 24;
/** The forecast basis of the advice: the last day repeating. */
const FORECAST_HOURS = 24;

/**
 * Mold advice for every room at risk (`moldRecommendations`): its mold risk from the room's
 * climate, and each candidate action's effect on the humidity from the room's fitted plant
 * (`Predictions.simulate` on the humidity sensor; without a plant the advice says so).
 */
export class MoldAdvisor {
  constructor(
    private readonly climate: Pick<ClimateService, "allMoldRisks" | "climate">,
    private readonly predictions: Pick<Predictions, "simulate">,
    private readonly actuators: Pick<ActuatorStore, "locations">,
    private readonly clock: () => number,
  ) {}

  async recommendations(asOfMs = this.clock()): Promise<Recommendation[]> {
    const risks = (await this.climate.allMoldRisks(FORECAST_HOURS, asOfMs)).filter((r) => {
      const soonest = r.risk === null ? null : soonestIndex1(r.risk);
      return soonest !== null && soonest <= MOLD_ADVICE_WITHIN_HOURS;
    });
    if (risks.length === 0) return [];
    const locations = new Map((await this.actuators.locations()).map((l) => [l.locationId, l]));
    const advice = await Promise.all(
      risks.map(async ({ risk, setup, locationId }) => {
        if (risk === null || setup === null) return [];
        const air = (await this.climate.climate(locationId, asOfMs)).climate;
        const location = locations.get(locationId);
        const paths = new Map<string, HumidityPath | null>();
        for (const a of location?.actuators ?? []) {
          if (a.kind !== "DEHUMIDIFIER" && a.kind !== "HUMIDIFIER") continue;
          paths.set(a.actuatorId, await this.humidityPath(setup.humiditySensorId, a.actuatorId, a.kind === "DEHUMIDIFIER" ? "ON" : "OFF", asOfMs));
        }
        return moldRecommendations({
          setup,
          risk,
          airCelsius: air?.temperatureC ?? risk.current.celsius,
          location,
          simulate: (actuatorId) => paths.get(actuatorId) ?? null,
        });
      }),
    );
    return advice.flat();
  }

  /** The humidity minute by minute with one actuator switched now, or null when the room has no fitted plant for it. */
  private async humidityPath(sensorId: string, actuatorId: string, state: "ON" | "OFF", asOfMs: number): Promise<HumidityPath | null> {
    try {
      const sim = await this.predictions.simulate({ sensorId, hours: EFFECT_HOURS, actuators: [{ actuatorId, state, atMinute: 0 }], ambient: null, threshold: null, asOfMs, trainingHours: null });
      return { minutes: sim.trajectory.slice(1).map((p) => p.value) };
    } catch (error) {
      // No plant (too little switching history) or an unidentified actuator: advise without a simulated effect.
      if (error instanceof DomainError) return null;
      throw error;
    }
  }
}
