import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { ensureWebBuilt } from "../../scripts/ensureWeb.mjs";
import { VirtualDevice } from "../../src/bridge/virtual/virtualDevice.js";
import { projectRoot } from "../../src/config.js";
import { createAuthenticator } from "../../src/graphql/auth.js";
import { launchChromium, screenshot, twinPage } from "../support/browser.js";
import { requires } from "../support/requirements.js";
import { eventually, gql, startTestTwin, type TestTwin } from "../support/testApp.js";
import { seedRoomHistory } from "../support/roomHistory.js";

const { describe, it } = requires("browser");
const MIN = 60_000;

/** The virtual node, in the graph with its room: the dashboard shows it like the one npm start runs. */
async function plugInNode(twin: TestTwin, sfx: string, headers: Record<string, string> = {}): Promise<string> {
  const deviceId = `web-${sfx}`;
  const device = new VirtualDevice({ deviceId, idSuffix: sfx, intervalMs: 500 });
  twin.app.bridge.attach(`virtual ${deviceId}`, async () => device);
  await eventually(
    async () => {
      const res = await gql<{ actuators: unknown[] }>(twin.url, `query ($a: ID!) { actuators(where: { actuatorId: { eq: $a } }) { actuatorId } }`, { a: `fan_${sfx}` }, headers);
      return res.data?.actuators.length === 1 ? true : undefined;
    },
    15_000,
    "the virtual node in the graph",
  );
  return `${deviceId}-room`;
}

