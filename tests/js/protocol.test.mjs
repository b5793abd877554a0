// www/protocol.js is the one place for the worker's URL and options, the
// wasm's path, the job types and the defaults. boot.js cannot import it (an
// import-free classic script, for start-up): its copies must say the same.
// The service worker's precache list is written by scripts/build: it must
// name every file the app serves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import * as protocol from "../../www/protocol.js";

const root = new URL("../../", import.meta.url).pathname;
const boot = readFileSync(join(root, "www/boot.js"), "utf8");
const page = "https://example.test/app/";

test("boot.js starts the worker and the wasm compile as protocol.js says", () => {
  const worker = /new Worker\("([^"]+)", (\{[^}]*\})\)/.exec(boot);
  assert.ok(worker, "boot.js: new Worker(url, options) not found");
  assert.equal(new URL(worker[1], page).href, new URL(protocol.WORKER_URL, page).href);
  assert.deepEqual(Function(`return (${worker[2]})`)(), { ...protocol.WORKER_OPTIONS });
  const wasm = /fetch\("([^"]+)"\)/.exec(boot);
  assert.ok(wasm, "boot.js: fetch(wasm) not found");
  // client.js resolves WASM_URL against its own URL, which is the page's folder.
  assert.equal(new URL(wasm[1], page).href, new URL(protocol.WASM_URL, page).href);
});

test("client.js and jobs.js take their names and defaults from protocol.js", () => {
  for (const file of ["client.js", "jobs.js"]) {
    const text = readFileSync(join(root, "www", file), "utf8");
    assert.match(text, /from "\.\/protocol\.js"/, file);
    assert.doesNotMatch(text, /64 \* 1024 \* 1024|"newsdecode_bg\.wasm"|name: "newsdecode"/, file);
  }
});

test("the precache list scripts/build writes names every file the app serves", { skip: !existsSync(join(root, "pkg/precache.js")) }, () => {
  const text = readFileSync(join(root, "pkg/precache.js"), "utf8");
  const files = Function("self", `${text}; return self.NEWSDECODE_PRECACHE;`)({});
  const served = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else served.push(`${prefix}${entry.name}`);
    }
  };
  walk(join(root, "www"), "");
  for (const file of served.filter((f) => f !== "sw.js")) assert.ok(files.includes(file), `${file} is not precached`);
  for (const file of ["./", "pkg/newsdecode.js", "pkg/newsdecode_bg.wasm"]) assert.ok(files.includes(file), file);
  assert.ok(!files.includes("sw.js"), "the service worker precaches itself");
});
