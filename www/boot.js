// Starts the decoder's Web Worker and the wasm compile as early as the page
// can: index.html loads this tiny classic script first thing in <head>,
// parser-blocking, so both start before the rest of the page is even parsed
// (as an `async` module it ran ≈ 25 ms later, and with an import ≈ 60 ms
// later: docs/PERFORMANCE.md). The compiled module is posted to the worker as
// soon as it is ready; app.js hands `newsdecodeBoot` to its Decoder
// (client.js), which adopts the worker and reuses the module for any later
// worker. The worker's URL and options and the wasm's path are protocol.js's
// (this file cannot import; tests/js/protocol.test.mjs keeps them equal).
"use strict";

/** `{worker, module}` for `new Decoder(...)`, or null when no worker can start here. */
globalThis.newsdecodeBoot = (() => {
  let worker;
  try {
    worker = new Worker("jobs.js", { type: "module", name: "newsdecode" });
  } catch {
    return null;
  }
  const module =
    typeof WebAssembly.compileStreaming === "function"
      ? WebAssembly.compileStreaming(fetch("pkg/newsdecode_bg.wasm")).catch(() => null)
      : Promise.resolve(null);
  // Registered before the Decoder's own wait on `module`, so the worker has
  // the module before the first job.
  module.then((compiled) => compiled && worker.postMessage({ preload: compiled }));
  return { worker, module };
})();
