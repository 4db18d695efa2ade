import { InvalidInputError } from "../../errors.js";
import { num } from "../format.js";
import { slipConsequence, taskFor, type SensorOutlook, type TaskAction, type TaskDraft } from "./maintenanceTasks.js";
import { scheduleVisits, type Job } from "./schedule.js";
import { parseWorkingHours, timeZoneProblem, workingWindows, type WorkingHours } from "./workingHours.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MAX_PLAN_DAYS = 90;
const MAX_TECHNICIANS = 100;

export interface PlanRequest {
  readonly fromMs: number;
  readonly days: number;
  readonly technicians: number;
  readonly hoursPerVisit: number;
  readonly workingHours: string;
}

export interface PlannedTask {
  readonly sensorId: string;
  readonly action: TaskAction;
  readonly dueByMs: number;
  readonly reason: string;
  readonly costOfDelayPerDay: number | null;
}

export interface PlannedVisit {
  readonly startMs: number;
  readonly endMs: number;
  readonly locationId: string | null;
  /** 1-based. */
  readonly technician: number;
  readonly items: readonly PlannedTask[];
}

/** The request's numbers checked, with the working hours parsed; throws `InvalidInputError` saying what is wrong. */
function checkPlanRequest(r: PlanRequest): WorkingHours {
  if (!Number.isFinite(r.fromMs)) throw new InvalidInputError("from must be a date-time");
  if (!Number.isInteger(r.days) || r.days < 1 || r.days > MAX_PLAN_DAYS) throw new InvalidInputError(`days must be a whole number from 1 to ${MAX_PLAN_DAYS}, got ${r.days}`);
  if (!Number.isInteger(r.technicians) || r.technicians < 1 || r.technicians > MAX_TECHNICIANS) {
    throw new InvalidInputError(`technicians must be a whole number from 1 to ${MAX_TECHNICIANS}, got ${r.technicians}${r.technicians === 0 ? ": a plan without technicians visits no one" : ""}`);
  }
  const hours = parseWorkingHours(r.workingHours);
  const dayHours = (hours.endMinute - hours.startMinute) / 60;
  if (!(r.hoursPerVisit > 0) || r.hoursPerVisit > dayHours) {
    throw new InvalidInputError(`hoursPerVisit must be above 0 and fit in a working day of ${num(dayHours)} h (${hours.text}), got ${r.hoursPerVisit}`);
  }
  return hours;
}

/**
 * A maintenance plan for a site: one task per sensor that needs one within the horizon
 * (`taskFor`), the tasks of one location gathered into one visit (due when its earliest task is,
 * weighing their summed cost of delay), the visits placed inside each location's working hours
 * (local to its `timeZone`, else UTC) on the technicians by `scheduleVisits`. Visits that do not
 * fit before the horizon ends are left out of the plan. Sorted by start, then technician; each
 * visit's tasks by due date, then cost of delay.
 */
export function planMaintenance(outlooks: readonly SensorOutlook[], timeZones: ReadonlyMap<string, string | null>, request: PlanRequest): { visits: PlannedVisit[]; unplannedTasks: number } {
  const hours = checkPlanRequest(request);
  const endMs = request.fromMs + request.days * DAY_MS;
  const tasks = outlooks.map((o) => taskFor(o, endMs)).filter((t): t is TaskDraft => t !== null);
  const groups = new Map<string, TaskDraft[]>();
  for (const t of tasks) {
    const key = t.locationId === null ? `sensor:${t.sensorId}` : `location:${t.locationId}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const windowsByZone = new Map<string, ReturnType<typeof workingWindows>>();
  const windowsOf = (zone: string | null, locationId: string | null) => {
    if (zone !== null) {
      const problem = timeZoneProblem(zone);
      if (problem !== null) throw new InvalidInputError(`Location ${locationId} has timeZone ${problem}; correct it, or remove it to plan in UTC`);
    }
    const key = zone ?? "UTC";
    let windows = windowsByZone.get(key);
    if (windows === undefined) {
      windows = workingWindows(hours, zone, request.fromMs, endMs);
      windowsByZone.set(key, windows);
    }
    return windows;
  };
  const jobs: Job[] = [];
  const tasksOf = new Map<string, TaskDraft[]>();
  for (const [key, group] of groups) {
    const locationId = group[0]?.locationId ?? null;
    jobs.push({
      key,
      windows: windowsOf(locationId === null ? null : (timeZones.get(locationId) ?? null), locationId),
      dueMs: Math.min(...group.map((t) => t.dueMs)),
      weight: group.reduce((sum, t) => sum + t.weight, 0),
    });
    tasksOf.set(key, group);
  }
  const durationMs = Math.round(request.hoursPerVisit * HOUR_MS);
  const schedule = scheduleVisits(jobs, { technicians: request.technicians, durationMs, fromMs: request.fromMs });
  const visits = schedule.placements.map((p): PlannedVisit => {
    const group = [...(tasksOf.get(p.job.key) ?? [])].sort((a, b) => a.dueMs - b.dueMs || (b.costOfDelayPerDay ?? 0) - (a.costOfDelayPerDay ?? 0) || (a.sensorId < b.sensorId ? -1 : 1));
    return {
      startMs: p.startMs,
      endMs: p.endMs,
      locationId: group[0]?.locationId ?? null,
      technician: p.technician + 1,
      items: group.map((t) => ({ sensorId: t.sensorId, action: t.action, dueByMs: t.dueMs, reason: `${t.why}; ${slipConsequence(t, p.endMs)}`, costOfDelayPerDay: t.costOfDelayPerDay })),
    };
  });
  visits.sort((a, b) => a.startMs - b.startMs || a.technician - b.technician);
  const unplannedTasks = schedule.unplaced.reduce((n, j) => n + (tasksOf.get(j.key)?.length ?? 0), 0);
  return { visits, unplannedTasks };
}
