// Rolling-origin backtest of the forecast on real sensor series: NAB's hourly office ambient
// temperature and the UCI Occupancy room's temperature and humidity (~1/min). Prints JSON: per
// series and horizon, coverage of the 90 % interval, MAE, and the MAE of the last-value
// forecast on the same origins. Usage: tsx scripts/evalForecast.ts [originEveryMinutes]
import { FORECAST_EVALUATION, COVERAGE_TARGET, evaluateSeries } from "../src/analytics/predict/forecastBacktest.js";
import { projectRoot } from "../src/config.js";
import { loadNabSeries, loadUciSeries } from "../src/datasets/predictionSeries.js";

async function main(): Promise<void> {
  const everyMinutes = Number(process.argv[2] ?? FORECAST_EVALUATION.originEveryMs / 60_000);
  if (!(everyMinutes > 0)) throw new Error(`originEveryMinutes must be a positive number, got ${process.argv[2]}`);
  const options = { ...FORECAST_EVALUATION, originEveryMs: everyMinutes * 60_000 };
  const series = [
    await loadNabSeries(projectRoot, "realKnownCause/ambient_temperature_system_failure.csv", "°F"),
    await loadUciSeries(projectRoot, "Temperature", "°C"),
    await loadUciSeries(projectRoot, "Humidity", "%RH"),
  ];
  const started = performance.now();
  const results = series.map((s) => ({ ...evaluateSeries(s.name, s.unit, s.points, options), parseProblems: s.parseProblems }));
  const report = {
    eval: "forecast",
    method: "damped Holt on the sensor's own grid, parameters by mean |h-step error| on its history; 90 % interval from its own backtested h-step errors (last 48 h)",
    backtest:
      `rolling origin: an origin every ${everyMinutes} min (NAB: every reading, hourly) after ${options.historyMs / 3_600_000} h of history; ` +
      `each forecast sees the ${options.historyMs / 3_600_000} h before its origin only and is scored against the reading nearest origin + horizon (within half the reading interval)`,
    shortHorizons:
      "NAB is hourly: the 10- and 30-min horizons are skipped (no reading exists there to score; interpolating the truth would score the interpolation). " +
      "The forecast itself answers them from the level and trend, with the one-step (60-min) interval",
    targets: { coverage: COVERAGE_TARGET, mae: "no worse than naive (last value)" },
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    series: results,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:forecast failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
