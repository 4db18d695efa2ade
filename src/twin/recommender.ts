import { plantQuantityOf } from "../analytics/predict/actuators.js";
import { operatingBand } from "../analytics/predict/operatingBand.js";
import type { PlantModel } from "../analytics/predict/plantModel.js";
import { plantRate } from "../analytics/predict/plantRate.js";
import { recommend } from "../analytics/predict/recommend.js";
import { isDrifting } from "../analytics/predict/recommendSensor.js";
import type { Recommendation, SensorSituation, ValueLimit } from "../analytics/predict/recommendTypes.js";
import type { Prediction } from "../analytics/predict/result.js";
import { simulate } from "../analytics/predict/simulate.js";
import { hasPhysicalRange } from "../analytics/kindProfiles.js";
import type { ReadingColumns } from "../analytics/readingColumns.js";
import type { ActuatorStore } from "../store/actuatorStore.js";
import type { CalibrationRecord, CalibrationStore } from "../store/calibrationStore.js";
import { statesOf, type ActuatorTimeline } from "./actuatorTimeline.js";
import type { Diagnostics } from "./diagnostics.js";
import type { PlantCache } from "./plantCache.js";
import { HISTORY_MS, type PredictionHistory } from "./predictionHistory.js";
import type { SensorForecast, SensorMaintenance } from "./predictions.js";

/** Recommendations look this far ahead for breaches of a sensor's target band. */
const RECOMMEND_HORIZON_MINUTES = 120;

/** What the recommender asks of the forecasts and maintenance (Predictions), on history it fetched once. */
export interface SeriesModels {
  maintenanceOf(sensorId: string, asOfMs: number, series: Promise<ReadingColumns>, calibration: Promise<CalibrationRecord | null>): Promise<SensorMaintenance>;
  forecastFrom(sensorId: string, series: ReadingColumns, minutes: number, threshold: number | null, asOfMs: number): SensorForecast;
}

/** The target limit a sensor heads for: the bound in the direction it moves (or the nearer one). */
function limitFor(min: number | null, max: number | null, drift: number | null, current: number | null): ValueLimit | null {
  if (min === null && max === null) return null;
  if (max !== null && (min === null || (drift ?? 0) > 0 || (current !== null && current >= max))) return { value: max, side: "MAX" };
  if (min !== null) return { value: min, side: "MIN" };
  return max === null ? null : { value: max, side: "MAX" };
}

