// The package in Node: `import … from "newsdecode"` and "newsdecode/node"
// work without init (the module is compiled from the package's file), gzip
// bytes are inflated, and extractBlob reads a Blob, a File, a Response and a
// ReadableStream, refusing or stopping at maxBytes before reading on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = new URL("../../", import.meta.url).pathname;
const page = "<title>Node</title><article><p>The council met on Monday and approved the budget after a long debate.</p></article>";

/** Runs `code` as an ES module in a project that depends on the package. */
function runInProject(code) {
  const dir = mkdtempSync(join(tmpdir(), "newsdecode-node-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(root, "pkg"), join(dir, "node_modules/newsdecode"), "dir");
    writeFileSync(join(dir, "main.mjs"), code);
    return execFileSync(process.execPath, ["main.mjs"], { cwd: dir, encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the package imports in Node with no init call", () => {
  const out = runInProject(`
    import init, { extract, version } from "newsdecode";
    import { extract as fromNode } from "newsdecode/node";
    await init(); // documented for browsers; a no-op once initialised
    const a = extract(${JSON.stringify(page)});
    const b = fromNode(${JSON.stringify(page)}, { name: "council.html" });
    console.log(JSON.stringify([version(), a.title, b.title, b.input.name, a.input.name ?? null]));
  `);
  const [version, a, b, name, none] = JSON.parse(out);
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.deepEqual([a, b, name, none], ["Node", "Node", "council.html", null]);
});

const { extract, extractBlob, profileStages } = await import(join(root, "pkg/node.js"));

test("profileStages times each stage of a real extraction with performance.now", () => {
  const body = "<p>The council met on Monday and approved the budget after a long and heated debate.</p>".repeat(2000);
  const bytes = new TextEncoder().encode(`<title>Profile</title><article><h1>Profile</h1>${body}</article>`);
  const t0 = performance.now();
  const times = profileStages(bytes);
  const wall = performance.now() - t0;
  assert.ok(times instanceof Float64Array);
  // decode, parse, metadata, segment, repair, assemble, conversion to JS
  assert.equal(times.length, 7);
  const [decode, parse, , segment, , assemble, toJs] = times;
  for (const ms of [decode, parse, segment, assemble, toJs]) assert.ok(ms > 0, `a stage took no time: ${[...times]}`);
  const sum = times.reduce((a, b) => a + b, 0);
  assert.ok(sum <= wall + 0.01, `the stages (${sum} ms) outlast the call (${wall} ms)`);
  assert.ok(sum >= wall * 0.5, `the stages (${sum} ms) miss most of the call (${wall} ms)`);
  assert.throws(() => profileStages(new Uint8Array()), { code: "empty_input" });
});

test("charsetHint is weighed like a <meta> label", () => {
  const big5 = new Uint8Array([0xbb, 0x4f, 0xc6, 0x57, 0xb7, 0x73, 0xbb, 0x44]); // 臺灣新聞
  const article = extract(big5, { charsetHint: "big5" });
  assert.deepEqual([article.decode.source, article.decode.encoding, article.text], ["hint", "Big5", "臺灣新聞"]);
});

test("extract inflates gzip bytes", () => {
  const article = extract(new Uint8Array(gzipSync(Buffer.from(page))));
  assert.equal(article.title, "Node");
  assert.equal(article.input.bytes, Buffer.byteLength(page));
  const bomb = new Uint8Array(gzipSync(Buffer.alloc(5_000_000, 32)));
  assert.throws(() => extract(bomb, { maxBytes: 1_000_000 }), { code: "too_large" });
});

test("extractBlob reads a Blob, a File, a Response and a ReadableStream", async () => {
  const bytes = new TextEncoder().encode(page);
  const file = new File([bytes], "story.html", { type: "text/html" });
  assert.equal((await extractBlob(file)).input.name, "story.html");
  assert.equal((await extractBlob(file, { name: "given" })).input.name, "given");
  assert.equal((await extractBlob(new Blob([gzipSync(bytes)]))).title, "Node");
  assert.equal((await extractBlob(new Response(bytes))).title, "Node");
  const chunks = [bytes.slice(0, 10), bytes.slice(10, 40), bytes.slice(40)];
  const stream = new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const article = await extractBlob(stream);
  assert.equal(article.text, extract(page).text);
  await assert.rejects(extractBlob("<p>a string</p>"), { code: "invalid_input" });
  const used = new Response(bytes);
  await used.arrayBuffer();
  await assert.rejects(extractBlob(used), { code: "invalid_option" });
});

test("extractBlob stops at maxBytes before reading on", async () => {
  // A Blob over the limit is refused without being read.
  const big = new Blob([new Uint8Array(4096)]);
  big.stream = () => assert.fail("read a Blob known to be too large");
  await assert.rejects(extractBlob(big, { maxBytes: 1000 }), { code: "too_large" });
  // A stream of unknown size: reading stops at the chunk that passes the
  // limit and the stream is cancelled.
  let pulled = 0;
  let cancelled = false;
  const endless = new ReadableStream({
    pull(controller) {
      pulled += 1;
      controller.enqueue(new TextEncoder().encode("<p>more text</p>".repeat(64)));
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  await assert.rejects(extractBlob(endless, { maxBytes: 10_000 }), { code: "too_large" });
  assert.equal(pulled, 10, "pulled one chunk past the limit and no more");
  assert.ok(cancelled);
});
