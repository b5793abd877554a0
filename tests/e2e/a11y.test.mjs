// Accessibility: axe-core finds no violations on the main page, in light and
// dark, empty and with a decoded batch (results table, reader, report).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch, openApp, screenshot } from "./browser.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SEED = readFileSync(new URL("../pages/seed-chinanews-sichuan-wuhou/input.txt", import.meta.url), "utf8");
const LINKS = readFileSync(new URL("../pages/en-wiki-links/input.html", import.meta.url), "utf8");
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function violations(page) {
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe: no violations, ${colorScheme}`, async () => {
    // axe is injected as a script: only this test bypasses the page's CSP.
    const { page, close } = await openApp(env, { colorScheme, bypassCSP: true });
    await page.addScriptTag({ content: AXE });
    assert.deepEqual(await violations(page), []);
    await page.fill("#paste", SEED);
    await page.click("#decode");
    await page.locator("#reader .title").waitFor();
    await page.setInputFiles("#files", [{ name: "x.png", mimeType: "image/png", buffer: Buffer.from("89504e470d0a1a0a", "hex") }]);
    await page.waitForFunction(() => document.querySelectorAll("#results tbody tr").length === 2);
    await page.locator("#reader details").evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    assert.deepEqual(await violations(page), []);
    await screenshot(page, `axe-${colorScheme}`);
    // A reader full of links (in text, headings, cells, lists, captions).
    await page.fill("#paste", LINKS);
    await page.click("#decode");
    await page.locator("#reader .body a").first().waitFor();
    assert.deepEqual(await violations(page), []);
    await close();
  });
}
