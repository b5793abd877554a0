// The side-by-side benchmark behind ./scripts/bench. One run, one machine:
//   1. browser: wasm `extract` (from bytes) vs @mozilla/readability 0.6
//      (DOMParser + new Readability(doc).parse()) and Defuddle 0.19.4 (its
//      browser bundle: DOMParser + new Defuddle(doc).parse()) on the 181
//      benchmark pages;
//   2. native: the CLI over the same pages (one process) vs trafilatura and
//      resiliparse (venv, in-process), plus our stage throughput
//      (benches/stages.rs);
//   then each tool's WCXB development F1 beside its speed (benches/wcxb_f1.py);
//   3. size: wasm + glue, gzip and brotli, the tables file, and per crate (twiggy);
//   4. start-up: page load → first result of a small paste;
//   5. memory: wasm memory after the pages, again, after a 50 MB page.
// Prints a Markdown table and writes .bench/results.json. Ratios matter, not
// absolute times: both sides run in the same process/browser, interleaved.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gunzipSync, gzipSync, brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/browser.mjs";
import { startServer } from "../scripts/serve.mjs";
import { pasteWhenReady } from "./startup_probe.mjs";

const root = new URL("../", import.meta.url).pathname;
const data = process.env.NEWSDECODE_DATA || join(root, "../shared/datasets");
const dataset = join(data, "article-extraction-benchmark/html");
const wcxbDir = join(data, "wcxb-dev/dev/html");
const wcxbKeys = readdirSync(wcxbDir).filter((f) => f.endsWith(".html.gz")).sort().map((f) => f.slice(0, -".html.gz".length));
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
// Start-up loads vary by ±40 ms on a shared 2-core machine: 11 cold loads.
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS || 11);
const files = readdirSync(dataset).filter((f) => /\.html(\.gz)?$/.test(f)).sort();
const pages = files.map((f) => {
  const raw = readFileSync(join(dataset, f));
  return f.endsWith(".gz") ? gunzipSync(raw) : raw;
});
const results = { date: new Date().toISOString().slice(0, 10), pages: pages.length, rounds: ROUNDS };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];
const log = (message) => process.stderr.write(`bench: ${message}\n`);
// profileStages's stages (src/profile.rs), then render, timed in JS.
const STAGES = ["decode", "parse", "metadata", "segment", "repair", "assemble", "to JS", "render"];

// ---- 1, 4, 5: the browser --------------------------------------------------------

// The bench page's decoder for the JS peers: their users hand them a string,
// decoded by the page's declared charset (UTF-8 when none or unknown).
const benchDecode = `window.benchDecode = (b) => {
  const head = new TextDecoder("latin1").decode(b.subarray(0, 2048));
  const label = /charset\\s*=\\s*["']?([\\w-]+)/i.exec(head)?.[1] || "utf-8";
  let decoder;
  try { decoder = new TextDecoder(label); } catch { decoder = new TextDecoder("utf-8"); }
  return decoder.decode(b);
};`;

/** WCXB development F1 of the JS peers' texts ({tool: {page: text}}), by
 * benches/wcxb_f1.py, and of ours by scripts/eval.py (the same scorer). */
