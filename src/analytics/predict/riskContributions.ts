import type { RiskTermName } from "./failureRisk.js";
import type { LabelledWindow, RiskSample } from "./riskReplay.js";
import { HOUR_MS } from "./stabilityHistory.js";

/** What one term did for the warnings (probability above the threshold) of a replay. */
interface TermContribution {
  /** Warnings in which the term had a probability above 0. */
  readonly present: number;
  /** Warnings that would not have been without it (the total without it at or below the threshold). */
  readonly decisive: number;
  /** Its mean probability over those warnings. */
  readonly meanProbability: number;
}

export interface RiskContributions {
  /** Warnings from one horizon before each window to its end. */
  readonly warningsNearWindows: number;
  readonly nearWindows: Readonly<Record<string, TermContribution>>;
  /** Warnings everywhere else (false alarms, as far as the labels know). */
  readonly warningsElsewhere: number;
  readonly elsewhere: Readonly<Record<string, TermContribution>>;
}

/**
 * Which terms of the failure-risk model carried a replay's warnings, near the labelled windows
 * and elsewhere: how often each was present, and how often it was decisive — the warning would not
 * have been given without it.
 */
export function riskContributions(samples: readonly RiskSample[], windows: readonly LabelledWindow[], horizonHours = 24, threshold = 0.5): RiskContributions {
  const lead = horizonHours * HOUR_MS;
  const near = (t: number): boolean => windows.some((w) => t >= w.startMs - lead && t <= w.endMs);
  const warnings = samples.filter((s) => s.probability > threshold);
  const summarise = (list: readonly RiskSample[]): Record<string, TermContribution> => {
    const out: Record<string, { present: number; decisive: number; sum: number }> = {};
    for (const s of list) {
      for (const t of s.terms ?? []) {
        const entry = (out[t.name] ??= { present: 0, decisive: 0, sum: 0 });
        if (t.probability > 0) entry.present += 1;
        if (t.without <= threshold) entry.decisive += 1;
        entry.sum += t.probability;
      }
    }
    return Object.fromEntries(
      Object.entries(out).map(([name, e]) => [name as RiskTermName, { present: e.present, decisive: e.decisive, meanProbability: list.length === 0 ? 0 : Number((e.sum / list.length).toFixed(3)) }]),
    );
  };
  const inside = warnings.filter((s) => near(s.asOfMs));
  const outside = warnings.filter((s) => !near(s.asOfMs));
  return { warningsNearWindows: inside.length, nearWindows: summarise(inside), warningsElsewhere: outside.length, elsewhere: summarise(outside) };
}
