// Wasm memory of the shapes that once grew out of bounds (docs/RELIABILITY.md):
// each is extracted by a fresh instance of pkg/ (a module URL of its own is
// a module instance of its own), and the linear memory it grew to — which
// holds the input copied in, every stage's data and the result before it is
// handed to JS — must stay within 8 × the input beyond what an idle instance
// holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const wasm = readFileSync(join(root, "pkg/newsdecode_bg.wasm"));
const SIZE = 2 * 1024 * 1024;
const text = "News text, with words and commas, in a line. ".repeat(SIZE / 45);
const item = '{"@type":"NewsArticle","headline":"A headline","author":{"@type":"Person","name":"A. Writer"}},';
const SHAPES = {
  "a huge line": `<p>${"新闻 word, 文字。".repeat(SIZE / 22)}</p>`,
  "nested headings around the text": `${"<h1><i>".repeat(127)}${text}${"</i></h1>".repeat(127)}`,
  "millions of one-character lines": "a\n".repeat(SIZE / 2),
  "a huge JSON-LD array": `<script type="application/ld+json">[${item.repeat(SIZE / item.length)}{}]</script><p>${text.slice(0, 4096)}</p>`,
  "brackets and quotes in Chinese": "中(文\"字'新(闻\"".repeat(SIZE / 18),
  "a page shown only without scripts": `<body><div class=splash>Loading</div><noscript>${"<div class=post><p>News text, with words and commas, in a line.</p></div>".repeat(SIZE / 75)}</noscript>`,
  "shared-class chunks": `<div class="post__content"><p>${text.slice(0, 300)}</p></div>`.repeat(SIZE / 340),
};

let instance = 0;
async function fresh() {
  const mod = await import(`${join(root, "pkg/newsdecode.js")}?instance=${instance++}`);
  const exports = mod.initSync({ module: wasm });
  // A first small call, so the idle figure includes what any call sets up.
  mod.extract("<p>warm up</p>");
  return { mod, memory: exports.memory };
}

for (const [name, input] of Object.entries(SHAPES)) {
  test(`wasm memory: ${name} stays within 8 × the input`, async () => {
    const { mod, memory } = await fresh();
    const idle = memory.buffer.byteLength;
    const bytes = Buffer.byteLength(input);
    const article = mod.extract(input);
    assert.ok(article.text.length > 0, "text kept");
    const grown = memory.buffer.byteLength - idle;
    const ratio = grown / bytes;
    console.log(`${name}: ${bytes} bytes, wasm memory +${(grown / 2 ** 20).toFixed(1)} MiB, ${ratio.toFixed(2)} × the input`);
    assert.ok(ratio <= 8, `${name}: ${ratio.toFixed(2)} × the input`);
  });
}
