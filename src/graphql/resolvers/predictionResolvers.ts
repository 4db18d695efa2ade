import { MAX_HORIZON_MINUTES } from "../../analytics/predict/forecast.js";
import { mergeRecommendations } from "../../analytics/predict/recommendMold.js";
import type { ScheduledChange } from "../../analytics/predict/simulate.js";
import { MAX_IDEMPOTENCY_KEY_LENGTH } from "../../commands/commandInput.js";
import { InvalidInputError } from "../../errors.js";
import type {
  FailureRiskResolvers,
  ForecastResolvers,
  MaintenancePredictionResolvers,
  MutationResolvers,
  PlantModelResolvers,
  QueryResolvers,
  SimPointResolvers,
  SimulationResolvers,
} from "../../generated/graphql.js";
import type { CalibrationRecord } from "../../store/calibrationStore.js";
import { toIso } from "../../store/time.js";
import { timeArg } from "../args.js";
import type { CalibrationModel } from "../models.js";
import type { TwinServices } from "../services.js";

function toCalibrationModel(c: CalibrationRecord): CalibrationModel {
  return {
    calibrationId: c.calibrationId,
    sensorId: c.sensorId,
    offset: c.offset,
    createdAt: toIso(c.createdAtMs) as string,
    validUntil: toIso(c.validUntilMs) as string,
    appliedAt: toIso(c.appliedAtMs),
    issuedBy: c.issuedBy,
    commandId: c.commandId,
  };
}

function horizonArg(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > MAX_HORIZON_MINUTES) {
    throw new InvalidInputError(`minutes must be a whole number from 1 to ${MAX_HORIZON_MINUTES} (7 days), got ${minutes}`);
  }
  return minutes;
}

export function predictionQueries(services: TwinServices): Pick<QueryResolvers, "forecast" | "maintenance" | "failureRisk" | "simulate" | "recommendations"> {
  const { predictions } = services;
  return {
    forecast: (_p, { sensorId, minutes, threshold, asOf }) => predictions.forecast(sensorId, horizonArg(minutes), threshold ?? null, timeArg(asOf, "asOf")),
    maintenance: (_p, { sensorId, asOf }) => predictions.maintenance(sensorId, timeArg(asOf, "asOf")),
    failureRisk: (_p, { sensorId, hours, asOf }) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an explicit null overrides the schema's default; the generated type does not say so
      const h = hours ?? 24;
      if (!Number.isInteger(h) || h < 1 || h > 168) throw new InvalidInputError(`hours must be a whole number from 1 to 168 (7 days), got ${h}`);
      return predictions.failureRisk(sensorId, h, timeArg(asOf, "asOf"));
    },
    simulate: (_p, { scenario }) => {
      if (!(scenario.hours > 0 && scenario.hours <= 168)) throw new InvalidInputError(`scenario.hours must be above 0 and at most 168 (7 days), got ${scenario.hours}`);
      const actuators = (scenario.actuators ?? []).map((a, i): ScheduledChange => {
        if (a.state !== "ON" && a.state !== "OFF") throw new InvalidInputError(`scenario.actuators[${i}].state must be "ON" or "OFF", got "${a.state}"`);
        return { actuatorId: a.actuatorId, state: a.state, atMinute: a.atMinute ?? 0 };
      });
      return predictions.simulate({
        sensorId: scenario.sensorId,
        hours: scenario.hours,
        actuators,
        ambient: scenario.ambient ?? null,
        threshold: scenario.threshold ?? null,
        asOfMs: timeArg(scenario.asOf, "scenario.asOf"),
        trainingHours: scenario.trainingHours ?? null,
      });
    },
    recommendations: async (_p, { asOf }) => {
      const asOfMs = timeArg(asOf, "asOf");
      const [sensors, rooms] = await Promise.all([predictions.recommendations(asOfMs), services.moldAdvisor.recommendations(asOfMs)]);
      return mergeRecommendations(sensors, rooms);
    },
  };
}

export function calibrationMutations(services: TwinServices): Pick<MutationResolvers, "recordCalibration"> {
  return {
    recordCalibration: async (_p, { sensorId, offset, validDays, idempotencyKey }, ctx) => {
      const key = idempotencyKey ?? null;
      if (key !== null && (key.trim().length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
        throw new InvalidInputError(`idempotencyKey must be a non-blank string of at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
      }
      return toCalibrationModel(await services.calibrations.record(sensorId, offset, validDays, { issuedBy: ctx.principal.subject, idempotencyKey: key }));
    },
  };
}

export const forecastFields: ForecastResolvers = {
  asOf: (f) => toIso(f.asOfMs) as string,
  value: (f) => f.forecast?.value ?? null,
  lower: (f) => f.forecast?.lower ?? null,
  upper: (f) => f.forecast?.upper ?? null,
  ratePerMinute: (f) => f.forecast?.ratePerMinute ?? null,
  threshold: (f) => f.forecast?.threshold ?? null,
  minutesToThreshold: (f) => f.forecast?.minutesToThreshold ?? null,
  method: (f) => f.forecast?.method ?? "damped Holt (level + trend) with an empirical 90 % interval",
};

export const maintenanceFields: MaintenancePredictionResolvers = {
  asOf: (m) => toIso(m.asOfMs) as string,
  currentStability: (m) => m.maintenance?.currentStability ?? null,
  degradationRatePerHour: (m) => m.maintenance?.degradationRatePerHour ?? null,
  hoursUntilMaintenance: (m) => m.maintenance?.hoursUntilMaintenance ?? null,
  status: (m) => m.maintenance?.status ?? null,
  recommendedAction: (m) => m.maintenance?.recommendedAction ?? null,
  calibrationValidUntil: (m) => toIso(m.calibrationValidUntilMs),
  reasons: (m) => [...(m.maintenance?.reasons ?? [])],
};

export const failureRiskFields: FailureRiskResolvers = {
  drivers: (r) => [...r.drivers],
};

export const simulationFields: SimulationResolvers = {
  trajectory: (s) => [...s.trajectory],
  crossesThresholdAt: (s) => toIso(s.crossesThresholdAtMs),
  minutesToThresholdLower: (s) => s.thresholdMinutesRange?.lower ?? null,
  minutesToThresholdUpper: (s) => s.thresholdMinutesRange?.upper ?? null,
};

export const simPointFields: SimPointResolvers = {
  timestamp: (p) => toIso(p.timestampMs) as string,
};

export const plantModelFields: PlantModelResolvers = {
  parameters: (m) => [...m.parameters],
  unidentified: (m) => [...m.unidentified],
  fittedFrom: (m) => toIso(m.fittedFromMs),
  fittedTo: (m) => toIso(m.fittedToMs),
};
