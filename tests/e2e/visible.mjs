// The visible-text invariant: every line a reader sees on a page must be
// somewhere in the article — body, boilerplate, a metadata field — or be
// named by a warning. Chromium is the judge of what is visible: each page is
// loaded with scripts off and the network cut (only the page's own bytes are
// served, in the encoding the library chose), `<noscript>` removed (a reader with scripts on never sees it; our
// parser reads it as a scripting browser does), then `document.body.innerText`
// is split into lines. A line is found when its letters and digits (NFKC,
// lower case; spacing and punctuation are free to differ, repairs normalise
// punctuation) are a substring of the article's fields joined the same way.
// A lost line is traced back to the text node it starts in, and its cause is
// the nearest ancestor of a known kind (button, svg, aria-hidden, …).
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

/** The data sets, beside the repository (as in CI's clean clone). */
export const DATASETS = join(root, "../shared/datasets");

/** Every Readability test page and every 5th WCXB dev page (300): the pages the issue names. */
export function namedPages() {
  const pages = [];
  const readability = join(DATASETS, "readability-test-pages/pages");
  for (const slug of readdirSync(readability).sort()) {
    pages.push({ name: `readability/${slug}`, load: () => readFileSync(join(readability, slug, "source.html")) });
  }
  const wcxb = join(DATASETS, "wcxb-dev/dev/html");
  const files = readdirSync(wcxb).filter((f) => f.endsWith(".html.gz")).sort();
  for (let i = 0; i < files.length; i += 5) {
    pages.push({ name: `wcxb/${files[i].replace(".html.gz", "")}`, load: () => gunzipSync(readFileSync(join(wcxb, files[i]))) });
  }
  return pages;
}

