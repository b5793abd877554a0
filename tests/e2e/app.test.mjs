// End-to-end: the app served by scripts/serve.mjs, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { dropFiles, launch, openApp, screenshot } from "./browser.mjs";

/** A golden page's input (`web/x.html` → `tests/pages/x/input.html`), or a file of `tests/fixtures/`. */
const PAGES = { "web/gbk-news.html": "gbk-news", "web/big5-news.html": "big5-news", "web/xss.html": "xss-vectors" };
const fixture = (path) =>
  readFileSync(new URL(PAGES[path] ? `../pages/${PAGES[path]}/input.html` : `../fixtures/${path}`, import.meta.url));
const SEED_PATH = new URL("../pages/seed-chinanews-sichuan-wuhou/input.txt", import.meta.url).pathname;
const SEED = readFileSync(SEED_PATH, "utf8");
const SEED_TITLE = "武侯区产业园区高质量发展大会召开";
const CLI = process.env.NEWSDECODE_BIN || new URL("../../target/debug/newsdecode", import.meta.url).pathname;
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const readerText = (page) => page.locator("#reader .reader").innerText();

/** In the page: the names of the results IndexedDB keeps. */
const storedNames = () => new Promise((resolve) => {
  const open = indexedDB.open("newsdecode");
  open.onsuccess = () => {
    const all = open.result.transaction("results").objectStore("results").getAll();
    all.onsuccess = () => resolve(all.result.map((entry) => entry.name));
  };
});

/** Waits until the kept results' names satisfy `ok` (the store is written asynchronously). */
async function waitForKept(page, ok) {
  for (let tries = 0; tries < 200; tries += 1) {
    if (ok(await page.evaluate(storedNames))) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`IndexedDB keeps ${JSON.stringify(await page.evaluate(storedNames))}`);
}

