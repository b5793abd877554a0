// End-to-end: the page served by scripts/serve.mjs, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openApp } from "./browser.mjs";

const SEED = readFileSync(new URL("../fixtures/seed/chinanews-sichuan-wuhou.txt", import.meta.url), "utf8");
let env;

before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** GBK bytes of a small page; encoded in the page's own wasm would be circular, so by hand. */
function gbkPage() {
  // "中文新闻" in GBK: D6D0 CEC4 D0C2 CEC5.
  return Buffer.concat([
    Buffer.from("<html><head><meta charset=gb2312></head><body><p>"),
    Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5]),
    Buffer.from("</p></body></html>"),
  ]);
}

test("pasting text shows the decoded text and what was detected", async () => {
  const { page, requests, errors } = await openApp(env);
  await page.fill("#paste", SEED);
  await page.click("#decode");
  const output = page.locator(".result .output");
  await output.waitFor();
  const text = await output.textContent();
  // The reader shows the repaired article: Simplified, no pinyin.
  assert.match(text, /^武侯区产业园区高质量发展大会召开\n/);
  assert.match(text, /中新网四川新闻11月16日电 武侯区产业园区高质量发展大会15日召开。/);
  assert.doesNotMatch(text, /\(qū\)/);
  assert.match(await page.locator(".result .report").textContent(), /^UTF-8 \(text/);
  assert.deepEqual(errors, []);
  const origin = new URL(env.url).origin;
  assert.ok(requests.every((u) => u.startsWith(origin)), `foreign request in ${requests}`);
  await page.close();
});

test("opening a GBK file shows GBK and the decoded text", async () => {
  const { page, requests } = await openApp(env);
  const before = requests.length;
  await page.setInputFiles("#files", [
    { name: "gbk.html", mimeType: "text/html", buffer: gbkPage() },
    { name: "image.png", mimeType: "image/png", buffer: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex") },
  ]);
  await page.waitForFunction(() => document.querySelectorAll(".result").length === 2);
  const [good, bad] = await page.locator(".result").all();
  assert.equal(await good.locator(".output").textContent(), "中文新闻\n");
  assert.match(await good.locator(".report").textContent(), /^GBK \(meta, confidence 0\.90\)/);
  assert.match(await bad.locator(".error").textContent(), /PNG image.*\[binary_input\]/);
  assert.match(await page.locator("#status").textContent(), /Decoded 1 of 2 files/);
  // Decoding made no request at all.
  assert.equal(requests.length, before);
  await page.close();
});

test("a text/html paste keeps the markup as input", async () => {
  const { page } = await openApp(env);
  await page.focus("#paste");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/html", "<h2>標題</h2><p>第一段<b>粗體</b>。</p><script>window.pwned = 1</script>");
    data.setData("text/plain", "標題 第一段粗體。");
    document.querySelector("#paste").dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await page.locator(".result .output").waitFor();
  assert.equal(await page.locator(".result .output").textContent(), "標題\n\n第一段粗體。\n");
  assert.match(await page.locator(".result .report").textContent(), /html/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.selectOption("#format", "markdown");
  assert.equal(await page.locator(".result .output").textContent(), "標題\n\n第一段粗體。\n");
  await page.close();
});
