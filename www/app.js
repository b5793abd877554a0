// The page: paste, open or drop pages; the Web Worker (client.js) decodes
// them; the results list and the reader view show what came out. Everything
// from the input is shown through textContent (reader.js), never as markup.
import { Decoder } from "./client.js";
import { LANGUAGES, applyStrings, errorText, pickLanguage, translator } from "./i18n.js";
import { formatDate, readerView } from "./reader.js";
import { focusArticle, setReadingMode, wireReading } from "./reading.js";
import { HISTORY_MAX, clearHistory, loadHistory, saveResult } from "./history.js";

const $ = (id) => document.getElementById(id);
/** The page's decoder, on the worker boot.js started (index.html runs it first). */
const decoder = new Decoder(globalThis.newsdecodeBoot ?? {});
const decoderReady = decoder.ready();
const ENCODINGS = [
  "UTF-8", "UTF-16LE", "UTF-16BE", "GBK", "gb18030", "Big5", "Shift_JIS", "EUC-JP",
  "ISO-2022-JP", "EUC-KR", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
  "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258",
  "windows-874", "KOI8-R", "KOI8-U", "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4",
  "ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-8-I", "ISO-8859-10",
  "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "macintosh", "x-mac-cyrillic",
  "x-user-defined",
];
const EXTENSIONS = { markdown: ".md", text: ".txt", json: ".json", html: ".html" };
const MIME = { markdown: "text/markdown", text: "text/plain", json: "application/json", html: "text/html" };
const THEMES = ["auto", "light", "dark"];

const state = {
  /** @type {{name: string, input: any, article?: object, error?: {code: string, message: string}, showImages?: boolean}[]} */
  results: [],
  selected: -1,
  busy: false,
  cancelled: false,
  lang: "en",
  t: translator("en"),
  /** HTML taken from the clipboard for the current paste, else null. */
  pastedHtml: null,
};

function stored(key, fallback) {
  try {
    return localStorage.getItem(`newsdecode.${key}`) || fallback;
  } catch {
    return fallback;
  }
}

function store(key, value) {
  try {
    localStorage.setItem(`newsdecode.${key}`, value);
  } catch {
    // Storage may be disabled; the choice then lasts for this visit only.
  }
}

function status(message) {
  $("status").textContent = message;
}

function options() {
  const result = { script: $("script").value };
  if ($("encoding").value) result.encoding = $("encoding").value;
  return result;
}

// --- language and theme ---------------------------------------------------

function setLanguage(lang) {
  state.lang = lang;
  state.t = translator(lang);
  document.documentElement.lang = lang;
  $("lang").value = lang;
  $("encoding").options[0].textContent = state.t("options.detect");
  applyStrings(document, state.t);
  setTheme(document.documentElement.dataset.theme || "auto");
  renderResults();
  renderSelected();
}

function setTheme(theme) {
  if (theme === "auto") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  $("theme").textContent = state.t(`theme.${theme}`);
}

// --- results list -----------------------------------------------------------

function cell(text, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.textContent = text ?? "";
  return td;
}

function renderResults() {
  const { t } = state;
  $("results-section").hidden = state.results.length === 0;
  $("kept").textContent = t("results.kept", { n: HISTORY_MAX });
  const body = $("results").tBodies[0];
  body.replaceChildren();
  state.results.forEach((result, index) => {
    const row = document.createElement("tr");
    row.className = result.error ? "failed" : "ok";
    if (index === state.selected) row.setAttribute("aria-current", "true");
    const name = document.createElement("td");
    if (result.article) {
      const open = document.createElement("button");
      open.type = "button";
      open.className = "link";
      open.textContent = result.name;
      open.setAttribute("aria-label", t("results.openName", { name: result.name }));
      open.addEventListener("click", () => select(index, true));
      name.append(open);
    } else {
      name.textContent = result.name;
    }
    row.append(name);
    const a = result.article;
    row.append(cell(a?.title), cell(formatDate(a?.published, state.lang)), cell(a?.source || a?.site_name));
    if (result.error) {
      // In the interface's language; the library's own message on hover.
      const failed = cell(t("results.failedWith", { message: errorText(result.error, t), code: result.error.code }), "error");
      failed.title = result.error.message;
      row.append(failed);
    } else {
      const warnings = a.decode.warnings.length;
      row.append(cell(warnings ? t("results.warnings", { n: warnings }) : t("results.ok"), warnings ? "warn" : ""));
    }
    body.append(row);
  });
}

