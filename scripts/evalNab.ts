// npm run eval:nab [-- --per-file] [<folder>/<file>.csv …] — every NAB file in ../shared/datasets/nab
// (or those named) replayed through the twin's ingest and live analytics, its alerts scored with
// NAB's standard and low-FP profiles beside every published detector on the same files; one JSON line.
import { parseArgs } from "node:util";
import { projectRoot } from "../src/config.js";
import { readDatasetText } from "../src/datasets/files.js";
import { loadNabCorpus, parsePublishedScores } from "../src/datasets/nabCorpus.js";
import { evaluateNabFile, nabReport, type NabFileResult } from "../src/datasets/nabEvaluation.js";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { "per-file": { type: "boolean" } } });
  const started = performance.now();
  const files = await loadNabCorpus(projectRoot, positionals.length > 0 ? positionals : undefined);
  const published = parsePublishedScores(await readDatasetText(projectRoot, "nab", "published_standard_scores.csv"));
  const results: NabFileResult[] = [];
  for (const file of files) {
    if (file.parseProblems > 0) process.stderr.write(`${file.key}: ${file.parseProblems} unusable lines skipped\n`);
    results.push(await evaluateNabFile(file));
  }
  const report = { ...nabReport(results, published, values["per-file"] === true), seconds: Number(((performance.now() - started) / 1000).toFixed(1)) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:nab failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
