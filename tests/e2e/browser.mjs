// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core (no downloaded browser), the project's own server.
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const CHROMIUM_ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Starts the server and a browser; returns them with a `close()` for both. */
export async function launch() {
  const { server, url } = await startServer(0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Opens the app, records every request it makes, waits until the wasm is ready. */
export async function openApp(env) {
  const page = await env.browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(env.url);
  await page.waitForSelector("html[data-ready=true]");
  return { page, requests, errors };
}
