import type { SensorKind } from "../../domain/sensorKind.js";
import { AnomalyDetector } from "../anomalyDetector.js";
import type { DetectorOptions } from "../detectorOptions.js";
import type { Point } from "../point.js";
import { resolveThresholds, type HealthThresholds } from "../thresholds.js";
import type { AlertRecord } from "./alertHistory.js";
import { failureRisk, type RiskTermName } from "./failureRisk.js";
import { hourlyLevels, LEVELS_SPAN_MS, type HourlyLevel } from "./operatingBand.js";
import { HOUR_MS } from "./stabilityHistory.js";

/** A labelled failure window [startMs, endMs] (NAB's `combined_windows.json`). */
export interface LabelledWindow {
  readonly startMs: number;
  readonly endMs: number;
  /** The labelled failure instant inside the window, when known (NAB centres windows on it). */
  readonly labelMs?: number;
}

export interface RiskReplayOptions {
  readonly kind: SensorKind;
  /** asOf steps this far each time (default 1 h). */
  readonly stepMs?: number;
  /** Risk horizon (default 24 h). */
  readonly hours?: number;
  readonly thresholds?: HealthThresholds;
  readonly detectorOptions?: Partial<DetectorOptions>;
}

export interface RiskSample {
  readonly asOfMs: number;
  readonly probability: number;
  readonly drivers: readonly string[];
  /** Each term's probability with the others left as they are, and the total without it. */
  readonly terms?: ReadonlyArray<{ readonly name: RiskTermName; readonly probability: number; readonly without: number }>;
}

/** History handed to each risk call: the 24 h stability trend plus the 1 h health window. */
const HISTORY_MS = 25 * HOUR_MS;

/**
 * Replays a series as if live: every reading goes through an `AnomalyDetector` (its raised and
 * cleared episodes become the alert history, each visible only from the time it happened), and
 * at every step the failure risk is computed from what was known at that asOf (the last day's
 * readings, and the hourly levels of the two weeks before for the operating band).
 */
export function replayRisk(points: readonly Point[], options: RiskReplayOptions): RiskSample[] {
  const step = options.stepMs ?? HOUR_MS;
  const thresholds = options.thresholds ?? resolveThresholds(options.kind);
  const detector = new AnomalyDetector("replay", options.kind, options.detectorOptions);
  const alerts: Array<{ key: string; record: AlertRecord }> = [];
  const samples: RiskSample[] = [];
  const first = points[0];
  if (first === undefined) return samples;
  let next = first.timestampMs + HISTORY_MS;
  let start = 0;
  let levelsStart = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Point;
    // asOf steps that fall before this reading see everything up to the previous one.
    while (next < p.timestampMs) {
      while ((points[start] as Point).timestampMs <= next - HISTORY_MS) start += 1;
      // The operating band's input: the whole hours of the last two weeks, and the one under way.
      const levelsFromMs = Math.ceil((next - LEVELS_SPAN_MS) / HOUR_MS) * HOUR_MS;
      while ((points[levelsStart] as Point).timestampMs < levelsFromMs) levelsStart += 1;
      samples.push(sample(points.slice(start, i), hourlyLevels(points.slice(levelsStart, i), levelsFromMs, next), next, alerts, options, thresholds));
      next += step;
    }
    for (const event of detector.push(p.timestampMs, p.value)) {
      if (event.phase === "raised") {
        alerts.push({ key: event.episodeKey, record: { type: event.type, severity: event.severity, raisedAtMs: event.timestampMs, clearedAtMs: null } });
      } else {
        const open = alerts.find((a) => a.key === event.episodeKey);
        if (open !== undefined) open.record = { ...open.record, clearedAtMs: event.timestampMs };
      }
    }
  }
  return samples;
}

