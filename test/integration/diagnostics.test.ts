import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../src/analytics/random.js";
import { AlertStore } from "../../src/store/alertStore.js";
import { AlertHistoryCache } from "../../src/live/alertHistoryCache.js";
import { ReadingStore } from "../../src/store/readingStore.js";
import { loadThresholds } from "../../src/store/thresholdStore.js";
import { Diagnostics } from "../../src/twin/diagnostics.js";
import { LiveAnalytics } from "../../src/live/liveAnalytics.js";
import { SensorCatalog } from "../../src/twin/sensorCatalog.js";
import { silentLogger } from "../../src/log.js";
import { gql, startTestTwin, type TestTwin } from "../support/testApp.js";
import { subscribe, wsClient } from "../support/wsClient.js";

const RECORD = `mutation ($r: [ReadingInput!]!) { recordReadings(readings: $r) { accepted rejected } }`;
const T0 = Date.parse("2026-03-01T00:00:00Z");

let twin: TestTwin;
let historyOnly: Diagnostics;

beforeAll(async () => {
  twin = await startTestTwin();
  await twin.app.analytics.warmed;
  // The same stores with an empty live state: every question takes the history path.
  const readings = new ReadingStore(twin.driver);
  historyOnly = new Diagnostics(
    new LiveAnalytics({ retentionMs: 3_600_000, log: silentLogger, onAnomalies: () => undefined }),
    readings,
    new AlertStore(twin.driver),
    new SensorCatalog(() => loadThresholds(twin.driver), Date.now),
    Date.now,
  );
});
afterAll(async () => {
  await twin?.close();
});

/** Records a series (1 reading per `stepMs`) through the API and waits until it is stored. */
async function record(sensorId: string, count: number, valueAt: (i: number) => number, stepMs = 1000, start = T0): Promise<number> {
  for (let from = 0; from < count; from += 10_000) {
    const readings = Array.from({ length: Math.min(10_000, count - from) }, (_, k) => {
      const i = from + k;
      return { sensorId, value: valueAt(i), timestamp: new Date(start + i * stepMs).toISOString() };
    });
    const res = await gql<{ recordReadings: { accepted: number } }>(twin.url, RECORD, { r: readings });
    expect(res.data?.recordReadings.accepted).toBe(readings.length);
  }
  await twin.app.writer.flush();
  return start + (count - 1) * stepMs;
}

interface TraitsResult {
  readingCount: number;
  mean: number;
  stdDev: number;
  stabilityPercent: number;
  driftPerMinute: number;
  driftSignificant: boolean;
  freshnessSeconds: number;
  freshness: string;
  trend: string;
  anomaly: boolean;
  current: number;
  source: string;
  asOf: string;
}

const TRAITS = `query ($id: ID!, $w: Int, $asOf: DateTime) { traits(sensorId: $id, windowSeconds: $w, asOf: $asOf) {
  readingCount mean stdDev stabilityPercent driftPerMinute driftSignificant freshnessSeconds freshness trend anomaly current source asOf } }`;

