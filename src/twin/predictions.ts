import { lastSwitches, plantQuantityOf, type ActuatorKind, type ActuatorState, type PlantQuantity } from "../analytics/predict/actuators.js";
import { failureRisk, type FailureRisk } from "../analytics/predict/failureRisk.js";
import { forecast, forecastHistoryMs, forecastStepMs, type Forecast } from "../analytics/predict/forecast.js";
import { HoltFitMemo } from "../analytics/predict/holtMemo.js";
import { hourlyLevels, LEVELS_SPAN_MS, operatingBand, type HourlyLevel } from "../analytics/predict/operatingBand.js";
import { maintenance, type Maintenance } from "../analytics/predict/maintenance.js";
import { fitPlant } from "../analytics/predict/plantFit.js";
import type { PlantModel } from "../analytics/predict/plantModel.js";
import { plantRate } from "../analytics/predict/plantRate.js";
import { recommend } from "../analytics/predict/recommend.js";
import { SETTLING_MINUTES, isDrifting } from "../analytics/predict/recommendSensor.js";
import type { Recommendation, SensorSituation, ValueLimit } from "../analytics/predict/recommendTypes.js";
import type { Prediction } from "../analytics/predict/result.js";
import { simulate, type ScheduledChange, type Simulation } from "../analytics/predict/simulate.js";
import type { RangeStats } from "../analytics/predict/stabilityHistory.js";
import { hasPhysicalRange } from "../analytics/kindProfiles.js";
import type { Resolution } from "../analytics/rollup/resolution.js";
import { prependPoints, type ReadingColumns } from "../analytics/readingColumns.js";
import type { HealthThresholds } from "../analytics/thresholds.js";
import { DomainError, InvalidInputError } from "../errors.js";
import type { ActuatorStore, LocatedActuator, SensorLocation } from "../store/actuatorStore.js";
import type { CalibrationRecord, CalibrationStore } from "../store/calibrationStore.js";
import type { AlertHistoryCache } from "../live/alertHistoryCache.js";
import type { Diagnostics } from "./diagnostics.js";
import type { LiveAnalytics } from "../live/liveAnalytics.js";
import type { RollupHistory } from "../history/rollupHistory.js";
import type { SampledHistory } from "../history/sampledHistory.js";
import type { CatalogEntry } from "./sensorCatalog.js";

const HOUR_MS = 3_600_000;
/** History the models learn from: what the live state holds by default. */
const HISTORY_MS = 24 * HOUR_MS;
/** Older history for the operating band: one reading per quarter hour, four to each hourly level. */
const LEVEL_SAMPLE_MS = 15 * 60_000;
const MAX_TRAINING_MS = 30 * 24 * HOUR_MS;
/** A fitted plant is reused this long (or until an actuator of its location changes state). */
const PLANT_TTL_MS = 5 * 60_000;
/** An asOf this close to the clock asks about now. */
const NOW_MS = 1_000;
/** Recommendations look this far ahead for breaches of a sensor's target band. */
const RECOMMEND_HORIZON_MINUTES = 120;

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
}

export interface ScenarioResult extends Simulation {
  readonly sensorId: string;
  readonly model: PlantModel;
  readonly locationId: string;
}

