import { hourSteps, zipClimate } from "../analytics/climate/climateHours.js";
import { climateSetup, type ClimateSetup } from "../analytics/climate/climateSetup.js";
import { MOLD_HISTORY_HOURS, assessMoldRisk, moldMethod, type ClimateHour, type MoldRiskAssessment } from "../analytics/climate/moldRisk.js";
import { roomClimate, type Climate } from "../analytics/climate/roomClimate.js";
import { describeSurface } from "../analytics/climate/surface.js";
import { REFERENCE_MODEL } from "../analytics/climate/vttMold.js";
import type { Point } from "../analytics/point.js";
import { PredictionInputError } from "../analytics/predict/errors.js";
import { NotFoundError } from "../errors.js";
import type { LocationRecord, LocationStore } from "../store/locationStore.js";
import type { ClimateHistory } from "../history/climateHistory.js";

const HOUR_MS = 3_600_000;

export interface LocationClimate {
  readonly locationId: string;
  readonly asOfMs: number;
  readonly temperatureSensorId: string | null;
  readonly humiditySensorId: string | null;
  readonly climate: Climate | null;
  readonly surface: string | null;
  readonly unavailableReason: string | null;
}

export interface LocationMoldRisk {
  readonly locationId: string;
  readonly asOfMs: number;
  readonly hours: number;
  readonly risk: MoldRiskAssessment | null;
  readonly sensitivityClass: string | null;
  readonly method: string;
  readonly setup: ClimateSetup | null;
  readonly unavailableReason: string | null;
}

/**
 * Room physics for the API and the rules: the moist-air state of a location now (`climate`)
 * and its mold risk (`moldRisk`), from its temperature and humidity sensors and its settings.
 * A location that lacks a sensor, or whose readings are out of range, answers with the reason.
 */
export class ClimateService {
  constructor(
    private readonly locations: Pick<LocationStore, "get" | "ofSensor" | "all">,
    private readonly history: Pick<ClimateHistory, "means">,
    private readonly latestReading: (sensorId: string, fromMs: number, toMs: number) => Promise<Point | null>,
    private readonly clock: () => number,
  ) {}

  async climate(locationId: string, asOfMs = this.clock()): Promise<LocationClimate> {
    const location = await this.location(locationId);
    const base = { locationId, asOfMs, temperatureSensorId: null, humiditySensorId: null, climate: null, surface: null };
    const found = climateSetup(location);
    if (!found.ok) return { ...base, unavailableReason: found.reason };
    const { setup } = found;
    const ids = { temperatureSensorId: setup.temperatureSensorId, humiditySensorId: setup.humiditySensorId };
    const [t, rh] = await Promise.all([this.latestReading(setup.temperatureSensorId, asOfMs - HOUR_MS, asOfMs), this.latestReading(setup.humiditySensorId, asOfMs - HOUR_MS, asOfMs)]);
    const silent = [t === null ? setup.temperatureSensorId : null, rh === null ? setup.humiditySensorId : null].filter((s) => s !== null);
    if (t === null || rh === null) return { ...base, ...ids, unavailableReason: `no reading of ${silent.join(" or ")} in the hour before asOf` };
    try {
      const climate = roomClimate(t.value, rh.value, setup.surface, { temperature: setup.temperatureSensorId, humidity: setup.humiditySensorId });
      return { ...base, ...ids, climate, surface: setup.surface === null ? null : describeSurface(setup.surface), unavailableReason: null };
    } catch (error) {
      if (!(error instanceof PredictionInputError)) throw error;
      return { ...base, ...ids, unavailableReason: `refused: ${error.message}` };
    }
  }

  async moldRisk(locationId: string, hours: number, asOfMs = this.clock()): Promise<LocationMoldRisk> {
    return this.moldRiskAt(await this.location(locationId), hours, asOfMs);
  }

  /** The mold risk of the location a sensor is in (what a MOLD_RISK rule on it watches); null without a location. */
  async moldRiskOfSensor(sensorId: string, hours: number, asOfMs = this.clock()): Promise<LocationMoldRisk | null> {
    const location = await this.locations.ofSensor(sensorId);
    return location === null ? null : this.moldRiskAt(location, hours, asOfMs);
  }

  /** Every location's mold risk (recommendations); locations without both sensors are left out. */
  async allMoldRisks(hours: number, asOfMs = this.clock()): Promise<LocationMoldRisk[]> {
    const all = (await this.locations.all()).filter((l) => climateSetup(l).ok);
    return Promise.all(all.map((l) => this.moldRiskAt(l, hours, asOfMs)));
  }

  /** Why a sensor's location cannot have a mold risk, or null when it can (rule validation). */
  async moldProblemOfSensor(sensorId: string): Promise<string | null> {
    const location = await this.locations.ofSensor(sensorId);
    if (location === null) return `${sensorId} has no location; a mold risk is a room's: place the sensor in one with a temperature and a humidity sensor`;
    const found = climateSetup(location);
    return found.ok ? null : found.reason;
  }

  /** The room's climate per clock hour over (fromMs, toMs] (the newest piece ends at toMs), from its two sensors. */
  async hourlyClimate(setup: ClimateSetup, fromMs: number, toMs: number): Promise<ClimateHour[]> {
    const steps = hourSteps(fromMs, toMs);
    const [celsius, humidity] = await Promise.all([this.history.means(setup.temperatureSensorId, steps), this.history.means(setup.humiditySensorId, steps)]);
    return zipClimate(steps, celsius, humidity);
  }

  /** The setup of the location a sensor is in, or null (dry runs of MOLD_RISK rules). */
  async setupOfSensor(sensorId: string): Promise<ClimateSetup | null> {
    const location = await this.locations.ofSensor(sensorId);
    if (location === null) return null;
    const found = climateSetup(location);
    return found.ok ? found.setup : null;
  }

  private async moldRiskAt(location: LocationRecord, hours: number, asOfMs: number): Promise<LocationMoldRisk> {
    const base = { locationId: location.locationId, asOfMs, hours, risk: null, setup: null };
    const found = climateSetup(location);
    if (!found.ok) return { ...base, sensitivityClass: null, method: moldMethod(REFERENCE_MODEL), unavailableReason: found.reason };
    const { setup } = found;
    // Whole clock hours back from the one asOf falls in: 30 days of them, the newest ending at asOf.
    const fromMs = Math.ceil(asOfMs / HOUR_MS) * HOUR_MS - MOLD_HISTORY_HOURS * HOUR_MS;
    const history = await this.hourlyClimate(setup, fromMs, asOfMs);
    const names = { temperature: setup.temperatureSensorId, humidity: setup.humiditySensorId };
    const result = assessMoldRisk(history, { asOfMs, hours, model: setup.model, surface: setup.surface, names });
    const common = { ...base, setup, sensitivityClass: setup.model.sensitivity, method: moldMethod(setup.model) };
    return result.ok ? { ...common, risk: result.value, unavailableReason: null } : { ...common, unavailableReason: result.reason };
  }

  private async location(locationId: string): Promise<LocationRecord> {
    const location = await this.locations.get(locationId);
    if (location === null) throw new NotFoundError(`no location with locationId "${locationId}"; the generated locations query lists them`);
    return location;
  }
}