describe("traits", () => {
  it("recover a known drift and noise on the live path, and the history path agrees to 1e-9", async () => {
    const id = `temp_${twin.prefix}_drift`;
    const rng = new SeededRandom(1);
    const last = await record(id, 1200, (i) => 20 + 0.05 * (i / 60) + rng.gaussian(0, 0.02)); // +0.05 °C/min, σ 0.02
    const asOf = new Date(last + 2000).toISOString();
    const res = await gql<{ traits: TraitsResult }>(twin.url, TRAITS, { id, w: 900, asOf });
    const t = res.data!.traits;
    expect(t).toMatchObject({ readingCount: 898, freshness: "FRESH", trend: "RISING", anomaly: false, source: "LIVE", asOf });
    expect(t.driftPerMinute).toBeCloseTo(0.05, 3);
    expect(t.driftSignificant).toBe(true);
    expect(t.freshnessSeconds).toBeCloseTo(2, 6);
    expect(t.stabilityPercent).toBeGreaterThan(95);

    const history = await historyOnly.traits(id, 900_000, last + 2000);
    expect(history.source).toBe("HISTORY");
    for (const key of ["readingCount", "mean", "stdDev", "stabilityPercent", "driftPerMinute", "freshnessSeconds", "current"] as const) {
      const live = t[key];
      expect(Math.abs((history[key] as number) - live) / Math.max(1e-12, Math.abs(live)), key).toBeLessThan(1e-9);
    }
    expect(history.trend).toBe(t.trend);
  });

  it("answer as of a past time, and call a sensor stale, then offline, as time passes without readings", async () => {
    const id = `humidity_${twin.prefix}_fresh`;
    const last = await record(id, 300, () => 45);
    const at = async (offsetMs: number): Promise<TraitsResult> => (await gql<{ traits: TraitsResult }>(twin.url, TRAITS, { id, w: 300, asOf: new Date(last + offsetMs).toISOString() })).data!.traits;
    expect((await at(1000)).freshness).toBe("FRESH");
    expect((await at(30_000)).freshness).toBe("STALE");
    expect((await at(3_600_000)).freshness).toBe("OFFLINE");
    const past = await at(-150_000);
    expect(past.readingCount).toBe(150); // (asOf − 300 s, asOf] holds the first 150 readings (0..149 s)
  });

  it("are well-defined nulls for a sensor with 0 or 1 readings", async () => {
    const one = `temp_${twin.prefix}_one`;
    await record(one, 1, () => 21.5);
    const t = (await gql<{ traits: TraitsResult }>(twin.url, TRAITS, { id: one, w: 300, asOf: new Date(T0 + 1000).toISOString() })).data!.traits;
    expect(t).toMatchObject({ readingCount: 1, mean: 21.5, stdDev: null, stabilityPercent: null, driftPerMinute: null, current: 21.5, trend: "STABLE" });
    const none = `temp_${twin.prefix}_none`;
    await gql(twin.url, `mutation ($id: ID!) { createSensors(input: [{ sensorId: $id, kind: TEMPERATURE }]) { sensors { sensorId } } }`, { id: none });
    const n = (await gql<{ traits: TraitsResult }>(twin.url, TRAITS, { id: none, w: 300 })).data!.traits;
    expect(n).toMatchObject({ readingCount: 0, mean: null, freshnessSeconds: null, freshness: "OFFLINE", current: null });
  });

  it("refuse unknown sensors and impossible windows with clear errors", async () => {
    const unknown = await gql(twin.url, TRAITS, { id: "temp_nowhere_xyz", w: 300 });
    expect(unknown.errors?.[0]).toMatchObject({ message: expect.stringMatching(/no sensor with sensorId "temp_nowhere_xyz"/), extensions: { code: "NOT_FOUND" } });
    // Windows past 30 days are answered from rollups (up to 3,660 days).
    for (const w of [0, -5, 3_660 * 86_400 + 1]) {
      const bad = await gql(twin.url, TRAITS, { id: "temp_nowhere_xyz", w });
      expect(bad.errors?.[0]?.message).toMatch(/windowSeconds must be a whole number of seconds from 1 to 316224000/);
    }
    const badTime = await gql(twin.url, TRAITS, { id: "temp_nowhere_xyz", w: 60, asOf: "last tuesday" });
    expect(badTime.errors?.[0]?.message).toMatch(/asOf "last tuesday" is not an ISO-8601/);
  });
});

