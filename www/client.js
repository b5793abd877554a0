// The page side of the decoder: one Web Worker (module worker), requests
// matched to answers by id. `cancel()` terminates the worker — the only way
// to stop a wasm call midway — and starts a fresh one. When a worker cannot be
// created (e.g. this module is served from another origin), jobs run in the
// calling thread instead.
//
// Start-up: the page compiles the wasm (compileStreaming) while the worker
// boots, and hands the compiled module to each new worker with its first job.
// The app starts its first worker and the compile even earlier (boot.js) and
// passes both in: `new Decoder({worker, module})`.
//
// Memory: wasm memory only grows. After a job leaves the instance above
// MEMORY_LIMIT (a huge page), the worker is replaced once it is idle, so one
// big input does not hold hundreds of megabytes for the rest of the visit.

import { JOB, MEMORY_LIMIT, WASM_URL, WORKER_OPTIONS, WORKER_URL } from "./protocol.js";

export class Decoder {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #inline = null;
  #hasModule = false;
  #recycle = false;
  /** Whoever started the adopted worker sends it the module (boot.js). */
  #preloaded = false;
  #memoryLimit;
  #started = 0;

  /** The wasm compiled in this thread, shared by every Decoder of the page. */
  static #compiled = null;

  static #compile() {
    if (typeof WebAssembly.compileStreaming !== "function") return Promise.resolve(null);
    const url = new URL(WASM_URL, import.meta.url);
    Decoder.#compiled ??= WebAssembly.compileStreaming(fetch(url)).catch(() => null);
    return Decoder.#compiled;
  }

  /**
   * `memoryLimit`: wasm memory (bytes) above which the worker is replaced when
   * idle. `worker`, `module`: a worker already running jobs.js and the promise
   * of the compiled wasm (or null), started early by the page (boot.js), which
   * posts `{preload: module}` to that worker itself; the module is reused for
   * every later worker.
   */
  constructor({ memoryLimit = MEMORY_LIMIT, worker = null, module = null } = {}) {
    this.#memoryLimit = memoryLimit;
    if (module) Decoder.#compiled ??= module;
    this.#start(worker);
    if (this.#worker) Decoder.#compile();
  }

  #start(adopted = null) {
    this.#hasModule = false;
    this.#preloaded = Boolean(adopted);
    this.#recycle = false;
    this.#started += 1;
    try {
      this.#worker = adopted ?? new Worker(new URL(WORKER_URL, import.meta.url), WORKER_OPTIONS);
      this.#worker.onmessage = (event) => {
        const { id, fatal, memory, ...answer } = event.data;
        this.#pending.get(id)?.resolve(answer);
        this.#pending.delete(id);
        if (fatal) this.#restart();
        else if (memory > this.#memoryLimit) this.#recycle = true;
        if (this.#recycle && this.#pending.size === 0) this.#restart();
      };
      this.#worker.onerror = (event) => {
        event.preventDefault?.();
        this.#failAll("internal", event.message || "the decoder stopped");
      };
    } catch {
      this.#worker = null;
      this.#inline ??= import("./jobs.js");
    }
  }

  #failAll(code, message) {
    for (const { resolve } of this.#pending.values()) resolve({ error: { code, message } });
    this.#pending.clear();
  }

  #restart() {
    this.#worker.terminate();
    this.#failAll("cancelled", "cancelled");
    this.#start();
  }

  /** How many workers this decoder has started (1 + cancels + recycles). */
  get workersStarted() {
    return this.#started;
  }

  /** Sends a job; resolves with `{article}`, `{output}`, `{version}` or `{error}`. */
  async run(job) {
    if (!this.#worker) return (await this.#inline).runJob(job);
    const worker = this.#worker;
    let module;
    if (!this.#hasModule) {
      // Waited for even when the worker was preloaded: its starter posts the
      // module when this resolves, before this job goes out.
      module = (await Decoder.#compile()) || undefined;
      if (this.#preloaded) module = undefined;
      this.#hasModule = true;
    }
    // A cancel while waiting for the module replaced the worker: send there.
    if (worker !== this.#worker) return this.run(job);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve });
      worker.postMessage({ id, job: module ? { ...job, module } : job });
    });
  }

  /** Loads the wasm now; resolves with the library version. */
  async ready() {
    const answer = await this.run({ type: JOB.VERSION });
    if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer.version;
  }

  /** Extracts an article from a File, Blob, Uint8Array or string. */
  extract(input, options = {}, name = "input") {
    return this.run({ type: JOB.EXTRACT, input, options, name });
  }

  /** Renders an article as json, markdown, text or html. */
  render(article, format) {
    return this.run({ type: JOB.RENDER, article, format });
  }

  /** Stops whatever is running (its jobs answer `cancelled`) and starts a fresh worker. */
  cancel() {
    if (this.#worker) this.#restart();
  }

  /** Stops the worker for good. */
  close() {
    this.#worker?.terminate();
    this.#failAll("cancelled", "closed");
  }
}