test("pasting the seed text shows the repaired article; copy as Markdown gives the CLI's Markdown", async () => {
  const app = await openApp(env, { permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = app;
  await screenshot(page, "desktop-empty");
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  assert.equal(await page.locator("#reader .title").textContent(), SEED_TITLE);
  const paragraphs = await page.locator("#reader .body > p").allTextContents();
  assert.equal(paragraphs.length, 4);
  assert.match(paragraphs[0], /^中新网四川新闻11月16日电 武侯区产业园区高质量发展大会15日召开。/);
  assert.ok(paragraphs.every((p) => !/\([a-zü]+\)/.test(p)), "pinyin left in the body");
  // The figure is a placeholder with its caption and credit, the end mark follows.
  assert.equal(await page.locator("#reader figure figcaption").innerText(), "武侯区产业园区高质量发展大会15日召开。\n武侯区委宣传部供图");
  assert.equal(await page.locator("#reader .end-mark").textContent(), "（完）");
  // Date in the reader's locale at the page's offset; source, editors.
  assert.equal(await page.locator("#reader .meta time").getAttribute("datetime"), "2024-11-16T14:11:00+08:00");
  assert.match(await page.locator("#reader .meta").textContent(), /November 16, 2024.*2:11\s?PM GMT\+8.*中新网四川.*曹惠君/);
  // The decode report: how, the repairs, the garbled span highlighted in the text.
  const report = await page.locator("#reader .report").textContent();
  assert.match(report, /UTF-8/);
  assert.match(report, /removed 253 pinyin readings/);
  const mark = page.locator("#reader .body mark.garbled");
  assert.equal(await mark.count(), 1);
  assert.match(await mark.getAttribute("title"), /\?qū\)</);
  // Boilerplate is collapsed, labelled.
  assert.equal(await page.locator("#reader details.boilerplate").getAttribute("open"), null);
  assert.match(await page.locator("#reader details.boilerplate summary").textContent(), /Not part of the article \(\d+\)/);
  // Results row.
  assert.match(await page.locator("#results tbody tr").innerText(), /武侯区产业园区高质量发展大会召开/);
  await screenshot(page, "desktop-reader");

  await page.selectOption("#format", "markdown");
  await page.click("#copy");
  await page.waitForFunction(() => /Copied/.test(document.getElementById("status").textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // YAML front matter, then the title.
  assert.ok(copied.startsWith(`---\ntitle: "${SEED_TITLE}"\n`), copied.slice(0, 80));
  assert.match(copied, new RegExp(`\n---\n\n# ${SEED_TITLE}\n`));
  if (existsSync(CLI)) {
    const cli = execFileSync(CLI, ["--format", "markdown", SEED_PATH], { encoding: "utf8" });
    assert.equal(copied, cli);
  }
  // The output view shows the same rendering.
  await page.selectOption("#view", "source");
  await page.waitForFunction(() => document.getElementById("output").textContent.startsWith("---\n"));
  assert.equal(await page.locator("#output").textContent(), copied);
  assert.deepEqual(app.errors, []);
  await app.close();
});

test("the article comes forward: scrolled to and focused at phone and desktop width; reading mode and back; settings remembered; print shows the article alone", async () => {
  for (const viewport of [{ width: 375, height: 740 }, { width: 1280, height: 720 }]) {
    const { page, close } = await openApp(env, { viewport });
    await page.fill("#paste", SEED);
    await page.click("#decode");
    await page.locator("#reader .title").waitFor();
    await page.waitForFunction(() => document.activeElement?.matches("#reader .title"));
    const top = await page.evaluate(() => document.getElementById("reader-section").getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 2, `reader section at ${top}px at ${viewport.width}px wide`);
    assert.ok(await page.locator("#reader .title").isVisible());
    await screenshot(page, `reader-forward-${viewport.width}`);
    await close();
  }
  const { page, close } = await openApp(env);
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  // The format picker sits with Copy and Download.
  assert.equal(await page.locator(".reader-bar #format").count(), 1);
  // Reading mode: the article alone, then back to the input.
  await page.click("#reading-mode");
  assert.equal(await page.locator("#input-section").isVisible(), false);
  assert.equal(await page.locator("#results-section").isVisible(), false);
  assert.equal(await page.locator("#reading-mode").getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("#reading-mode").textContent(), "Back to input");
  await screenshot(page, "reading-mode");
  await page.click("#reading-mode");
  assert.ok(await page.locator("#input-section").isVisible());
  assert.equal(await page.evaluate(() => document.activeElement.id), "paste");
  // Settings apply and survive a reload.
  await page.locator("#reader-section details.reading-controls summary").click();
  await page.selectOption("#reader-size", "xl");
  await page.selectOption("#reader-width", "narrow");
  await page.selectOption("#reader-font", "serif");
  const style = () => page.locator("#reader .reader").evaluate((r) => {
    const s = getComputedStyle(r);
    return [s.fontSize, s.maxWidth, s.fontFamily.split(",")[0]];
  });
  assert.deepEqual(await style(), ["20.8px", "544px", "Georgia"]);
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  assert.deepEqual(await style(), ["20.8px", "544px", "Georgia"]);
  assert.equal(await page.inputValue("#reader-size"), "xl");
  // Print: the article, not the app.
  await page.emulateMedia({ media: "print" });
  for (const hidden of ["#input-section", "#results-section", ".reader-bar", "#reader .report", "#reader details.boilerplate", "body > footer"]) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} printed`);
  }
  assert.ok(await page.locator("#reader .title").isVisible());
  assert.ok(await page.locator("#reader .body p").first().isVisible());
  await screenshot(page, "print");
  await close();
});

test("installed app: shared text is decoded, a shared address explained, launched files decoded; the same paste twice adds no row", async () => {
  const manifest = JSON.parse(readFileSync(new URL("../../www/manifest.webmanifest", import.meta.url), "utf8"));
  assert.deepEqual(manifest.file_handlers[0].accept["text/html"].slice(0, 2), [".html", ".htm"]);
  assert.deepEqual(manifest.file_handlers[0].accept["multipart/related"], [".mht", ".mhtml"]);
  assert.deepEqual(manifest.share_target, { action: "./", method: "GET", params: { title: "title", text: "text", url: "url" } });
  // Share target: what a browser opens when text is shared to the app.
  let app = await openApp(env, { path: `?title=${encodeURIComponent("a title")}&text=${encodeURIComponent(SEED)}` });
  await app.page.locator("#reader .title").waitFor();
  assert.equal(await app.page.locator("#reader .title").textContent(), SEED_TITLE);
  assert.equal(await app.page.evaluate(() => location.search), "");
  // The same text again: shown, not added.
  await app.page.fill("#paste", SEED);
  await app.page.click("#decode");
  await app.page.waitForFunction(() => /already decoded/.test(document.getElementById("status").textContent));
  assert.equal(await app.page.locator("#results tbody tr").count(), 1);
  await app.close();
  app = await openApp(env, { path: `?url=${encodeURIComponent("https://news.example/a.html")}` });
  await app.page.waitForFunction(() => /never fetches pages/.test(document.getElementById("status").textContent));
  assert.equal(await app.page.locator("#results tbody tr").count(), 0);
  await app.close();
  // File handlers: the files the operating system opened the app with.
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(() => {
    // Chromium has its own launchQueue (empty outside an installed app): replaced.
    Object.defineProperty(window, "launchQueue", { configurable: true, value: { setConsumer(consumer) { window.__launch = consumer; } } });
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector("html[data-ready=true]");
  await page.evaluate((bytes) => window.__launch({
    files: [{ getFile: async () => new File([new Uint8Array(bytes)], "opened.html", { type: "text/html" }) }],
  }), [...fixture("web/gbk-news.html")]);
  await page.locator("#reader .title").waitFor();
  assert.match(await page.locator("#results tbody tr").innerText(), /opened\.html\s+城市公园春季花展开幕/);
  await context.close();
});

test("the Chinese tables are fetched once, by the first page that needs them, and never for English or Simplified pages", async () => {
  const { page, requests, close } = await openApp(env, { locale: "en-US" });
  const tableFetches = () => requests.filter((u) => u.endsWith("/newsdecode_tables.bin")).length;
  const decode = async (input, title) => {
    if (typeof input === "string") {
      await page.fill("#paste", input);
      await page.click("#decode");
    } else {
      await dropFiles(page, [input]);
    }
    await page.waitForFunction((t) => document.querySelector("#reader .title")?.textContent === t, title);
  };
  await decode("<html><head><title>River news</title></head><body><article><h1>River news</h1>" +
    "<p>The river rose again today, and the town council met to plan the works.</p></article></body></html>", "River news");
  await decode("<html><head><title>园区发展</title></head><body><article><h1>园区发展</h1>" +
    "<p>二〇二四年，园区发展大会在北京召开，来自各地的代表出席了会议并发言。</p></article></body></html>", "园区发展");
  assert.equal(tableFetches(), 0, "no fetch for English or Simplified pages");
  const big5 = JSON.parse(readFileSync(new URL("../pages/big5-news/expected.json", import.meta.url), "utf8"));
  await decode({ name: "big5-news.html", bytes: fixture("web/big5-news.html") }, big5.title);
  assert.equal(tableFetches(), 1);
  await page.locator("#reader details.report summary").click();
  assert.match(await page.locator("#reader details.report").innerText(), /Chinese tables\s+used/);
  // Kept: the next page that needs them fetches nothing.
  await decode(SEED, SEED_TITLE);
  assert.equal(tableFetches(), 1);
  await close();
});

test("history: results are kept on the device, restored after a reload (and re-decodable), cleared by Clear", async () => {
  const { page, requests, close } = await openApp(env);
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  await dropFiles(page, [{ name: "big5-news.html", bytes: fixture("web/big5-news.html") }]);
  await page.waitForFunction(() => document.querySelectorAll("#results tbody tr").length === 2);
  await waitForKept(page, (names) => names.length === 2);
  const afterDecode = requests.length;
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assert.equal(await page.locator("#results tbody tr").count(), 2);
  assert.match(await page.locator("#results tbody").innerText(), new RegExp(`${SEED_TITLE}[\\s\\S]*big5-news\\.html`));
  assert.match(await page.locator("#kept").textContent(), /kept on this device \(the last 50\)/);
  // A restored result opens, and decodes again with another script (its input was kept).
  await page.locator("#results tbody tr").nth(1).locator("button").click();
  await page.locator("#reader .title").waitFor();
  const traditional = await page.locator("#reader .title").textContent();
  await page.selectOption("#script", "hans");
  await page.waitForFunction((before) => document.querySelector("#reader .title")?.textContent !== before, traditional);
  // Only the app's own files were requested by the reload.
  assert.ok(requests.slice(afterDecode).every((u) => u.startsWith(env.origin)));
  await screenshot(page, "history-restored");
  await page.click("#clear");
  // The store is emptied asynchronously: a reload in the same instant could
  // come first, which no reader does; wait for it as for the saves above.
  await waitForKept(page, (names) => names.length === 0);
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assert.equal(await page.locator("#results tbody tr").count(), 0);
  assert.equal(await page.locator("#results-section").isVisible(), false);
  await close();
});

test("history: a re-decode still running when Clear is clicked does not bring its result back", async () => {
  const { page, close } = await openApp(env);
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  // Re-decode with another script and clear in the same turn: the answer comes after Clear.
  await page.evaluate(() => {
    const script = document.getElementById("script");
    script.value = "hans";
    script.dispatchEvent(new Event("change"));
    document.getElementById("clear").click();
  });
  // The worker answers in order: once the next paste is shown, the re-decode has answered.
  await page.fill("#paste", "A second, unrelated paste.\n\nIt has two paragraphs of its own.");
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  await waitForKept(page, (names) => names.length >= 1);
  assert.equal((await page.evaluate(storedNames)).length, 1);
  assert.equal(await page.locator("#results tbody tr").count(), 1);
  await close();
});

test("a pasted web address is explained, not fetched or decoded as an article", async () => {
  const { page, requests, close } = await openApp(env, { locale: "en-US" });
  const before = requests.length;
  await page.fill("#paste", "  https://www.example.com/news/2024/11/16/story.html \n");
  await page.click("#decode");
  await page.waitForFunction(() => /never fetches pages/.test(document.getElementById("status").textContent));
  assert.match(await page.locator("#status").textContent(), /save it .*or select all of it/);
  assert.equal(await page.locator("#results tbody tr").count(), 0);
  assert.deepEqual(requests.slice(before), []);
  // In Chinese too; a sentence that holds an address is still a paste.
  await page.selectOption("#lang", "zh-Hans");
  await page.fill("#paste", "www.example.com/story");
  await page.click("#decode");
  await page.waitForFunction(() => /从不联网获取网页/.test(document.getElementById("status").textContent));
  await page.fill("#paste", "Read more at https://www.example.com/story about the council's budget vote on Monday.");
  await page.click("#decode");
  await page.locator("#reader .body").waitFor();
  await close();
});

test("a text/html paste keeps the markup as input and never runs it", async () => {
  const { page, close } = await openApp(env);
  await page.focus("#paste");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/html", "<h2>標題</h2><p>第一段<b>粗體</b>。</p><script>window.pwned = 1</script><img src=x onerror='window.pwned = 2'>");
    data.setData("text/plain", "標題 第一段粗體。");
    document.querySelector("#paste").dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await page.locator("#reader .body").waitFor();
  assert.deepEqual(await page.locator("#reader .body > *").allTextContents(), ["標題", "第一段粗體。"]);
  assert.match(await page.locator("#reader .report").textContent(), /InputHTML, \d+ bytes/);
  assert.match(await page.inputValue("#paste"), /^<h2>標題<\/h2>/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await close();
});

test("the clipboard button reads text/html from the clipboard", async () => {
  const { page, close } = await openApp(env, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.evaluate(() => navigator.clipboard.write([new ClipboardItem({
    "text/html": new Blob(["<article><h1>From the clipboard</h1><p>A paragraph copied from a web page, with <b>structure</b> kept as HTML.</p></article>"], { type: "text/html" }),
    "text/plain": new Blob(["From the clipboard"], { type: "text/plain" }),
  })]));
  await page.click("#clipboard");
  await page.waitForFunction(() => document.querySelector("#reader .title")?.textContent === "From the clipboard");
  assert.equal(await page.locator("#reader .body p").textContent(), "A paragraph copied from a web page, with structure kept as HTML.");
  await close();
});

test("choosing an encoding re-decodes the open file with it", async () => {
  const { page, close } = await openApp(env);
  await page.setInputFiles("#files", [{ name: "gbk-news.html", mimeType: "text/html", buffer: fixture("web/gbk-news.html") }]);
  await page.locator("#reader .title").waitFor();
  assert.equal(await page.locator("#encoding option").count(), 40);
  await page.selectOption("#encoding", "Big5");
  await page.waitForFunction(() => /EncodingBig5Chosen byyour choice/.test(document.querySelector("#reader .report").textContent));
  assert.notEqual(await page.locator("#reader .title").textContent(), "城市公园春季花展开幕");
  await page.selectOption("#encoding", "");
  await page.waitForFunction(() => document.querySelector("#reader .title").textContent === "城市公园春季花展开幕");
  await close();
});

test("dropping GBK, Big5 and PNG files: two articles, one clear error, progress 3/3, no request but the Chinese tables", async () => {
  const { page, requests, close } = await openApp(env);
  const before = requests.length;
  await dropFiles(page, [
    { name: "gbk-news.html", type: "text/html", bytes: fixture("web/gbk-news.html") },
    { name: "big5-news.html", type: "text/html", bytes: fixture("web/big5-news.html") },
    { name: "image.png", type: "image/png", bytes: PNG },
  ]);
  await page.waitForFunction(() => /Decoded 2 of 3/.test(document.getElementById("status").textContent));
  assert.equal(await page.locator("#progress-bar").evaluate((bar) => `${bar.value}/${bar.max}`), "3/3");
  assert.match(await page.locator("#progress-text").textContent(), /^3\/3 · image\.png$/);
  const rows = await page.locator("#results tbody tr").all();
  assert.equal(rows.length, 3);
  assert.match(await rows[0].innerText(), /gbk-news\.html\s+城市公园春季花展开幕\s+March 20, 2025.*示例日报\s+OK/);
  assert.match(await rows[1].innerText(), /big5-news\.html\s+颱風過境 各地豪雨特報/);
  assert.match(await rows[2].innerText(), /image\.png.*Error: .*PNG image.*\[binary_input\]/);
  // The first article is open; its report names GBK from the meta tag.
  assert.equal(await page.locator("#reader .title").textContent(), "城市公园春季花展开幕");
  assert.match(await page.locator("#reader .report").textContent(), /GBKChosen bythe page's <meta> charset/);
  await rows[1].locator("button").click();
  await page.waitForFunction(() => document.querySelector("#reader .title")?.textContent === "颱風過境 各地豪雨特報");
  assert.match(await page.locator("#reader .report").textContent(), /Big5/);
  assert.equal(await page.locator("#reader .body > p").count(), 3);
  await screenshot(page, "desktop-batch");
  // Decoding three files made no request but the app's own Chinese tables,
  // for the Big5 (Traditional) page.
  assert.deepEqual(requests.slice(before), [`${env.origin}/pkg/newsdecode_tables.bin`]);
  await close();
});

test("files: .gz and .mht are unpacked in the browser; a bad .gz is an error row", async () => {
  const { page, close } = await openApp(env);
  await page.setInputFiles("#files", [
    { name: "gbk-news.html.gz", mimeType: "application/gzip", buffer: gzipSync(fixture("web/gbk-news.html")) },
    { name: "bridge.mht", mimeType: "multipart/related", buffer: fixture("web/bridge.mht") },
    { name: "broken.gz", mimeType: "application/gzip", buffer: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]) },
  ]);
  await page.waitForFunction(() => /Decoded 2 of 3/.test(document.getElementById("status").textContent));
  const rows = await page.locator("#results tbody tr").allInnerTexts();
  assert.match(rows[0], /城市公园春季花展开幕/);
  assert.match(rows[1], /Harbour bridge reopens after repairs/);
  assert.match(rows[2], /broken\.gz.*Error: Not a text or HTML page: binary data \(gzip data that does not inflate\)\. \[binary_input\]/s);
  // The library's own message stays on hover.
  assert.equal(await page.locator("#results tbody tr.failed td.error").getAttribute("title"), "input is binary (gzip data that does not inflate), not a text or HTML page");
  await page.locator("#results tbody tr").nth(1).locator("button").click();
  await page.waitForFunction(() => document.querySelector("#reader .title")?.textContent.startsWith("Harbour"));
  const body = await page.locator("#reader .body").innerText();
  assert.match(body, /next spring – the office called the change “temporary but safe”\./);
  await close();
});

test("a gzip bomb stops at the size limit; a .gz that is not gzip is read as it is", async () => {
  const { page, close, errors } = await openApp(env);
  // 100 MiB of zeros in ~100 KB: inflating stops past the 64 MiB limit.
  const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
  await page.setInputFiles("#files", [
    { name: "bomb.html.gz", mimeType: "application/gzip", buffer: bomb },
    { name: "plain.html.gz", mimeType: "application/gzip", buffer: fixture("web/gbk-news.html") },
  ]);
  await page.waitForFunction(() => /Decoded 1 of 2/.test(document.getElementById("status").textContent), null, { timeout: 60000 });
  const rows = await page.locator("#results tbody tr").allInnerTexts();
  assert.match(rows[0], /bomb\.html\.gz.*Error: Too large: over the limit of 67\.1 MB\. \[too_large\]/s);
  assert.match(rows[1], /城市公园春季花展开幕/);
  assert.deepEqual(errors, []);
  await close();
});

test("cancel stops a batch; the decoder works again afterwards", async () => {
  const { page, close } = await openApp(env);
  // Forty large pages: long enough to cancel midway.
  const big = Buffer.from(`<html><body><article>${"<p>Long paragraph of text, repeated to make the page big enough to take a while.</p>".repeat(12000)}</article></body></html>`);
  const files = Array.from({ length: 40 }, (_, i) => ({ name: `big-${i}.html`, mimeType: "text/html", buffer: big }));
  await page.setInputFiles("#files", files);
  await page.waitForFunction(() => document.getElementById("progress-bar").value >= 1);
  // A paste during the batch is refused with a message, not dropped silently.
  await page.fill("#paste", SEED);
  await page.click("#decode");
  assert.match(await page.locator("#status").textContent(), /Still decoding the current files/);
  await page.click("#cancel");
  await page.waitForFunction(() => /Cancelled after \d+ of 40/.test(document.getElementById("status").textContent));
  const done = await page.locator("#results tbody tr").count();
  assert.ok(done >= 1 && done < 40, `${done} rows`);
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.waitForFunction((n) => document.querySelectorAll("#results tbody tr").length === n + 1, done);
  assert.equal(await page.locator("#reader .title").textContent(), SEED_TITLE);
  await close();
});

test("only the page's own origin is contacted, and nothing after load while working", async () => {
  const { page, requests, close } = await openApp(env);
  assert.ok(requests.length > 0);
  assert.ok(requests.every((u) => u.startsWith(env.origin)), `foreign request in ${requests}`);
  const afterLoad = requests.length;
  // A page full of remote references: images, scripts, styles, frames, links.
  await page.fill("#paste", `<html><head><link rel=stylesheet href="https://cdn.example/x.css"><script src="https://cdn.example/x.js"></script></head>
    <body><article><h1>Remote references</h1><p>Photo below, with a link to <a href="https://example.com/">the source</a> and more words to make it a paragraph.</p>
    <figure><img src="https://images.example/photo.jpg" alt="A photo"><figcaption>The caption. Photo: Agency</figcaption></figure>
    <iframe src="https://video.example/embed"></iframe><p>Second paragraph of the article with enough words to count as one.</p></article></body></html>`);
  await page.click("#decode");
  await page.locator("#reader figure").waitFor();
  assert.match(await page.locator("#reader .placeholder").textContent(), /A photo \(not loaded\)/);
  // Without the opt-in (next test), no request.
  await page.selectOption("#view", "source");
  await page.waitForFunction(() => document.getElementById("output").textContent.length > 0);
  assert.deepEqual(requests.slice(afterLoad), []);
  await close();
});

test("remote images: none requested before the opt-in; after it, shown in image.html's frame, no referrer, the page's policy still strict", async () => {
  // A second origin serving one picture and logging every request.
  const picture = readFileSync(new URL("../../www/icons/icon-192.png", import.meta.url));
  const hits = [];
  const images = createServer((req, res) => {
    hits.push({ url: req.url, referer: req.headers.referer });
    res.writeHead(200, { "Content-Type": "image/png" });
    res.end(picture);
  });
  await new Promise((resolve) => images.listen(0, "127.0.0.1", resolve));
  const imageUrl = `http://127.0.0.1:${images.address().port}/photo.png`;
  const { page, requests, errors, close } = await openApp(env);
  const words = "with enough words, commas and sentences to count as a paragraph of the article";
  await page.fill("#paste", `<article><h1>A square</h1><p>The first paragraph, ${words}.</p>
    <figure><img src="${imageUrl}" alt="A square icon"><figcaption>The square.</figcaption></figure>
    <p>The second paragraph, ${words}.</p></article>`);
  await page.click("#decode");
  await page.locator("#reader figure .placeholder").waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(hits, []);
  assert.ok(!requests.some((u) => u.startsWith(imageUrl)), "image requested before the opt-in");
  await screenshot(page, "images-before-opt-in");

  await page.click("#reader .load-images");
  // A frame of the app's own image.html, the address in its fragment.
  const src = await page.locator("#reader iframe.remote-image").getAttribute("src");
  assert.ok(src.startsWith(`${env.origin}/image.html#`), src);
  await page.frameLocator("#reader iframe.remote-image").locator("img").waitFor();
  await page.waitForFunction(() => document.querySelector("#reader iframe.remote-image").style.aspectRatio === "192 / 192");
  assert.equal(hits.length, 1);
  assert.equal(hits[0].referer, undefined);
  // The app's own policy is unchanged: an image the page itself asks for is refused.
  const refused = await page.evaluate((address) => new Promise((resolve) => {
    document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), { once: true });
    document.body.append(Object.assign(new Image(), { src: `${address}?direct` }));
  }), imageUrl);
  assert.equal(refused, "img-src");
  assert.equal(hits.length, 1);
  await screenshot(page, "images-after-opt-in");
  assert.deepEqual(errors, []);
  await close();
  await new Promise((resolve) => images.close(resolve));
});

