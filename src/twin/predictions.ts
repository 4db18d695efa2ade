import { plantQuantityOf, type PlantQuantity } from "../analytics/predict/actuators.js";
import { failureRisk, type FailureRisk } from "../analytics/predict/failureRisk.js";
import { forecast, forecastHistoryMs, type Forecast } from "../analytics/predict/forecast.js";
import { HoltFitMemo } from "../analytics/predict/holtMemo.js";
import { maintenance, type Maintenance } from "../analytics/predict/maintenance.js";
import type { PlantModel } from "../analytics/predict/plantModel.js";
import type { Recommendation } from "../analytics/predict/recommendTypes.js";
import { simulate, type ScheduledChange, type Simulation } from "../analytics/predict/simulate.js";
import { hasPhysicalRange } from "../analytics/kindProfiles.js";
import type { Resolution } from "../analytics/rollup/resolution.js";
import { columnsFromPoints, type ReadingColumns } from "../analytics/readingColumns.js";
import type { RangeStats } from "../analytics/predict/stabilityHistory.js";
import type { HealthThresholds } from "../analytics/thresholds.js";
import { DomainError, InvalidInputError } from "../errors.js";
import type { RollupHistory } from "../history/rollupHistory.js";
import type { SampledHistory } from "../history/sampledHistory.js";
import type { AlertHistoryCache } from "../live/alertHistoryCache.js";
import type { LiveAnalytics } from "../live/liveAnalytics.js";
import type { ActuatorStore } from "../store/actuatorStore.js";
import type { CalibrationRecord, CalibrationStore } from "../store/calibrationStore.js";
import { ActuatorTimeline } from "./actuatorTimeline.js";
import type { Diagnostics } from "./diagnostics.js";
import { PlantCache } from "./plantCache.js";
import { HISTORY_MS, HOUR_MS, PredictionHistory } from "./predictionHistory.js";
import { Recommender } from "./recommender.js";
import type { CatalogEntry } from "./sensorCatalog.js";

const MAX_TRAINING_MS = 30 * 24 * HOUR_MS;

/** The model cannot answer this question yet; the message says what history would fix it. */
export class PredictionUnavailableError extends DomainError {
  constructor(message: string) {
    super(message, "UNAVAILABLE");
  }
}

export interface ScenarioRequest {
  readonly sensorId: string;
  readonly hours: number;
  readonly actuators: readonly ScheduledChange[];
  readonly ambient: number | null;
  readonly threshold: number | null;
  readonly asOfMs: number | undefined;
  readonly trainingHours: number | null;
}

export interface SensorForecast {
  readonly sensorId: string;
  readonly asOfMs: number;
  readonly horizonMinutes: number;
  readonly forecast: Forecast | null;
  readonly unavailableReason: string | null;
}

export interface SensorMaintenance {
  readonly sensorId: string;
  readonly asOfMs: number;
  readonly maintenance: Maintenance | null;
  readonly calibrationValidUntilMs: number | null;
  readonly unavailableReason: string | null;
  /** What the day's hourly stability was read at: RAW (live window or raw readings) or HOUR (rollups, once raw retention has passed). */
  readonly resolution: Resolution;
}

export interface ScenarioResult extends Simulation {
  readonly sensorId: string;
  readonly model: PlantModel;
  readonly locationId: string;
}

function quantityOf(kind: string, sensorId: string): PlantQuantity {
  const quantity = plantQuantityOf(kind);
  if (quantity === null) throw new InvalidInputError(`what-if physics models temperature and humidity; ${sensorId} is a ${kind} sensor`);
  return quantity;
}

/**
 * Answers "what will happen" and "what should we do" for any asOf: the pure predictive models
 * fed from the live state (or Neo4j), alert history, calibrations and the actuator state log.
 */
export class Predictions {
  /** Holt fits by their exact grid: a sensor asked about again before its next reading reuses its fit. */
  private readonly fits = new HoltFitMemo();
  private readonly history: PredictionHistory;
  private readonly timeline: ActuatorTimeline;
  private readonly plants: PlantCache;
  private readonly recommender: Recommender;

