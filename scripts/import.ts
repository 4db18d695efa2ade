// npm run import -- <file.csv> --sensor <id> [--column Temperature] [--url http://127.0.0.1:4000/graphql] [--token <jwt>]
// Loads a recorded series (the formats of ../shared/datasets) through the running twin's ingest
// pipeline, so it is stored, analysed and alerted on exactly like live readings. Without --url it
// goes to the twin on PORT (default 4000) on this machine; with authentication on, --token (or
// TWIN_TOKEN) carries an operator's token.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { importSeries, parseSeriesFile, type ChunkOutcome } from "../src/import/importer.js";
import { createProgress } from "../src/import/progress.js";
import { idProblem } from "../src/domain/validate.js";

const usage = "usage: npm run import -- <file.csv> --sensor <id> [--column Temperature] [--url http://127.0.0.1:4000/graphql] [--token <jwt>] [--chunk 5000]";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { sensor: { type: "string" }, column: { type: "string" }, url: { type: "string" }, token: { type: "string" }, chunk: { type: "string" } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
})();
const file = positionals[0];
if (file === undefined || values.sensor === undefined) fail(usage);
const problem = idProblem(values.sensor);
if (problem !== null) fail(`--sensor: ${problem}`);
const url = values.url ?? `http://127.0.0.1:${process.env["PORT"] ?? 4000}/graphql`;
const token = values.token ?? process.env["TWIN_TOKEN"];
const headers: Record<string, string> = { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) };

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message}`);
}
const parsed = (() => {
  try {
    return parseSeriesFile(text, values.column);
  } catch (error) {
    return fail((error as Error).message);
  }
})();
process.stderr.write(`${file}: ${parsed.format}, ${parsed.points.length} readings → ${values.sensor} at ${url}\n`);
for (const p of parsed.problems.slice(0, 5)) process.stderr.write(`  skipped ${p}\n`);

const MUTATION = "mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted rejected rollupOnly note errors { index message } } }";
async function send(readings: unknown[]): Promise<ChunkOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query: MUTATION, variables: { r: readings } }) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return fail(`\ncannot reach the twin at ${url} (${cause}): start it with npm start, or pass --url`);
  }
  const body = (await response.json()) as { data?: { recordReadings: ChunkOutcome } | null; errors?: Array<{ message: string }> };
  if (body.data === undefined || body.data === null) {
    const hint = response.status === 401 ? " (pass an operator's token with --token or TWIN_TOKEN)" : "";
    fail(`\nthe twin refused the batch: ${body.errors?.map((e) => e.message).join("; ") ?? response.statusText}${hint}`);
  }
  return body.data.recordReadings;
}

const progress = createProgress(parsed.points.length, "readings");
const summary = await importSeries(parsed.points, {
  sensorId: values.sensor,
  chunkSize: values.chunk === undefined ? undefined : Number(values.chunk),
  send,
  onProgress: ({ sent }) => progress.update(sent),
});
progress.stop();
if (summary.rollupOnly > 0) {
  process.stderr.write(
    `${summary.rollupOnly} readings were older than the twin's raw retention and are kept in its rollups only (${summary.rollupNote ?? "RETENTION_RAW_DAYS"}); start the twin with RETENTION_RAW_DAYS=0 to keep them raw\n`,
  );
}
console.log(
  JSON.stringify({
    import: file,
    sensorId: values.sensor,
    readings: summary.total,
    accepted: summary.accepted,
    rejected: summary.rejected,
    rollupOnly: summary.rollupOnly,
    firstErrors: summary.firstErrors,
  }),
);
if (summary.rejected > 0 && summary.accepted === 0) process.exit(1);
