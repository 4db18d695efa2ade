import { describe, expect, it } from "vitest";
import { COVERAGE_TARGET, FORECAST_EVALUATION, evaluateSeries } from "../../../src/analytics/predict/forecastBacktest.js";
import { fixtures } from "../../support/requirements.js";
import { loadNabSeries, loadUciSeries } from "../../../src/datasets/predictionSeries.js";

// Exactly the `eval:forecast` backtest (origins every 30 min, 3 days of history each; NAB at
// every hourly reading): a change that breaks calibration or loses to the last value fails here.
// A sparser set of origins would be quicker, but the 10-min temperature forecast beats naive by
// only ~5 %, within the sampling noise of a few hundred origins.
const SERIES = [
  ["nab", "realKnownCause/ambient_temperature_system_failure.csv", "°F"],
  ["uci", "Temperature", "°C"],
  ["uci", "Humidity", "%RH"],
] as const;

describe("forecast on real sensor series (rolling origin)", () => {
  for (const [source, name, unit] of SERIES) {
    it(`${source} ${name}: the 90 % interval covers 80–97 % and MAE is no worse than naive`, async () => {
      const series = source === "nab" ? await loadNabSeries(fixtures, name, unit) : await loadUciSeries(fixtures, name, unit);
      const result = evaluateSeries(series.name, unit, series.points, FORECAST_EVALUATION);
      const scored = result.horizons.filter((h) => h.skipped === null);
      expect(scored.length).toBe(source === "nab" ? 1 : 3); // NAB is hourly: 10 and 30 min have no reading to score against
      for (const h of scored) {
        expect(h.scored, `${name} ${h.horizonMinutes} min`).toBeGreaterThan(500);
        expect(h.coverage as number, `${name} ${h.horizonMinutes} min coverage`).toBeGreaterThanOrEqual(COVERAGE_TARGET.min);
        expect(h.coverage as number, `${name} ${h.horizonMinutes} min coverage`).toBeLessThanOrEqual(COVERAGE_TARGET.max);
        expect(h.mae as number, `${name} ${h.horizonMinutes} min MAE vs naive`).toBeLessThanOrEqual(h.naiveMae as number);
      }
    }, 120_000);
  }
});
