import type { Window } from "./workingHours.js";

/** One visit to be placed: where it may happen (working windows, in order), by when, and what a day's lateness costs. */
export interface Job {
  readonly key: string;
  readonly windows: readonly Window[];
  readonly dueMs: number;
  /** Cost per unit of lateness (> 0): its tasks' summed cost of delay. */
  readonly weight: number;
}

interface Placement {
  readonly job: Job;
  /** 0-based. */
  readonly technician: number;
  readonly startMs: number;
  readonly endMs: number;
}

export interface ScheduleOptions {
  readonly technicians: number;
  readonly durationMs: number;
  readonly fromMs: number;
  /** ATC look-ahead, in average processing times (Vepsalainen & Morton: about 2 for tight due dates). */
  readonly lookahead?: number;
  /** False: plain ATC without the EDD guard (to compare against). */
  readonly guard?: boolean;
}

export interface Schedule {
  readonly placements: readonly Placement[];
  /** Jobs that fit nowhere in the horizon, in the order they would have come. */
  readonly unplaced: readonly Job[];
  /** Whether the horizon could hold every job by its due date (decided by EDD at the start). */
  readonly feasible: boolean;
}

/** The earliest start ≥ t at which a visit of `durationMs` fits inside one of the job's windows; null when none does. */
function earliestStart(job: Job, t: number, durationMs: number): number | null {
  const w = job.windows;
  // The first window that ends late enough for a visit starting at t; later ones start later.
  let lo = 0;
  let hi = w.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((w[mid] as Window).endMs < t + durationMs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < w.length; i++) {
    const start = Math.max(t, (w[i] as Window).startMs);
    if (start + durationMs <= (w[i] as Window).endMs) return start;
  }
  return null;
}

/** Earliest due first, then the heavier, then by key: Jackson's EDD order. */
const byDue = (a: Job, b: Job): number => a.dueMs - b.dueMs || b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Where EDD would put the first job: the technician that can start it soonest. */
function eddFirst(job: Job, free: readonly number[], durationMs: number): { technician: number; startMs: number } | null {
  let best: { technician: number; startMs: number } | null = null;
  free.forEach((f, k) => {
    const s = earliestStart(job, f, durationMs);
    if (s !== null && (best === null || s < best.startMs)) best = { technician: k, startMs: s };
  });
  return best;
}

/** Whether EDD list scheduling from these technicians' free times places every job (in EDD order) by its due date. */
function eddMeetsAll(free: readonly number[], ordered: readonly Job[], durationMs: number): boolean {
  const times = [...free];
  for (const job of ordered) {
    const at = eddFirst(job, times, durationMs);
    if (at === null || at.startMs + durationMs > job.dueMs) return false;
    times[at.technician] = at.startMs + durationMs;
  }
  return true;
}

/**
 * Places visits of equal length on parallel technicians inside working windows: list
 * scheduling by the Apparent Tardiness Cost rule (Vepsalainen & Morton 1987, "Priority rules for
 * job shops with weighted tardiness costs", Management Science 33(8)) with an EDD feasibility
 * guard.
 *
 * - The next free technician takes, among the visits that could start before any other could
 *   finish (Giffler & Thompson's 1960 conflict set, so no one idles for a visit that cannot start
 *   yet), the one with the highest ATC index (w/p)·exp(−max(d − p − s, 0)/(K·p)): weighted
 *   shortest processing time for visits already late, decaying with the slack of the others.
 * - Guard: Jackson's earliest-due-date rule (1955) minimises the maximum lateness of equal-length
 *   jobs, also on identical parallel machines, so EDD decides whether every due date can be
 *   met. While it can, the ATC choice is taken only when EDD can still complete the rest on
 *   time after it; otherwise EDD's own next placement is. So no due date is missed when the
 *   capacity allows it (exactly when every visit shares the same working windows; with windows
 *   in several time zones EDD's verdict is a heuristic one).
 * - When the capacity does not allow it, ATC alone decides, which puts the heaviest late visits
 *   first; visits that fit nowhere before the horizon ends are left unplaced.
 */
export function scheduleVisits(jobs: readonly Job[], options: ScheduleOptions): Schedule {
  const { technicians, durationMs, fromMs } = options;
  const k = (options.lookahead ?? 2) * durationMs;
  const free: number[] = Array.from({ length: technicians }, () => fromMs);
  let remaining = [...jobs].sort(byDue);
  const feasible = eddMeetsAll(free, remaining, durationMs);
  let guarded = feasible && options.guard !== false;
  const placements: Placement[] = [];
  while (remaining.length > 0) {
    let tech = 0;
    for (let i = 1; i < technicians; i++) if ((free[i] as number) < (free[tech] as number)) tech = i;
    const t = free[tech] as number;
    const starts = remaining.map((job) => ({ job, start: earliestStart(job, t, durationMs) })).filter((o): o is { job: Job; start: number } => o.start !== null);
    if (starts.length === 0) break; // nothing fits after the earliest free time: nothing fits at all
    const firstEnd = Math.min(...starts.map((o) => o.start + durationMs));
    let pick = { ...starts.filter((o) => o.start < firstEnd).reduce((best, o) => (atc(o, k, durationMs) > atc(best, k, durationMs) ? o : best)), technician: tech };
    if (guarded) {
      const rest = remaining.filter((j) => j !== pick.job);
      const after = free.map((f, i) => (i === tech ? pick.start + durationMs : f));
      if (pick.start + durationMs > pick.job.dueMs || !eddMeetsAll(after, rest, durationMs)) {
        const job = remaining[0] as Job;
        const at = eddFirst(job, free, durationMs);
        if (at === null) guarded = false;
        else pick = { job, start: at.startMs, technician: at.technician };
      }
    }
    placements.push({ job: pick.job, technician: pick.technician, startMs: pick.start, endMs: pick.start + durationMs });
    free[pick.technician] = pick.start + durationMs;
    remaining = remaining.filter((j) => j !== pick.job);
  }
  return { placements, unplaced: remaining, feasible };
}

/** The ATC index of a job started at `start`; ties broken towards the earlier due date by the caller's order. */
function atc(o: { job: Job; start: number }, k: number, durationMs: number): number {
  const slack = Math.max(o.job.dueMs - durationMs - o.start, 0);
  return (o.job.weight / durationMs) * Math.exp(-slack / k);
}
