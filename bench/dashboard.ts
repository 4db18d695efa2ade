// npm run bench:dashboard — the dashboard in headless Chromium (playwright-core, Debian's
// chromium) against a twin with 20 sensors at 1 Hz (five virtual nodes): time to first paint and
// to the cards showing the twin's values (cold, then the median of warm loads); the browser's
// CPU with one dashboard open over BENCH_CPU_SECONDS (the renderer's main thread, and every
// Chromium process together); and readings/s through the API with no dashboard, then with ten
// open (COMMITTED, 8 callers), as a ratio, with what the ten took of the CPU meanwhile.
// Prints one JSON line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { ensureWebBuilt } from "../scripts/ensureWeb.mjs";
import { createApp } from "../src/app.js";
import { VirtualDevice } from "../src/bridge/virtual/virtualDevice.js";
import { loadConfig, projectRoot } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { launchChromium } from "../test/support/browser.js";
import { apiIngestRate } from "./durability.js";
import { benchDatabase, machine, processCpuMs, round } from "./support.js";

const NODES = 5; // × 4 sensors
const CPU_SECONDS = Number(process.env["BENCH_CPU_SECONDS"] ?? 30);
const INGEST_READINGS = Number(process.env["BENCH_DASHBOARD_READINGS"] ?? 100_000);
const WARM_LOADS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Opens the dashboard in a fresh context; ms from navigation to first contentful paint and to the cards holding values. */
async function load(browser: Browser, url: string): Promise<{ page: Page; firstPaintMs: number; cardsMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(`document.querySelectorAll('.card .value[data-value]:not([data-value=""])').length >= ${NODES * 4}`, undefined, { timeout: 30_000 });
  const [firstPaintMs, cardsMs] = await page.evaluate<[number, number]>(`[
    performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    performance.getEntriesByName("twin:cards-ready")[0]?.startTime ?? NaN,
  ]`);
  return { page, firstPaintMs, cardsMs };
}

/** Chromium's CPU seconds so far: every process's, and the renderers'. */
async function chromiumCpu(browser: Browser): Promise<{ all: number; renderers: number }> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: Array<{ type: string; cpuTime: number }> };
  await cdp.detach();
  return { all: processInfo.reduce((s, p) => s + p.cpuTime, 0), renderers: processInfo.filter((p) => p.type === "renderer").reduce((s, p) => s + p.cpuTime, 0) };
}

ensureWebBuilt(projectRoot, (line) => process.stderr.write(`${line}\n`));
const db = await benchDatabase();
const walDir = mkdtempSync(path.join(tmpdir(), "twin-bench-dashboard-wal-"));
const app = await createApp({
  config: { host: "127.0.0.1", port: 0, ingest: loadConfig().ingest, wal: { dir: walDir, instance: "bench", fsyncMs: 50, maxBytes: 1024 * 1024 * 1024 } },
  driver: db.driver,
  uri: db.uri,
  log: silentLogger,
});
let browser: Browser | undefined;
try {
  const rooms: string[] = [];
  for (let n = 0; n < NODES; n++) {
    const device = new VirtualDevice({ deviceId: `bench-${n}`, idSuffix: `b${n}`, intervalMs: 1_000, seed: n + 1 });
    app.bridge.attach(`virtual bench-${n}`, async () => device);
    rooms.push(`bench-${n}-room`);
  }
  const base = app.server.url.replace(/\/graphql$/, "");
  const url = `${base}/?location=${rooms.join(",")}`;
  const progress = (line: string): void => void process.stderr.write(`${line}\n`);
  // Sensors, actuators and some history in the graph before the first load.
  await new Promise((resolve) => setTimeout(resolve, 10_000));

  browser = await launchChromium();
  progress("first paint…");
  const cold = await load(browser, url);
  await cold.page.context().close();
  const warm: Array<{ firstPaintMs: number; cardsMs: number }> = [];
  for (let i = 0; i < WARM_LOADS; i++) {
    const run = await load(browser, url);
    warm.push(run);
    await run.page.context().close();
  }

  progress(`browser CPU with one dashboard, ${CPU_SECONDS} s…`);
  const one = await load(browser, url);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const cpdp = await one.page.context().newCDPSession(one.page);
  await cpdp.send("Performance.enable");
  const task = async (): Promise<number> => (await cpdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? Number.NaN;
  const t0 = performance.now();
  const [task0, cpu0] = [await task(), await chromiumCpu(browser)];
  await new Promise((resolve) => setTimeout(resolve, CPU_SECONDS * 1000));
  const [task1, cpu1] = [await task(), await chromiumCpu(browser)];
  const wall = (performance.now() - t0) / 1000;
  await one.page.context().close();

  progress(`ingest through the API, without and with 10 dashboards (${INGEST_READINGS} readings each)…`);
  await apiIngestRate(app.server.url, "COMMITTED", "warm", 20_000);
  const twinCpu0 = processCpuMs(process.pid);
  const without = await apiIngestRate(app.server.url, "COMMITTED", "nodash", INGEST_READINGS);
  const pages: Page[] = [];
  for (let i = 0; i < 10; i++) pages.push((await load(browser, url)).page);
  const tenCpu0 = await chromiumCpu(browser);
  const tenStarted = performance.now();
  const withTen = await apiIngestRate(app.server.url, "COMMITTED", "tendash", INGEST_READINGS);
  const tenCpuPercent = (((await chromiumCpu(browser)).all - tenCpu0.all) / ((performance.now() - tenStarted) / 1000)) * 100;
  const twinCpuMs = processCpuMs(process.pid) - twinCpu0;
  const errorsShown = (await Promise.all(pages.map((p) => p.locator("#errors .error").count()))).reduce((a, b) => a + b, 0);
  for (const p of pages) await p.context().close();

  console.log(
    JSON.stringify({
      bench: "dashboard",
      sensors: NODES * 4,
      rateHz: 1,
      coldFirstPaintMs: round(cold.firstPaintMs),
      coldCardsMs: round(cold.cardsMs),
      warmFirstPaintMs: round(median(warm.map((w) => w.firstPaintMs))),
      warmCardsMs: round(median(warm.map((w) => w.cardsMs))),
      rendererMainThreadCpuPercent: round(((task1 - task0) / wall) * 100),
      rendererCpuPercent: round(((cpu1.renderers - cpu0.renderers) / wall) * 100),
      chromiumCpuPercent: round(((cpu1.all - cpu0.all) / wall) * 100),
      cpuSeconds: round(wall),
      ingestPerSecNoDashboard: Math.round(without),
      ingestPerSecTenDashboards: Math.round(withTen),
      ingestRatio: round(withTen / without, 2),
      chromiumCpuPercentTenDashboards: round(tenCpuPercent),
      errorsShownOnTenDashboards: errorsShown,
      twinCpuMsBothArms: Math.round(twinCpuMs),
      machine: machine(),
      targets: { firstPaintMs: 1500, browserCpuPercent: 5, ingestPerSec: 10_000 },
    }),
  );
} finally {
  await browser?.close();
  await app.stop();
  await db.close();
  rmSync(walDir, { recursive: true, force: true });
}
