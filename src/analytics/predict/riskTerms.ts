import type { SensorKind } from "../../domain/sensorKind.js";
import type { Severity } from "../../domain/anomalyTypes.js";
import { formatDuration, num } from "../format.js";
import type { Readings } from "../readingColumns.js";
import type { HealthThresholds } from "../thresholds.js";
import type { Traits } from "../traits.js";
import { openAt, poissonAtLeastOne, raisedWithin, type AlertRecord } from "./alertHistory.js";
import { normalCdf } from "./distributions.js";
import { forecast } from "./forecast.js";
import { worstOf, type DeductionOdds } from "./healthOdds.js";
import type { HoltFitMemo } from "./holtMemo.js";
import { describeBand, hourlyLevels, LEVELS_SPAN_MS, operatingBand, type HourlyLevel } from "./operatingBand.js";
import { HOUR_MS, type HourlyStability } from "./stabilityHistory.js";
import { fitStabilityTrend, hoursUntilBelow, probabilityBelow } from "./stabilityTrend.js";

/** One route to failure: the chance it is present within the horizon, whether it is now, in words. */
export interface TermEstimate {
  readonly probability: number;
  readonly presentNow: boolean;
  readonly description: string;
}

/** Alerts count over this window (hours) for their rates. */
const ALERT_SPAN_HOURS = 24;
const SEVERITIES: readonly Severity[] = ["HIGH", "MEDIUM", "LOW"];
const Z90 = 1.6448536269514722;

/** Unstable: 1 now, else the highest P(stability of a coming hour < limit) on the hourly trend's t tail. */
export function unstableTerm(traits: Traits, hourly: readonly HourlyStability[], asOfMs: number, hours: number, minStability: number): TermEstimate {
  if (traits.stabilityPercent !== null && traits.stabilityPercent < minStability) {
    return { probability: 1, presentNow: true, description: `unstable now: stability ${num(traits.stabilityPercent)} % < ${minStability} %` };
  }
  const trend = fitStabilityTrend(hourly, asOfMs);
  if (trend === null) return { probability: 0, presentNow: false, description: "stability trend unknown (fewer than 6 hours with enough readings)" };
  let probability = 0;
  for (let h = 1; h <= hours; h++) probability = Math.max(probability, probabilityBelow(trend, minStability, h));
  const crossing = hoursUntilBelow(trend, minStability);
  return {
    probability,
    presentNow: false,
    description:
      `stability ${trend.slopePerHour < 0 ? "falling" : "rising"} ${num(Math.abs(trend.slopePerHour))} %/h (± ${num(trend.slopeStdError)})` +
      (crossing !== null && crossing > 0 && crossing <= 7 * 24 ? `, crosses ${minStability} % in ~${num(crossing)} h` : `, at ${num(trend.levelNow)} % now`) +
      `; P(an hour below ${minStability} % within ${hours} h) ${num(probability)}`,
  };
}

/** Drifting: 1 when drifting now by the sensor's fault (cause SENSOR), else the share of the last 24 hours whose drift exceeded the limit significantly. */
export function driftTerm(traits: Traits, hourly: readonly HourlyStability[], maxDriftPerMinute: number): TermEstimate {
  const drift = traits.driftPerMinute;
  const beyond = drift !== null && traits.driftSignificant && Math.abs(drift) > maxDriftPerMinute;
  const now = `drifting now: ${drift !== null && drift > 0 ? "+" : ""}${num(drift ?? 0)}/min (limit ±${num(maxDriftPerMinute)}/min)`;
  // Health deducts a drift only when the evidence blames the sensor; one it cannot pin on the
  // sensor (UNKNOWN, WORLD) costs nothing now and counts only as often as the sensor drifts.
  if (beyond && traits.driftCause === "SENSOR") return { probability: 1, presentNow: true, description: now };
  const judged = hourly.filter((h) => h.driftPerMinute !== null);
  const drifting = judged.filter((h) => h.driftSignificant && Math.abs(h.driftPerMinute as number) > maxDriftPerMinute).length;
  const history = `drift limit exceeded in ${drifting} of the last ${judged.length} h`;
  return {
    probability: judged.length > 0 ? drifting / judged.length : 0,
    presentNow: false,
    description: beyond ? `${now}, cause ${traits.driftCause ?? "UNKNOWN"}: not the sensor's fault on this evidence; ${history}` : history,
  };
}