let browser: Browser;
beforeAll(async () => {
  if (process.env["TEST_SKIP_WEB_BUILD"] === undefined) ensureWebBuilt(projectRoot, () => undefined);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe("the dashboard in a real browser", () => {
  const sfx = randomBytes(3).toString("hex");
  let twin: TestTwin;
  let base: string;
  let rooms: string;
  const room = { location: `room_${sfx}`, sensor: `temp_${sfx}_room`, heater: `heater_${sfx}_room`, fan: `fan_${sfx}_room` };

  beforeAll(async () => {
    twin = await startTestTwin();
    base = twin.url.replace(/\/graphql$/, "");
    const nodeRoom = await plugInNode(twin, sfx);
    // A second room with eight hours of history: enough for the chart, a forecast and a fitted plant.
    await seedRoomHistory(twin, room, 8 * 60 * MIN);
    rooms = `${nodeRoom},${room.location}`;
  }, 180_000);
  afterAll(async () => {
    await twin?.close();
  });

  it("shows the node's four sensors with live values, draws the chart, switches an actuator to ACKED and simulates a what-if, with no network but the twin", async () => {
    const { page, context, offsite, problems } = await twinPage(browser, base);
    await page.goto(`${base}/?location=${rooms}`);
    const card = (id: string) => page.locator(`.card[data-sensor-id="${id}"]`);
    for (const kind of ["temp", "humidity", "pressure", "distance"]) await card(`${kind}_${sfx}`).locator(".value[data-value]:not([data-value=''])").waitFor();
    const first = await card(`temp_${sfx}`).locator(".value").getAttribute("data-value");
    await page.waitForFunction(`document.querySelector('.card[data-sensor-id="temp_${sfx}"] .value')?.getAttribute("data-value") !== ${JSON.stringify(first)}`, undefined, { timeout: 10_000 });
    expect(await page.locator(`.location[data-location-id="web-${sfx}-room"] .card`).count()).toBe(4);

    // The history chart of the room with eight hours of readings.
    await card(room.sensor).click();
    const chart = page.locator("#chart");
    await page.waitForFunction(`Number(document.querySelector("#chart")?.getAttribute("data-history-points") ?? 0) > 50`, undefined, { timeout: 15_000 });
    expect(await chart.locator("canvas").count()).toBeGreaterThan(0);
    expect(Number(await chart.getAttribute("data-forecast-points"))).toBeGreaterThan(0);

    // A switch, followed to ACKED; the row then shows the reported state.
    const fan = page.locator(`.actuator[data-actuator-id="fan_${sfx}"]`);
    await fan.locator(".reported").filter({ hasText: "OFF" }).waitFor();
    await fan.locator("button.switch").click();
    await fan.locator('.command-status[data-status="ACKED"]').waitFor({ timeout: 10_000 });
    expect(await fan.getAttribute("data-reported")).toBe("ON");
    await expect(fan.locator(".reported").textContent()).resolves.toMatch(/^ON/);

    // What-if: the room with its heater on, drawn on the chart.
    await page.locator(`.whatif select[data-actuator-id="${room.heater}"]`).selectOption("ON");
    await page.locator('.whatif input[name="threshold"]').fill("25");
    await page.locator('.whatif input[name="hours"]').fill("2");
    await page.locator(".whatif button[type=submit]").click();
    await page.locator('.whatif-result[data-state="done"]').waitFor({ timeout: 15_000 });
    expect(Number(await chart.getAttribute("data-what-if-points"))).toBeGreaterThan(60);
    await expect(page.locator(".whatif-result").textContent()).resolves.toMatch(/reaches 25 in \d+(\.\d)? min/);

    await screenshot(page, "dashboard");
    expect(offsite).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator("#errors .error").count()).toBe(0);
    await context.close();
  }, 120_000);

  it("shows the what-if panel's UNAVAILABLE reason for a room without history", async () => {
    const { page, context } = await twinPage(browser, base);
    await page.goto(`${base}/?location=${rooms}`);
    await page.locator(`.card[data-sensor-id="humidity_${sfx}"]`).click();
    await page.locator(".whatif button[type=submit]").click();
    await page.locator('.whatif-result[data-state="unavailable"]').waitFor({ timeout: 15_000 });
    await expect(page.locator(".whatif-result").textContent()).resolves.toMatch(/^UNAVAILABLE: .*history/);
    await context.close();
  }, 60_000);

  it("serves GraphiQL, which runs a query and a subscription", async () => {
    const { page, context, offsite, problems } = await twinPage(browser, base);
    await page.goto(`${base}/graphql`);
    await page.locator(".graphiql-container").waitFor({ timeout: 30_000 });
    // Monaco draws spaces as no-break spaces and wraps long lines.
    const response = async (): Promise<string> => (await page.locator(".result-window").innerText()).replace(/\s+/g, " ");
    // A linked operation is in the editor (Monaco is ready) before it is run.
    const editorHolds = (text: string) => expect.poll(async () => (await page.locator(".graphiql-query-editor").innerText()).replace(/\s+/g, " "), { timeout: 30_000 }).toContain(text);
    // README's operations are listed (enabled once the editor exists); one of them runs. The
    // editor first holds the default operation: a pick made before it loaded would be lost.
    await editorHolds("{");
    await page
      .locator("button[data-example]")
      .filter({ hasText: /^query sensorStates$/ })
      .click();
    await editorHolds("sensorStates");
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(response, { timeout: 30_000 }).toContain('"sensorStates": [');
    // A query of one's own, opened from a link.
    const query = `{ sensors(where: { sensorId: { eq: "temp_${sfx}" } }) { sensorId unit } }`;
    // (A change of hash alone does not load the page again.)
    await page.goto("about:blank");
    await page.goto(`${base}/graphql#query=${encodeURIComponent(query)}`);
    await editorHolds(`temp_${sfx}`);
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(response, { timeout: 30_000 }).toContain(`"sensorId": "temp_${sfx}", "unit": "C"`);

    const subscription = `subscription { readingAdded(sensorIds: ["temp_${sfx}"]) { sensorId value seq } }`;
    await page.goto("about:blank");
    await page.goto(`${base}/graphql#query=${encodeURIComponent(subscription)}`);
    await editorHolds("readingAdded");
    await page.locator(".graphiql-execute-button").click();
    const seq = async (): Promise<number> => Number(/"seq": (\d+)/.exec(await response())?.[1] ?? -1);
    await expect.poll(seq, { timeout: 30_000 }).toBeGreaterThan(0);
    const firstSeq = await seq();
    await expect.poll(seq, { timeout: 30_000 }).toBeGreaterThan(firstSeq);
    await screenshot(page, "graphiql");
    expect(offsite).toEqual([]);
    expect(problems.filter((p) => !p.includes("setup-workers"))).toEqual([]);
    await context.close();
  }, 90_000);
});

describe("the dashboard with auth on", () => {
  const SECRET = "dashboard-test-secret-of-at-least-32-chars";
  const sfx = randomBytes(3).toString("hex");
  let twin: TestTwin;
  let base: string;
  let nodeRoom: string;
  const token = (roles: string[]) => new SignJWT({ roles }).setProtectedHeader({ alg: "HS256" }).setSubject(`person-${roles[0]}`).setExpirationTime("10m").sign(new TextEncoder().encode(SECRET));

  beforeAll(async () => {
    twin = await startTestTwin({ authenticator: createAuthenticator({ jwtSecret: SECRET }) });
    base = twin.url.replace(/\/graphql$/, "");
    nodeRoom = await plugInNode(twin, sfx, { authorization: `Bearer ${await token(["viewer"])}` });
  }, 120_000);
  afterAll(async () => {
    await twin?.close();
  });

  it("asks for a token, and disables a viewer's switches with the reason", async () => {
    const { page, context, offsite } = await twinPage(browser, base);
    await page.goto(`${base}/?location=${nodeRoom}`);
    const field = page.locator('form.login input[name="token"]');
    await field.waitFor();
    await field.fill(await token(["viewer"]));
    await page.locator("form.login button[type=submit]").click();
    await page.locator(`.card[data-sensor-id="temp_${sfx}"] .value[data-value]:not([data-value=''])`).waitFor({ timeout: 15_000 });
    const fan = page.locator(`.actuator[data-actuator-id="fan_${sfx}"]`);
    await fan.waitFor();
    expect(await fan.locator("button.switch").isDisabled()).toBe(true);
    await expect(fan.locator(".refusal").textContent()).resolves.toBe("switching needs the operator role; your token has viewer");
    await expect(page.locator("#session").textContent()).resolves.toContain("signed in as person-viewer (viewer)");
    await screenshot(page, "dashboard-viewer");
    expect(offsite).toEqual([]);
    await context.close();
  }, 60_000);

  it("lets an operator switch", async () => {
    const { page, context } = await twinPage(browser, base);
    await page.goto(`${base}/?location=${nodeRoom}`);
    await page.locator('form.login input[name="token"]').fill(await token(["operator"]));
    await page.locator("form.login button[type=submit]").click();
    const heater = page.locator(`.actuator[data-actuator-id="heater_${sfx}"]`);
    await heater.locator(".reported").filter({ hasText: "OFF" }).waitFor({ timeout: 15_000 });
    await heater.locator("button.switch").click();
    await heater.locator('.command-status[data-status="ACKED"]').waitFor({ timeout: 10_000 });
    expect(await heater.getAttribute("data-reported")).toBe("ON");
    await context.close();
  }, 60_000);
});