  constructor(
    private readonly diagnostics: Diagnostics,
    live: LiveAnalytics,
    private readonly alerts: Pick<AlertHistoryCache, "historyOf">,
    private readonly actuators: ActuatorStore,
    private readonly calibrations: CalibrationStore,
    sampled: SampledHistory,
    private readonly clock: () => number,
    /** Hourly levels and hour statistics from the rollups; without, older history is read from raw readings. */
    hours: Pick<RollupHistory, "hourlyLevels" | "hourRangeStats" | "resolutionFor"> | null = null,
  ) {
    this.history = new PredictionHistory(diagnostics, live, sampled, hours);
    this.timeline = new ActuatorTimeline(actuators, clock);
    this.plants = new PlantCache(diagnostics, actuators);
    this.recommender = new Recommender(diagnostics, actuators, calibrations, this.history, this.timeline, this.plants, this);
  }

  /** Drops fitted plants (an actuator changed state: the history has news for the fit). */
  forgetPlants(): void {
    this.plants.forget();
  }

  async forecast(sensorId: string, minutes: number, threshold: number | null, asOfMs = this.clock()): Promise<SensorForecast> {
    await this.diagnostics.sensor(sensorId);
    return this.forecastFrom(sensorId, await this.history.forHorizon(sensorId, asOfMs, minutes), minutes, threshold, asOfMs);
  }

  /** `calibration`: the sensor's latest, when the caller fetched it with others' (latestCalibrations); else fetched here. */
  async maintenance(sensorId: string, asOfMs = this.clock(), calibration: Promise<CalibrationRecord | null> | null = null): Promise<SensorMaintenance> {
    return this.maintenanceOf(sensorId, asOfMs, null, calibration);
  }

  /** The latest calibration of each sensor named, in one query: for questions about many sensors (sensors without one are absent). */
  latestCalibrations(sensorIds: readonly string[]): Promise<Map<string, CalibrationRecord>> {
    return this.calibrations.latestFor(sensorIds);
  }

  /** A forecast from history the caller fetched (recommendations share one fetch per sensor). */
  forecastFrom(sensorId: string, series: ReadingColumns, minutes: number, threshold: number | null, asOfMs: number): SensorForecast {
    const result = forecast(series, { horizonMinutes: minutes, asOfMs, threshold, memo: this.fits });
    return { sensorId, asOfMs, horizonMinutes: minutes, forecast: result.ok ? result.value : null, unavailableReason: result.ok ? null : result.reason };
  }

  /** Maintenance from `series` when the caller fetched the history already (recommendations share it), else fetched here. */
  async maintenanceOf(sensorId: string, asOfMs: number, series: Promise<ReadingColumns> | null, calibrationOf: Promise<CalibrationRecord | null> | null = null): Promise<SensorMaintenance> {
    const sensor = await this.diagnostics.sensor(sensorId);
    const source = await this.history.dayStats(sensorId, asOfMs);
    // From the rollups the raw day is not needed (retention has taken some of it).
    const points = source.resolution === "HOUR" ? Promise.resolve(columnsFromPoints([])) : (series ?? this.history.day(sensorId, asOfMs));
    const [day, calibration] = await Promise.all([points, calibrationOf ?? this.calibrations.latest(sensorId)]);
    return this.maintenanceFrom(sensorId, sensor, day, calibration, asOfMs, source);
  }

  private maintenanceFrom(
    sensorId: string,
    { entry, thresholds }: { entry: CatalogEntry; thresholds: HealthThresholds },
    points: ReadingColumns,
    calibration: CalibrationRecord | null,
    asOfMs: number,
    source: { rangeStats: RangeStats | null; resolution: Resolution },
  ): SensorMaintenance {
    const validUntilMs = calibration !== null && calibration.createdAtMs <= asOfMs ? calibration.validUntilMs : null;
    const result = maintenance(points, {
      asOfMs,
      kind: entry.kind,
      calibration: validUntilMs === null ? null : { validUntilMs },
      sigmaMax: thresholds.sigmaMax,
      rangeStats: source.rangeStats,
    });
    return {
      sensorId,
      asOfMs,
      maintenance: result.ok ? result.value : null,
      calibrationValidUntilMs: validUntilMs,
      unavailableReason: result.ok ? null : result.reason,
      resolution: source.resolution,
    };
  }