/** Stale: 1 now, else a Poisson rate of the GAP alerts of the last 24 h. */
export function staleTerm(traits: Traits, staleLimitMs: number, alerts: readonly AlertRecord[], asOfMs: number, hours: number): TermEstimate {
  if (traits.freshnessSeconds === null || traits.freshnessSeconds * 1000 > staleLimitMs) {
    const age = traits.freshnessSeconds === null ? "never" : `${formatDuration(traits.freshnessSeconds * 1000)} ago`;
    return { probability: 1, presentNow: true, description: `stale now: last reading ${age} (limit ${formatDuration(staleLimitMs)})` };
  }
  const gaps = raisedWithin(alerts, asOfMs, ALERT_SPAN_HOURS * HOUR_MS, (a) => a.type === "GAP");
  return { probability: poissonAtLeastOne(gaps, ALERT_SPAN_HOURS, hours), presentNow: false, description: `${gaps} gap${gaps === 1 ? "" : "s"} in the last ${ALERT_SPAN_HOURS} h` };
}

/**
 * The worst-alert deduction: per severity 1 if such an alert (not GAP) is open now, else a
 * Poisson rate of those raised in the last 24 h; the levels made exclusive by `worstOf`.
 */
export function alertTerm(alerts: readonly AlertRecord[], asOfMs: number, hours: number, thresholds: HealthThresholds): TermEstimate & { readonly levels: DeductionOdds[] } {
  const penalties = thresholds.penalties;
  const deduction: Readonly<Record<Severity, number>> = { HIGH: penalties.anomalyHigh, MEDIUM: penalties.anomalyMedium, LOW: penalties.anomalyLow };
  const open = new Set(
    openAt(alerts, asOfMs)
      .filter((e) => e.type !== "GAP")
      .map((e) => e.severity),
  );
  const counts = SEVERITIES.map((severity) => raisedWithin(alerts, asOfMs, ALERT_SPAN_HOURS * HOUR_MS, (a) => a.type !== "GAP" && a.severity === severity));
  const levels = worstOf(SEVERITIES.map((severity, i) => ({ points: deduction[severity], probability: open.has(severity) ? 1 : poissonAtLeastOne(counts[i] as number, ALERT_SPAN_HOURS, hours) })));
  const words = SEVERITIES.map((severity, i) => {
    const n = counts[i] as number;
    return open.has(severity) ? `${severity} alert open now` : n > 0 ? `${n} ${severity} alert${n === 1 ? "" : "s"} in the last ${ALERT_SPAN_HOURS} h` : null;
  }).filter((t): t is string => t !== null);
  return {
    levels,
    probability: levels.reduce((s, l) => s + l.probability, 0),
    presentNow: open.size > 0,
    description: words.length === 0 ? `no alerts in the last ${ALERT_SPAN_HOURS} h` : words.join(", "),
  };
}

/**
 * Out of range. With a physical range: the forecast at the horizon (its 90 % interval read as a
 * normal) beyond [min, max]. Without one (a process value): whether the value has left the
 * operating range learnt from its own hourly levels (`operatingBand`): 1 when it has (it is
 * out of range now), else 0. `levels` are the hourly levels of the last two weeks when the
 * caller has them; default those of `history`.
 */
export function rangeTerm(
  history: Readings,
  asOfMs: number,
  hours: number,
  kind: SensorKind,
  range: { readonly min: number; readonly max: number },
  memo: HoltFitMemo | null = null,
  levels: readonly HourlyLevel[] | null = null,
): TermEstimate {
  if (!Number.isFinite(range.min) && !Number.isFinite(range.max)) {
    const check = operatingBand(levels ?? hourlyLevels(history, asOfMs - LEVELS_SPAN_MS, asOfMs), asOfMs);
    return { probability: check.left ? 1 : 0, presentNow: check.left, description: check.assessed && check.currentHours === 0 ? "" : describeBand(check) };
  }
  const f = forecast(history, { horizonMinutes: hours * 60, asOfMs, memo });
  if (!f.ok) return { probability: 0, presentNow: false, description: `${kind.toLowerCase()} range not assessed: ${f.reason}` };
  const { value, lower, upper } = f.value;
  const sigma = Math.max((upper - lower) / (2 * Z90), 1e-12);
  return {
    probability: normalCdf((range.min - value) / sigma) + (1 - normalCdf((range.max - value) / sigma)),
    presentNow: false,
    description: `value heading for ${num(value)} (90 %: ${num(lower)}..${num(upper)}) at +${hours} h; valid range ${num(range.min)}..${num(range.max)}`,
  };
}
