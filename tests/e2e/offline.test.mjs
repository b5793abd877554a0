// Offline: after one visit the service worker serves the app and the wasm;
// with the network off the page reloads and still decodes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openApp } from "./browser.mjs";

const SEED = readFileSync(new URL("../pages/seed-chinanews-sichuan-wuhou/input.txt", import.meta.url), "utf8");
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test("load once, go offline, reload: the app loads and extracts", async () => {
  const { context, page, requests, close } = await openApp(env, { serviceWorkers: "allow" });
  // The service worker installed (precache done) and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const manifest = await page.evaluate(async () => (await fetch("manifest.webmanifest")).json());
  assert.deepEqual(manifest.icons.map((i) => i.sizes), ["192x192", "512x512", "512x512", "any"]);
  // The Chinese tables are not precached: the first page that needs them
  // (the seed's pinyin glosses) fetches them, and the service worker keeps them.
  assert.equal(await page.evaluate(async () => Boolean(await (await caches.open("newsdecode-v1")).match("pkg/newsdecode_tables.bin"))), false);
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  await page.waitForFunction(async () => Boolean(await (await caches.open("newsdecode-v1")).match("pkg/newsdecode_tables.bin")));
  await context.setOffline(true);
  assert.equal(await page.evaluate(() => fetch("/index.html").then(() => "online", () => "offline")), "online",
    "the service worker answers from its cache");
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  assert.equal(await page.locator("#reader .title").textContent(), "武侯区产业园区高质量发展大会召开");
  // The embedding page is precached too.
  await page.goto(env.url + "embed.html");
  assert.equal(await page.locator("h1").textContent(), "Embedding newsdecode");
  // Page, worker and service worker together asked only the page's own origin.
  assert.ok(requests.every((u) => u.startsWith(env.origin)), `foreign request in ${requests}`);
  await context.setOffline(false);
  await close();
});