/** Letters and digits only, NFKC, lower case: what must survive extraction. */
export function normalize(text) {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The words of a text: runs of letters and digits, NFKC, lower case. */
function words(text) {
  return text.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Every text the article holds: joined (letters and digits only) and as a
 * set of words. This is the haystack a visible line must be in.
 */
export function articleText(article) {
  const parts = [
    article.title, article.source, article.site_name, article.dateline, article.lead, article.end_mark,
    ...(article.authors || []), ...(article.editors || []), ...(article.breadcrumbs || []), article.text,
  ];
  for (const block of article.blocks || []) parts.push(block.text, block.caption, block.credit, block.alt, ...(block.items || []));
  for (const item of article.boilerplate || []) parts.push(item.text);
  for (const warning of article.decode?.warnings || []) parts.push(warning.raw);
  const texts = parts.filter(Boolean).concat([article.published, article.modified].flatMap(dateWords));
  return { joined: texts.map(normalize).join("\u0000"), words: new Set(texts.flatMap(words)) };
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * The words a date field stands for, as pages write it: `2025-08-12` is
 * also `12`, `8`, `august`, `aug`, and the time's hour and minute.
 */
function dateWords(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value || "");
  if (!m) return [];
  const month = MONTHS[Number(m[2]) - 1] || "";
  const out = [m[0], m[1], String(Number(m[2])), String(Number(m[3])), month, month.slice(0, 3)];
  if (m[4]) out.push(m[4], m[5], String(Number(m[4]) % 12 || 12));
  return out;
}

/**
 * Labels the library reads a field by and does not repeat in it
 * (`Credit: AP` → credit `AP`, `By Jane Doe` → authors `Jane Doe`).
 */
const FIELD_LABELS = new Set(["by", "credit", "credits", "photo", "source", "来源", "作者", "记者", "编辑", "责任编辑"]);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Whether `word` is the concatenation of words of the haystack (an inline element written apart: `924` + `Reply`). */
function composed(word, known) {
  const reach = new Array(word.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < word.length; i++) {
    if (!reach[i]) continue;
    for (let j = i + 1; j <= word.length; j++) if (known.has(word.slice(i, j))) reach[j] = true;
  }
  return reach[word.length];
}

/**
 * What of a line is missing from the article, as the words no field holds
 * (joined by spaces); empty when the line is found. A line whose text is not
 * found in one piece is "split" when each of its words is found: a CJK word
 * (no spaces to split at) anywhere in the joined text, any other word as a
 * word of some field, or as several (an inline element written apart).
 */
export function missing(line, haystack) {
  // A line shown misread (`isnâ€™t`) is in the article repaired (`isn’t`).
  const repaired = unmisread(line);
  if (repaired !== line && !missingAsShown(repaired, haystack)) return "";
  return missingAsShown(line, haystack);
}

function missingAsShown(line, haystack) {
  if (haystack.joined.includes(normalize(line))) return "";
  return words(line)
    .filter((w) => !FIELD_LABELS.has(w))
    .filter((w) => !(CJK.test(w) ? haystack.joined.includes(w) : haystack.words.has(w) || composed(w, haystack.words)))
    .join(" ");
}

/** windows-1252's characters for the bytes 0x80–0x9F (C1 controls stand for themselves). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * `line` with each UTF-8 sequence read as windows-1252 decoded again (other
 * characters stay): an oracle for the library's repair, written apart from
 * it and looser (it knows no exceptions).
 */
export function unmisread(line) {
  // (innerText shows U+00A0 as a space: after a lead byte's character, and
  // a continuation's, it was the byte 0xA0 of the sequence — `â€ ` is `†`.)
  const nbsp = line.replace(/(?<=[\u00c2-\u00f4][^\x00-\x7F]?) /g, "\u00a0");
  return nbsp.replace(/[^\x00-\x7F]+/g, (run, at, whole) => {
    const bytes = [];
    for (const c of run) {
      const code = c.codePointAt(0);
      const high = CP1252_HIGH.indexOf(c);
      if (high >= 0) bytes.push(0x80 + high);
      else if (code <= 0xff) bytes.push(code);
      else return run;
    }
    // Sequence by sequence: real characters may stand beside a misread.
    const chars = [...run];
    let out = "";
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i];
      const n = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1;
      let decoded = null;
      if (n > 1 && i + n <= bytes.length) {
        try {
          decoded = UTF8.decode(new Uint8Array(bytes.slice(i, i + n)));
        } catch {
          decoded = null;
        }
      }
      // A sequence cut by the line's end lost its last byte, a trimmed NBSP.
      if (!decoded && n > 1 && i + n > bytes.length && at + run.length === whole.length) break;
      out += decoded ?? chars[i];
      i += decoded ? n : 1;
    }
    return out;
  });
}

const PAGE_URL = "http://page.invalid/";

// Runs in the page: the visible lines, and for lost ones where they start.
function pageLines() {
  for (const n of document.querySelectorAll("noscript")) n.remove();
  // A page that hides itself until its scripts run (anti-framing
  // `html { display: none }`) is shown to a reader with scripts on.
  for (const el of [document.documentElement, document.body]) {
    if (el && getComputedStyle(el).display === "none") el.style.setProperty("display", "block", "important");
    if (el && getComputedStyle(el).visibility === "hidden") el.style.setProperty("visibility", "visible", "important");
  }
  return (document.body?.innerText || "").split(/[\n\t]/);
}

// Runs in the page: the ancestor chain of the text node each line starts in.
function pageTrace(lines) {
  const norm = (t) => t.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let stream = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const t = norm(node.data);
    // A script's or style's words must not take the trace.
    if (!t || node.parentElement?.closest("script, style, template, title")) continue;
    nodes.push({ node, at: stream.length });
    stream += t;
  }
  const describe = (el) => {
    let s = el.localName;
    if (el.id) s += `#${el.id}`;
    const cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean).slice(0, 2);
    if (cls.length) s += `.${cls.join(".")}`;
    for (const a of ["role", "aria-hidden", "hidden", "open"]) if (el.hasAttribute(a)) s += `[${a}]`;
    return s;
  };
  return lines.map((line) => {
    const at = stream.indexOf(norm(line));
    if (at < 0) return { path: [], tags: [] };
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodes[mid].at <= at) lo = mid;
      else hi = mid - 1;
    }
    const path = [];
    const tags = [];
    for (let el = nodes[lo].node.parentElement; el && el !== document.documentElement; el = el.parentElement) {
      path.unshift(describe(el));
      tags.push({
        tag: el.localName,
        ariaHidden: el.getAttribute("aria-hidden") === "true",
        role: el.getAttribute("role") || "",
        cls: (el.getAttribute("class") || "") + " " + (el.id || ""),
      });
    }
    return { path, tags };
  });
}

