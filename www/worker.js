// The decoder's Web Worker: answers each message with runJob's result under
// the same id, so the page never blocks. The wasm loads on the first job (the
// page sends a "version" job right after start-up to warm it).
import { runJob } from "./jobs.js";

self.onmessage = async (event) => {
  const { id, job } = event.data;
  self.postMessage({ id, ...(await runJob(job)) });
};
