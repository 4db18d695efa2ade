// Export one day of a sensor's readings to CSV: npx tsx examples/export-day.ts temp_1 2026-11-27 [--out temp_1.csv]
// The day is in UTC; without --out the CSV goes to stdout. (GET /export/<sensorId>.csv?from=…&to=… streams any length.)
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { graphql } from "../client/twinClient.js";
import { connect, fail } from "./connect.js";

const ExportDay = graphql(`
  query ExportDay($sensorId: ID!, $from: DateTime!, $to: DateTime!) {
    exportCsv(sensorId: $sensorId, from: $from, to: $to)
  }
`);

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: "string" } } });
const [sensorId, day] = positionals;
if (sensorId === undefined || day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) fail("usage: npx tsx examples/export-day.ts <sensorId> <YYYY-MM-DD> [--out file.csv]");
const from = new Date(`${day}T00:00:00Z`);
if (Number.isNaN(from.getTime())) fail(`${day} is not a date`);
const to = new Date(from.getTime() + 86_400_000);

const twin = connect();
const { exportCsv } = await twin.request(ExportDay, { sensorId, from: from.toISOString(), to: to.toISOString() }).catch((error: unknown) => fail((error as Error).message));
const csv = exportCsv ?? "";
const rows = Math.max(0, csv.trimEnd().split("\n").length - 1);
if (values.out === undefined) process.stdout.write(csv);
else writeFileSync(values.out, csv);
process.stderr.write(`${sensorId} on ${day}: ${rows} readings${values.out === undefined ? "" : ` → ${values.out}`}\n`);
await twin.close();
