// The worker's job runner (pkg/jobs.js) in Node: a file over the size limit
// is refused before it is read, with the same code the library gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const { runJob } = await import(join(root, "pkg/jobs.js"));
const module = await WebAssembly.compile(readFileSync(join(root, "pkg/newsdecode_bg.wasm")));

test("a file over maxBytes is too_large before it is read", async () => {
  let read = false;
  const file = new Blob(["<p>0123456789abcdef</p>"]);
  file.arrayBuffer = async () => {
    read = true;
    return new ArrayBuffer(0);
  };
  const answer = await runJob({ type: "extract", input: file, name: "big.html", options: { maxBytes: 8 }, module });
  assert.equal(answer.error?.code, "too_large");
  assert.match(answer.error.message, /big\.html is 23 bytes, over the limit of 8 bytes/);
  assert.equal(read, false);
});

test("a file within maxBytes is read and extracted", async () => {
  const file = new Blob(["<p>The council met on Monday and approved the budget after a long debate.</p>"]);
  const answer = await runJob({ type: "extract", input: file, name: "small.html", options: {}, module });
  assert.equal(answer.error, undefined);
  assert.match(answer.article.text, /approved the budget/);
});
