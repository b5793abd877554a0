// The visible-text invariant (tests/e2e/visible.mjs) on the pages the
// reliability issue names: the 60 Readability test pages and every 5th WCXB
// dev page (300). Every line Chromium shows must be in the article — body,
// boilerplate or a metadata field. `node scripts/visible-text.mjs` prints
// the same check as a report (lost and split lines, by cause).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./browser.mjs";
import { DATASETS, namedPages, lostLines, missing, articleText, checkPages, unmisread } from "./visible.mjs";

const root = new URL("../../", import.meta.url).pathname;
const { initSync, extract } = await import(join(root, "pkg/newsdecode.js"));
initSync({ module: readFileSync(join(root, "pkg/newsdecode_bg.wasm")) });

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
});
after(() => browser?.close());

test("the check finds a line the article lost, and names its cause", async () => {
  const page = "<html><body><article><p>The council approved the budget.</p>"
    + "<p><button>Print this page</button></p><nav><a href=/>Home</a></nav></article></body></html>";
  const article = extract(page);
  assert.deepEqual(await lostLines(browser, Buffer.from(page), article), []);
  // The same page with the button's text gone from every field.
  const without = { ...article, boilerplate: article.boilerplate.filter((b) => !b.text.includes("Print")) };
  const lost = await lostLines(browser, Buffer.from(page), without);
  assert.deepEqual(lost.map((l) => [l.line, l.missing, l.cause]), [["Print this page", "print this page", "button"]]);
});

test("a line is found split, with labels the fields drop, and by its date", () => {
  const hay = articleText({
    text: "924", boilerplate: [{ kind: "other", text: "Reply" }], blocks: [{ kind: "figure", caption: "A bus.", credit: "AP" }],
    authors: ["Jane Doe"], published: "2025-08-12T09:30:00+00:00",
  });
  assert.equal(missing("924Reply", hay), "");
  assert.equal(missing("A bus. Credit: AP", hay), "");
  assert.equal(missing("By Jane Doe, August 12, 2025", hay), "");
  assert.equal(missing("By John Roe", hay), "john roe");
  // A line shown misread is found repaired; one that is not stays missing.
  const repaired = articleText({ text: "It isn’t — it’s Español" });
  assert.equal(missing("It isnâ€™t â€” itâ€™s EspaÃ±ol", repaired), "");
  assert.equal(unmisread("Investor\u00e2\u0080\u0099s"), "Investor’s");
  assert.equal(missing("It wasnâ€™t", repaired), "wasnâ tmt");
});

test("every visible line of the named pages is in the article", { skip: !existsSync(DATASETS) && "no data sets" }, async () => {
  const failures = [];
  const pages = namedPages();
  assert.ok(pages.length >= 360, `${pages.length} pages`);
  for (const { name, lines } of await checkPages(browser, pages, (bytes) => extract(bytes, { script: "keep" }))) {
    for (const l of lines) {
      if (l.missing) failures.push(`${name} [${l.cause}] ${JSON.stringify(l.line.slice(0, 80))} missing ${JSON.stringify(l.missing)}`);
    }
  }
  assert.deepEqual(failures, []);
});
