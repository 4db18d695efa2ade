import { asColumns, firstAfter, type Readings } from "../readingColumns.js";
import type { ClimateHour } from "./moldRisk.js";

const HOUR_MS = 3_600_000;

export interface Step {
  readonly startMs: number;
  readonly endMs: number;
}

/** (fromMs, toMs] cut at whole UTC hours, oldest first: whole hours, and shorter pieces at the ends. */
export function hourSteps(fromMs: number, toMs: number): Step[] {
  const steps: Step[] = [];
  let start = fromMs;
  while (start < toMs) {
    const end = Math.min(toMs, (Math.floor(start / HOUR_MS) + 1) * HOUR_MS);
    steps.push({ startMs: start, endMs: end });
    start = end;
  }
  return steps;
}

/** The mean of the readings in each step (startMs, endMs], null for a step without any; steps in time order. */
export function meansPerStep(readings: Readings, steps: readonly Step[]): Array<number | null> {
  const { timestampsMs: ts, values } = asColumns(readings);
  return steps.map((s) => {
    const from = firstAfter(ts, s.startMs);
    const to = firstAfter(ts, s.endMs);
    if (to <= from) return null;
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i] as number;
    return sum / (to - from);
  });
}

/** The room's climate per step from its two sensors' means. */
export function zipClimate(steps: readonly Step[], celsius: ReadonlyArray<number | null>, humidity: ReadonlyArray<number | null>): ClimateHour[] {
  return steps.map((s, i) => ({ startMs: s.startMs, endMs: s.endMs, celsius: celsius[i] ?? null, relativeHumidity: humidity[i] ?? null }));
}