/** Actuator states by id, the unknown ones left out (the plant models take those as OFF). */
function statesOf(actuators: readonly LocatedActuator[]): Record<string, ActuatorState> {
  return Object.fromEntries(actuators.flatMap((a) => (a.reportedState === null ? [] : [[a.actuatorId, a.reportedState]])));
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
  private readonly plants = new Map<string, { model: Prediction<PlantModel>; atMs: number; locationId: string }>();
  /** Holt fits by their exact grid: a sensor asked about again before its next reading reuses its fit. */
  private readonly fits = new HoltFitMemo();

  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly live: LiveAnalytics,
    private readonly alerts: Pick<AlertHistoryCache, "historyOf">,
    private readonly actuators: ActuatorStore,
    private readonly calibrations: CalibrationStore,
    private readonly sampled: SampledHistory,
    private readonly clock: () => number,
    /** Hourly levels from the hour rollups; without, the older days are sampled from raw readings. */
    private readonly hours: Pick<RollupHistory, "hourlyLevels"> | null = null,
  ) {}

  /** Drops fitted plants (an actuator changed state: the history has news for the fit). */
  forgetPlants(): void {
    this.plants.clear();
  }

  async forecast(sensorId: string, minutes: number, threshold: number | null, asOfMs = this.clock()): Promise<SensorForecast> {
    await this.diagnostics.sensor(sensorId);
    return this.forecastFrom(sensorId, await this.historyFor(sensorId, asOfMs, minutes), minutes, threshold, asOfMs);
  }

  /** `calibration`: the sensor's latest, when the caller fetched it with others' (latestCalibrations); else fetched here. */
  async maintenance(sensorId: string, asOfMs = this.clock(), calibration: Promise<CalibrationRecord | null> | null = null): Promise<SensorMaintenance> {
    return this.maintenanceOf(sensorId, asOfMs, null, calibration);
  }

  /** The latest calibration of each sensor named, in one query: for questions about many sensors (sensors without one are absent). */
  latestCalibrations(sensorIds: readonly string[]): Promise<Map<string, CalibrationRecord>> {
    return this.calibrations.latestFor(sensorIds);
  }

  /** The live window when it holds the whole day before asOf: its statistics over any hour in O(log n). */
  private liveDay(sensorId: string, asOfMs: number): RangeStats | null {
    return this.live.windowFor(sensorId, asOfMs - HISTORY_MS);
  }

  /** The readings the models learn from: the 24 h up to asOf, as columns (one copy, no object per reading). */
  private history(sensorId: string, asOfMs: number): Promise<ReadingColumns> {
    return this.diagnostics.seriesColumns(sensorId, asOfMs - HISTORY_MS, asOfMs);
  }

  /**
   * The readings a forecast at this horizon learns from: the day up to asOf as it is, and when
   * the horizon needs more to calibrate (beyond about 10 h), the days before it sampled on a
   * quarter of the forecast's grid step — what the forecast would sample of them anyway.
   */
  private async historyFor(sensorId: string, asOfMs: number, horizonMinutes: number, recent = this.history(sensorId, asOfMs)): Promise<ReadingColumns> {
    const spanMs = forecastHistoryMs(horizonMinutes);
    if (spanMs <= HISTORY_MS) return recent;
    const older = this.sampled.sampled(sensorId, asOfMs - spanMs, asOfMs - HISTORY_MS, forecastStepMs(horizonMinutes) / 4);
    const [before, day] = await Promise.all([older, recent]);
    return prependPoints(before, day);
  }

  /**
   * Hourly levels of the two weeks before asOf (the operating band's input) and what the older
   * days were read at: the hours before the live day's first whole hour from the hour rollups
   * (one range scan; a bucket holds the readings of (start, start + 1 h], so a reading on the
   * boundary is the last hour's), the rest from the day's readings as they are. A sensor whose rollups are
   * not complete yet has the days before its live one sampled four times an hour from raw
   * readings instead (1,250 index seeks, kept for 10 minutes).
   */
  private async levelsFor(sensorId: string, asOfMs: number, recent: Promise<ReadingColumns>): Promise<{ levels: HourlyLevel[]; resolution: Resolution }> {
    const fromMs = asOfMs - LEVELS_SPAN_MS;
    const dayFromMs = asOfMs - HISTORY_MS;
    const wholeHoursFromMs = Math.ceil(dayFromMs / HOUR_MS) * HOUR_MS;
    const older = this.hours === null ? null : await this.hours.hourlyLevels(sensorId, fromMs, wholeHoursFromMs);
    if (older !== null) return { levels: [...older, ...hourlyLevels(await recent, wholeHoursFromMs + 1, asOfMs)], resolution: "HOUR" };
    const [before, day] = await Promise.all([this.sampled.sampled(sensorId, fromMs, dayFromMs, LEVEL_SAMPLE_MS), recent]);
    return { levels: hourlyLevels(prependPoints(before, day), fromMs, asOfMs), resolution: "RAW" };
  }

  private forecastFrom(sensorId: string, series: ReadingColumns, minutes: number, threshold: number | null, asOfMs: number): SensorForecast {
    const result = forecast(series, { horizonMinutes: minutes, asOfMs, threshold, memo: this.fits });
    return { sensorId, asOfMs, horizonMinutes: minutes, forecast: result.ok ? result.value : null, unavailableReason: result.ok ? null : result.reason };
  }

  /** Maintenance from `series` when the caller fetched the history already (recommendations share it), else fetched here. */
  private async maintenanceOf(sensorId: string, asOfMs: number, series: Promise<ReadingColumns> | null, calibrationOf: Promise<CalibrationRecord | null> | null = null): Promise<SensorMaintenance> {
    const sensor = await this.diagnostics.sensor(sensorId);
    const [points, calibration] = await Promise.all([series ?? this.history(sensorId, asOfMs), calibrationOf ?? this.calibrations.latest(sensorId)]);
    return this.maintenanceFrom(sensorId, sensor, points, calibration, asOfMs);
  }

  private maintenanceFrom(
    sensorId: string,
    { entry, thresholds }: { entry: CatalogEntry; thresholds: HealthThresholds },
    points: ReadingColumns,
    calibration: CalibrationRecord | null,
    asOfMs: number,
  ): SensorMaintenance {
    const validUntilMs = calibration !== null && calibration.createdAtMs <= asOfMs ? calibration.validUntilMs : null;
    const result = maintenance(points, {
      asOfMs,
      kind: entry.kind,
      calibration: validUntilMs === null ? null : { validUntilMs },
      sigmaMax: thresholds.sigmaMax,
      rangeStats: this.liveDay(sensorId, asOfMs),
    });
    return {
      sensorId,
      asOfMs,
      maintenance: result.ok ? result.value : null,
      calibrationValidUntilMs: validUntilMs,
      unavailableReason: result.ok ? null : result.reason,
    };
  }

  async failureRisk(sensorId: string, hours: number, asOfMs = this.clock()): Promise<FailureRisk & { sensorId: string; resolution: Resolution }> {
    const { entry, thresholds } = await this.diagnostics.sensor(sensorId);
    // The range term forecasts `hours` ahead, which needs more than a day of history past ~10 h.
    const bounded = hasPhysicalRange(entry.kind);
    const day = this.history(sensorId, asOfMs);
    const [points, alertHistory, rangeHistory, levels] = await Promise.all([
      day,
      this.alerts.historyOf(sensorId, asOfMs - HISTORY_MS, asOfMs),
      bounded && forecastHistoryMs(hours * 60) > HISTORY_MS ? this.historyFor(sensorId, asOfMs, hours * 60, day) : null,
      // No physical range: the range term learns the operating range from two weeks of hourly levels.
      bounded ? null : this.levelsFor(sensorId, asOfMs, day),
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
      rangeStats: this.liveDay(sensorId, asOfMs),
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
    const fit = await this.plantFor(sensorId, quantity, location, asOfMs, trainingMs);
    if (!fit.ok) throw new PredictionUnavailableError(`no plant model for ${sensorId} in ${location.locationId}: ${fit.reason}`);
    const latest = await this.diagnostics.latestReading(sensorId, asOfMs - HISTORY_MS, asOfMs);
    if (latest === null) throw new PredictionUnavailableError(`${sensorId} has no reading in the 24 h before ${new Date(asOfMs).toISOString()} to start from`);
    const initialStates = await this.statesAt(location, asOfMs);
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
  async recommendations(asOfMs = this.clock()): Promise<Recommendation[]> {
    const [entries, current] = await Promise.all([this.diagnostics.sensors(), this.actuators.locations()]);
    // The actuators as they were at asOf (the reported states, unless asOf is before them).
    const locations = await Promise.all(
      current.map(async (l) => {
        const states = await this.statesAt(l, asOfMs);
        return { ...l, actuators: l.actuators.map((a) => ({ ...a, reportedState: states[a.actuatorId] ?? null })) };
      }),
    );
    const locationOf = new Map<string, string>();
    for (const l of locations) for (const s of l.sensorIds) locationOf.set(s, l.locationId);
    // Each sensor's history is fetched once and shared by maintenance, the forecast and a plant refit.
    const histories = new Map(
      entries.map((entry) => {
        const series = this.history(entry.sensorId, asOfMs);
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
          this.maintenanceOf(entry.sensorId, asOfMs, series, calibration),
          hasPhysicalRange(entry.kind) ? null : this.levelsFor(entry.sensorId, asOfMs, series),
          calibration,
        ]);
        const limit = this.limitFor(entry.targetMin ?? null, entry.targetMax ?? null, health.traits.driftPerMinute, health.traits.current);
        const predicted = limit === null ? null : this.forecastFrom(entry.sensorId, await series, RECOMMEND_HORIZON_MINUTES, limit.value, asOfMs).forecast;
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
      models.set(s.sensorId, await this.plantFor(s.sensorId, quantity, location, asOfMs, HISTORY_MS, histories.get(s.sensorId)));
    }
    const withRooms = situations.map((s): SensorSituation => {
      const model = models.get(s.sensorId);
      const mean = s.traits?.mean ?? null;
      const location = s.locationId === null ? undefined : byLocation.get(s.locationId);
      if (!isDrifting(s) || model === undefined || !model.ok || mean === null || location === undefined) return s;
      return { ...s, roomRate: plantRate(model.value, mean, statesOf(location.actuators)) };
    });
    const switchedAt = await this.recentSwitches(locations, withRooms, asOfMs);
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

  /** The target limit a sensor heads for: the bound in the direction it moves (or the nearer one). */
  private limitFor(min: number | null, max: number | null, drift: number | null, current: number | null): ValueLimit | null {
    if (min === null && max === null) return null;
    if (max !== null && (min === null || (drift ?? 0) > 0 || (current !== null && current >= max))) return { value: max, side: "MAX" };
    if (min !== null) return { value: min, side: "MIN" };
    return max === null ? null : { value: max, side: "MAX" };
  }

  /**
   * Where a sensor drifts and no plant explains it, when each actuator of its location last
   * switched within `SETTLING_MINUTES` before asOf (by location, then actuator): a room settling
   * back after a switch-off is not a drifting sensor either. Other locations are not read.
   */
  private async recentSwitches(locations: readonly SensorLocation[], situations: readonly SensorSituation[], asOfMs: number): Promise<Map<string, Map<string, number>>> {
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

  /**
   * Each actuator's state at `asOfMs`: the reported one when asOf is now or the device reported
   * it by then (it has held it since), else the state log's latest change at or before asOfMs
   * (a question about the past). With neither, a state set by hand (never reported) counts;
   * otherwise it is unknown and left out.
   */
  private async statesAt(location: SensorLocation, asOfMs: number): Promise<Record<string, ActuatorState>> {
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

  /** `history`: the sensor's readings over (asOf − trainingMs, asOf] when the caller holds them already. */
  private async plantFor(sensorId: string, quantity: PlantQuantity, location: SensorLocation, asOfMs: number, trainingMs: number, history?: Promise<ReadingColumns>): Promise<Prediction<PlantModel>> {
    const key = `${sensorId}|${Math.floor(asOfMs / PLANT_TTL_MS)}|${trainingMs}`;
    const cached = this.plants.get(key);
    if (cached !== undefined) return cached.model;
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
    if (this.plants.size > 500) this.plants.clear();
    this.plants.set(key, { model, atMs: this.clock(), locationId: location.locationId });
    return model;
  }
}
