// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core (no downloaded browser), the project's own server, and
// helpers to open the app in a fresh context that records every request.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const CHROMIUM_ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Where screenshots go (ignored by git). */
export const SCREENSHOTS = new URL("../../test-results/screenshots/", import.meta.url);

/** Starts the server and a browser; returns them with a `close()` for both. */
export async function launch() {
  const { server, url } = await startServer(0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    origin: new URL(url).origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Opens `path` of the app in a new context (options: Playwright context
 * options, `ready: false` to skip waiting for the wasm). `requests` gets every
 * request of the context: page, workers and the service worker.
 */
export async function openApp(env, { path = "", ready = true, ...contextOptions } = {}) {
  const context = await env.browser.newContext({ serviceWorkers: "block", ...contextOptions });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(env.url + path);
  if (ready) await page.waitForSelector("html[data-ready=true]");
  return { context, page, requests, errors, close: () => context.close() };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/** Drops files on the page the way a user's drag and drop does. */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type || "", bytes: [...f.bytes] }));
  await page.evaluate((items) => {
    const data = new DataTransfer();
    for (const item of items) data.items.add(new File([new Uint8Array(item.bytes)], item.name, { type: item.type }));
    document.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    document.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, payload);
}
