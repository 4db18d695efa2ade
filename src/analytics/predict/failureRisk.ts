import type { SensorKind } from "../../domain/sensorKind.js";
import { num } from "../format.js";
import { assessHealth, type Health } from "../health.js";
import { kindProfile } from "../kindProfiles.js";
import { columnsFromPoints, firstAfter, isColumns, sliceColumns, type ReadingColumns, type Readings } from "../readingColumns.js";
import type { HealthThresholds } from "../thresholds.js";
import { traitsFromColumns } from "../traits.js";
import { openAt, type AlertRecord } from "./alertHistory.js";
import { PredictionInputError, requireAsOf } from "./errors.js";
import { probabilityAtLeast, type DeductionOdds } from "./healthOdds.js";
import type { HoltFitMemo } from "./holtMemo.js";
import type { HourlyLevel } from "./operatingBand.js";
import { predicted, unavailable, type Prediction } from "./result.js";
import { alertTerm, driftTerm, rangeTerm, staleTerm, unstableTerm, type TermEstimate } from "./riskTerms.js";
import { HOUR_MS, hourlyStability, type RangeStats } from "./stabilityHistory.js";

export interface FailureRiskContext {
  readonly asOfMs: number;
  /** Horizon in hours, 1..168 (default 24). */
  readonly hours?: number;
  readonly kind: SensorKind;
  readonly alertHistory: readonly AlertRecord[];
  readonly thresholds: HealthThresholds;
  /** Window of the current traits health is judged on (default 1 h). */
  readonly healthWindowMs?: number;
  /** Valid value range; default the kind's physical range (OUT_OF_RANGE's). */
  readonly validRange?: { readonly min: number; readonly max: number } | null;
  /**
   * Longer history for the range term's forecast, which needs about 2.5 horizons of it to
   * calibrate (see `forecastHistoryMs`); default (null) the readings given.
   */
  readonly rangeHistory?: Readings | null;
  /**
   * Hourly mean levels of the two weeks before asOf (`LEVELS_SPAN_MS`), for a sensor with no
   * physical range: its operating range is learnt from them (`operatingBand`). Default (null)
   * the levels of the readings given.
   */
  readonly levels?: readonly HourlyLevel[] | null;
  /** Reuses Holt fits for the range term's forecast (same answer; see `HoltFitMemo`). */
  readonly memo?: HoltFitMemo | null;
  /** The same readings' statistics over any range in O(log n) (the live window): hourly stability from it, not a scan. */
  readonly rangeStats?: RangeStats | null;
}

export type RiskTermName = "unstable" | "drifting" | "stale" | "anomaly" | "range";

/** One route to failure: how likely within the horizon, whether present now, how much it moves the total. */
interface RiskTerm {
  readonly name: RiskTermName;
  readonly probability: number;
  readonly presentNow: boolean;
  /** Health points it deducts (anomaly: the expected deduction's level; range: null, it fails on its own). */
  readonly points: number | null;
  /** The total probability minus the total with this term taken out. */
  readonly influence: number;
  readonly description: string;
}

export interface FailureRisk {
  readonly horizonHours: number;
  readonly probability: number;
  /** The terms that matter, most influential first, in words with numbers. */
  readonly drivers: readonly string[];
  readonly method: string;
  readonly healthNow: Health;
  readonly terms: readonly RiskTerm[];
}

const TREND_HOURS = 24;
/** Terms below this influence are not named as drivers (unless present now). */
const DRIVER_MIN_INFLUENCE = 0.01;

/** The model in one line, as `FailureRisk.method` reports it. */
export const FAILURE_RISK_METHOD =
  "P = 1 − (1 − P_health)(1 − P_range); P_health = P(independent health deductions ≥ 100 − degradedAbove) " +
  "with unstable from the t-tail of the hourly stability trend, drifting from the share of drifting hours, " +
  "stale and alerts from Poisson rates of the last 24 h; P_range from the forecast's calibrated interval " +
  "(no physical range: 1 once the value has left the operating band learnt from its own hourly levels)";

/**
 * The probability that a sensor fails within `hours` after asOf — its health becomes FAILED
 * under the existing health rules, or its value leaves the valid range. An explainable model:
 *
 *   P = 1 − (1 − P_health)·(1 − P_range)
 *   P_health = P( D_u·X_u + D_d·X_d + D_s·X_s + A ≥ 100 − degradedAbove )
 *
 * with independent Bernoulli X (present at some point in the horizon) and the health rules'
 * deductions D (unstable 20, drifting 20, stale 30) and A, the worst-alert deduction
 * (HIGH 30 / MEDIUM 20 / LOW 10 / none):
 * - X_u (unstable): 1 if unstable now; else max over the coming hours h ≤ H of
 *   P(stability(h) < minStabilityPercent) on the line fitted to the last 24 hourly stabilities,
 *   a Student-t tail with the line's standard error and one hour's scatter (`probabilityBelow`);
 *   0 with fewer than 6 usable hours.
 * - X_d (drifting): 1 if drifting now and the evidence blames the sensor (cause SENSOR, as health
 *   deducts it); else the share of the last 24 hours whose drift exceeded the limit
 *   significantly (how often this sensor drifts).
 * - X_s (stale): 1 if stale now; else 1 − exp(−λ·H), λ = GAP alerts raised in the last 24 h / 24 h.
 * - A: per severity, 1 if such an alert is open now, else 1 − exp(−λ_sev·H) with λ_sev = non-GAP
 *   alerts of that severity raised in the last 24 h / 24 h; the worst level counts.
 * - P_range: the forecast at asOf + H (its calibrated 90 % interval read as a normal, σ = width/3.29)
 *   outside [min, max]; 0 when the history is too short to forecast. A kind with no physical range
 *   (OTHER) has its operating range learnt instead: P_range = 1 once the value has been outside
 *   its own weekly band longer than any excursion of the last week (`operatingBand`), else 0.
 * Assumptions: the terms are independent and, if each occurs within the horizon, they coincide
 * (so P_health is an upper estimate of simultaneous deductions); alert rates are stationary over
 * the horizon (Poisson); stability trends linearly. Health FAILED now gives P = 1.
 */