describe("health", () => {
  it("deducts for noise, drift and staleness, and honours per-sensor and per-kind thresholds", async () => {
    const noisy = `pressure_${twin.prefix}_noisy`;
    const rng = new SeededRandom(7);
    const last = await record(noisy, 600, () => 1013 + rng.gaussian(0, 0.8)); // σ 0.8 hPa of a 1 hPa scale
    const HEALTH = `query ($id: ID!, $asOf: DateTime) { sensors(where: { sensorId: { eq: $id } }) { health(windowSeconds: 300, asOf: $asOf) { sensorId status score issues currentValue } } }`;
    const health = async (asOfMs: number): Promise<{ status: string; score: number; issues: string[] }> =>
      (await gql<{ sensors: Array<{ health: { status: string; score: number; issues: string[] } }> }>(twin.url, HEALTH, { id: noisy, asOf: new Date(asOfMs).toISOString() })).data!.sensors[0]!.health;

    const fresh = await health(last + 500);
    expect(fresh.issues.some((i) => i.startsWith("Unstable (std_dev"))).toBe(true);
    expect(fresh).toMatchObject({ score: 80, status: "DEGRADED" });
    const stale = await health(last + 60_000);
    expect(stale).toMatchObject({ score: 50, status: "FAILED" });
    expect(stale.issues.some((i) => i.startsWith("Stale (last reading 60"))).toBe(true);

    // A per-sensor noise scale of 10 hPa makes the same noise acceptable.
    await gql(twin.url, `mutation ($id: ID!) { updateSensors(where: { sensorId: { eq: $id } }, update: { sigmaMax: { set: 10 } }) { sensors { sensorId } } }`, { id: noisy });
    expect(await health(last + 500)).toMatchObject({ score: 100, status: "HEALTHY" });

    // A staleness limit of one hour for every PRESSURE sensor.
    await gql(twin.url, `mutation { createKindThresholds(input: [{ kind: PRESSURE, staleAfterSeconds: 3600 }]) { kindThresholds { kind } } }`);
    expect(await health(last + 60_000)).toMatchObject({ score: 100, status: "HEALTHY" });
    await gql(twin.url, `mutation { deleteKindThresholds(where: { kind: { eq: PRESSURE } }) { nodesDeleted } }`);
  });

  it("lists every sensor, worst first", async () => {
    const res = await gql<{ health: Array<{ sensorId: string; score: number }> }>(twin.url, `{ health { sensorId score } }`);
    const scores = res.data!.health.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(res.data!.health.length).toBeGreaterThan(3);
  });
});

describe("anomalies and alerts", () => {
  it("catch a single-reading 10σ spike at its own timestamp: one alert, published live, acknowledgeable", async () => {
    const id = `temp_${twin.prefix}_spike`;
    const client = wsClient(twin.wsUrl);
    const registered = twin.subscriptionsRegistered("alertRaised");
    const sub = subscribe<{ sensorId: string; type: string; timestamp: string; alertId: string; status: string }>(
      client,
      `subscription ($ids: [ID!]) { alertRaised(sensorIds: $ids) { sensorId type severity timestamp value alertId status } }`,
      { ids: [id] },
    );
    await registered;
    const rng = new SeededRandom(3);
    const spikeAt = 1500;
    await record(id, 3000, (i) => 21 + rng.gaussian(0, 0.05) + (i === spikeAt ? 0.5 : 0)); // 10σ
    const [raised] = await sub.take(1, 10_000);
    const spikeTime = new Date(T0 + spikeAt * 1000).toISOString();
    expect(raised).toMatchObject({ sensorId: id, type: "SPIKE", timestamp: spikeTime, status: "ACTIVE" });
    await sub.close();
    await client.dispose();
    await twin.app.analytics.keeper.flush();

    const list = await gql<{ anomalies: Array<{ type: string; timestamp: string; value: number; alertId: string; status: string }> }>(
      twin.url,
      `query ($ids: [ID!]) { anomalies(since: "2026-03-01T00:00:00Z", until: "2026-03-02T00:00:00Z", sensorIds: $ids) { type timestamp value alertId status } }`,
      { ids: [id] },
    );
    expect(list.data!.anomalies).toHaveLength(1);
    expect(list.data!.anomalies[0]).toMatchObject({ type: "SPIKE", timestamp: spikeTime, status: "CLEARED" });
    expect(list.data!.anomalies[0]!.value).toBeGreaterThan(21.3);

    const ack = await gql<{ acknowledgeAlert: { alertId: string; status: string; acknowledgedAt: string } }>(
      twin.url,
      `mutation ($a: ID!) { acknowledgeAlert(alertId: $a) { alertId status acknowledgedAt } }`,
      { a: raised!.alertId },
    );
    expect(ack.data!.acknowledgeAlert).toMatchObject({ alertId: raised!.alertId, status: "CLEARED" });
    expect(ack.data!.acknowledgeAlert.acknowledgedAt).not.toBeNull();
    const missing = await gql(twin.url, `mutation { acknowledgeAlert(alertId: "nope") { alertId } }`);
    expect(missing.errors?.[0]).toMatchObject({ message: expect.stringMatching(/no alert with alertId "nope"/), extensions: { code: "NOT_FOUND" } });
  });

  it("raise one episode for a stuck run and for out-of-range values, and an ACTIVE alert is acknowledged", async () => {
    const id = `temp_${twin.prefix}_stuck`;
    const rng = new SeededRandom(5);
    // It freezes at an ordinary value: a jump to the frozen value would rightly be a SPIKE too.
    await record(id, 2000, (i) => (i >= 1700 ? 21.02 : 21 + rng.gaussian(0, 0.05)));
    const hot = `temp_${twin.prefix}_hot`;
    await record(hot, 400, (i) => (i >= 300 ? 500 : 22));
    await twin.app.analytics.keeper.flush();
    const res = await gql<{ anomalies: Array<{ sensorId: string; type: string; alertId: string; status: string }> }>(
      twin.url,
      `query ($ids: [ID!]) { anomalies(since: "2026-03-01T00:00:00Z", until: "2026-03-02T00:00:00Z", sensorIds: $ids) { sensorId type alertId status } }`,
      { ids: [id, hot] },
    );
    const types = res.data!.anomalies.map((a) => `${a.sensorId === id ? "stuck" : "hot"}:${a.type}`);
    expect(types).toEqual(["hot:OUT_OF_RANGE", "stuck:STUCK"]);
    const active = res.data!.anomalies.find((a) => a.type === "STUCK")!;
    expect(active.status).toBe("ACTIVE");
    const ack = await gql<{ acknowledgeAlert: { status: string } }>(twin.url, `mutation ($a: ID!) { acknowledgeAlert(alertId: $a) { status } }`, { a: active.alertId });
    expect(ack.data!.acknowledgeAlert.status).toBe("ACKNOWLEDGED");
    const t = await gql<{ traits: TraitsResult }>(twin.url, TRAITS, { id, w: 300, asOf: new Date(T0 + 1999_000).toISOString() });
    expect(t.data!.traits.anomaly).toBe(true);
  });

  it("raise nothing on a healthy sensor's noise", async () => {
    const id = `humidity_${twin.prefix}_calm`;
    const rng = new SeededRandom(11);
    await record(id, 20_000, () => 45 + rng.gaussian(0, 0.3));
    await twin.app.analytics.keeper.flush();
    const res = await gql<{ anomalies: unknown[] }>(twin.url, `query ($ids: [ID!]) { anomalies(since: "2026-03-01T00:00:00Z", until: "2026-03-02T00:00:00Z", sensorIds: $ids) { type } }`, {
      ids: [id],
    });
    expect(res.data!.anomalies).toEqual([]);
  });

  it("refuse a since after until", async () => {
    const res = await gql(twin.url, `{ anomalies(since: "2026-03-02T00:00:00Z", until: "2026-03-01T00:00:00Z") { type } }`);
    expect(res.errors?.[0]?.message).toMatch(/since .* must be before until/);
  });
});