// --- the selected article ---------------------------------------------------

async function renderSelected() {
  const result = state.results[state.selected];
  $("reader-section").hidden = !result?.article;
  if (!result?.article) return;
  const source = $("view").value === "source";
  $("reader").hidden = source;
  $("output").hidden = !source;
  if (source) {
    const answer = await decoder.render(result.article, $("format").value);
    $("output").textContent = answer.error ? errorText(answer.error, state.t) : answer.output;
  } else {
    $("reader").replaceChildren(readerView(result.article, {
      t: state.t,
      locale: state.lang,
      showImages: result.showImages,
      onShowImages: () => {
        result.showImages = true;
        renderSelected();
      },
    }));
  }
}

function select(index, focus = false) {
  state.selected = index;
  renderResults();
  renderSelected().then(() => {
    if (focus) focusArticle();
  });
}

// --- decoding -----------------------------------------------------------------

async function decodeInputs(inputs) {
  if (state.busy) {
    // One batch at a time: say so rather than drop the new input silently.
    status(state.t("status.busy"));
    return;
  }
  state.busy = true;
  state.cancelled = false;
  const { t } = state;
  const total = inputs.length;
  const bar = $("progress-bar");
  $("progress").hidden = total < 2;
  bar.max = total;
  bar.value = 0;
  status(t("status.working"));
  let done = 0;
  const added = [];
  for (const { name, input } of inputs) {
    if (state.cancelled) break;
    $("progress-text").textContent = t("progress.file", { done: done + 1, total, name });
    const answer = await decoder.extract(input, options(), name);
    if (answer.error?.code === "cancelled") break;
    const result = { name, input, article: answer.article, error: answer.error };
    state.results.push(result);
    added.push(result);
    saveResult(result);
    done += 1;
    bar.value = done;
    $("progress-text").textContent = t("progress.file", { done, total, name });
    renderResults();
  }
  const ok = added.filter((r) => r.article).length;
  status(state.cancelled ? t("status.cancelled", { done, total }) : t("status.done", { ok, total }));
  if (added.length === 1 && added[0].error) status(t("error.prefix", { message: errorText(added[0].error, t) }));
  // The article comes forward (scrolled to, its title focused).
  const firstOk = state.results.indexOf(added.find((r) => r.article));
  if (firstOk >= 0) select(firstOk, true);
  state.busy = false;
  $("cancel").disabled = false;
}

/** A paste that is only a web address (pages are never fetched). */
const URL_ONLY = /^(https?:\/\/|www\.)\S+$/i;

function decodePaste() {
  const text = state.pastedHtml ?? $("paste").value;
  if (!text.trim()) {
    status(state.t("status.empty"));
    return;
  }
  if (URL_ONLY.test($("paste").value.trim())) {
    status(state.t("status.url"));
    return;
  }
  // The same text again: its result is shown, not added twice.
  const same = state.results.findIndex((r) => typeof r.input === "string" && r.input === text && r.article);
  if (same >= 0) {
    select(same, true);
    status(state.t("status.same"));
    return;
  }
  decodeInputs([{ name: state.t("results.pasted"), input: text }]);
}

/**
 * The installed app opened with files (manifest `file_handlers`, through
 * `launchQueue`) or shared text (`share_target`, a GET to `./?text=…`):
 * decoded as if dropped or pasted. A shared address alone is explained.
 */
function wireLaunch() {
  globalThis.launchQueue?.setConsumer(async (params) => {
    const files = await Promise.all((params.files || []).map((handle) => handle.getFile()));
    decodeFiles(files);
  });
  // (A GET share replaces the action's query by the shared fields.)
  const query = new URLSearchParams(location.search);
  if (!["title", "text", "url"].some((k) => query.has(k))) return;
  history.replaceState(null, "", location.pathname);
  // The shared text; else the address (explained: pages are not fetched); else the title.
  const text = ["text", "url", "title"].map((k) => query.get(k)).find((v) => v?.trim()) ?? "";
  state.pastedHtml = null;
  $("paste").value = text;
  decodePaste();
}

function decodeFiles(files) {
  if (files.length) decodeInputs([...files].map((file) => ({ name: file.name, input: file })));
}

function cancel() {
  if (!state.busy) return;
  state.cancelled = true;
  $("cancel").disabled = true;
  decoder.cancel();
}

