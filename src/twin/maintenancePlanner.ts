import { planMaintenance, type PlanRequest, type PlannedVisit } from "../analytics/plan/maintenancePlan.js";
import type { SensorOutlook } from "../analytics/plan/maintenanceTasks.js";
import type { CalibrationRecord } from "../store/calibrationStore.js";
import type { LocationStore } from "../store/locationStore.js";
import type { Diagnostics } from "./diagnostics.js";
import { PredictionUnavailableError, type Predictions } from "./predictions.js";

/** Sensors whose predictions are asked at the same time. */
const CONCURRENCY = 8;
const FAILURE_HORIZON_HOURS = 24;

/**
 * A site's maintenance plan (`planMaintenance`) from every sensor's `maintenance` and 24 h
 * `failureRisk` — as of `from`, or now when `from` lies ahead — and the locations they are in
 * with their time zones.
 */
export class MaintenancePlanner {
  constructor(
    private readonly predictions: Pick<Predictions, "maintenance" | "failureRisk" | "latestCalibrations">,
    private readonly diagnostics: Pick<Diagnostics, "sensors">,
    private readonly locations: Pick<LocationStore, "all">,
    private readonly clock: () => number,
  ) {}

  async plan(request: PlanRequest): Promise<{ visits: PlannedVisit[]; unplannedTasks: number }> {
    const asOfMs = Math.min(request.fromMs, this.clock());
    const [sensors, locations] = await Promise.all([this.diagnostics.sensors(), this.locations.all()]);
    const locationOf = new Map<string, string>();
    for (const l of locations) for (const s of l.sensors) locationOf.set(s.sensorId, l.locationId);
    // One query for every sensor's calibration: one per sensor cost most of a 500-sensor plan.
    const calibrations = this.predictions.latestCalibrations(sensors.map((s) => s.sensorId));
    calibrations.catch(() => undefined); // a failure surfaces where it is awaited
    const outlooks: SensorOutlook[] = new Array<SensorOutlook>(sensors.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < sensors.length; i = next++) {
        const id = (sensors[i] as { sensorId: string }).sensorId;
        outlooks[i] = await this.outlook(
          id,
          locationOf.get(id) ?? null,
          asOfMs,
          calibrations.then((all) => all.get(id) ?? null),
        );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return planMaintenance(outlooks, new Map(locations.map((l) => [l.locationId, l.timeZone])), request);
  }

  private async outlook(sensorId: string, locationId: string | null, asOfMs: number, calibration: Promise<CalibrationRecord | null>): Promise<SensorOutlook> {
    const [maintenance, failure] = await Promise.all([
      this.predictions.maintenance(sensorId, asOfMs, calibration),
      this.predictions.failureRisk(sensorId, FAILURE_HORIZON_HOURS, asOfMs).catch((error: unknown) => {
        // Too little history for a risk: the task (if any) is planned by its due date alone.
        if (error instanceof PredictionUnavailableError) return null;
        throw error;
      }),
    ]);
    return {
      sensorId,
      locationId,
      asOfMs,
      maintenance: maintenance.maintenance,
      calibrationValidUntilMs: maintenance.calibrationValidUntilMs,
      failure: failure === null ? null : { probability: failure.probability, healthStatus: failure.healthNow.status, drivers: failure.drivers },
    };
  }
}