function sample(
  history: readonly Point[],
  levels: readonly HourlyLevel[],
  asOfMs: number,
  alerts: ReadonlyArray<{ record: AlertRecord }>,
  options: RiskReplayOptions,
  thresholds: HealthThresholds,
): RiskSample {
  const known = alerts.map((a) => a.record).filter((r) => r.raisedAtMs <= asOfMs && r.raisedAtMs > asOfMs - 7 * 24 * HOUR_MS);
  const risk = failureRisk(history, { asOfMs, kind: options.kind, hours: options.hours ?? 24, alertHistory: known, thresholds, levels });
  if (!risk.ok) return { asOfMs, probability: 0, drivers: [risk.reason] };
  const { probability, drivers, terms } = risk.value;
  return { asOfMs, probability, drivers, terms: terms.map((t) => ({ name: t.name, probability: t.probability, without: probability - t.influence })) };
}

interface WindowLead {
  readonly startMs: number;
  readonly endMs: number;
  /** First step in [start − horizon, end] with probability above the threshold; null if none. */
  readonly firstAboveMs: number | null;
  /** (firstAbove − start) in hours: negative = warned before the window opened. */
  readonly leadHours: number | null;
  /** Highest probability in the horizon before the window opened: how close it came to warning. */
  readonly peakBefore: number;
  readonly labelMs: number | null;
  /** (label − firstAbove) in hours: positive = warned before the labelled instant; null without either. */
  readonly hoursBeforeLabel: number | null;
}

export interface RiskScore {
  readonly threshold: number;
  readonly windows: readonly WindowLead[];
  /** Windows warned of: above the threshold at some step in [start − horizon, end]. */
  readonly windowsWarned: number;
  /** …of which before the window opened (lead < 0). */
  readonly windowsWarnedBefore: number;
  /** …of which before the labelled instant inside the window (hoursBeforeLabel > 0). */
  readonly windowsWarnedBeforeLabel: number;
  /** Share of steps outside every window (and its lead-in) with probability above the threshold. */
  readonly shareAboveOutside: number;
  /** The same, counting the lead-in hours before each window as outside too. */
  readonly shareAboveOutsideStrict: number;
  readonly steps: number;
}

/**
 * Scores a replay against labelled windows: per window the lead time at which the probability
 * first exceeded `threshold` (searched from one horizon before the window to its end, so a
 * warning counts only if it could be a prediction of this window), measured from the window's
 * start and, when known, back from its labelled instant; and the share of time above the
 * threshold elsewhere.
 */
export function scoreRisk(samples: readonly RiskSample[], windows: readonly LabelledWindow[], horizonHours = 24, threshold = 0.5): RiskScore {
  const leadIn = horizonHours * HOUR_MS;
  const leads = windows.map((w): WindowLead => {
    const hit = samples.find((s) => s.asOfMs >= w.startMs - leadIn && s.asOfMs <= w.endMs && s.probability > threshold);
    const before = samples.filter((s) => s.asOfMs >= w.startMs - leadIn && s.asOfMs < w.startMs);
    return {
      startMs: w.startMs,
      endMs: w.endMs,
      firstAboveMs: hit?.asOfMs ?? null,
      leadHours: hit === undefined ? null : (hit.asOfMs - w.startMs) / HOUR_MS,
      peakBefore: before.reduce((m, s) => Math.max(m, s.probability), 0),
      labelMs: w.labelMs ?? null,
      hoursBeforeLabel: hit === undefined || w.labelMs === undefined ? null : (w.labelMs - hit.asOfMs) / HOUR_MS,
    };
  });
  const inWindow = (t: number, lead: number): boolean => windows.some((w) => t >= w.startMs - lead && t <= w.endMs);
  const share = (lead: number): number => {
    const outside = samples.filter((s) => !inWindow(s.asOfMs, lead));
    return outside.length === 0 ? 0 : outside.filter((s) => s.probability > threshold).length / outside.length;
  };
  return {
    threshold,
    windows: leads,
    windowsWarned: leads.filter((l) => l.leadHours !== null).length,
    windowsWarnedBefore: leads.filter((l) => l.leadHours !== null && l.leadHours < 0).length,
    windowsWarnedBeforeLabel: leads.filter((l) => l.hoursBeforeLabel !== null && l.hoursBeforeLabel > 0).length,
    shareAboveOutside: share(leadIn),
    shareAboveOutsideStrict: share(0),
    steps: samples.length,
  };
}