/** Gathers every sensor's situation at asOf and asks the pure recommender what to do. */
export class Recommender {
  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly actuators: Pick<ActuatorStore, "locations">,
    private readonly calibrations: Pick<CalibrationStore, "latestFor">,
    private readonly history: PredictionHistory,
    private readonly timeline: ActuatorTimeline,
    private readonly plants: PlantCache,
    private readonly models: SeriesModels,
  ) {}

  /** Ranked advice for every sensor: what to recalibrate, inspect, replace or switch now. */
  async recommendations(asOfMs: number): Promise<Recommendation[]> {
    const [entries, current] = await Promise.all([this.diagnostics.sensors(), this.actuators.locations()]);
    // The actuators as they were at asOf (the reported states, unless asOf is before them).
    const locations = await Promise.all(
      current.map(async (l) => {
        const states = await this.timeline.statesAt(l, asOfMs);
        return { ...l, actuators: l.actuators.map((a) => ({ ...a, reportedState: states[a.actuatorId] ?? null })) };
      }),
    );
    const locationOf = new Map<string, string>();
    for (const l of locations) for (const s of l.sensorIds) locationOf.set(s, l.locationId);
    // Each sensor's history is fetched once and shared by maintenance, the forecast and a plant refit.
    const histories = new Map(
      entries.map((entry) => {
        const series = this.history.day(entry.sensorId, asOfMs);
        series.catch(() => undefined); // a failure surfaces where it is awaited, not as an unhandled rejection
        return [entry.sensorId, series] as const;
      }),
    );
    // One query for every sensor's calibration rather than one per sensor.
    const calibrations = this.calibrations.latestFor(entries.map((e) => e.sensorId));
    calibrations.catch(() => undefined);
    const situations: SensorSituation[] = await Promise.all(
      entries.map(async (entry): Promise<SensorSituation> => {
        const series = histories.get(entry.sensorId) as Promise<ReadingColumns>;
        // The alerts are the ones health counted: open at asOf, not merely open now. A process
        // value (no physical range) is also judged against the operating range it has had.
        const calibration = calibrations.then((all) => all.get(entry.sensorId) ?? null);
        const [health, maint, levels, inForce] = await Promise.all([
          this.diagnostics.sensorHealth(entry.sensorId, 300_000, asOfMs),
          this.models.maintenanceOf(entry.sensorId, asOfMs, series, calibration),
          hasPhysicalRange(entry.kind) ? null : this.history.levels(entry.sensorId, asOfMs, series),
          calibration,
        ]);
        const limit = limitFor(entry.targetMin ?? null, entry.targetMax ?? null, health.traits.driftPerMinute, health.traits.current);
        const predicted = limit === null ? null : this.models.forecastFrom(entry.sensorId, await series, RECOMMEND_HORIZON_MINUTES, limit.value, asOfMs).forecast;
        return {
          sensorId: entry.sensorId,
          kind: entry.kind,
          locationId: locationOf.get(entry.sensorId) ?? null,
          traits: health.traits,
          health,
          maintenance: maint.maintenance,
          forecast: predicted,
          limit,
          activeAlerts: health.openEpisodes.map((e) => ({ type: e.type, severity: e.severity, raisedAtMs: e.raisedAtMs })),
          operatingBand: levels === null ? null : operatingBand(levels.levels, asOfMs),
          calibrationOffset: inForce !== null && inForce.createdAtMs <= asOfMs ? inForce.offset : null,
        };
      }),
    );
    const byLocation = new Map(locations.map((l) => [l.locationId, l]));
    // A plant for every sensor it can help: one with a limit (to simulate the actions that keep
    // it) and one that drifts (to tell a changing room from a drifting sensor).
    const models = new Map<string, Prediction<PlantModel>>();
    for (const s of situations) {
      const quantity = plantQuantityOf(s.kind);
      const location = s.locationId === null ? undefined : byLocation.get(s.locationId);
      if (quantity === null || location === undefined || ((s.limit ?? null) === null && !isDrifting(s))) continue;
      models.set(s.sensorId, await this.plants.plantFor(s.sensorId, quantity, location, asOfMs, HISTORY_MS, histories.get(s.sensorId)));
    }
    const withRooms = situations.map((s): SensorSituation => {
      const model = models.get(s.sensorId);
      const mean = s.traits?.mean ?? null;
      const location = s.locationId === null ? undefined : byLocation.get(s.locationId);
      if (!isDrifting(s) || model === undefined || !model.ok || mean === null || location === undefined) return s;
      return { ...s, roomRate: plantRate(model.value, mean, statesOf(location.actuators)) };
    });
    const switchedAt = await this.timeline.recentSwitches(locations, withRooms, asOfMs);
    return recommend({
      sensors: withRooms,
      asOfMs,
      locations: locations.map((l) => ({
        locationId: l.locationId,
        actuators: l.actuators.map((a) => ({ ...a, changedAtMs: switchedAt.get(l.locationId)?.get(a.actuatorId) ?? null })),
      })),
      simulate: (candidate) => {
        const model = models.get(candidate.sensorId);
        const current = situations.find((s) => s.sensorId === candidate.sensorId)?.traits?.current;
        if (model === undefined || !model.ok || current === null || current === undefined) return null;
        const location = byLocation.get(candidate.locationId);
        const initialStates = statesOf(location?.actuators ?? []);
        if (!model.value.actuators.some((a) => a.actuatorId === candidate.actuatorId)) return null;
        return simulate(model.value, {
          startValue: current,
          startMs: asOfMs,
          hours: 2,
          actuatorSchedule: [{ actuatorId: candidate.actuatorId, state: candidate.state, atMinute: 0 }],
          initialStates,
          threshold: candidate.limit.value,
          samples: 50,
        });
      },
    });
  }
}
