// A real headless Chromium (Debian's chromium, driven by playwright-core) for the browser tests
// and bench:dashboard. Pages may reach only the twin: every other request is refused and kept,
// so a test can assert the page works on a machine without internet.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "../../src/config.js";
import { findExecutable } from "./requirements.js";

export const ARTIFACTS = path.join(projectRoot, "test", "artifacts");

export async function launchChromium(): Promise<Browser> {
  const executablePath = findExecutable("chromium", process.env) ?? findExecutable("chromium-browser", process.env);
  if (executablePath === null) throw new Error("no chromium on PATH; npm run setup:system -- browser");
  // Root (CI, these machines) cannot use Chromium's sandbox.
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

export interface TwinPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Requests to anywhere but the twin, refused. */
  readonly offsite: string[];
  /** Uncaught errors and console errors of the page. */
  readonly problems: string[];
}

/** A fresh browser context whose pages may only talk to `origin`. */
export async function twinPage(browser: Browser, origin: string, viewport = { width: 1400, height: 1000 }): Promise<TwinPage> {
  const context = await browser.newContext({ viewport });
  const offsite: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) await route.continue();
    else {
      offsite.push(url);
      await route.abort("blockedbyclient");
    }
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return { page, context, offsite, problems };
}

/** Saves a screenshot under test/artifacts/ (git-ignored; CI keeps it). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
