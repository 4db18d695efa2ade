// npm run docs:screenshot — docs/dashboard.png for README: a twin on its own embedded Neo4j
// with the virtual node (node-1's ids) and a room with eight hours of history, the dashboard
// in headless Chromium with that room's chart and a what-if (heater on) drawn.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchDatabase } from "../bench/support.js";
import { createApp } from "../src/app.js";
import { VirtualDevice } from "../src/bridge/virtual/virtualDevice.js";
import { loadConfig, projectRoot } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { launchChromium } from "../test/support/browser.js";
import { seedRoomHistory } from "../test/support/roomHistory.js";
import { ensureWebBuilt } from "./ensureWeb.mjs";

ensureWebBuilt(projectRoot);
const db = await benchDatabase();
const walDir = mkdtempSync(path.join(tmpdir(), "twin-screenshot-wal-"));
const app = await createApp({
  config: { host: "127.0.0.1", port: 0, ingest: loadConfig().ingest, wal: { dir: walDir, instance: "shot", fsyncMs: 50, maxBytes: 64 * 1024 * 1024 } },
  driver: db.driver,
  uri: db.uri,
  log: silentLogger,
});
const browser = await launchChromium();
try {
  const device = new VirtualDevice({ deviceId: "node-1" });
  app.bridge.attach("virtual node-1", async () => device);
  const room = { location: "lab", sensor: "temp_lab", heater: "heater_lab", fan: "fan_lab" };
  await seedRoomHistory({ url: app.server.url, app, driver: db.driver }, room, 8 * 3_600_000);
  await new Promise((resolve) => setTimeout(resolve, 20_000)); // the node's cards fill and its first minutes show
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(app.server.url.replace(/graphql$/, ""));
  await page.locator(`.card[data-sensor-id="${room.sensor}"]`).click();
  await page.waitForFunction(`Number(document.querySelector("#chart")?.getAttribute("data-history-points") ?? 0) > 50`);
  await page.locator(`.whatif select[data-actuator-id="${room.heater}"]`).selectOption("ON");
  await page.locator('.whatif input[name="threshold"]').fill("24");
  await page.locator('.whatif input[name="hours"]').fill("2");
  await page.locator(".whatif button[type=submit]").click();
  await page.locator('.whatif-result[data-state="done"]').waitFor();
  await page.locator('.actuator[data-actuator-id="fan_1"] button.switch').click();
  await page.locator('.actuator[data-actuator-id="fan_1"] .command-status[data-status="ACKED"]').waitFor();
  const file = path.join(projectRoot, "docs", "dashboard.png");
  await page.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${path.relative(projectRoot, file)}`);
} finally {
  await browser.close();
  await app.stop();
  await db.close();
  rmSync(walDir, { recursive: true, force: true });
}
