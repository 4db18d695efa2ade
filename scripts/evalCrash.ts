// npm run eval:crash — SIGKILL of the twin mid-ingest, again and again (BENCH_KILLS, default 10
// kills, 0.5–5 s apart), on a fresh embedded Neo4j: how many COMMITTED/LOGGED acknowledgements
// are not in the database after the restart (must be 0), and how many readings are stored twice.
import { benchDatabase } from "../bench/support.js";
import { crashLoss } from "../bench/crashRun.js";
import { migrate } from "../src/store/migrations.js";

const kills = Number(process.env["BENCH_KILLS"] ?? 10);
const delays = Array.from({ length: kills }, (_, i) => 500 + ((i * 1_237) % 4_500));
const db = await benchDatabase(Number(process.env["BENCH_NEO4J_PORT"] ?? 7693));
try {
  await migrate(db.driver);
  const figures = await crashLoss(db.uri, db.driver, delays, (line) => process.stderr.write(`${line}\n`));
  console.log(JSON.stringify({ eval: "crash", ...figures }));
  if (figures.lostAcknowledged > 0 || figures.duplicates > 0) process.exitCode = 1;
} finally {
  await db.close();
}
