// npm run eval:risk — the failure-risk replay on NAB machine temperature: asOf every 6 h (and every
// hour), P > 0.5 per window from a day before it to its end, the share above 0.5 elsewhere, and
// which terms of the model carried the warnings.
import { projectRoot } from "../src/config.js";
import { loadNabSeries } from "../src/datasets/predictionSeries.js";
import { riskReport } from "../src/datasets/riskReport.js";

const FILE = "realKnownCause/machine_temperature_system_failure.csv";

try {
  const series = await loadNabSeries(projectRoot, FILE, "");
  // The protocol: asked every 6 h; every hour for comparison.
  const every6h = riskReport(series.points, series.windows, 24, 6);
  const every1h = riskReport(series.points, series.windows, 24, 1);
  process.stdout.write(`${JSON.stringify({ eval: "risk", file: FILE, readings: series.points.length, every6h, every1h }, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`eval:risk failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
