// The page side of the decoder: one Web Worker (module worker), requests
// matched to answers by id. `cancel()` terminates the worker — the only way
// to stop a wasm call midway — and starts a fresh one. When a worker cannot be
// created (e.g. this module is served from another origin), jobs run in the
// calling thread instead.

export class Decoder {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #inline = null;

  constructor() {
    this.#start();
  }

  #start() {
    try {
      this.#worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "newsdecode" });
      this.#worker.onmessage = (event) => {
        const { id, fatal, ...answer } = event.data;
        this.#pending.get(id)?.resolve(answer);
        this.#pending.delete(id);
        if (fatal) this.#restart();
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

  /** Sends a job; resolves with `{article}`, `{output}`, `{version}` or `{error}`. */
  run(job) {
    if (!this.#worker) return this.#inline.then((jobs) => jobs.runJob(job));
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve });
      this.#worker.postMessage({ id, job });
    });
  }

  /** Loads the wasm now; resolves with the library version. */
  async ready() {
    const answer = await this.run({ type: "version" });
    if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer.version;
  }

  /** Extracts an article from a File, Blob, Uint8Array or string. */
  extract(input, options = {}, name = "input") {
    return this.run({ type: "extract", input, options, name });
  }

  /** Renders an article as json, markdown, text or html. */
  render(article, format) {
    return this.run({ type: "render", article, format });
  }

  #restart() {
    this.#worker.terminate();
    this.#failAll("cancelled", "cancelled");
    this.#start();
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
