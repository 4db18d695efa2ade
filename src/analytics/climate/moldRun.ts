import { maxIndex, stepMold, type MoldModel, type MoldState } from "./vttMold.js";

/** Conditions at the mold's surface for a stretch of time. */
export interface SurfaceStep {
  readonly hours: number;
  readonly celsius: number;
  readonly relativeHumidity: number;
}

/** Runs the model over steps in order. */
export function runMold(start: MoldState, steps: readonly SurfaceStep[], model: MoldModel): MoldState {
  let state = start;
  for (const s of steps) state = stepMold(state, s.celsius, s.relativeHumidity, s.hours, model);
  return state;
}

/** Runs the steps over and over for `hours` in all (the last repetition cut short). */
export function runRepeated(start: MoldState, cycle: readonly SurfaceStep[], hours: number, model: MoldModel): MoldState {
  const cycleHours = cycle.reduce((sum, s) => sum + s.hours, 0);
  if (!(cycleHours > 0)) return start;
  let state = start;
  let left = hours;
  while (left > 0) {
    for (const s of cycle) {
      const h = Math.min(s.hours, left);
      state = stepMold(state, s.celsius, s.relativeHumidity, h, model);
      left -= h;
      if (left <= 0) break;
    }
  }
  return state;
}

/** Beyond this the answer is "not reached" (null), as it is when the conditions can never get there. */
const MAX_SEARCH_HOURS = 10 * 365 * 24;

/**
 * Hours from `start` until the index reaches `target` while the cycle of conditions repeats
 * (a one-step cycle: conditions held constant); 0 when it is there already, null when it never
 * gets there. Never, by the model: no hour of the cycle lets growth pass `target` (M_max below
 * it), or a whole cycle (after the first, which starts from the given dry spell) ends no higher
 * than it began — then each later one does too, as the decline does not depend on the index
 * and growth only slows as the index rises. Null also past `MAX_SEARCH_HOURS` (ten years).
 * Within a step the crossing is interpolated linearly.
 */
export function hoursUntilIndex(start: MoldState, cycle: readonly SurfaceStep[], target: number, model: MoldModel, maxHours = MAX_SEARCH_HOURS): number | null {
  if (start.index >= target) return 0;
  const steps = cycle.filter((s) => s.hours > 0);
  if (steps.length === 0) return null;
  if (!steps.some((s) => maxIndex(s.celsius, s.relativeHumidity, model.sensitivity) > target)) return null;
  let state = start;
  let elapsed = 0;
  for (let round = 0; elapsed < maxHours; round++) {
    const before = state.index;
    for (const s of steps) {
      const next = stepMold(state, s.celsius, s.relativeHumidity, s.hours, model);
      if (next.index >= target) return elapsed + (s.hours * (target - state.index)) / (next.index - state.index);
      state = next;
      elapsed += s.hours;
    }
    if (round > 0 && state.index <= before) return null;
  }
  return null;
}
