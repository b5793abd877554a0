// <news-decoder> in host pages: the demo on embed.html, and a bare host page
// that includes the packaged element (pkg/news-decoder.js) with one script tag.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openApp } from "./browser.mjs";

const GBK = readFileSync(new URL("../pages/gbk-news/input.html", import.meta.url));
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test("embed.html: the element fires decoded with the article and renders it in its shadow root", async () => {
  const { page, errors, close } = await openApp(env, { path: "embed.html", ready: false });
  await page.waitForFunction(() => customElements.get("news-decoder"));
  await page.fill("#demo-input", "<article><h1>Embedded</h1><p>An embedded paragraph, long enough to be an article body of its own.</p></article>");
  const title = page.evaluate(() => new Promise((resolve) => {
    document.getElementById("demo").addEventListener("decoded", (e) => resolve(e.detail.article.title), { once: true });
  }));
  await page.click("#demo-decode");
  assert.equal(await title, "Embedded");
  assert.equal(await page.locator("#demo").evaluate((el) => el.article.title), "Embedded");
  // Playwright's CSS locators pierce the open shadow root.
  assert.equal(await page.locator("#demo .title").textContent(), "Embedded");
  assert.equal(await page.locator("#demo").evaluate((el) => el.shadowRoot.querySelector("link").sheet !== null), true);
  assert.deepEqual(errors, []);
  await close();
});

test("a host page with one script tag: attributes, bytes, the error event", async () => {
  const { context, close } = await openApp(env, { ready: false, path: "embed.html" });
  const page = await context.newPage();
  // A page the project does not own, on the same origin as the package.
  await page.route(`${env.url}host.html`, (route) => route.fulfill({
    contentType: "text/html",
    body: `<!DOCTYPE html><html><head><title>host</title>
      <script type="module" src="/pkg/news-decoder.js"></script></head>
      <body><h1>Someone else's page</h1>
      <news-decoder id="inline" lang="zh-Hans"><template><article><h1>Inline</h1><p>Markup in a template inside the element is decoded when it connects.</p><img src=x onerror="window.pwned = 1"></article></template></news-decoder>
      <news-decoder id="bytes" format="markdown"></news-decoder></body></html>`,
  }));
  await page.goto(`${env.url}host.html`);
  await page.waitForFunction(() => document.getElementById("inline").article?.title === "Inline");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // Labels in the element's language.
  assert.match(await page.locator("#inline details.report summary").textContent(), /解码报告/);
  const decoded = page.evaluate((bytes) => new Promise((resolve) => {
    const el = document.getElementById("bytes");
    el.addEventListener("decoded", (e) => resolve(e.detail.article.decode.encoding), { once: true });
    el.value = new Uint8Array(bytes);
  }), [...GBK]);
  assert.equal(await decoded, "GBK");
  await page.waitForFunction(() => document.getElementById("bytes").shadowRoot.querySelector("pre"));
  assert.match(await page.locator("#bytes pre").textContent(), /^---\n[\s\S]*?\n---\n\n# 城市公园春季花展开幕\n/);
  // script="hant" re-decodes.
  await page.evaluate(() => document.getElementById("bytes").setAttribute("script", "hant"));
  await page.waitForFunction(() => document.getElementById("bytes").article?.title === "城市公園春季花展開幕");
  const error = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById("bytes");
    window.__windowErrors = 0;
    window.addEventListener("error", () => window.__windowErrors++);
    document.body.addEventListener("error", () => window.__windowErrors++);
    el.addEventListener("error", (e) => setTimeout(() => resolve(e.detail), 0), { once: true });
    el.value = "   ";
  }));
  assert.equal(error.code, "empty_input");
  // The element's error stays on the element: the host's window.onerror never sees it.
  assert.equal(await page.evaluate(() => window.__windowErrors), 0);
  assert.equal(await page.locator("#bytes [role=alert]").count(), 1);
  await close();
});

/** The host-page CSP that docs/RELIABILITY.md ("Embedding") documents. */
const HOST_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; " +
  "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

test("a host page that sends the documented CSP: the element decodes, and nothing is refused", async () => {
  const { context, close } = await openApp(env, { ready: false, path: "embed.html" });
  const page = await context.newPage();
  const violations = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // A refused wasm compile is caught by the decoder (it falls back to the
  // worker's own), so only the violation event tells.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await page.route(`${env.url}strict-host.html`, (route) => route.fulfill({
    contentType: "text/html",
    headers: { "Content-Security-Policy": HOST_CSP },
    body: `<!DOCTYPE html><html><head><title>strict host</title>
      <script type="module" src="/pkg/news-decoder.js"></script></head>
      <body><news-decoder id="el"><template><article><h1>Strict</h1><p>A host page with a strict policy embeds the element and it still decodes.</p></article></template></news-decoder></body></html>`,
  }));
  await page.goto(`${env.url}strict-host.html`);
  await page.waitForFunction(() => document.getElementById("el").article?.title === "Strict");
  assert.deepEqual(violations, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await close();
});

test("the element takes the host's font and colours, its custom properties and ::part() rules", async () => {
  const { context, close } = await openApp(env, { ready: false, path: "embed.html" });
  const page = await context.newPage();
  await page.route(`${env.url}styled.html`, (route) => route.fulfill({
    contentType: "text/html",
    body: `<!DOCTYPE html><html><head><title>styled host</title>
      <style>
        body { font-family: "DejaVu Serif", serif; font-size: 18px; color: rgb(10, 20, 30); }
        news-decoder { --news-decoder-link: rgb(200, 0, 0); --news-decoder-muted: rgb(90, 90, 90); --news-decoder-max-width: 30rem; }
        news-decoder::part(title) { color: rgb(0, 128, 0); font-size: 40px; }
        news-decoder::part(report) { display: none; }
      </style>
      <script type="module" src="/pkg/news-decoder.js"></script></head>
      <body><news-decoder id="styled"><template><html><head><link rel="canonical" href="https://news.example/a">
        <meta property="article:published_time" content="2024-03-01T10:00:00Z"></head>
        <body><article><h1>Styled</h1><p>A paragraph of the embedded article with <a href="/more">a link</a>, long enough to be its body.</p></article></body></html></template></news-decoder></body></html>`,
  }));
  await page.goto(`${env.url}styled.html`);
  await page.waitForFunction(() => document.getElementById("styled").article?.title === "Styled");
  await page.waitForFunction(() => document.getElementById("styled").shadowRoot.querySelector("link").sheet);
  const styles = await page.evaluate(() => {
    const root = document.getElementById("styled").shadowRoot;
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    return {
      font: style(".body p").fontFamily.split(",")[0].replaceAll('"', ""),
      size: style(".body p").fontSize,
      color: style(".body p").color,
      link: style(".body a").color,
      href: root.querySelector(".body a").href,
      muted: style(".meta").color,
      title: [style(".title").color, style(".title").fontSize],
      width: style(".view").maxWidth,
      report: style(".report").display,
    };
  });
  assert.deepEqual(styles, {
    font: "DejaVu Serif",
    size: "18px",
    color: "rgb(10, 20, 30)",
    link: "rgb(200, 0, 0)",
    href: "https://news.example/more",
    muted: "rgb(90, 90, 90)",
    title: ["rgb(0, 128, 0)", "40px"],
    width: "480px",
    report: "none",
  });
  await close();
});
