import type { Point } from "../analytics/point.js";
import { FAILURE_RISK_METHOD } from "../analytics/predict/failureRisk.js";
import { riskContributions } from "../analytics/predict/riskContributions.js";
import { replayRisk, scoreRisk } from "../analytics/predict/riskReplay.js";
import type { NabWindow } from "./nab.js";

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Replays a labelled series through the anomaly detector and the failure-risk model with asOf
 * stepping every `stepHours`, and scores it against the windows: per window, when the risk first
 * exceeded 0.5 (hours after the window opened, negative = before; and hours before its labelled
 * instant), how often it was above 0.5 elsewhere, and which terms carried the warnings.
 */
export function riskReport(points: readonly Point[], windows: readonly NabWindow[], horizonHours = 24, stepHours = 1): Record<string, unknown> {
  const started = performance.now();
  const samples = replayRisk(points, { kind: "OTHER", hours: horizonHours, stepMs: stepHours * 3_600_000 });
  const score = scoreRisk(samples, windows, horizonHours);
  return {
    model: FAILURE_RISK_METHOD,
    replay: `asOf every ${stepHours} h; alerts from AnomalyDetector (kind OTHER) as known at each asOf; horizon ${horizonHours} h`,
    scoring:
      `lead = first asOf with P > ${score.threshold} in [window start − ${horizonHours} h, window end], minus the window start (hours; negative = before the window); ` +
      "hoursBeforeLabel = the labelled failure instant (NAB centres each window on it) minus that asOf (positive = before the failure); " +
      `shareAboveOutside excludes the windows and their ${horizonHours} h lead-in, shareAboveOutsideStrict only the windows`,
    steps: score.steps,
    windows: score.windows.map((w) => ({
      start: iso(w.startMs),
      end: iso(w.endMs),
      firstAbove: iso(w.firstAboveMs),
      leadHours: w.leadHours === null ? null : Number(w.leadHours.toFixed(1)),
      label: iso(w.labelMs),
      hoursBeforeLabel: w.hoursBeforeLabel === null ? null : Number(w.hoursBeforeLabel.toFixed(1)),
      peakBefore: Number(w.peakBefore.toFixed(3)),
    })),
    windowsWarned: score.windowsWarned,
    windowsWarnedBefore: score.windowsWarnedBefore,
    windowsWarnedBeforeLabel: score.windowsWarnedBeforeLabel,
    shareAboveOutside: Number(score.shareAboveOutside.toFixed(4)),
    shareAboveOutsideStrict: Number(score.shareAboveOutsideStrict.toFixed(4)),
    contributions: riskContributions(samples, windows, horizonHours),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}