describe("trend and ranking", () => {
  it("buckets a window for charts with target status", async () => {
    const id = `temp_${twin.prefix}_trend`;
    const last = await record(id, 3600, (i) => 20 + i / 600); // +0.1 °C/min for an hour
    const res = await gql<{
      trend: { readingCount: number; avgValue: number; minValue: number; maxValue: number; status: string; direction: string; series: Array<{ count: number; avg: number; start: string }> };
    }>(
      twin.url,
      `query ($id: ID!, $asOf: DateTime) { trend(sensorId: $id, windowSeconds: 3600, buckets: 6, targetMin: 20, targetMax: 25, asOf: $asOf) { readingCount avgValue minValue maxValue status direction series { start count avg } } }`,
      { id, asOf: new Date(last).toISOString() },
    );
    const trend = res.data!.trend;
    expect(trend.readingCount).toBe(3600);
    expect(trend.series.map((b) => b.count)).toEqual([600, 600, 600, 600, 600, 600]);
    expect(trend.minValue).toBe(20);
    expect(trend.maxValue).toBeCloseTo(25.9983, 3);
    expect(trend).toMatchObject({ direction: "RISING", status: "ABOVE_TARGET" });
    const bad = await gql(twin.url, `query ($id: ID!) { trend(sensorId: $id, buckets: 10001) { readingCount } }`, { id });
    expect(bad.errors?.[0]?.message).toMatch(/buckets must be from 1 to 10000, got 10001/);
  });

  it("ranks a clean sensor above a noisy, gappy one", async () => {
    const clean = `co2_${twin.prefix}_clean`;
    const gappy = `co2_${twin.prefix}_gappy`;
    const rng = new SeededRandom(9);
    const start = Date.parse("2026-04-01T00:00:00Z");
    await record(clean, 1200, () => 450 + rng.gaussian(0, 2), 1000, start);
    await record(gappy, 1200, (i) => 450 + rng.gaussian(0, 30) + (i % 3 === 0 ? 0 : 0), 1000, start);
    const res = await gql<{ ranking: Array<{ sensorId: string; reliabilityScore: number; readingCount: number }> }>(
      twin.url,
      `query ($asOf: DateTime) { ranking(windowSeconds: 1200, asOf: $asOf) { sensorId reliabilityScore readingCount } }`,
      { asOf: new Date(start + 1_200_000).toISOString() },
    );
    const ids = res.data!.ranking.map((r) => r.sensorId);
    expect(ids.indexOf(clean)).toBeLessThan(ids.indexOf(gappy));
    const scores = res.data!.ranking.map((r) => r.reliabilityScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe("the alert history cache behind failureRisk", () => {
  it("answers every window as the database does, reads once until an alert write is queued, and never caches during writes", async () => {
    const store = new AlertStore(twin.driver);
    const sensorId = "temp_alert_cache";
    const H = 3_600_000;
    const alert = (n: number, raisedAtMs: number) => ({ alertId: `cache-${n}`, sensorId, type: "SPIKE" as const, severity: "MEDIUM" as const, message: "spike", raisedAtMs, value: 1 });
    // Raised at 0, 10, 20, 30, 40 h; cleared 2 h later, except #1 (cleared at 35 h) and #4 (open).
    await store.raise([0, 1, 2, 3, 4].map((n) => alert(n, T0 + n * 10 * H)));
    await store.clear([
      { alertId: "cache-0", atMs: T0 + 2 * H },
      { alertId: "cache-1", atMs: T0 + 35 * H },
      { alertId: "cache-2", atMs: T0 + 22 * H },
      { alertId: "cache-3", atMs: T0 + 32 * H },
    ]);
    let reads = 0;
    const counted = {
      historyOf: (...a: Parameters<AlertStore["historyOf"]>) => ((reads += 1), store.historyOf(...a)),
      overlapping: (...a: Parameters<AlertStore["overlapping"]>) => ((reads += 1), store.overlapping(...a)),
    };
    const keeper = { revision: 0, pending: 0 };
    const cache = new AlertHistoryCache(counted, {
      revision: () => keeper.revision,
      get pending() {
        return keeper.pending;
      },
    });
    const ids = (records: ReadonlyArray<{ alertId: string }>): string[] => records.map((r) => r.alertId);

    const first = await cache.historyOf(sensorId, T0 + 9 * H, T0 + 33 * H);
    expect(ids(first)).toEqual(["cache-1", "cache-2", "cache-3"]);
    expect(reads).toBe(1);
    // Later windows come from memory and match the database exactly (open, cleared inside, cleared after asOf).
    for (const asOfH of [33, 34, 36, 41, 45, 60, 200]) {
      const sinceMs = Math.max(T0 + 9 * H, T0 + (asOfH - 24) * H);
      const cached = await cache.historyOf(sensorId, sinceMs, T0 + asOfH * H);
      expect(ids(cached), `asOf ${asOfH} h`).toEqual(ids(await store.historyOf(sensorId, sinceMs, T0 + asOfH * H)));
    }
    expect(reads).toBe(1);

    // A window starting before the cached one is read again.
    expect(ids(await cache.historyOf(sensorId, T0, T0 + 24 * H))).toEqual(["cache-0", "cache-1", "cache-2"]);
    expect(reads).toBe(2);

    // The keeper queues a write for this sensor: the next answer is read again and includes it.
    await store.raise([alert(5, T0 + 44 * H)]);
    keeper.revision += 1;
    keeper.pending = 1;
    expect(ids(await cache.historyOf(sensorId, T0 + 21 * H, T0 + 45 * H))).toEqual(["cache-3", "cache-4", "cache-5"]);
    expect(ids(await cache.historyOf(sensorId, T0 + 21 * H, T0 + 45 * H))).toHaveLength(3);
    expect(reads).toBe(4); // writes pending: every call goes to the database
    keeper.pending = 0;
    await cache.historyOf(sensorId, T0 + 21 * H, T0 + 45 * H);
    await cache.historyOf(sensorId, T0 + 22 * H, T0 + 46 * H);
    expect(reads).toBe(5);
  });
});
