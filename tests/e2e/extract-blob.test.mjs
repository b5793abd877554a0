// extractBlob in Chromium: a 100 MB File read in Rust through web-sys
// streams, with the wasm memory it took measured and printed; a File over
// maxBytes refused before its stream is opened; a stream stopped (cancelled)
// at the chunk that passes maxBytes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp } from "./browser.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/**
 * Wasm memory after extracting a 100 MB page, as a multiple of the file:
 * under 3 × (issue 18). 2.37 × measured (2026-11-30); 6.6 × before the
 * bytes were freed once decoded, repair steps that change nothing stopped
 * copying the text, and the body text was sized before it was built.
 */
const MEMORY_RATIO_MAX = 3.0;

test("a 100 MB File: extracted, wasm memory measured", async () => {
  const { page, close, errors } = await openApp(env);
  const result = await page.evaluate(async () => {
    const module = await import("./pkg/newsdecode.js");
    const wasm = await module.default();
    // Paragraphs of 1 KB: 100 000 of them, within the parser's node bound.
    const paragraph = `<p>${"The council met on Monday and approved the budget after a long debate about roads, schools and parks. ".repeat(10)}</p>\n`;
    const count = Math.ceil(100e6 / paragraph.length);
    const file = new File([`<title>Big</title><article><h1>Big</h1>${paragraph.repeat(count)}</article>`], "big.html");
    const before = wasm.memory.buffer.byteLength;
    const started = performance.now();
    const article = await module.extractBlob(file, { maxBytes: 200e6 });
    return {
      size: file.size,
      before,
      after: wasm.memory.buffer.byteLength,
      ms: performance.now() - started,
      paragraphs: article.blocks.filter((b) => b.kind === "paragraph").length,
      name: article.input.name,
      count,
    };
  });
  const ratio = result.after / result.size;
  console.log(`# extractBlob: ${(result.size / 1e6).toFixed(0)} MB File in ${(result.ms / 1000).toFixed(1)} s; ` +
    `wasm memory ${(result.before / 2 ** 20).toFixed(0)} → ${(result.after / 2 ** 20).toFixed(0)} MiB = ${ratio.toFixed(2)} × the file`);
  assert.equal(result.name, "big.html");
  assert.equal(result.paragraphs, result.count);
  assert.ok(ratio < MEMORY_RATIO_MAX, `wasm memory ${ratio.toFixed(2)} × the file`);
  assert.deepEqual(errors, []);
  await close();
});

test("maxBytes: a File over it is never opened, a stream stops at it", async () => {
  const { page, close } = await openApp(env);
  const result = await page.evaluate(async () => {
    const module = await import("./pkg/newsdecode.js");
    await module.default();
    const file = new File([new Uint8Array(100e6)], "big.html");
    let opened = false;
    file.stream = () => { opened = true; return Blob.prototype.stream.call(file); };
    const refused = await module.extractBlob(file, { maxBytes: 1e6 }).catch((e) => `${e.code}: ${e.message}`);
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode("<p>more text</p>".repeat(4096)); // 64 KiB
    const stream = new ReadableStream({
      pull(controller) { pulled += 1; controller.enqueue(chunk); },
      cancel() { cancelled = true; },
    }, { highWaterMark: 0 });
    const stopped = await module.extractBlob(stream, { maxBytes: 1e6 }).catch((e) => `${e.code}: ${e.message}`);
    return { refused, opened, stopped, pulled, cancelled };
  });
  assert.equal(result.refused, "too_large: input is 100000000 bytes, over the limit of 1000000 bytes");
  assert.equal(result.opened, false);
  assert.equal(result.stopped, "too_large: input holds more than 1000000 bytes");
  // 1e6 / 65536 = 15.3: the 16th chunk passes the limit, nothing after it is pulled.
  assert.equal(result.pulled, 16);
  assert.ok(result.cancelled);
  await close();
});
