// npm run eval:risk — the failure-risk replay on NAB machine temperature alone (eval:nab prints
// it for every labelled file, beside the detector's figures).
import { projectRoot } from "../src/config.js";
import { loadNabSeries } from "../src/datasets/predictionSeries.js";
import { riskReport } from "../src/datasets/riskReport.js";

const FILE = "realKnownCause/machine_temperature_system_failure.csv";

try {
  const series = await loadNabSeries(projectRoot, FILE, "");
  process.stdout.write(`${JSON.stringify({ eval: "risk", file: FILE, readings: series.points.length, ...riskReport(series.points, series.windows) }, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`eval:risk failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