  async failureRisk(sensorId: string, hours: number, asOfMs = this.clock()): Promise<FailureRisk & { sensorId: string; resolution: Resolution }> {
    const { entry, thresholds } = await this.diagnostics.sensor(sensorId);
    // The range term forecasts `hours` ahead, which needs more than a day of history past ~10 h.
    const bounded = hasPhysicalRange(entry.kind);
    const day = this.history.day(sensorId, asOfMs);
    const [points, alertHistory, rangeHistory, levels] = await Promise.all([
      day,
      this.alerts.historyOf(sensorId, asOfMs - HISTORY_MS, asOfMs),
      bounded && forecastHistoryMs(hours * 60) > HISTORY_MS ? this.history.forHorizon(sensorId, asOfMs, hours * 60, day) : null,
      // No physical range: the range term learns the operating range from two weeks of hourly levels.
      bounded ? null : this.history.levels(sensorId, asOfMs, day),
    ]);
    const result = failureRisk(points, {
      asOfMs,
      hours,
      kind: entry.kind,
      thresholds,
      alertHistory,
      memo: this.fits,
      rangeHistory,
      levels: levels?.levels ?? null,
      rangeStats: this.history.liveDay(sensorId, asOfMs),
    });
    if (!result.ok) throw new PredictionUnavailableError(`no failure risk for ${sensorId}: ${result.reason}`);
    return { ...result.value, sensorId, resolution: levels?.resolution ?? "RAW" };
  }

  /** Simulates the sensor's location under a scenario with its fitted first-order plant. */
  async simulate(request: ScenarioRequest): Promise<ScenarioResult> {
    const { sensorId } = request;
    const { entry } = await this.diagnostics.sensor(sensorId);
    const quantity = quantityOf(entry.kind, sensorId);
    const asOfMs = request.asOfMs ?? this.clock();
    const location = await this.actuators.locationOf(sensorId);
    if (location === null) {
      throw new InvalidInputError(`${sensorId} has no location: place it and the actuators that act on it in one (Sensor.location, Actuator.location) so the twin knows what to simulate`);
    }
    const here = new Set(location.actuators.map((a) => a.actuatorId));
    for (const change of request.actuators) {
      if (!here.has(change.actuatorId)) {
        throw new InvalidInputError(`actuator ${change.actuatorId} is not in ${sensorId}'s location ${location.locationId} (there: ${[...here].join(", ") || "none"})`);
      }
      if (change.atMinute < 0 || change.atMinute > request.hours * 60) {
        throw new InvalidInputError(`actuators: ${change.actuatorId} atMinute ${change.atMinute} lies outside the scenario's 0..${request.hours * 60} minutes`);
      }
    }
    const trainingMs = request.trainingHours === null ? HISTORY_MS : request.trainingHours * HOUR_MS;
    if (!(trainingMs > 0 && trainingMs <= MAX_TRAINING_MS)) throw new InvalidInputError(`trainingHours must be above 0 and at most ${MAX_TRAINING_MS / HOUR_MS}`);
    const fit = await this.plants.plantFor(sensorId, quantity, location, asOfMs, trainingMs);
    if (!fit.ok) throw new PredictionUnavailableError(`no plant model for ${sensorId} in ${location.locationId}: ${fit.reason}`);
    const latest = await this.diagnostics.latestReading(sensorId, asOfMs - HISTORY_MS, asOfMs);
    if (latest === null) throw new PredictionUnavailableError(`${sensorId} has no reading in the 24 h before ${new Date(asOfMs).toISOString()} to start from`);
    const initialStates = await this.timeline.statesAt(location, asOfMs);
    const simulation = simulate(fit.value, {
      startValue: latest.value,
      startMs: asOfMs,
      hours: request.hours,
      actuatorSchedule: request.actuators,
      initialStates,
      ambientOverride: request.ambient,
      threshold: request.threshold,
    });
    return { ...simulation, sensorId, model: fit.value, locationId: location.locationId };
  }

  /** Ranked advice for every sensor: what to recalibrate, inspect, replace or switch now. */
  recommendations(asOfMs = this.clock()): Promise<Recommendation[]> {
    return this.recommender.recommendations(asOfMs);
  }
}