test("links: an encyclopedia-like page keeps its links in the reader and in the Markdown", async () => {
  const app = await openApp(env, { permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = app;
  const path = new URL("../pages/en-wiki-links/input.html", import.meta.url).pathname;
  const expected = JSON.parse(readFileSync(new URL("../pages/en-wiki-links/expected.json", import.meta.url), "utf8"));
  const hrefs = expected.blocks.flatMap((b) => (b.links || []).map((l) => l.href));
  assert.ok(hrefs.length >= 15, `${hrefs.length} links expected`);
  await page.fill("#paste", readFileSync(path, "utf8"));
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  const links = page.locator("#reader .body a");
  assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.href)), hrefs);
  for (const rel of await links.evaluateAll((as) => as.map((a) => a.rel))) assert.equal(rel, "noopener noreferrer nofollow");
  // The word linked after an unlinked copy of it: the link is on the second.
  assert.match(await page.locator("#reader .body p").first().innerHTML(), /^A tidal bore is a <a [^>]*>tidal<\/a> phenomenon/);
  // Links in a heading, a table cell, a list item and a caption; the javascript: one is text.
  assert.equal(await page.locator("#reader .body h3 a").textContent(), "continent");
  assert.equal(await page.locator("#reader .body td a").first().textContent(), "Qiantang River");
  assert.equal(await page.locator("#reader .body li a").first().textContent(), "Severn bore");
  assert.equal(await page.locator("#reader figcaption a").textContent(), "River Severn");
  assert.match(await readerText(page), /Readers may expand this section/);
  assert.equal(await page.locator('#reader a[href^="javascript"]').count(), 0);
  await screenshot(page, "reader-links");

  await page.selectOption("#format", "markdown");
  await page.click("#copy");
  await page.waitForFunction(() => /Copied/.test(document.getElementById("status").textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /A tidal bore is a \[tidal\]\(https:\/\/wiki\.example\.org\/wiki\/Tide\) phenomenon/);
  assert.match(copied, /\[the editors\]\(mailto:editors@wiki\.example\.org\)/);
  assert.match(copied, /!\[A bore wave moving up a river\]\(https:\/\/upload\.example\.org\//);
  if (existsSync(CLI)) {
    assert.equal(copied, execFileSync(CLI, ["--format", "markdown", path], { encoding: "utf8" }));
  }
  assert.deepEqual(app.errors, []);
  await app.close();
});

test("data: images are shown after the opt-in", async () => {
  const { page, close } = await openApp(env);
  // The app's own icon as an inline image (placeholders under 256 bytes are ignored).
  const dot = `data:image/png;base64,${readFileSync(new URL("../../www/icons/icon-192.png", import.meta.url)).toString("base64")}`;
  await page.fill("#paste", `<article><h1>Dot</h1><p>A paragraph about a dot, long enough to be the body of this tiny article.</p><figure><img src="${dot}" alt="A dot"><figcaption>The dot.</figcaption></figure></article>`);
  await page.click("#decode");
  await page.locator("#reader .load-images").click();
  assert.equal(await page.locator("#reader figure img").getAttribute("alt"), "A dot");
  await close();
});

test("an XSS file: nothing executes, the markup shows as text", async () => {
  const { page, errors, close } = await openApp(env);
  await page.setInputFiles("#files", [{ name: "xss.html", mimeType: "text/html", buffer: fixture("web/xss.html") }]);
  await page.locator("#reader .title").waitFor();
  assert.equal(await page.locator("#reader .title").textContent(), "Council <img src=x onerror=window.__xss=3> approves budget");
  assert.match(await page.locator("#reader .body").innerText(), /text <img src=x onerror=window\.__xss=13> written as text/);
  assert.match(await page.locator("#reader .meta").innerText(), /<svg onload=window\.__xss=4>/);
  // No element from the input exists in the page.
  assert.equal(await page.locator("#reader script, #reader iframe, #reader object, #reader svg, #reader form, #reader [onerror], #reader [onload]").count(), 0);
  assert.equal(await page.locator("#reader a").count(), 0);
  for (const format of ["html", "markdown", "text", "json"]) {
    await page.selectOption("#format", format);
    await page.selectOption("#view", "source");
    await page.waitForFunction((f) => document.getElementById("output").textContent.length > 0 && document.getElementById("format").value === f, format);
    await page.selectOption("#view", "reader");
  }
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, []);
  await close();
});

test("downloads: one article as Markdown, all as JSONL and zip", async () => {
  const { page, close } = await openApp(env, { acceptDownloads: true });
  await page.setInputFiles("#files", [
    { name: "gbk-news.html", mimeType: "text/html", buffer: fixture("web/gbk-news.html") },
    { name: "big5-news.html", mimeType: "text/html", buffer: fixture("web/big5-news.html") },
    { name: "image.png", mimeType: "image/png", buffer: PNG },
  ]);
  await page.waitForFunction(() => /Decoded 2 of 3/.test(document.getElementById("status").textContent));
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const md = await save("#download");
  // Named from the title; front matter, then the title.
  assert.equal(md.name, "城市公园春季花展开幕.md");
  assert.match(md.bytes.toString("utf8"), /^---\ntitle: "城市公园春季花展开幕"\n[\s\S]*?\n---\n\n# 城市公园春季花展开幕\n/);
  const jsonl = await save("#download-jsonl");
  const lines = jsonl.bytes.toString("utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
  // One record per input in input order, the failure in its place (the CLI's shape).
  assert.deepEqual(lines.map((a) => a.title ?? a.error.code), ["城市公园春季花展开幕", "颱風過境 各地豪雨特報", "binary_input"]);
  assert.deepEqual(lines.map((a) => a.input.name), ["gbk-news.html", "big5-news.html", "image.png"]);
  assert.deepEqual(lines[2], { input: { name: "image.png", bytes: PNG.length }, error: { code: "binary_input", message: "input is binary (PNG image), not a text or HTML page" } });
  const zip = await save("#download-zip");
  assert.equal(zip.name, "newsdecode.zip");
  // Python's zipfile checks the archive (CRCs included) and lists it.
  const listing = execFileSync("python3", ["-c", `
import io, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
assert z.testzip() is None
for i in z.infolist():
    lines = z.read(i).decode("utf-8").splitlines()
    print(i.filename, next((l for l in lines if l.startswith("# ")), lines[0]))
`], { input: zip.bytes, encoding: "utf8" });
  assert.equal(listing, `城市公园春季花展开幕.md # 城市公园春季花展开幕\n颱風過境 各地豪雨特報.md # 颱風過境 各地豪雨特報\nerrors.jsonl {"input":{"name":"image.png","bytes":${PNG.length}},"error":{"code":"binary_input","message":"input is binary (PNG image), not a text or HTML page"}}\n`);
  await close();
});

test("zip downloads are named from titles, sanitised and numbered when they repeat", async () => {
  const { page, close } = await openApp(env, { acceptDownloads: true });
  const slashed = Buffer.from("<title>Budget: 2025/26 \"approved\"</title><article><h1>Budget: 2025/26 \"approved\"</h1><p>The council approved the budget on Monday after a long debate about roads and schools.</p></article>");
  await page.setInputFiles("#files", [
    { name: "gbk-news.html", mimeType: "text/html", buffer: fixture("web/gbk-news.html") },
    { name: "copy-of-it.html", mimeType: "text/html", buffer: fixture("web/gbk-news.html") },
    { name: "budget.html", mimeType: "text/html", buffer: slashed },
  ]);
  await page.waitForFunction(() => /Decoded 3 of 3/.test(document.getElementById("status").textContent));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-zip")]);
  const listing = execFileSync("python3", ["-c", `
import sys, zipfile
print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))
`, await download.path()], { encoding: "utf8" });
  assert.equal(listing.trim(), "城市公园春季花展开幕.md\n城市公园春季花展开幕 (2).md\nBudget 2025 26 approved.md");
  await close();
});

test("the interface speaks Simplified Chinese to zh-CN readers and switches back", async () => {
  const { page, close } = await openApp(env, { locale: "zh-CN" });
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-Hans");
  assert.equal(await page.locator("#decode").textContent(), "解析");
  assert.equal(await page.locator("#status").textContent(), "就绪。");
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  assert.match(await page.locator("#reader .meta").innerText(), /发布：2024年11月16日/);
  await page.selectOption("#lang", "en");
  assert.equal(await page.locator("#decode").textContent(), "Decode");
  assert.match(await page.locator("#reader .meta").innerText(), /Published: November 16, 2024/);
  // The choice is remembered.
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assert.equal(await page.locator("#decode").textContent(), "Decode");
  await close();
});

test("in Chinese, repairs, warnings, errors and sizes are worded from their kinds; 91 garbled spans are one expandable line", async () => {
  const { page, close } = await openApp(env, { locale: "zh-CN" });
  const damaged = "產(chǎn)業(yè)領(lǐng)域?qū)<、鏈主企業(yè)、".repeat(91);
  await page.fill("#paste", `武侯區(qū)產(chǎn)業(yè)園區(qū)高質(zhì)量發(fā)展大會(huì)召開\n\n產(chǎn)業(yè)領(lǐng)域發(fā)展大會(huì)召開。${damaged}結束。\n\n第二段落內容比較長，有很多文字在這裡。`);
  await page.click("#decode");
  await page.locator("#reader .report").waitFor();
  const report = page.locator("#reader .report");
  for (const repair of await report.locator("dd li[data-kind]:not(.warning)").allInnerTexts()) {
    assert.match(repair, /^[^A-Za-z]*$/, `English in a repair: ${repair}`);
  }
  assert.match(await report.locator('li[data-kind="pinyin_glosses_removed"]').innerText(), /^删除了 \d+ 处粘在汉字后的拼音注音$/);
  const group = report.locator('li.warning[data-kind="garbled_text"]');
  assert.equal(await group.count(), 1);
  assert.equal(await group.getAttribute("data-count"), "91");
  assert.equal(await group.locator("summary").innerText(), "91 处乱码无法修复，显示为 U+FFFD（\uFFFD）。");
  assert.equal(await group.locator("code.raw").count(), 91);
  assert.equal(await group.locator("code.raw").first().isVisible(), false);
  await group.locator("summary").click();
  assert.equal(await group.locator("code.raw").first().textContent(), "?qū)<");
  assert.match(await report.innerText(), /输入\s+文本，\d+(\.\d)? kB/);
  assert.match(await report.innerText(), /解码产生的 U\+FFFD\s+0/);
  await screenshot(page, "report-zh-grouped");
  // An error row and the status, in Chinese with full-width punctuation.
  await page.setInputFiles("#files", [{ name: "image.png", mimeType: "image/png", buffer: PNG }]);
  await page.waitForFunction(() => document.querySelectorAll("#results tbody tr").length === 2);
  assert.equal(await page.locator("#results tbody tr.failed td.error").innerText(), "错误：不是文本或 HTML 网页：二进制数据（PNG image）。［binary_input］");
  assert.equal(await page.locator("#status").textContent(), "无法解析：不是文本或 HTML 网页：二进制数据（PNG image）。");
  await close();
});

test("theme toggle cycles auto → light → dark and is keyboard operable", async () => {
  const { page, close } = await openApp(env, { colorScheme: "light" });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.focus("#theme");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("html").getAttribute("data-theme"), "light");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  assert.notEqual(await background(), light);
  // Keyboard: Ctrl+Enter in the box decodes.
  await page.fill("#paste", SEED);
  await page.focus("#paste");
  await page.keyboard.press("Control+Enter");
  await page.locator("#reader .title").waitFor();
  await screenshot(page, "desktop-reader-dark");
  await close();
});

test("phone width: nothing overflows horizontally", async () => {
  const { page, close } = await openApp(env, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await page.fill("#paste", SEED);
  await page.click("#decode");
  await page.locator("#reader .title").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await screenshot(page, "phone-reader");
  await close();
});

test("a worker whose wasm memory grew past the limit is replaced when idle", async () => {
  const { page, close } = await openApp(env);
  const result = await page.evaluate(async () => {
    const { Decoder } = await import("/client.js");
    // Any instance is above 1 MiB, so every job triggers the replacement.
    const decoder = new Decoder({ memoryLimit: 1 << 20 });
    const first = await decoder.extract("<p>One paragraph, long enough to be the body of a page.</p>");
    const second = await decoder.extract("<p>Another paragraph, long enough to be the body of a page.</p>");
    const started = decoder.workersStarted;
    decoder.close();
    return { first: first.article.text, second: second.article.text, started };
  });
  assert.equal(result.first, "One paragraph, long enough to be the body of a page.");
  assert.equal(result.second, "Another paragraph, long enough to be the body of a page.");
  assert.equal(result.started, 3);
  await close();
});

test("start-up: boot.js's worker is the app's only one, the wasm is fetched once, a paste before the decoder is ready is answered", async () => {
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  const requests = [];
  context.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await context.addInitScript(() => {
    window.__workers = 0;
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        window.__workers += 1;
        window.__workerBeforeUi ??= document.documentElement.dataset.uiReady !== "true";
      }
    };
    new MutationObserver(() => {
      const root = document.documentElement.dataset;
      if (root.uiReady === "true" && !window.__pasted) {
        window.__pasted = true;
        window.__readyWhenPasted = root.ready === "true";
        document.getElementById("paste").value = "<html><head><title>启动测试</title></head><body><article><h1>启动测试</h1>" +
          "<p>页面一可以输入就粘贴的一段新闻正文，足够组成一个段落，再多写几个字。</p></article></body></html>";
        document.getElementById("decode").click();
      }
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator("#reader .title").waitFor();
  await page.waitForSelector("html[data-ready=true]");
  assert.equal(await page.locator("#reader .title").textContent(), "启动测试");
  const seen = await page.evaluate(() => ({ workers: window.__workers, before: window.__workerBeforeUi, readyWhenPasted: window.__readyWhenPasted }));
  assert.deepEqual(seen, { workers: 1, before: true, readyWhenPasted: false });
  const count = (name) => requests.filter((p) => p.endsWith(name)).length;
  assert.deepEqual([count("/newsdecode_bg.wasm"), count("/jobs.js"), count("/newsdecode.js"), count("/zip.js")], [1, 1, 1, 0]);
  await context.close();
});

test("jobs.js as a worker: a job right after the preload, and jobs after the warm-up, are answered; the preload is not", async () => {
  const { page, close } = await openApp(env);
  const result = await page.evaluate(async () => {
    const module = await WebAssembly.compileStreaming(fetch("/pkg/newsdecode_bg.wasm"));
    const worker = new Worker("/jobs.js", { type: "module" });
    const answers = [];
    const answered = (id) => new Promise((resolve) => {
      const check = () => (answers.some((a) => a.id === id) ? resolve() : setTimeout(check, 10));
      check();
    });
    worker.onmessage = (event) => answers.push(event.data);
    worker.postMessage({ preload: module });
    worker.postMessage({ id: 1, job: { type: "extract", input: "<p>The first job, sent before the wasm was even loaded.</p>" } });
    await answered(1);
    // Long enough for the warm-up to have run when no job was waiting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    worker.postMessage({ id: 2, job: { type: "extract", input: "<html><head><title>之后</title></head><body><article><h1>之后</h1><p>预热之后的一段正文，足够组成一个段落，再多写几个字。</p></article></body></html>" } });
    await answered(2);
    worker.terminate();
    return answers.map((a) => [a.id, a.article?.title ?? a.article?.text ?? a.error?.message]);
  });
  assert.deepEqual(result, [[1, "The first job, sent before the wasm was even loaded."], [2, "之后"]]);
  await close();
});
