// Start-up, A against B: node benches/startup_ab.mjs RUNS DIR... (e.g. a
// `git worktree` of an older revision, then `.`). Each DIR is served the way
// scripts/serve.mjs serves this checkout (its www/ at /, its pkg/ at /pkg/;
// a DIR without pkg/ gets this checkout's, which compares front ends alone).
// Cold loads, one fresh browser context each, alternating between the DIRs
// (ABAB…, then BABA…) so that both see the same moments of a noisy machine;
// prints each DIR's median and the median of the paired differences against
// the first DIR. Same measurement as ./scripts/bench (startup_probe.mjs).
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/browser.mjs";
import { CSP } from "../scripts/serve.mjs";
import { pasteWhenReady } from "./startup_probe.mjs";

const here = resolve(new URL("..", import.meta.url).pathname);
const [runsArg, ...dirs] = process.argv.slice(2);
const runs = Number(runsArg);
if (!(runs > 0) || dirs.length === 0) {
  console.error("usage: node benches/startup_ab.mjs RUNS DIR [DIR...]");
  process.exit(2);
}
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png", ".webmanifest": "application/manifest+json",
};

/** Serves DIR/www at / and DIR/pkg (or this checkout's pkg) at /pkg/. */
function serve(dir) {
  const www = resolve(dir, "www");
  const pkg = existsSync(resolve(dir, "pkg")) ? resolve(dir, "pkg") : join(here, "pkg");
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(req.url.split("?")[0]);
    const [base, rest] = path.startsWith("/pkg/") ? [pkg, path.slice(5)] : [www, path.slice(1)];
    const file = normalize(join(base, rest || "index.html"));
    try {
      if (!file.startsWith(base + sep)) throw new Error("outside");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Security-Policy": CSP, "Cache-Control": "no-cache", "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

async function coldLoad(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    await context.addInitScript(pasteWhenReady);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResult, null, { timeout: 30000 });
    return await page.evaluate(() => window.__firstResult);
  } finally {
    await context.close();
  }
}

const servers = await Promise.all(dirs.map(serve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
const times = dirs.map(() => []);
try {
  await coldLoad(browser, servers[0].url); // the browser's own first start, not counted
  for (let run = 0; run < runs; run++) {
    const order = dirs.map((_, i) => i);
    if (run % 2) order.reverse();
    for (const i of order) times[i].push(await coldLoad(browser, servers[i].url));
  }
} finally {
  await browser.close();
  for (const { server } of servers) server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
dirs.forEach((dir, i) => {
  const paired = i ? `, paired difference to ${dirs[0]}: ${median(times[i].map((t, k) => t - times[0][k])).toFixed(0)} ms` : "";
  console.log(`${dir}: median ${median(times[i]).toFixed(0)} ms${paired} (runs ${times[i].map((t) => t.toFixed(0)).join(" ")})`);
});
