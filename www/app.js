// The page: paste or open files, decode them with the wasm library, show what
// was detected and the result. Everything shown is set with textContent:
// input markup is never injected into this page.
import init, { extract, render, version } from "/pkg/newsdecode.js";

const $ = (id) => document.getElementById(id);
const ENCODINGS = [
  "UTF-8", "UTF-16LE", "UTF-16BE", "GBK", "gb18030", "Big5", "Shift_JIS", "EUC-JP",
  "ISO-2022-JP", "EUC-KR", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
  "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258",
  "windows-874", "KOI8-R", "KOI8-U", "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4",
  "ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-8-I", "ISO-8859-10",
  "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "macintosh", "x-mac-cyrillic",
];

/** The last results, so the format selector can re-render them. */
let results = [];
/** The pasted input: HTML from the clipboard when it had some, else the textarea. */
let pastedHtml = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function options() {
  const encoding = $("encoding").value;
  return encoding ? { encoding } : {};
}

function describe(article) {
  const d = article.decode;
  return `${d.encoding} (${d.source}, confidence ${d.confidence.toFixed(2)}) · ` +
    `${article.input.kind}, ${article.input.bytes} bytes · ${d.replacements} replacement characters`;
}

function show() {
  const format = $("format").value;
  const list = $("results");
  list.replaceChildren();
  for (const r of results) {
    const item = el("article", "result");
    item.append(el("h3", "", r.name));
    if (r.error) {
      item.append(el("p", "error", `${r.error.message} [${r.error.code ?? "error"}]`));
    } else {
      item.append(el("p", "report", describe(r.article)));
      for (const w of r.article.decode.warnings) item.append(el("p", "warning", `⚠ ${w.message}`));
      const out = el("pre", format === "text" ? "output" : "output code", render(r.article, format));
      item.append(out);
    }
    list.append(item);
  }
}

function run(name, input) {
  try {
    return { name, article: extract(input, options()) };
  } catch (error) {
    return { name, error };
  }
}

function decodePaste() {
  const text = $("paste").value;
  results = [run("Pasted text", pastedHtml ?? text)];
  $("status").textContent = results[0].error ? "Could not decode the paste." : "Decoded the paste.";
  show();
}

async function decodeFiles(files) {
  results = [];
  let done = 0;
  for (const file of files) {
    $("status").textContent = `Decoding ${file.name} (${++done}/${files.length})…`;
    const bytes = new Uint8Array(await file.arrayBuffer());
    results.push(run(file.name, bytes));
    show();
  }
  const failed = results.filter((r) => r.error).length;
  $("status").textContent = `Decoded ${files.length - failed} of ${files.length} files.`;
}

function wireUp() {
  const select = $("encoding");
  for (const name of ENCODINGS) select.append(new Option(name, name));
  $("decode").addEventListener("click", decodePaste);
  $("paste").addEventListener("paste", (event) => {
    const html = event.clipboardData?.getData("text/html");
    if (html) {
      // Keep the markup (structure, links) as the input; show it as text.
      event.preventDefault();
      pastedHtml = html;
      $("paste").value = html;
      decodePaste();
    }
  });
  $("paste").addEventListener("input", () => { pastedHtml = null; });
  $("files").addEventListener("change", (e) => decodeFiles([...e.target.files]));
  $("format").addEventListener("change", show);
  $("encoding").addEventListener("change", () => results.length && show());
  const zone = $("dropzone");
  document.addEventListener("dragover", (e) => { e.preventDefault(); zone.hidden = false; });
  zone.addEventListener("dragleave", () => { zone.hidden = true; });
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.hidden = true;
    if (e.dataTransfer?.files?.length) decodeFiles([...e.dataTransfer.files]);
  });
}

await init();
wireUp();
$("version").textContent = `newsdecode ${version()}`;
$("status").textContent = "Ready.";
document.documentElement.dataset.ready = "true";
