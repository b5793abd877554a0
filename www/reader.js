// The reader view, built from the structured article with DOM nodes and
// textContent only: nothing from the input is ever parsed as markup, and
// nothing is fetched until the reader opts in to images. Even then this
// page's policy forbids remote images: each is shown in a frame of
// image.html, a document of its own whose policy allows them.

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const DATE_TIME = { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" };

/** Formats an RFC 3339 date for the reader's locale; a bare date stays a date. */
export function formatDate(value, locale) {
  if (!value) return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  if (dateOnly) return format(date, locale, { dateStyle: "long", timeZone: "UTC" }) ?? value;
  // A time is shown at the offset the page gave (the local time of the news),
  // named; without an offset, in the reader's own zone.
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(value)?.[1];
  const zone = offset === "Z" ? "UTC" : offset;
  return (zone && format(date, locale, { ...DATE_TIME, timeZone: zone, timeZoneName: "shortOffset" })) ??
    format(date, locale, { dateStyle: "long", timeStyle: "short" }) ?? value;
}

function format(date, locale, options) {
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    // An engine without offset time zones, or an unknown locale.
    return null;
  }
}

/** Only http(s) and data:image URLs are ever made into links or images. */
function safeImageUrl(src) {
  if (!src) return null;
  if (/^data:image\/(png|jpeg|gif|webp|avif);/i.test(src)) return { kind: "data", url: src };
  try {
    const url = new URL(src);
    return url.protocol === "https:" || url.protocol === "http:" ? { kind: "remote", url: url.href } : null;
  } catch {
    return null;
  }
}

/**
 * Text with the garbled spans (U+FFFD runs) marked; `raws` supplies, in order,
 * the original characters of each span for the tooltip.
 */
function markedText(text, raws, t) {
  const parts = text.split(/(\uFFFD+)/);
  if (parts.length === 1) return [text];
  return parts.map((part, i) => {
    if (i % 2 === 0) return part;
    const raw = raws.shift();
    return el("mark", { class: "garbled", title: raw !== undefined ? t("report.garbled", { raw }) : null }, part);
  });
}

