import type { SensorKind } from "../../domain/sensorKind.js";
import { num } from "../format.js";
import type { Readings } from "../readingColumns.js";
import { requireAsOf } from "./errors.js";
import { predicted, unavailable, type Prediction } from "./result.js";
import { HOUR_MS, MIN_READINGS_PER_HOUR, hourlyStability, type HourlyStability, type RangeStats } from "./stabilityHistory.js";
import { MIN_TREND_HOURS, fitStabilityTrend, hoursUntilBelow, type StabilityTrend } from "./stabilityTrend.js";

type MaintenanceStatus = "HEALTHY" | "SCHEDULE_SOON" | "URGENT" | "IMPROVING";
type MaintenanceAction = "RECALIBRATE" | "MONITOR" | "NONE";

/** The limits maintenance judges by. */
const MAINTENANCE_RULES = Object.freeze({
  /** Maintenance is due when stability falls below this (%). */
  stabilityPercent: 60,
  /** Hours of hourly stability the degradation is fitted on. */
  windowHours: 24,
  /** HEALTHY when maintenance is further away than this (h)… */
  healthyBeyondHours: 168,
  /** …SCHEDULE_SOON when further than this, else URGENT. */
  urgentWithinHours: 24,
  /** RECALIBRATE when maintenance or the calibration's expiry is nearer than this (h). */
  recalibrateWithinHours: 72,
});

export interface MaintenanceOptions {
  readonly asOfMs: number;
  readonly kind: SensorKind;
  /** The sensor's current calibration, if it has one with an expiry. */
  readonly calibration?: { readonly validUntilMs: number | null } | null;
  /** Noise scale override for stability (the sensor's threshold), as health uses it. */
  readonly sigmaMax?: number | null;
  /** The same readings' statistics over any range in O(log n) (the live window): hourly stability from it, not a scan. */
  readonly rangeStats?: RangeStats | null;
}

export interface Maintenance {
  /** Stability of the newest hour with enough readings (%). */
  readonly currentStability: number | null;
  /** Stability lost per hour by the fitted line (percentage points; negative: improving). */
  readonly degradationRatePerHour: number;
  readonly degradationStdError: number;
  /** Hours until stability is expected below 60 % (0: already); null when no significant decline. */
  readonly hoursUntilMaintenance: number | null;
  readonly status: MaintenanceStatus;
  readonly recommendedAction: MaintenanceAction;
  readonly calibrationValidUntil: number | null;
  /** Hours from asOf until the calibration expires (negative: expired); null without one. */
  readonly calibrationHoursLeft: number | null;
  /** Each judgement in words with its numbers. */
  readonly reasons: readonly string[];
  readonly hourly: readonly HourlyStability[];
}

/**
 * Predicts when a sensor needs maintenance from the trend of its hourly stability over the
 * 24 h before asOf (the stability health uses, per hour), fitted by least squares:
 * - the level now is the line's value at asOf when the slope is significant (|b| > t·SE at
 *   95 %), else the mean of the hours — a flat noisy series is not extrapolated;
 * - hoursUntilMaintenance = 0 when that level is below 60 %, else (60 − level)/slope for a
 *   significant decline, else null (none foreseen);
 * - status IMPROVING for a significant rise; otherwise HEALTHY (> 168 h or none), SCHEDULE_SOON
 *   (> 24 h), URGENT;
 * - RECALIBRATE when maintenance is < 72 h away or the calibration expires within 72 h; MONITOR
 *   when a significant decline or SCHEDULE_SOON is not yet that close; else NONE.
 * Unavailable with fewer than 6 hours that hold ≥ 6 readings each.
 */
export function maintenance(points: Readings, options: MaintenanceOptions): Prediction<Maintenance> {
  const { asOfMs, kind } = options;
  requireAsOf(asOfMs);
  const rules = MAINTENANCE_RULES;
  const hourly = hourlyStability(options.rangeStats ?? points, asOfMs, rules.windowHours, kind, options.sigmaMax ?? null);
  const trend = fitStabilityTrend(hourly, asOfMs);
  if (trend === null) {
    const usable = hourly.filter((h) => h.stabilityPercent !== null).length;
    return unavailable(`too little history for a maintenance prediction: ${usable} of the last ${rules.windowHours} hours have ≥ ${MIN_READINGS_PER_HOUR} readings; need ${MIN_TREND_HOURS}`);
  }
  const usable = hourly.filter((h): h is HourlyStability & { stabilityPercent: number } => h.stabilityPercent !== null);
  const currentStability = usable[usable.length - 1]?.stabilityPercent ?? null;
  const level = trend.significant ? trend.levelNow : usable.reduce((s, h) => s + h.stabilityPercent, 0) / usable.length;
  const improving = trend.significant && trend.slopePerHour > 0;
  const declining = trend.significant && trend.slopePerHour < 0;
  const hoursUntilMaintenance = level <= rules.stabilityPercent ? 0 : declining ? hoursUntilBelow(trend, rules.stabilityPercent) : null;
  const status: MaintenanceStatus = improving
    ? "IMPROVING"
    : hoursUntilMaintenance === null || hoursUntilMaintenance > rules.healthyBeyondHours
      ? "HEALTHY"
      : hoursUntilMaintenance > rules.urgentWithinHours
        ? "SCHEDULE_SOON"
        : "URGENT";
  const validUntil = options.calibration?.validUntilMs ?? null;
  const calibrationHoursLeft = validUntil === null ? null : (validUntil - asOfMs) / HOUR_MS;
  const recalibrate =
    (hoursUntilMaintenance !== null && hoursUntilMaintenance < rules.recalibrateWithinHours) || (calibrationHoursLeft !== null && calibrationHoursLeft < rules.recalibrateWithinHours);
  const recommendedAction: MaintenanceAction = recalibrate ? "RECALIBRATE" : declining || status === "SCHEDULE_SOON" ? "MONITOR" : "NONE";
  return predicted({
    currentStability,
    degradationRatePerHour: -trend.slopePerHour,
    degradationStdError: trend.slopeStdError,
    hoursUntilMaintenance,
    status,
    recommendedAction,
    calibrationValidUntil: validUntil,
    calibrationHoursLeft,
    reasons: reasonsFor(trend, level, hoursUntilMaintenance, calibrationHoursLeft),
    hourly,
  });
}

function reasonsFor(trend: StabilityTrend, level: number, hours: number | null, calibrationHoursLeft: number | null): string[] {
  const limit = MAINTENANCE_RULES.stabilityPercent;
  const spread = `± ${num(trend.slopeStdError)} %/h over ${trend.hoursUsed} h`;
  const reasons = [
    trend.significant
      ? `stability ${trend.slopePerHour < 0 ? "falling" : "rising"} ${num(Math.abs(trend.slopePerHour))} ${spread}, at ${num(level)} % now`
      : `stability steady at ${num(level)} % on average (slope ${trend.slopePerHour >= 0 ? "+" : ""}${num(trend.slopePerHour)} ${spread} is not significant)`,
  ];
  if (hours === 0) reasons.push(`stability is below ${limit} % already: maintenance is due now`);
  else if (hours !== null) reasons.push(`reaches ${limit} % in ~${num(hours)} h`);
  if (calibrationHoursLeft !== null) {
    reasons.push(calibrationHoursLeft <= 0 ? `calibration expired ${num(-calibrationHoursLeft)} h ago` : `calibration expires in ${num(calibrationHoursLeft)} h`);
  }
  return reasons;
}
