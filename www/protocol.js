// The messages between the page (client.js, and boot.js at start-up) and the
// decoder's Web Worker (jobs.js), and the names and defaults both sides share.
//
// page → worker
//   {preload: WebAssembly.Module}   boot.js: instantiate now and warm up; no answer
//   {id, job}                       a job (JOB below); `job.module` (a compiled
//                                   WebAssembly.Module) rides along with a
//                                   worker's first job when the page compiled it
//     {type: "extract", input: File|Blob|Uint8Array|ArrayBuffer|string, name, options}
//     {type: "render", article, format}
//     {type: "version"}
// worker → page
//   {id, article | output | version | error: {code, message}, fatal?, memory}
//   `fatal`: the wasm trapped and the worker must be replaced; `memory`: the
//   wasm memory's size after the job, in bytes.
//
// boot.js is an import-free classic script (start-up speed, see
// docs/PERFORMANCE.md): it repeats WORKER_URL, WORKER_OPTIONS and the wasm's
// path, and tests/js/protocol.test.mjs checks that it says the same as here.

/** The worker script, relative to the page or to client.js. */
export const WORKER_URL = "./jobs.js";
/** How the worker is started: a module worker, named for the devtools. */
export const WORKER_OPTIONS = Object.freeze({ type: "module", name: "newsdecode" });
/** The wasm module, relative to client.js (pkg/ sits beside the app's files). */
export const WASM_URL = "./pkg/newsdecode_bg.wasm";
/**
 * The Chinese tables (script conversion, pinyin), relative to client.js and
 * jobs.js: fetched by the worker only for a page that needs them (the
 * library throws `tables_needed`), then kept; the service worker caches it.
 */
export const TABLES_URL = "./pkg/newsdecode_tables.bin";
/** Job types. */
export const JOB = Object.freeze({ EXTRACT: "extract", RENDER: "render", VERSION: "version" });
/** The library's default input limit (`DEFAULT_MAX_BYTES` in Rust): 64 MiB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Wasm memory above which an idle worker is replaced (memory only grows). */
export const MEMORY_LIMIT = 256 * 1024 * 1024;