/** Re-decodes the selected result with the current encoding/script choice. */
async function redecodeSelected() {
  const result = state.results[state.selected];
  if (!result || state.busy) return;
  if (result.input === null || result.input === undefined) {
    // Restored from history without its (large) input.
    status(state.t("status.noInput"));
    return;
  }
  const answer = await decoder.extract(result.input, options(), result.name);
  // Cleared while it was decoding: the result is gone and must stay gone.
  if (!state.results.includes(result)) return;
  Object.assign(result, { article: answer.article, error: answer.error });
  saveResult(result);
  renderResults();
  renderSelected();
}

// --- copy and download ----------------------------------------------------------

function baseName(name) {
  return name.replace(/(\.gz)?$/i, "").replace(/\.[^./]*$/, "").replace(/[\\/:*?"<>|]+/g, "_") || "article";
}

/** Longest file name stem of a download, in characters (file systems allow 255 bytes). */
const TITLE_NAME_MAX = 80;

/**
 * A download's file name stem: the article's title (what a reader knows it
 * by), else the input's name; characters file systems refuse or shells
 * misread replaced, spaces collapsed, cut at TITLE_NAME_MAX.
 */
function downloadStem(result) {
  const title = result.article?.title?.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  return title ? [...title].slice(0, TITLE_NAME_MAX).join("").trim() : baseName(result.name);
}

/** `stem + ext`, numbered ("name (2).md") when `taken` already holds it, case-insensitively. */
function uniqueName(stem, ext, taken) {
  let name = stem + ext;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${stem} (${n})${ext}`;
  taken.add(name.toLowerCase());
  return name;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function writeClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older browsers or a denied permission: the selection-based copy.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) throw new Error("the browser refused");
  }
}

async function rendered(article, format) {
  const answer = await decoder.render(article, format);
  if (answer.error) throw new Error(errorText(answer.error, state.t));
  return answer.output;
}

async function copySelected() {
  const result = state.results[state.selected];
  if (!result?.article) return;
  const format = $("format").value;
  try {
    await writeClipboard(await rendered(result.article, format));
    status(state.t("status.copied", { format: state.t(`format.${format}`) }));
  } catch (error) {
    status(state.t("status.copyFailed", { message: error.message }));
  }
}

async function downloadSelected() {
  const result = state.results[state.selected];
  if (!result?.article) return;
  const format = $("format").value;
  const text = await rendered(result.article, format);
  download(new Blob([text], { type: `${MIME[format]};charset=utf-8` }), downloadStem(result) + EXTENSIONS[format]);
}

/** The input's size in bytes, when known. */
function inputBytes(input) {
  if (typeof input === "string") return new TextEncoder().encode(input).length;
  if (input instanceof Blob) return input.size;
  return input?.byteLength ?? null;
}

/**
 * A result as a batch record, the CLI's shape (docs/schema.md, Records):
 * the article, named after its input, or the failure in its place.
 */
function record(result) {
  if (result.article) return { ...result.article, input: { ...result.article.input, name: result.name } };
  return { input: { name: result.name, bytes: inputBytes(result.input) }, error: { code: result.error.code, message: result.error.message } };
}

function downloadJsonl() {
  const lines = state.results.map((r) => JSON.stringify(record(r)) + "\n");
  download(new Blob(lines, { type: "application/jsonl;charset=utf-8" }), "newsdecode.jsonl");
}

async function downloadZip() {
  const format = $("format").value;
  const files = [];
  const failures = [];
  const taken = new Set(["errors.jsonl"]);
  for (const result of state.results) {
    if (result.article) files.push({ name: uniqueName(downloadStem(result), EXTENSIONS[format], taken), text: await rendered(result.article, format) });
    else failures.push(JSON.stringify(record(result)) + "\n");
  }
  // The failures as records, one per line, in input order.
  if (failures.length) files.push({ name: "errors.jsonl", text: failures.join("") });
  // Loaded on first use: one module fewer before the page takes input.
  const { zip } = await import("./zip.js");
  download(await zip(files), "newsdecode.zip");
}

// --- clipboard paste -------------------------------------------------------------

async function pasteFromClipboard() {
  try {
    if (navigator.clipboard?.read) {
      for (const item of await navigator.clipboard.read()) {
        const type = item.types.includes("text/html") ? "text/html" : item.types.includes("text/plain") ? "text/plain" : null;
        if (!type) continue;
        const text = await (await item.getType(type)).text();
        state.pastedHtml = type === "text/html" ? text : null;
        $("paste").value = text;
        decodePaste();
        return;
      }
    }
    const text = await navigator.clipboard.readText();
    state.pastedHtml = null;
    $("paste").value = text;
    decodePaste();
  } catch {
    status(state.t("input.clipboardFallback"));
    $("paste").focus();
  }
}

function onPaste(event) {
  const html = event.clipboardData?.getData("text/html");
  if (html) {
    // Keep the markup (structure, links) as the input; the box shows it as text.
    event.preventDefault();
    state.pastedHtml = html;
    $("paste").value = html;
  } else {
    state.pastedHtml = null;
  }
  // Decode once the box holds the pasted text.
  setTimeout(decodePaste, 0);
}

// --- wiring ------------------------------------------------------------------------

function wireDrop() {
  const zone = $("dropzone");
  const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes("Files");
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    zone.hidden = false;
  });
  zone.addEventListener("dragleave", () => { zone.hidden = true; });
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.hidden = true;
    if (event.dataTransfer?.files?.length) decodeFiles(event.dataTransfer.files);
  });
}

function wireUp() {
  const encoding = $("encoding");
  encoding.append(new Option("", ""));
  for (const name of ENCODINGS) encoding.append(new Option(name, name));
  for (const [tag, name] of LANGUAGES) $("lang").append(new Option(name, tag));
  $("lang").addEventListener("change", (e) => {
    store("lang", e.target.value);
    setLanguage(e.target.value);
  });
  $("theme").addEventListener("click", () => {
    const current = document.documentElement.dataset.theme || "auto";
    const next = THEMES[(THEMES.indexOf(current) + 1) % THEMES.length];
    store("theme", next);
    setTheme(next);
  });
  $("decode").addEventListener("click", decodePaste);
  $("clipboard").addEventListener("click", pasteFromClipboard);
  $("paste").addEventListener("paste", onPaste);
  $("paste").addEventListener("input", () => { state.pastedHtml = null; });
  $("paste").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) decodePaste();
  });
  $("files").addEventListener("change", (e) => {
    decodeFiles(e.target.files);
    e.target.value = "";
  });
  $("cancel").addEventListener("click", cancel);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      $("dropzone").hidden = true;
      cancel();
    }
  });
  $("encoding").addEventListener("change", redecodeSelected);
  $("script").addEventListener("change", redecodeSelected);
  $("format").addEventListener("change", () => $("view").value === "source" && renderSelected());
  $("view").addEventListener("change", renderSelected);
  $("copy").addEventListener("click", copySelected);
  $("download").addEventListener("click", downloadSelected);
  $("download-jsonl").addEventListener("click", downloadJsonl);
  $("download-zip").addEventListener("click", downloadZip);
  $("clear").addEventListener("click", () => {
    if (document.body.classList.contains("reading")) setReadingMode(false, () => state.t);
    state.results = [];
    state.selected = -1;
    clearHistory();
    renderResults();
    renderSelected();
  });
  wireDrop();
  wireReading({ stored, store, t: () => state.t });
}

wireUp();
setTheme(stored("theme", "auto"));
setLanguage(stored("lang", pickLanguage(navigator.languages)));
status(state.t("status.loading"));
// Results kept from earlier visits come first (by identity: a paste made
// meanwhile keeps its place after them).
const restored = await loadHistory();
if (restored.length) {
  const selected = state.results[state.selected];
  state.results = [...restored, ...state.results];
  state.selected = state.results.indexOf(selected);
  renderResults();
}
// A shared text or launched files: taken once the page speaks its language.
wireLaunch();
// The page takes input at once; jobs wait in the worker until the wasm is
// there. `data-ready` (below) marks the decoder itself as loaded.
document.documentElement.dataset.uiReady = "true";
try {
  $("version").textContent = `newsdecode ${await decoderReady}`;
  // (Unless a shared or launched input already said something.)
  if ($("status").textContent === state.t("status.loading")) status(state.t("status.ready"));
  document.documentElement.dataset.ready = "true";
} catch (error) {
  status(state.t("error.prefix", { message: error.message }));
}
// Registered once the decoder is up: installing it downloads every file
// again (the wasm too), which should not compete with the page's start.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  navigator.serviceWorker.register("sw.js").catch(() => {
    // Without a service worker the app still works; it just is not offline.
  });
}
