import type { MoldMeasure } from "../domain/ruleTypes.js";

/** A room's mold risk as a MOLD_RISK rule reads it (hours null: never reached). */
export interface MoldMeasures {
  readonly index: number;
  readonly indexForecast: number;
  readonly hoursToIndex1: number | null;
  readonly hoursToIndex1Forecast: number | null;
}

/** The number a MOLD_RISK rule compares: the measure, +∞ for hours never reached, null without an assessment. */
export function moldMeasureValue(risk: MoldMeasures | null, measure: MoldMeasure): number | null {
  if (risk === null) return null;
  switch (measure) {
    case "INDEX":
      return risk.index;
    case "INDEX_FORECAST":
      return risk.indexForecast;
    case "HOURS_TO_INDEX1":
      return risk.hoursToIndex1 ?? Number.POSITIVE_INFINITY;
    case "HOURS_TO_INDEX1_FORECAST":
      return risk.hoursToIndex1Forecast ?? Number.POSITIVE_INFINITY;
  }
}
