// npm run bench:limits — how fast the query limits refuse the attacks of issue 14 (a query
// nested 50 levels, 300 aliases of recommendations, 25 aliases, nested lists within the depth
// limit) at a twin with the default limits, and how soon after the limit a query that runs
// past QUERY_TIMEOUT_MS (300 aliases of recommendations, the other limits off) is answered,
// with the latency of a normal query sent right after each. Target: refusals p99 ≤ 50 ms.
import { loadavg } from "node:os";
import { gql } from "../test/support/testApp.js";
import { runTwin } from "../test/support/twinProcess.js";
import { benchDatabase, machine, percentile, round } from "./support.js";

const SAMPLES = Number(process.env["BENCH_SAMPLES"] ?? 50);
const TIMEOUT_MS = 1_000;
const progress = (m: string): void => void process.stderr.write(`[bench:limits] ${m}\n`);

function nested(pairs: number): string {
  let selection = "sensors { sensorId }";
  for (let i = 0; i < pairs; i++) selection = `sensors { device { ${selection} } }`;
  return `{ ${selection} }`;
}
const aliased = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `r${i}: recommendations { action }`).join(" ")} }`;
const NORMAL = "{ sensorStates { sensorId } }";

async function timed(url: string, query: string, code: string | null): Promise<number> {
  const t = performance.now();
  const res = await gql(url, query);
  const ms = performance.now() - t;
  const got = res.errors?.[0]?.extensions?.["code"] ?? null;
  if (got !== code) throw new Error(`expected ${code ?? "an answer"}, got ${JSON.stringify(res).slice(0, 300)}`);
  return ms;
}

function summary(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50), 2), p99: round(percentile(sorted, 99), 2) };
}

const db = await benchDatabase();
// The refusals are sent far more often than one client's minute allows; that limit is not measured here.
const strict = runTwin({ NEO4J_URI: db.uri, DEVICE: "none", QUERY_COST_PER_MINUTE: "0" });
let slow: ReturnType<typeof runTwin> | undefined;
try {
  const strictUrl = await strict.ready;
  slow = runTwin({ NEO4J_URI: db.uri, DEVICE: "none", QUERY_MAX_DEPTH: "0", QUERY_MAX_ALIASES: "0", QUERY_MAX_COST: "0", QUERY_COST_PER_MINUTE: "0", QUERY_TIMEOUT_MS: String(TIMEOUT_MS) });
  const slowUrl = await slow.ready;
  await gql(strictUrl, 'mutation { createDevices(input: [{ deviceId: "bench-node", sensors: { create: [{ node: { sensorId: "temp_bench", kind: TEMPERATURE } }] } }]) { devices { deviceId } } }');
  const attacks: Array<[string, string, string]> = [
    ["depth50", nested(25), "QUERY_TOO_DEEP"],
    ["aliases300", aliased(300), "TOO_MANY_ALIASES"],
    ["cost25Aliases", aliased(25), "QUERY_TOO_COMPLEX"],
    ["costNestedLists", nested(5), "QUERY_TOO_COMPLEX"],
  ];
  const figures: Record<string, number> = {};
  const after: number[] = [];
  for (const [name, query, code] of attacks) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES + 5; i++) {
      const ms = await timed(strictUrl, query, code);
      after.push(await timed(strictUrl, NORMAL, null));
      if (i >= 5) times.push(ms); // the first warm the JIT
    }
    const { p50, p99 } = summary(times);
    figures[`${name}RefusalP50Ms`] = p50;
    figures[`${name}RefusalP99Ms`] = p99;
    progress(`${name}: p50 ${p50} ms, p99 ${p99} ms`);
  }
  const timeouts: number[] = [];
  const afterTimeout: number[] = [];
  for (let i = 0; i < 5; i++) {
    timeouts.push(await timed(slowUrl, aliased(300), "QUERY_TIMEOUT"));
    afterTimeout.push(await timed(slowUrl, NORMAL, null));
  }
  console.log(
    JSON.stringify({
      bench: "limits",
      samples: SAMPLES,
      ...figures,
      normalAfterRefusalP99Ms: summary(after).p99,
      timeoutLimitMs: TIMEOUT_MS,
      timeoutAnsweredMaxMs: round(Math.max(...timeouts), 1),
      normalAfterTimeoutMaxMs: round(Math.max(...afterTimeout), 1),
      loadAverage: round(loadavg()[0] ?? Number.NaN, 2),
      machine: machine(),
    }),
  );
} finally {
  for (const twin of [strict, slow]) {
    if (twin?.child.exitCode === null) twin.child.kill("SIGTERM");
    await twin?.exited;
  }
  await db.close();
}
