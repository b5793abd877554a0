// What the decoder does with one request, independent of where it runs (as
// the Web Worker, see the end of this file, or in the calling thread when a
// worker cannot be started). Loads the wasm once, lazily; hands files to the
// library's extractBlob (read in Rust, gzip inflated there), and unpacks
// .mht web archives (inflating .mht.gz, bounded) before handing their page over.
// The Chinese tables are fetched the first time a page needs them (the
// library throws `tables_needed`), and that page is extracted again.
import init, { extract, extractBlob, loadTables, render, version } from "./pkg/newsdecode.js";
import { DEFAULT_MAX_BYTES, JOB, TABLES_URL } from "./protocol.js";

let ready = null;
let exports = null;

/**
 * Instantiates the wasm once: from a `WebAssembly.Module` the page compiled
 * (client.js starts that at page load, in parallel with this worker's
 * start-up), else by wasm-bindgen's own instantiateStreaming of the URL.
 */
export function load(module) {
  ready ??= init(module ? { module_or_path: module } : undefined).then((instance) => {
    exports = instance;
    return version();
  });
  return ready;
}

/** An Error with the stable `code` the library's own errors carry. */
function codedError(code, message) {
  return Object.assign(new Error(message), { code });
}

/** Inflates a gzipped web archive, stopping with `too_large` past `maxBytes` (a gzip bomb stops there). */
async function gunzip(bytes, name, maxBytes) {
  const chunks = [];
  let total = 0;
  try {
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw Object.assign(codedError("too_large", `${name} inflates to more than ${maxBytes} bytes`), { limit: maxBytes });
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error.code) throw error;
    throw codedError("invalid_input", `${name} starts like gzip but does not inflate`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

let tables = null;

/**
 * Fetches and loads the Chinese tables, once per worker (a failed fetch is
 * tried again by the next page that needs them). The service worker caches
 * the file like the app's own.
 */
function ensureTables() {
  tables ??= (async () => {
    let response;
    try {
      response = await fetch(new URL(TABLES_URL, import.meta.url));
    } catch {
      response = null;
    }
    if (!response?.ok) {
      throw codedError("tables_unavailable", `this page needs the Chinese tables, and ${TABLES_URL} could not be fetched`);
    }
    loadTables(new Uint8Array(await response.arrayBuffer()));
  })().catch((error) => {
    tables = null;
    throw error;
  });
  return tables;
}

/** extractInput, again once the tables are loaded when the page needs them. */
async function extractWithTables(input, name, options) {
  try {
    return await extractInput(input, name, options);
  } catch (error) {
    if (error?.code !== "tables_needed") throw error;
    await ensureTables();
    return extractInput(input, name, options);
  }
}

/** A cheap first look for a MIME header line (`MIME-Version:`, `From:`, …). */
function startsLikeMime(bytes) {
  const head = String.fromCharCode(...bytes.subarray(0, 32)).toLowerCase();
  return /^(mime-version|from|subject|date|snapshot-content-location|content-type):/.test(head);
}

const MHT_NAME = /\.mht(ml)?(\.gz)?$/i;

/**
 * The article of a File/Blob/bytes/string named `name`: a page file is read
 * by the library itself (extractBlob), a web archive is unpacked here first.
 */
async function extractInput(input, name, options) {
  const maxBytes = options.maxBytes || DEFAULT_MAX_BYTES;
  const named = { ...options, name };
  if (typeof input === "string") return extract(input, named);
  // A file over the limit is refused before it is read (an .mht may carry
  // its page base64-encoded, a third larger, so it is read and checked after).
  if (input instanceof Blob && input.size > maxBytes && !MHT_NAME.test(name)) {
    throw Object.assign(codedError("too_large", `${name} is ${input.size} bytes, over the limit of ${maxBytes} bytes`), { size: input.size, limit: maxBytes });
  }
  if (input instanceof Blob && !MHT_NAME.test(name) && !startsLikeMime(new Uint8Array(await input.slice(0, 32).arrayBuffer()))) {
    return extractBlob(input, named);
  }
  return extract(await prepare(input, name, maxBytes), named);
}

/** The bytes of a web archive's page (or of other bytes, as they are). */
async function prepare(input, name, maxBytes) {
  let bytes = input instanceof Blob ? new Uint8Array(await input.arrayBuffer()) : new Uint8Array(input);
  // Other gzip data is inflated by the library; a web archive must be
  // inflated before it can be unpacked.
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (gzip && MHT_NAME.test(name)) bytes = await gunzip(bytes, name, maxBytes);
  if (MHT_NAME.test(name) || startsLikeMime(bytes)) {
    // Loaded on first use: one fetch fewer before the worker is ready.
    // Null when it is not a multipart message with an HTML part.
    const { htmlFromMhtml } = await import("./mhtml.js");
    const html = htmlFromMhtml(bytes);
    if (html) bytes = html;
  }
  return bytes;
}

/**
 * Runs one job: `{type: "extract", input, name, options}` → `{article}`,
 * `{type: "render", article, format}` → `{output}`, `{type: "version"}` →
 * `{version}`. Errors come back as `{error: {code, message}}`, never thrown.
 * Every answer carries `memory`: the wasm memory's size after the job.
 */
export async function runJob(job) {
  const answer = await run(job);
  return { ...answer, memory: exports?.memory.buffer.byteLength ?? 0 };
}

async function run(job) {
  try {
    const v = await load(job.module);
    switch (job.type) {
      case JOB.VERSION:
        return { version: v };
      case JOB.EXTRACT: {
        return { article: await extractWithTables(job.input, job.name || "input", job.options || {}) };
      }
      case JOB.RENDER:
        return { output: render(job.article, job.format) };
      default:
        throw codedError("invalid_input", `unknown job type ${job.type}`);
    }
  } catch (error) {
    // A trap inside the wasm (a bug: the library does not panic on input)
    // leaves the instance unusable: `fatal` tells the client to start afresh.
    const fatal = error instanceof WebAssembly.RuntimeError;
    // The values the message names travel with it (the interface words it).
    const values = Object.fromEntries(["size", "limit", "what", "label"].filter((k) => error?.[k] !== undefined).map((k) => [k, error[k]]));
    return { error: { code: error?.code || "internal", message: String(error?.message || error), ...values }, fatal };
  }
}

/**
 * Small inputs run once after the wasm loads, while the worker would
 * otherwise wait for the first page: V8 compiles each wasm function on its
 * first call, which made the first extract take 15–25 ms instead of 1–2.
 * Simplified Chinese only (in GB2312), so the conversion tables stay unloaded.
 */
const WARM_UP = [
  "标题：新闻\n\n本报讯 这是一段简短的新闻正文，内容足够组成一个段落。\n\n（完）",
  '<html><head><meta charset="utf-8"><title>News</title><meta property="og:site_name" content="Daily"></head>' +
    '<body><nav><a href="/">Home</a></nav><article><h1>News</h1><time datetime="2024-01-02T03:04:05+08:00">2 January</time>' +
    "<p>By A. Writer. A short paragraph of text, long enough to count as one.</p><p>Another one follows it here.</p></article></body></html>",
];

let jobsSeen = false;

/** Runs WARM_UP unless a job comes first; each step lets a waiting job go ahead. */
async function warmUp() {
  for (const input of WARM_UP) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (jobsSeen) return;
    try {
      extract(input, {});
    } catch {
      // Only a warm-up: a real job reports its own errors.
    }
  }
}

// Run as the Web Worker itself (client.js starts this file as the worker, so
// its module graph is one fetch shallower): answer each message under its id.
// `{preload: module}` (boot.js) loads the wasm before any job and warms it up.
if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  self.onmessage = async (event) => {
    if (event.data.preload) {
      load(event.data.preload).then(warmUp, () => {});
      return;
    }
    jobsSeen = true;
    const { id, job } = event.data;
    self.postMessage({ id, ...(await runJob(job)) });
  };
}