export function failureRisk(points: Readings, context: FailureRiskContext): Prediction<FailureRisk> {
  const { asOfMs, kind, thresholds, alertHistory } = context;
  const hours = context.hours ?? 24;
  requireAsOf(asOfMs);
  if (!(Number.isInteger(hours) && hours >= 1 && hours <= 168)) {
    throw new PredictionInputError(`hours must be a whole number of hours from 1 to 168 (7 days), got ${hours}`);
  }
  const history = upTo(points, asOfMs);
  if (history.timestampsMs.length === 0) return unavailable("no readings at or before asOf: nothing to judge the sensor's risk on");

  const open = openAt(alertHistory, asOfMs);
  const traits = traitsFromColumns(history, {
    kind,
    asOfMs,
    windowMs: context.healthWindowMs ?? HOUR_MS,
    activeEpisodes: open,
    staleAfterMs: thresholds.staleAfterMs,
    sigmaMax: thresholds.sigmaMax,
  });
  const healthNow = assessHealth(traits, thresholds, open);
  const hourly = hourlyStability(context.rangeStats ?? history, asOfMs, TREND_HOURS, kind, thresholds.sigmaMax);
  const unstable = unstableTerm(traits, hourly, asOfMs, hours, thresholds.minStabilityPercent);
  const drifting = driftTerm(traits, hourly, thresholds.maxDriftPerMinute);
  const stale = staleTerm(traits, thresholds.staleAfterMs ?? traits.staleLimitMs, alertHistory, asOfMs, hours);
  const alerts = alertTerm(alertHistory, asOfMs, hours, thresholds);
  const range = rangeTerm(
    context.rangeHistory == null ? history : upTo(context.rangeHistory, asOfMs),
    asOfMs,
    hours,
    kind,
    context.validRange ?? { min: kindProfile(kind).rangeMin, max: kindProfile(kind).rangeMax },
    context.memo ?? null,
    context.levels ?? null,
  );

  const penalties = thresholds.penalties;
  const failAt = 100 - thresholds.degradedAbove;
  const total = (u: number, d: number, s: number, a: readonly DeductionOdds[], r: number): number => {
    const independent = [
      { points: penalties.unstable, probability: u },
      { points: penalties.drifting, probability: d },
      { points: penalties.stale, probability: s },
    ];
    return 1 - (1 - probabilityAtLeast(independent, a, failAt)) * (1 - r);
  };
  const [u, d, s, a, r] = [unstable.probability, drifting.probability, stale.probability, alerts.levels, range.probability];
  const probability = total(u, d, s, a, r);
  const term = (name: RiskTermName, estimate: TermEstimate, points: number | null, without: number): RiskTerm => ({ name, ...estimate, points, influence: probability - without });
  const terms: RiskTerm[] = [
    term("unstable", unstable, penalties.unstable, total(0, d, s, a, r)),
    term("drifting", drifting, penalties.drifting, total(u, 0, s, a, r)),
    term("stale", stale, penalties.stale, total(u, d, 0, a, r)),
    term(
      "anomaly",
      alerts,
      a.reduce((w, l) => (l.probability > 0 ? Math.max(w, l.points) : w), 0),
      total(u, d, s, [], r),
    ),
    term("range", range, null, total(u, d, s, a, 0)),
  ];
  const drivers = terms
    .filter((t) => t.description !== "" && (t.presentNow || t.influence >= DRIVER_MIN_INFLUENCE))
    .sort((x, y) => Number(y.presentNow) - Number(x.presentNow) || y.influence - x.influence)
    .map((t) => t.description);
  if (healthNow.status !== "HEALTHY") drivers.unshift(`health ${healthNow.status} now (score ${num(healthNow.score)})`);
  return predicted({ horizonHours: hours, probability, drivers, method: FAILURE_RISK_METHOD, healthNow, terms });
}

/** The readings at or before asOf as time-ordered columns (views when given columns). */
function upTo(points: Readings, asOfMs: number): ReadingColumns {
  if (isColumns(points)) return sliceColumns(points, 0, firstAfter(points.timestampsMs, asOfMs));
  return columnsFromPoints(points.filter((p) => p.timestampMs <= asOfMs));
}