/** The kind of element a lost line sits in, nearest first: the report's cause. */
export function cause(tags) {
  const kinds = {
    button: "button", select: "select", option: "select", svg: "svg", math: "math", dialog: "dialog",
    textarea: "form control", label: "form", form: "form", template: "template", nav: "nav", header: "header",
    footer: "footer", aside: "aside", figure: "figure", figcaption: "figure", table: "table", time: "time",
    address: "address", h1: "heading", h2: "heading", h3: "heading", h4: "heading", h5: "heading", h6: "heading",
    li: "list", dt: "list", dd: "list", blockquote: "quote", pre: "pre", a: "link",
  };
  if (!tags.length) return "not traced";
  for (const t of tags) if (t.ariaHidden) return "aria-hidden";
  for (const t of tags) if (kinds[t.tag]) return kinds[t.tag];
  return tags[0].tag;
}

/**
 * A browser tab for the check: scripts off, every request but the page's
 * own cut. `lost(bytes, article)` loads `bytes` (in the encoding the article
 * was decoded with: decoding is judged elsewhere, in tests/decode.rs) and
 * returns the visible lines not found whole in `article`, each with what is
 * missing (empty when the line is only split apart), its cause and DOM path.
 */
export async function checkerTab(browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: "block" });
  let current = { bytes: Buffer.alloc(0), charset: "utf-8" };
  await context.route("**/*", (route) =>
    route.request().url() === PAGE_URL
      ? route.fulfill({ status: 200, contentType: `text/html; charset=${current.charset}`, body: current.bytes })
      : route.abort());
  const page = await context.newPage();
  return {
    async lost(bytes, article) {
      current = { bytes: Buffer.from(bytes), charset: article.decode?.encoding || "utf-8" };
      await page.goto(PAGE_URL, { waitUntil: "domcontentloaded" });
      const lines = (await page.evaluate(pageLines)).map((l) => l.trim()).filter((l) => normalize(l));
      const haystack = articleText(article);
      const lost = [...new Set(lines)].filter((l) => !haystack.joined.includes(normalize(l)));
      if (!lost.length) return [];
      const traces = await page.evaluate(pageTrace, lost);
      return lost.map((line, i) => ({
        line,
        missing: missing(line, haystack),
        cause: cause(traces[i].tags),
        path: traces[i].path.join(" > "),
      }));
    },
    close: () => context.close(),
  };
}

/** `checkerTab(browser).lost(bytes, article)` in a tab of its own. */
export async function lostLines(browser, bytes, article) {
  const tab = await checkerTab(browser);
  try {
    return await tab.lost(bytes, article);
  } finally {
    await tab.close();
  }
}

/**
 * Runs the check on `pages` (from `namedPages`), `concurrency` pages at a
 * time; returns `[{name, lines}]` in page order, `lines` as `lostLines`
 * gives them. `extract(bytes)` makes the article.
 */
export async function checkPages(browser, pages, extract, concurrency = 3) {
  const results = new Array(pages.length);
  let next = 0;
  const worker = async () => {
    const tab = await checkerTab(browser);
    try {
      while (next < pages.length) {
        const i = next++;
        const bytes = pages[i].load();
        results[i] = { name: pages[i].name, lines: await tab.lost(bytes, extract(bytes)) };
      }
    } finally {
      await tab.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
