import { num } from "./format.js";
import { asColumns, firstAfter, type Readings } from "./readingColumns.js";

type Agreement = "AGREES" | "DISAGREES" | "UNKNOWN";

export interface AgreementCheck {
  readonly verdict: Agreement;
  /** Mean of the sensor minus the median of its references' means over the span; null without readings. */
  readonly difference: number | null;
  readonly message: string;
}

function meanIn(readings: Readings, fromMs: number, toMs: number): number | null {
  const { timestampsMs, values } = asColumns(readings);
  const from = firstAfter(timestampsMs, fromMs);
  const to = firstAfter(timestampsMs, toMs);
  if (to <= from) return null;
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i] as number;
  return sum / (to - from);
}

/**
 * Whether a recalibrated sensor agrees with its references over (fromMs, toMs]: its mean
 * against the median of theirs, within `tolerance` (sensor units). UNKNOWN when the sensor or
 * every reference has no reading in the span. Pure: the span is passed in.
 */
export function checkAgreement(
  sensorId: string,
  sensor: Readings,
  references: ReadonlyArray<{ readonly sensorId: string; readonly readings: Readings }>,
  fromMs: number,
  toMs: number,
  tolerance: number,
): AgreementCheck {
  const own = meanIn(sensor, fromMs, toMs);
  const theirs = references
    .map((r) => meanIn(r.readings, fromMs, toMs))
    .filter((m): m is number => m !== null)
    .sort((a, b) => a - b);
  const names = references.map((r) => r.sensorId).join(", ");
  if (own === null || theirs.length === 0) {
    return { verdict: "UNKNOWN", difference: null, message: `no readings of ${own === null ? sensorId : names} in the span to compare ${sensorId} with ${names}` };
  }
  const mid = theirs.length >> 1;
  const reference = theirs.length % 2 === 1 ? (theirs[mid] as number) : ((theirs[mid - 1] as number) + (theirs[mid] as number)) / 2;
  const difference = own - reference;
  const agrees = Math.abs(difference) <= tolerance;
  return {
    verdict: agrees ? "AGREES" : "DISAGREES",
    difference,
    message: `${sensorId} reads ${difference > 0 ? "+" : ""}${num(difference)} against ${names} (mean ${num(own)} vs ${num(reference)}), ${agrees ? "within" : "beyond"} the ±${num(tolerance)} it must agree to`,
  };
}