function wcxbF1(texts) {
  const file = join(tmpdir(), `newsdecode-bench-texts-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(texts));
  const peers = JSON.parse(execFileSync("python3", [join(root, "benches/wcxb_f1.py"), data, file], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));
  const perPage = join(tmpdir(), `newsdecode-bench-eval-${process.pid}.json`);
  execFileSync("python3", [join(root, "scripts/eval.py"), "--sets", "wcxb", "--data", data, "--per-page", perPage], { stdio: ["ignore", "ignore", "inherit"] });
  const figures = JSON.parse(readFileSync(perPage, "utf8")).figures;
  return { newsdecode: { all: figures["wcxb/all/f1"], article: figures["wcxb/article/f1"] }, ...peers };
}

async function browser() {
  const { server, url } = await startServer(0);
  const chrome = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await chrome.newContext({ serviceWorkers: "block" });
    const require = createRequire(import.meta.url);
    const readability = readFileSync(require.resolve("@mozilla/readability/Readability.js"), "utf8");
    // Defuddle's UMD browser bundle (what a page embeds; sets self.Defuddle).
    const defuddle = readFileSync(require.resolve("defuddle"), "utf8");
    // The bench page: same origin as pkg/, cross-origin isolated so
    // performance.now() has 5 µs resolution instead of 100 µs.
    await context.route(`${url}bench/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
      if (path === "/bench/") return route.fulfill({ contentType: "text/html", headers, body: `<!DOCTYPE html><title>bench</title><script src="readability.js"></script><script src="defuddle.js"></script><script>${benchDecode}</script>` });
      if (path === "/bench/readability.js") return route.fulfill({ contentType: "text/javascript", headers, body: readability });
      if (path === "/bench/defuddle.js") return route.fulfill({ contentType: "text/javascript", headers, body: defuddle });
      if (path.startsWith("/bench/wcxb/")) return route.fulfill({ contentType: "application/octet-stream", headers, body: gunzipSync(readFileSync(join(wcxbDir, `${path.split("/").pop()}.html.gz`))) });
      const i = Number(path.split("/").pop());
      return route.fulfill({ contentType: "application/octet-stream", headers, body: pages[i] });
    });
    const page = await context.newPage();
    await page.goto(`${url}bench/`);
    log(`browser: ${pages.length} pages × ${ROUNDS} rounds, wasm, Readability.js and Defuddle interleaved`);
    const browserResult = await page.evaluate(async ({ count, rounds }) => {
      const { default: init, extract, profileStages, render } = await import("/pkg/newsdecode.js");
      const wasm = await init();
      const bytes = [];
      const strings = [];
      for (let i = 0; i < count; i++) {
        const b = new Uint8Array(await (await fetch(`/bench/pages/${i}`)).arrayBuffer());
        bytes.push(b);
        strings.push(window.benchDecode(b));
      }
      const ours = bytes.map(() => []);
      // A JS peer on a fresh DOMParser document of each page, timed per
      // page; failures counted in the first round.
      const peer = (parse) => ({ times: bytes.map(() => []), failures: 0, parse });
      const readability = peer((doc) => new Readability(doc).parse());
      const defuddle = peer((doc) => new Defuddle(doc).parse());
      for (let r = 0; r < rounds; r++) {
        for (let i = 0; i < count; i++) {
          const t0 = performance.now();
          try { extract(bytes[i]); } catch { /* counted by the tests, not here */ }
          ours[i].push(performance.now() - t0);
        }
        for (const tool of [readability, defuddle]) {
          for (let i = 0; i < count; i++) {
            const t0 = performance.now();
            try {
              tool.parse(new DOMParser().parseFromString(strings[i], "text/html"));
            } catch {
              if (r === 0) tool.failures++;
            }
            tool.times[i].push(performance.now() - t0);
          }
        }
      }
      const theirs = readability.times;
      const defuddled = defuddle.times;
      const readabilityFailures = readability.failures;
      const defuddleFailures = defuddle.failures;
      // Per stage: profileStages times each stage inside wasm with
      // performance.now; render (to HTML, as the reader shows it) is timed
      // here. Each round's mean per page; the median round per stage.
      const stageRounds = [];
      for (let r = 0; r < rounds; r++) {
        const sums = new Array(8).fill(0);
        for (const b of bytes) {
          let times;
          try { times = profileStages(b); } catch { continue; }
          times.forEach((ms, k) => { sums[k] += ms; });
          let article;
          try { article = extract(b); } catch { continue; }
          const t0 = performance.now();
          render(article, "html");
          sums[7] += performance.now() - t0;
        }
        stageRounds.push(sums.map((ms) => ms / count));
      }
      const stages = stageRounds[0].map((_, k) => stageRounds.map((round) => round[k]).sort((a, b) => a - b)[Math.floor(rounds / 2)]);
      const afterRounds = wasm.memory.buffer.byteLength;
      for (const b of bytes) { try { extract(b); } catch { /* ignore */ } }
      const afterAgain = wasm.memory.buffer.byteLength;
      const big = new TextEncoder().encode(`<html><body><article><h1>Big</h1>${"<p>A long paragraph of a very large page, repeated until the page weighs fifty megabytes.</p>".repeat(570000)}</article></body></html>`);
      const t0 = performance.now();
      extract(big);
      const bigMs = performance.now() - t0;
      const afterBig = wasm.memory.buffer.byteLength;
      for (const b of bytes) { try { extract(b); } catch { /* ignore */ } }
      const afterBigAgain = wasm.memory.buffer.byteLength;
      return {
        ours, theirs, defuddled, readabilityFailures, defuddleFailures, stages, isolated: crossOriginIsolated,
        memory: { afterRounds, afterAgain, bigBytes: big.length, bigMs, afterBig, afterBigAgain },
      };
    }, { count: pages.length, rounds: ROUNDS });
    log(`browser: Readability.js and Defuddle over WCXB's ${wcxbKeys.length} development pages (accuracy, untimed)`);
    const peerTexts = await page.evaluate(async (keys) => {
      // Both tools return article HTML; its text with a line break after
      // each block, as our own `text` has, so words do not run together.
      const textOf = (html) => {
        const spaced = String(html || "").replace(/<br\s*\/?>|<\/(?:p|div|h[1-6]|li|tr|td|th|dt|dd|blockquote|pre|figure|figcaption|section|article|header|footer|table|ul|ol)>/gi, "$&\n");
        return new DOMParser().parseFromString(spaced, "text/html").body.textContent || "";
      };
      const out = { "Readability.js": {}, Defuddle: {} };
      for (const key of keys) {
        const text = window.benchDecode(new Uint8Array(await (await fetch(`/bench/wcxb/${key}`)).arrayBuffer()));
        try {
          out["Readability.js"][key] = textOf(new Readability(new DOMParser().parseFromString(text, "text/html")).parse()?.content);
        } catch { out["Readability.js"][key] = ""; }
        try {
          out.Defuddle[key] = textOf(new Defuddle(new DOMParser().parseFromString(text, "text/html")).parse()?.content);
        } catch { out.Defuddle[key] = ""; }
      }
      return out;
    }, wcxbKeys);
    const perPage = (runs) => runs.map(median);
    const ours = perPage(browserResult.ours);
    const theirs = perPage(browserResult.theirs);
    const defuddled = perPage(browserResult.defuddled);
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    results.browser = {
      isolated: browserResult.isolated,
      wasm_ms_per_page: sum(ours) / ours.length,
      wasm_p95_ms: p95(ours),
      readability_ms_per_page: sum(theirs) / theirs.length,
      readability_p95_ms: p95(theirs),
      readability_failures: browserResult.readabilityFailures,
      ratio: sum(theirs) / sum(ours),
      defuddle_ms_per_page: sum(defuddled) / defuddled.length,
      defuddle_p95_ms: p95(defuddled),
      defuddle_failures: browserResult.defuddleFailures,
      ratio_defuddle: sum(defuddled) / sum(ours),
      stage_ms_per_page: Object.fromEntries(STAGES.map((name, k) => [name, browserResult.stages[k]])),
    };
    results.wcxb = wcxbF1(peerTexts);
    results.memory = browserResult.memory;
    await context.close();

  } finally {
    await chrome.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

// ---- 4: start-up, in a browser of its own (as a user's: not one that just ran
// hundreds of extractions and may still be collecting or compiling) ---------

async function startup() {
  const { server, url } = await startServer(0);
  const chrome = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    log("start-up: fresh context per run (cold), then a reload in it (warm: HTTP and code caches)");
    const startups = [];
    const warm = [];
    for (let run = 0; run < STARTUP_RUNS; run++) {
      const ctx = await chrome.newContext({ serviceWorkers: "block" });
      await ctx.addInitScript(pasteWhenReady);
      const p = await ctx.newPage();
      await p.goto(url);
      await p.waitForFunction(() => window.__firstResult);
      startups.push(await p.evaluate(() => window.__firstResult));
      await p.reload();
      await p.waitForFunction(() => window.__firstResult);
      warm.push(await p.evaluate(() => window.__firstResult));
      await ctx.close();
    }
    results.startup = { median_ms: median(startups), runs_ms: startups, warm_median_ms: median(warm), warm_runs_ms: warm };
  } finally {
    await chrome.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

// ---- 2: native --------------------------------------------------------------------

function native() {
  const cli = join(root, "target/release/newsdecode");
  const paths = files.map((f) => join(dataset, f));
  log(`native: the CLI over ${paths.length} files, ${ROUNDS} runs`);
  const walls = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    const run = spawnSync(cli, paths, { stdio: ["ignore", "ignore", "inherit"] });
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (run.status !== 0) throw new Error(`the CLI failed with ${run.status}`);
  }
  const stages = JSON.parse(execFileSync("cargo", ["bench", "--quiet", "--locked", "--bench", "stages", "--", String(ROUNDS)], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim().split("\n").pop());
  log("native: trafilatura and resiliparse (venv), same pages, in-process, then their WCXB F1");
  const python = join(root, ".bench/venv/bin/python");
  const peers = JSON.parse(execFileSync(python, [join(root, "benches/native_peers.py"), dataset, String(Math.min(ROUNDS, 3)), data], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));
  const { trafilatura, resiliparse } = peers;
  for (const [tool, p] of Object.entries(peers)) results.wcxb = { ...results.wcxb, [tool]: { all: p.wcxb_all, article: p.wcxb_article } };
  const cliMs = median(walls) / paths.length;
  results.native = {
    cli_wall_ms_per_page: cliMs,
    in_process_ms_per_page: stages.extract_ms_per_page,
    in_process_p95_ms: stages.extract_p95_ms,
    stage_ms_per_page: stages.stage_ms_per_page,
    decode_mb_s: stages.decode_mb_s,
    parse_mb_s: stages.parse_mb_s,
    extract_mb_s: stages.extract_mb_s,
    trafilatura_ms_per_page: trafilatura.ms_per_page,
    trafilatura_version: trafilatura.version,
    resiliparse_ms_per_page: resiliparse.ms_per_page,
    resiliparse_p95_ms: resiliparse.p95_ms,
    resiliparse_version: resiliparse.version,
    ratio_cli: trafilatura.ms_per_page / cliMs,
    ratio_in_process: trafilatura.ms_per_page / stages.extract_ms_per_page,
    ratio_resiliparse: resiliparse.ms_per_page / stages.extract_ms_per_page,
  };
}

// ---- 3: size ----------------------------------------------------------------------

function size() {
  const wasm = readFileSync(join(root, "pkg/newsdecode_bg.wasm"));
  const glue = readFileSync(join(root, "pkg/newsdecode.js"));
  const gz = (b) => gzipSync(b, { level: 9 }).length;
  const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  results.size = {
    wasm_bytes: wasm.length, wasm_gzip: gz(wasm), wasm_brotli: br(wasm),
    glue_gzip: gz(glue), glue_brotli: br(glue),
    total_gzip: gz(wasm) + gz(glue), total_brotli: br(wasm) + br(glue),
    // Fetched only for a page that needs them; gzipped inside already.
    tables_bytes: readFileSync(join(root, "pkg/newsdecode_tables.bin")).length,
  };
  // Per crate: twiggy over the module before wasm-opt (it keeps the names).
  const named = join(root, "target/wasm32-unknown-unknown/wasm/newsdecode.wasm");
  try {
    const items = JSON.parse(execFileSync("twiggy", ["top", "-n", "100000", "--format", "json", named], { encoding: "utf8", maxBuffer: 1 << 28 }));
    const crates = new Map();
    let total = 0;
    for (const item of items) {
      total += item.shallow_size;
      crates.set(crateOf(item.name), (crates.get(crateOf(item.name)) || 0) + item.shallow_size);
    }
    results.size.by_crate = [...crates].sort((a, b) => b[1] - a[1]).slice(0, 12)
      .map(([crate, bytes]) => ({ crate, bytes, share: bytes / total }));
    results.size.by_crate_total = total;
  } catch (error) {
    log(`twiggy unavailable (${error.message.split("\n")[0]}); per-crate sizes skipped`);
  }
}

/** The crate a twiggy item belongs to, from its (demangled) name. */
function crateOf(name) {
  if (/^data segment/.test(name)) return "(data: .rodata, every crate's tables together)";
  if (/names" subsection|^custom section/.test(name)) return "(names, custom sections: removed by the build)";
  const path = /^(?:<|&|\*const |\*mut |dyn )*([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  if (path) return path[1];
  if (/^(code|type|import|export|elem|table|memory|global|custom section|wasm-bindgen)/.test(name)) return "(wasm structure)";
  return "(other)";
}

// ---- the table --------------------------------------------------------------------

function table() {
  const f = (x, d = 2) => x.toFixed(d);
  const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
  const b = results.browser;
  const n = results.native;
  const s = results.size;
  const m = results.memory;
  const rows = [
    ["Browser: wasm extract (bytes)", `${f(b.wasm_ms_per_page)} ms/page, p95 ${f(b.wasm_p95_ms)} ms`, ""],
    ["Browser: Readability.js 0.6 (DOMParser + parse)", `${f(b.readability_ms_per_page)} ms/page, p95 ${f(b.readability_p95_ms)} ms`, ""],
    ["Browser: Defuddle 0.19.4 (DOMParser + parse)", `${f(b.defuddle_ms_per_page)} ms/page, p95 ${f(b.defuddle_p95_ms)} ms`, ""],
    ["Browser ratio (pages/s, ours ÷ Readability)", `${f(b.ratio, 1)}×`, "≥ 10×"],
    ["Browser ratio (pages/s, ours ÷ Defuddle)", `${f(b.ratio_defuddle, 1)}×`, "≥ 25×"],
    ["Native: CLI, one process, 181 .gz files", `${f(n.cli_wall_ms_per_page)} ms/page`, ""],
    ["Native: extract in-process (stages bench)", `${f(n.in_process_ms_per_page)} ms/page, p95 ${f(n.in_process_p95_ms)} ms`, ""],
    [`Native: trafilatura ${n.trafilatura_version} extract, in-process`, `${f(n.trafilatura_ms_per_page)} ms/page`, ""],
    [`Native: resiliparse ${n.resiliparse_version} main-content text, in-process`, `${f(n.resiliparse_ms_per_page)} ms/page, p95 ${f(n.resiliparse_p95_ms)} ms`, ""],
    ["Native ratio (trafilatura ÷ CLI wall)", `${f(n.ratio_cli, 1)}×`, "≥ 10×"],
    ["Native ratio (trafilatura ÷ in-process)", `${f(n.ratio_in_process, 1)}×`, ""],
    ["Native ratio (resiliparse ÷ in-process, one thread)", `${f(n.ratio_resiliparse, 2)}×`, "≥ 1.5×"],
    ["Decode stage / parse stage / whole pipeline", `${f(n.decode_mb_s, 0)} / ${f(n.parse_mb_s, 0)} / ${f(n.extract_mb_s, 0)} MB/s`, ""],
    ["Size: core wasm + JS glue, gzip / brotli", `${kib(s.total_gzip)} / ${kib(s.total_brotli)}`, "≤ 350 KiB gzip (the build fails above 500 KiB)"],
    ["Size: Chinese tables on demand (newsdecode_tables.bin)", kib(s.tables_bytes), "fetched only when a page needs them"],
    [`Start-up: load → first result, cold / warm (median of ${STARTUP_RUNS})`, `${f(results.startup.median_ms, 0)} / ${f(results.startup.warm_median_ms, 0)} ms`, "≤ 200 / 150 ms"],
    ["Memory: after 181 pages × rounds / once more", `${kib(m.afterRounds)} / ${kib(m.afterAgain)}`, "no growth"],
    [`Memory: after a ${(m.bigBytes / 1e6).toFixed(0)} MB page (${f(m.bigMs / 1000, 1)} s) / 181 pages again`, `${kib(m.afterBig)} / ${kib(m.afterBigAgain)}`, "bounded"],
  ];
  const lines = ["| measure | result | target |", "|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)];
  // Where the time goes, per stage, in the browser and natively.
  const ms = (o, k) => (o && o[k] !== undefined ? f(o[k], 3) : "–");
  lines.push("", "| stage, ms/page | browser (wasm) | native |", "|---|---|---|");
  for (const [k, name] of STAGES.entries()) {
    const nativeKey = ["decode", "parse", "metadata", "segment", "repair", "assemble", null, null][k];
    lines.push(`| ${name} | ${ms(b.stage_ms_per_page, name)} | ${nativeKey ? ms(n.stage_ms_per_page, nativeKey) : "–"} |`);
  }
  // Accuracy beside speed: the same WCXB scorer for every tool.
  lines.push("", "| WCXB dev word F1 (1,497 pages) | all | articles |", "|---|---|---|");
  for (const [tool, w] of Object.entries(results.wcxb).sort((a, b) => b[1].all - a[1].all)) lines.push(`| ${tool} | ${f(w.all, 3)} | ${f(w.article, 3)} |`);
  if (s.by_crate) {
    lines.push("", "| crate (twiggy, before wasm-opt) | bytes | share |", "|---|---|---|");
    for (const c of s.by_crate) lines.push(`| ${c.crate} | ${c.bytes} | ${(c.share * 100).toFixed(1)} % |`);
  }
  return lines.join("\n");
}

await startup();
await browser();
native();
size();
mkdirSync(join(root, ".bench"), { recursive: true });
writeFileSync(join(root, ".bench/results.json"), JSON.stringify(results, null, 2));
console.log(`newsdecode benchmark, ${results.date}, ${results.pages} pages, ${ROUNDS} rounds\n`);
console.log(table());
