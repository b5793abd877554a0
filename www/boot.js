// Starts the decoder as early as possible: index.html loads this module with
// `async`, so it runs as soon as it arrives, before the page has finished
// parsing; the worker boots and the wasm compiles while the rest of the app
// loads. app.js imports the same instance.
import { Decoder } from "./client.js";

/** The page's decoder (one Web Worker). */
export const decoder = new Decoder();

/** Resolves with the library version once the wasm is instantiated. */
export const decoderReady = decoder.ready();
