import type { ActuatorKind, PlantQuantity } from "../analytics/predict/actuators.js";
import { fitPlant } from "../analytics/predict/plantFit.js";
import type { PlantModel } from "../analytics/predict/plantModel.js";
import type { Prediction } from "../analytics/predict/result.js";
import type { ReadingColumns } from "../analytics/readingColumns.js";
import type { ActuatorStore, SensorLocation } from "../store/actuatorStore.js";
import type { Diagnostics } from "./diagnostics.js";

/** A fitted plant is reused this long (or until an actuator of its location changes state). */
const PLANT_TTL_MS = 5 * 60_000;
/** Fitted plants kept at most; past it the cache starts again. */
const MAX_PLANTS = 500;

/** Fitted first-order plants by sensor, asOf (to PLANT_TTL_MS) and training span. */
export class PlantCache {
  private readonly plants = new Map<string, Prediction<PlantModel>>();

  constructor(
    private readonly diagnostics: Pick<Diagnostics, "seriesColumns">,
    private readonly actuators: Pick<ActuatorStore, "history">,
  ) {}

  /** Drops fitted plants (an actuator changed state: the history has news for the fit). */
  forget(): void {
    this.plants.clear();
  }

  /** `history`: the sensor's readings over (asOf − trainingMs, asOf] when the caller holds them already. */
  async plantFor(sensorId: string, quantity: PlantQuantity, location: SensorLocation, asOfMs: number, trainingMs: number, history?: Promise<ReadingColumns>): Promise<Prediction<PlantModel>> {
    const key = `${sensorId}|${Math.floor(asOfMs / PLANT_TTL_MS)}|${trainingMs}`;
    const cached = this.plants.get(key);
    if (cached !== undefined) return cached;
    const from = asOfMs - trainingMs;
    const kinds = new Map<string, ActuatorKind>(location.actuators.map((a) => [a.actuatorId, a.kind]));
    const [points, switches] = await Promise.all([history ?? this.diagnostics.seriesColumns(sensorId, from, asOfMs), this.actuators.history([...kinds.keys()], kinds, from, asOfMs)]);
    const model = fitPlant({
      points,
      actuators: switches.changes,
      quantity,
      knownActuators: location.actuators.map((a) => ({ actuatorId: a.actuatorId, kind: a.kind })),
      initialStates: switches.before,
    });
    if (this.plants.size > MAX_PLANTS) this.plants.clear();
    this.plants.set(key, model);
    return model;
  }
}