/** Only http(s) and mailto links are live; anything else stays text. */
function safeLinkUrl(href) {
  try {
    const url = new URL(href);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Characters `from`… of a block's text (`text`) with the block's links as
 * `<a>` nodes. Link offsets count code points, so the text is indexed as
 * `Array.from(text)`, not by UTF-16 units.
 */
function linkedText(text, from, links, raws, t) {
  if (!links?.length) return markedText(text, raws, t);
  const chars = Array.from(text);
  const nodes = [];
  let at = 0;
  const plain = (a, b) => nodes.push(...markedText(chars.slice(a, b).join(""), raws, t));
  for (const link of links) {
    const start = Math.max(link.start - from, at);
    const end = Math.min(link.end - from, chars.length);
    if (link.end <= from || start >= end) continue;
    if (start > at) plain(at, start);
    const href = safeLinkUrl(link.href);
    const inner = markedText(chars.slice(start, end).join(""), raws, t);
    nodes.push(href
      ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", referrerpolicy: "no-referrer" }, ...inner)
      : el("span", {}, ...inner));
    at = end;
  }
  if (at < chars.length) plain(at, chars.length);
  return nodes;
}

/** Pieces of a block's text (list items, table cells) with their offsets. */
function pieces(parts) {
  let from = 0;
  return parts.map((text) => {
    const piece = { text, from };
    from += Array.from(text).length + 1;
    return piece;
  });
}

/** The document that shows one remote image (beside this module, in www/ and pkg/). */
const IMAGE_FRAME = new URL("./image.html", import.meta.url);

// Frames of remote images report their picture's size (or failure): the
// frame takes its proportions, or its figure is marked failed. Frames are
// tracked here, not looked up in the document: the element's sit in a
// shadow root.
const frames = new Set();
globalThis.addEventListener?.("message", (event) => {
  if (event.origin !== location.origin || event.data?.type !== "newsdecode-image") return;
  for (const frame of frames) {
    if (!frame.isConnected) frames.delete(frame);
    if (frame.contentWindow !== event.source) continue;
    if (event.data.error) frame.closest("figure")?.classList.add("image-failed");
    else if (event.data.width > 0 && event.data.height > 0) {
      // Its proportions, and never wider than the picture itself.
      frame.style.aspectRatio = `${event.data.width} / ${event.data.height}`;
      frame.style.maxWidth = `${event.data.width}px`;
    }
  }
});

function figure(block, showImages, t) {
  const image = safeImageUrl(block.src);
  const label = block.alt || block.caption || t("reader.figure");
  let media;
  if (showImages && image?.kind === "data") {
    media = el("img", { src: image.url, alt: block.alt || "" });
  } else if (showImages && image?.kind === "remote") {
    const frame = el("iframe", { class: "remote-image", src: `${IMAGE_FRAME.href}#${encodeURIComponent(image.url)}`,
      title: label, loading: "lazy", referrerpolicy: "no-referrer" });
    frames.add(frame);
    media = el("div", { class: "remote-media" }, frame,
      el("a", { class: "open-image", href: image.url, target: "_blank", rel: "noopener noreferrer nofollow", referrerpolicy: "no-referrer" }, t("reader.openImage")));
  } else {
    media = el("div", { class: "placeholder", role: "img", "aria-label": label },
      el("span", { class: "placeholder-label" }, `🖼 ${block.alt || t("reader.figure")} (${t("reader.notLoaded")})`));
  }
  // The caption is the block's text, where its links are.
  const caption = block.caption || block.credit
    ? el("figcaption", { part: "caption" }, ...(block.caption ? linkedText(block.caption, 0, block.links, [], t) : []),
      block.credit ? el("span", { class: "credit" }, block.credit) : null)
    : null;
  return el("figure", { part: "figure" }, media, caption);
}

function table(block, t) {
  const body = el("tbody");
  // Rows end with a newline and cells with a tab: one character each.
  let from = 0;
  for (const row of block.text.split("\n")) {
    const cells = pieces(row.split("\t")).map(({ text, from: at }) =>
      el("td", {}, ...linkedText(text, from + at, block.links, [], t)));
    body.append(el("tr", {}, ...cells));
    from += Array.from(row).length + 1;
  }
  return el("div", { class: "table-wrap" }, el("table", {}, body));
}

function blockNode(block, context) {
  const { t, raws } = context;
  switch (block.kind) {
    case "heading": {
      // The article's title is the view's h2; body headings sit below it.
      const level = Math.min(6, Math.max(3, (block.level || 2) + 1));
      return el(`h${level}`, {}, ...linkedText(block.text, 0, block.links, raws, t));
    }
    case "figure":
      return figure(block, context.showImages, t);
    case "quote":
      return el("blockquote", {}, ...linkedText(block.text, 0, block.links, raws, t));
    case "list":
      return el("ul", {}, ...pieces(block.items || []).map(({ text, from }) =>
        el("li", {}, ...linkedText(text, from, block.links, raws, t))));
    case "table":
      return table(block, t);
    case "code":
      return el("pre", {}, el("code", {}, block.text));
    default:
      return el("p", {}, ...linkedText(block.text, 0, block.links, raws, t));
  }
}

function metaLine(article, t, locale) {
  const items = [];
  const add = (key, value, node) => {
    if (!value || (Array.isArray(value) && !value.length)) return;
    items.push(el("span", { class: "meta-item" }, el("span", { class: "meta-key" }, t("reader.label", { label: t(key) })), node || (Array.isArray(value) ? value.join(t("reader.listSeparator")) : value)));
  };
  add("reader.published", article.published, article.published && el("time", { datetime: article.published }, formatDate(article.published, locale)));
  add("reader.modified", article.modified, article.modified && el("time", { datetime: article.modified }, formatDate(article.modified, locale)));
  add("reader.source", article.source);
  add("reader.site", article.site_name);
  add("reader.authors", article.authors);
  add("reader.editors", article.editors);
  return items.length ? el("p", { class: "meta", part: "meta" }, ...items) : null;
}

/** Warning kinds the interface words itself (others show the library's message). */
const WARNING_KINDS = new Set(["mislabeled_encoding", "decode_errors", "garbled_text", "limit_reached", "repair_not_applied", "no_text"]);

/**
 * The warnings of one kind as one line in the interface's language, with a
 * count (91 garbled spans are one line, not 91), expandable to the details:
 * the damaged text of garbled spans, else the library's own messages.
 */
function warningGroup(kind, warnings, decode, t) {
  const n = kind === "decode_errors" ? decode.replacements : warnings.length;
  const line = WARNING_KINDS.has(kind) ? t(`warning.${kind}`, { n, encoding: decode.encoding }) : warnings[0].message;
  const details = kind === "garbled_text"
    ? el("ul", { class: "raws" }, ...warnings.map((w) => el("li", {}, el("code", { class: "raw" }, w.raw || ""))))
    : el("div", {}, el("p", { class: "details-label" }, t("report.details")),
      el("ul", { lang: "en" }, ...warnings.map((w) => el("li", {}, w.message))));
  return el("li", { class: "warning", "data-kind": kind, "data-count": String(warnings.length) },
    el("details", {}, el("summary", {}, line), details));
}

function report(article, t) {
  const d = article.decode;
  const number = new Intl.NumberFormat(t.lang || undefined);
  const size = t.bytes ? t.bytes(article.input.bytes) : `${article.input.bytes} B`;
  const rows = [
    ["report.encoding", d.encoding],
    ["report.source", t(`source.${d.source}`)],
    ["report.confidence", new Intl.NumberFormat(t.lang || undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(d.confidence)],
    ["report.replacements", number.format(d.replacements)],
    ["report.input", t("report.inputValue", { kind: t(`input.kind.${article.input.kind}`), size })],
  ];
  if (d.tables_used) rows.push(["report.tables", t("report.tablesUsed")]);
  const list = el("dl", {});
  for (const [key, value] of rows) list.append(el("dt", {}, t(key)), el("dd", {}, value));
  // Repairs and warnings are worded from their kinds and counts; the
  // library's English message stays on hover (repairs) or in the details.
  const repairs = d.repairs.length
    ? el("ul", {}, ...d.repairs.map((r) => el("li", { "data-kind": r.kind, title: r.message }, t(`repair.${r.kind}`, { n: r.count }))))
    : t("report.none");
  const groups = new Map();
  for (const w of d.warnings) {
    if (!groups.has(w.kind)) groups.set(w.kind, []);
    groups.get(w.kind).push(w);
  }
  const warnings = groups.size
    ? el("ul", {}, ...[...groups].map(([kind, list]) => warningGroup(kind, list, d, t)))
    : t("report.none");
  list.append(el("dt", {}, t("report.repairs")), el("dd", {}, repairs));
  list.append(el("dt", {}, t("report.warnings")), el("dd", {}, warnings));
  return el("details", { class: "report", part: "report", open: d.warnings.length ? "" : null }, el("summary", {}, t("reader.report")), list);
}

function boilerplate(article, t) {
  if (!article.boilerplate.length) return null;
  // Garbled spans outside the body have no offsets; they are marked in order.
  const raws = article.decode.warnings.filter((w) => w.kind === "garbled_text" && w.start === undefined).map((w) => w.raw);
  const list = el("ul", {});
  for (const item of article.boilerplate) {
    list.append(el("li", {}, el("span", { class: "kind" }, t(`boilerplate.${item.kind}`)), " ", ...markedText(item.text, raws, t)));
  }
  return el("details", { class: "boilerplate", part: "boilerplate" }, el("summary", {}, t("reader.boilerplate", { n: article.boilerplate.length })), list);
}

/**
 * Builds the reader view of `article`. Options: `t` (translator), `locale`
 * (for dates), `showImages` (opt-in), `onShowImages` (called by the opt-in
 * button; the caller re-renders with showImages true).
 */
export function readerView(article, { t, locale, showImages = false, onShowImages } = {}) {
  const raws = article.decode.warnings.filter((w) => w.kind === "garbled_text" && w.start !== undefined).map((w) => w.raw);
  const context = { t, raws, showImages };
  const root = el("article", { class: "reader", lang: article.language || null });
  if (article.breadcrumbs.length) {
    root.append(el("nav", { class: "breadcrumbs", "aria-label": t("reader.breadcrumbs") }, article.breadcrumbs.join(" › ")));
  }
  root.append(el("h2", { class: "title", part: "title" }, article.title || t("reader.untitled")));
  const meta = metaLine(article, t, locale);
  if (meta) root.append(meta);
  const hasImages = article.blocks.some((b) => b.kind === "figure" && safeImageUrl(b.src));
  if (hasImages && !showImages && onShowImages) {
    const button = el("button", { type: "button", class: "load-images", part: "load-images" }, t("reader.loadImages"));
    button.addEventListener("click", onShowImages);
    root.append(button);
  }
  if (article.lead) root.append(el("p", { class: "lead", part: "lead" }, article.lead));
  // The dateline usually opens the first paragraph; show it only when it does not.
  if (article.dateline && !article.text.includes(article.dateline)) root.append(el("p", { class: "dateline" }, el("span", { class: "visually-hidden" }, t("reader.label", { label: t("reader.dateline") })), article.dateline));
  const body = el("div", { class: "body", part: "body" });
  for (const block of article.blocks) body.append(blockNode(block, context));
  root.append(body);
  if (article.end_mark) root.append(el("p", { class: "end-mark", part: "end-mark" }, article.end_mark));
  const rest = boilerplate(article, t);
  if (rest) root.append(rest);
  root.append(report(article, t));
  return root;
}
