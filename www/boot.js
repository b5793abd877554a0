// Starts the decoder's Web Worker and the wasm compile the moment the page's
// head is parsed. index.html loads this module `async` and it imports
// nothing, so it runs as soon as its own fetch is done, while the rest of
// the app is still loading (an import here would add a fetch before the
// worker starts: measured 45–60 ms later first results, docs/PERFORMANCE.md).
// The compiled module goes to the worker as soon as it is ready; app.js
// hands both to its Decoder (client.js), which also reuses the module for
// any later worker.

/** `{worker, module}` for `new Decoder(...)`, or null when no worker can start here. */
export const early = start();

function start() {
  let worker;
  try {
    worker = new Worker(new URL("./jobs.js", import.meta.url), { type: "module", name: "newsdecode" });
  } catch {
    return null;
  }
  const module =
    typeof WebAssembly.compileStreaming === "function"
      ? WebAssembly.compileStreaming(fetch(new URL("./pkg/newsdecode_bg.wasm", import.meta.url))).catch(() => null)
      : Promise.resolve(null);
  // Registered before any Decoder's own wait on `module`, so the worker
  // has it before the first job.
  module.then((compiled) => compiled && worker.postMessage({ preload: compiled }));
  return { worker, module };
}
