// <news-decoder>: the decoder as a custom element any page can embed with one
// <script type="module" src=".../news-decoder.js">. Shadow DOM, styles scoped
// (a <link> to news-decoder.css next to this file, allowed by a strict CSP).
//
//   <news-decoder script="auto" format="reader" lang="zh-Hans"></news-decoder>
//   el.value = "<html>…" | Uint8Array | File   → decodes, fires "decoded"
//   el.article                                → the last Article (or null)
//
// Attributes: `script` (auto|keep|hans|hant), `format` (reader|markdown|text|
// json|html: what the element shows), `lang` (en|zh-Hans: its labels),
// `encoding` (a WHATWG label overriding detection). Events: `decoded`
// (detail: {article}) and `error` (detail: {code, message}). A <template>
// child (inert markup) or else the text inside the element is decoded when it
// connects, if no value was set.
import { Decoder } from "./client.js";
import { errorText, pickLanguage, translator } from "./i18n.js";
import { readerView } from "./reader.js";

let shared = null;
/** One worker for every element on the page, started on first use. */
function decoder() {
  shared ??= new Decoder();
  return shared;
}

const FORMATS = new Set(["reader", "markdown", "text", "json", "html"]);

export class NewsDecoder extends HTMLElement {
  static observedAttributes = ["script", "format", "lang", "encoding"];

  #value = null;
  #article = null;
  #generation = 0;
  #showImages = false;
  #view;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("./news-decoder.css", import.meta.url).href;
    this.#view = document.createElement("div");
    this.#view.className = "view";
    this.#view.setAttribute("part", "view");
    this.#view.setAttribute("aria-live", "polite");
    root.append(style, this.#view);
  }

  connectedCallback() {
    if (this.#value !== null) return;
    // Inert markup in a <template> child, else the text inside the element.
    const template = this.querySelector(":scope > template");
    const initial = template ? template.innerHTML : this.textContent;
    if (initial.trim()) this.value = initial;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if ((name === "script" || name === "encoding") && this.#value !== null) this.#decode();
    else this.#show();
  }

  /** The input: a string (HTML or text), Uint8Array, ArrayBuffer, Blob or File. */
  get value() {
    return this.#value;
  }

  set value(input) {
    this.#value = input;
    this.#showImages = false;
    this.#decode();
  }

  /** The last decoded Article, or null. */
  get article() {
    return this.#article;
  }

  #t() {
    return translator(this.getAttribute("lang") || pickLanguage(navigator.languages));
  }

  async #decode() {
    const generation = ++this.#generation;
    const options = { script: this.getAttribute("script") || "auto" };
    if (this.getAttribute("encoding")) options.encoding = this.getAttribute("encoding");
    const input = this.#value instanceof ArrayBuffer ? new Uint8Array(this.#value) : this.#value;
    const answer = await decoder().extract(input, options, this.#value?.name || "input");
    if (generation !== this.#generation) return; // a newer value replaced this one
    if (answer.error) {
      this.#article = null;
      this.#view.replaceChildren();
      const message = document.createElement("p");
      message.className = "error";
      message.setAttribute("role", "alert");
      const t = this.#t();
      message.textContent = t("error.prefix", { message: errorText(answer.error, t) });
      this.#view.append(message);
      // Not bubbling: an `error` event that reached the window would be taken
      // for a script error (window.onerror) by the host page.
      this.dispatchEvent(new CustomEvent("error", { detail: answer.error }));
      return;
    }
    this.#article = answer.article;
    await this.#show();
    this.dispatchEvent(new CustomEvent("decoded", { detail: { article: answer.article }, bubbles: true, composed: true }));
  }

  async #show() {
    const article = this.#article;
    if (!article) return;
    const format = FORMATS.has(this.getAttribute("format")) ? this.getAttribute("format") : "reader";
    if (format === "reader") {
      const lang = this.getAttribute("lang") || pickLanguage(navigator.languages);
      this.#view.replaceChildren(readerView(article, {
        t: this.#t(),
        locale: lang,
        showImages: this.#showImages,
        onShowImages: () => {
          this.#showImages = true;
          this.#show();
        },
      }));
      return;
    }
    const answer = await decoder().render(article, format);
    const pre = document.createElement("pre");
    pre.textContent = answer.error ? answer.error.message : answer.output;
    this.#view.replaceChildren(pre);
  }
}

if (!customElements.get("news-decoder")) customElements.define("news-decoder", NewsDecoder);
