import type { HealthStatus } from "../health.js";
import { num } from "../format.js";
import type { Maintenance } from "../predict/maintenance.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** An inspection is due within a day when the sensor is more likely than not to fail within one. */
const INSPECT_FROM_PROBABILITY = 0.5;
/** The least cost of delay a task weighs with, so tasks without a failure risk still order by due date. */
const MIN_WEIGHT = 0.01;

export type TaskAction = "REPLACE" | "INSPECT" | "RECALIBRATE";

/** What the twin predicts of one sensor (its `maintenance` and its 24 h `failureRisk`), as of `asOfMs`. */
export interface SensorOutlook {
  readonly sensorId: string;
  readonly locationId: string | null;
  readonly asOfMs: number;
  readonly maintenance: Maintenance | null;
  readonly calibrationValidUntilMs: number | null;
  readonly failure: { readonly probability: number; readonly healthStatus: HealthStatus; readonly drivers: readonly string[] } | null;
}

export interface TaskDraft {
  readonly sensorId: string;
  readonly locationId: string | null;
  readonly action: TaskAction;
  readonly dueMs: number;
  /** Why, in words with numbers. */
  readonly why: string;
  /** The probability the sensor fails during a day's delay (its 24 h failure risk); null when unknown. */
  readonly costOfDelayPerDay: number | null;
  /** What the scheduler weighs the task with (≥ 0.01). */
  readonly weight: number;
}

/**
 * The one task a sensor needs before `horizonEndMs`, the most severe that applies: REPLACE when
 * its health is FAILED now (due at once), INSPECT when it is more likely than not to fail within
 * 24 h (due within a day), RECALIBRATE when its stability is predicted to fall below 60 % or its
 * calibration expires before the horizon ends (due then). The due date is the earliest of those
 * that apply, and the reasons of all of them are given. Null: nothing is due.
 */
export function taskFor(o: SensorOutlook, horizonEndMs: number): TaskDraft | null {
  const found: Array<{ action: TaskAction; dueMs: number; why: string }> = [];
  const f = o.failure;
  if (f !== null && f.healthStatus === "FAILED") found.push({ action: "REPLACE", dueMs: o.asOfMs, why: f.drivers.slice(0, 3).join("; ") || "health FAILED now" });
  else if (f !== null && f.probability >= INSPECT_FROM_PROBABILITY) {
    found.push({ action: "INSPECT", dueMs: o.asOfMs + DAY_MS, why: `failure risk ${num(f.probability)} within 24 h (${f.drivers.slice(0, 2).join("; ")})` });
  }
  const m = o.maintenance;
  if (m !== null && m.hoursUntilMaintenance !== null && o.asOfMs + m.hoursUntilMaintenance * HOUR_MS < horizonEndMs) {
    const h = m.hoursUntilMaintenance;
    found.push({
      action: "RECALIBRATE",
      dueMs: o.asOfMs + h * HOUR_MS,
      why: h === 0 ? `stability below 60 % already (${m.reasons[0] ?? ""})` : `stability reaches 60 % in ~${num(h)} h (${m.reasons[0] ?? ""})`,
    });
  }
  const validUntil = o.calibrationValidUntilMs;
  if (validUntil !== null && validUntil < horizonEndMs) {
    found.push({
      action: "RECALIBRATE",
      dueMs: validUntil,
      why: validUntil <= o.asOfMs ? `calibration expired ${new Date(validUntil).toISOString()}` : `calibration expires ${new Date(validUntil).toISOString()}`,
    });
  }
  if (found.length === 0) return null;
  const severity: Readonly<Record<TaskAction, number>> = { REPLACE: 3, INSPECT: 2, RECALIBRATE: 1 };
  const action = found.reduce((worst, x) => (severity[x.action] > severity[worst.action] ? x : worst)).action;
  const cost = f === null ? null : f.probability;
  return {
    sensorId: o.sensorId,
    locationId: o.locationId,
    action,
    dueMs: Math.min(...found.map((x) => x.dueMs)),
    why: found.map((x) => x.why).join("; "),
    costOfDelayPerDay: cost,
    weight: Math.max(MIN_WEIGHT, cost ?? 0),
  };
}

/** What slipping the task a day past its planned end means, for its reason. */
export function slipConsequence(task: TaskDraft, plannedEndMs: number): string {
  const p = task.costOfDelayPerDay;
  const risk = task.action === "REPLACE" ? "a failed sensor another day" : p === null ? "its failure risk is unknown" : `a ${num(p)} chance it fails that day`;
  const slackDays = (task.dueMs - plannedEndMs) / DAY_MS;
  const due = slackDays < 0 ? `it is already ${num(-slackDays)} d past its due date` : slackDays < 1 ? "it would then miss its due date" : `${num(slackDays)} d remain before its due date`;
  return `a day's delay: ${risk}; ${due}`;
}
