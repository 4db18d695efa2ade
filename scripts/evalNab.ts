// Replays NAB files through the streaming anomaly detector and prints, per file, which labelled
// windows it caught, how soon, and how many episodes it raised outside them, beside the naive
// "3σ from the 24 h mean" rule; for labelled files also the failure-risk replay (lead time of
// P > 0.5 per window, share of time above 0.5 outside). Usage: tsx scripts/evalNab.ts [files…]
import { projectRoot } from "../src/config.js";
import { readDatasetText } from "../src/datasets/files.js";
import { labelWindows, parseNabCsv, parseNabLabels, parseNabWindows } from "../src/datasets/nab.js";
import { replayNab } from "../src/datasets/nabReplay.js";
import { riskReport } from "../src/datasets/riskReport.js";

const DEFAULT_FILES = [
  "realKnownCause/machine_temperature_system_failure.csv",
  "realKnownCause/ambient_temperature_system_failure.csv",
  "artificialWithAnomaly/art_daily_jumpsup.csv",
  "artificialWithAnomaly/art_daily_flatmiddle.csv",
  "artificialNoAnomaly/art_daily_small_noise.csv",
];
const KIND = "OTHER";

async function main(): Promise<void> {
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_FILES;
  const windowsText = await readDatasetText(projectRoot, "nab", "combined_windows.json");
  const labelsText = await readDatasetText(projectRoot, "nab", "combined_labels.json");
  const results = [];
  for (const file of files) {
    const parsed = parseNabCsv(await readDatasetText(projectRoot, "nab", file));
    const windows = labelWindows(parseNabWindows(windowsText, file), parseNabLabels(labelsText, file));
    const replay = replayNab(parsed.value, windows, KIND);
    const s = replay.score;
    results.push({
      file,
      readings: replay.readings,
      parseProblems: parsed.problems.length,
      lateReadingsSkipped: replay.lateReadings,
      windows: s.windows.map((w) => ({
        start: w.startIso,
        end: w.endIso,
        detected: w.detected,
        firstDetection: w.firstDetection,
      })),
      windowsDetected: s.windowsDetected,
      falseAlarmEpisodes: s.falseAlarmEpisodes,
      totalEpisodes: s.totalEpisodes,
      episodesByType: s.episodesByType,
      gapEpisodes: replay.gapEpisodes,
      naive3SigmaFrom24hMean: {
        windowsDetected: replay.naive.windowsDetected,
        falseAlarmEpisodes: replay.naive.falseAlarmEpisodes,
        totalEpisodes: replay.naive.totalEpisodes,
      },
      ...(windows.length > 0 ? { failureRisk: riskReport(parsed.value, windows) } : {}),
    });
  }
  const report = {
    eval: "nab",
    detector: "AnomalyDetector with default options",
    kind: `${KIND} (NAB values have no known unit or physical range: no OUT_OF_RANGE or RAPID_CHANGE checks; everything is judged against the series' own 24 h baseline)`,
    scoring:
      "a value-anomaly episode (SPIKE, STUCK, ...) raised inside a labelled window detects it; one raised outside every window is a false alarm; " +
      "GAP episodes (real holes in the file) are counted apart",
    files: results,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:nab failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
