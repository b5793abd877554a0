#!/usr/bin/env node
// Reports the visible-text invariant (tests/e2e/visible.mjs) on the named
// pages: lines lost (some of their text is in no field) by cause, lines
// split (all their text is kept, in pieces: an inline element written
// apart), then each line with its page, what is missing and its DOM path.
// Usage: node scripts/visible-text.mjs [--all] [--split] [name-filter]
//   --all    every line (default: the first 3 per page)
//   --split  list split lines too
// Needs pkg/ (./scripts/build) and Debian's Chromium.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/browser.mjs";
import { namedPages, checkPages } from "../tests/e2e/visible.mjs";

const root = new URL("../", import.meta.url).pathname;
const { initSync, extract } = await import(join(root, "pkg/newsdecode.js"));
initSync({ module: readFileSync(join(root, "pkg/newsdecode_bg.wasm")) });

const args = process.argv.slice(2);
const all = args.includes("--all");
const showSplit = args.includes("--split");
const filter = args.find((a) => !a.startsWith("--")) || "";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
const byCause = new Map();
let pagesWithLoss = 0;
let lostTotal = 0;
let splitTotal = 0;
const pages = namedPages().filter((p) => p.name.includes(filter));
for (const { name, lines: found } of await checkPages(browser, pages, (bytes) => extract(bytes, { script: "keep" }))) {
  const lost = found.filter((l) => l.missing);
  splitTotal += found.length - lost.length;
  const shown = showSplit ? found : lost;
  if (lost.length) pagesWithLoss++;
  lostTotal += lost.length;
  for (const l of lost) byCause.set(l.cause, (byCause.get(l.cause) || 0) + 1);
  if (!shown.length) continue;
  console.log(`\n${name}: ${lost.length} lost, ${found.length - lost.length} split`);
  for (const l of all ? shown : shown.slice(0, 3)) {
    console.log(`  [${l.missing ? l.cause : "split"}] ${JSON.stringify(l.line.slice(0, 100))}`);
    if (l.missing) console.log(`      missing: ${JSON.stringify(l.missing.slice(0, 100))}`);
    console.log(`      ${l.path}`);
  }
}
await browser.close();
console.log(`\n${pages.length} pages, ${pagesWithLoss} with lost lines, ${lostTotal} lost lines, ${splitTotal} split lines`);
for (const [c, n] of [...byCause].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${c}`);
