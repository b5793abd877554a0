// The interface strings, English and Simplified Chinese. The language is
// picked from navigator.languages (any zh that is not Traditional → zh-Hans)
// unless the user chose one; `t` falls back to English for a missing key.

/** @type {Record<string, Record<string, string>>} */
export const STRINGS = {
  en: {
    "app.tagline": "Paste or drop a news page — HTML or text, any encoding — and read it as a clean article. Everything happens in this tab; nothing is uploaded.",
    "ui.language": "Language",
    "ui.theme": "Theme",
    "theme.auto": "Theme: auto",
    "theme.light": "Theme: light",
    "theme.dark": "Theme: dark",
    "input.heading": "Input",
    "input.paste": "Paste a page (HTML or text)",
    "input.placeholder": "Paste here (Ctrl+V keeps the page's HTML when the clipboard has it)…",
    "input.decode": "Decode",
    "input.clipboard": "Paste from clipboard",
    "input.files": "Open files…",
    "input.drop": "…or drop files anywhere on this page (.html, .htm, .txt, .mht, .gz).",
    "input.dropzone": "Drop files to decode them",
    "input.clipboardFallback": "The clipboard cannot be read here: click the box and press Ctrl+V (⌘V).",
    "options.encoding": "Encoding",
    "options.detect": "Detect automatically",
    "options.script": "Chinese script",
    "script.auto": "Auto (undo machine conversion)",
    "script.keep": "Keep as written",
    "script.hans": "Simplified",
    "script.hant": "Traditional",
    "options.format": "Copy / download as",
    "format.markdown": "Markdown",
    "format.text": "Plain text",
    "format.json": "JSON",
    "format.html": "HTML",
    "progress.label": "Progress",
    "progress.file": "{done}/{total} · {name}",
    "progress.cancel": "Cancel",
    "status.loading": "Loading the decoder…",
    "status.ready": "Ready.",
    "status.working": "Decoding…",
    "status.busy": "Still decoding the current files: wait for them or press Cancel, then try again.",
    "status.done": "Decoded {ok} of {total}.",
    "status.cancelled": "Cancelled after {done} of {total}.",
    "status.copied": "Copied as {format}.",
    "status.copyFailed": "Could not copy: {message}",
    "status.empty": "Nothing to decode: paste a page or open a file.",
    "status.same": "That text is already decoded: its article is shown.",
    "status.noInput": "This result was kept without its page (too large to keep): open or paste the page again to decode it with other options.",
    "results.kept": "Results are kept on this device (the last {n}) until you clear them.",
    "status.url": "That is a web address: newsdecode never fetches pages. Open the page in your browser, then either save it (Ctrl+S or ⌘S, \u201cWebpage, complete\u201d or \u201csingle file\u201d) and open the saved file here, or select all of it (Ctrl+A or ⌘A), copy, and paste it here.",
    "results.heading": "Results",
    "results.name": "File",
    "results.title": "Title",
    "results.date": "Date",
    "results.source": "Source",
    "results.status": "Status",
    "results.ok": "OK",
    "results.failed": "Error",
    "results.open": "Read",
    "results.openName": "Read: {name}",
    "results.jsonl": "Download all (JSONL)",
    "results.zip": "Download all (zip)",
    "results.clear": "Clear",
    "results.pasted": "Pasted text",
    "reading.mode": "Read full width",
    "reading.back": "Back to input",
    "reading.controls": "Reading settings",
    "reading.size": "Text size",
    "reading.size.s": "Small",
    "reading.size.m": "Medium",
    "reading.size.l": "Large",
    "reading.size.xl": "Extra large",
    "reading.width": "Line width",
    "reading.width.narrow": "Narrow",
    "reading.width.medium": "Medium",
    "reading.width.wide": "Wide",
    "reading.font": "Font",
    "reading.font.sans": "Sans-serif",
    "reading.font.serif": "Serif",
    "reader.heading": "Article",
    "reader.label": "{label}: ",
    "reader.listSeparator": ", ",
    "reader.copy": "Copy",
    "reader.download": "Download",
    "reader.view": "Show",
    "view.reader": "Reader",
    "view.source": "Output",
    "reader.untitled": "(no title found)",
    "reader.published": "Published",
    "reader.modified": "Updated",
    "reader.source": "Source",
    "reader.site": "Site",
    "reader.authors": "By",
    "reader.editors": "Editors",
    "reader.breadcrumbs": "Section",
    "reader.dateline": "Dateline",
    "reader.figure": "Image",
    "reader.notLoaded": "not loaded",
    "reader.loadImages": "Show images",
    "reader.openImage": "Open image in a new tab",
    "reader.boilerplate": "Not part of the article ({n})",
    "reader.report": "Decoding report",
    "report.encoding": "Encoding",
    "report.source": "Chosen by",
    "report.confidence": "Confidence",
    "report.repairs": "Repairs",
    "report.warnings": "Warnings",
    "report.none": "none",
    "report.input": "Input",
    "report.garbled": "damaged text, originally: {raw}",
    "source.bom": "byte order mark",
    "source.user": "your choice",
    "source.hint": "the charset hint given with the page",
    "source.meta": "the page's <meta> charset",
    "source.xml": "the XML declaration",
    "source.detected": "detection from the bytes",
    "source.default": "default (plain ASCII)",
    "source.text": "pasted as text",
    "boilerplate.navigation": "Navigation",
    "boilerplate.disclaimer": "Disclaimer",
    "boilerplate.related": "Related links",
    "boilerplate.share": "Share bar",
    "boilerplate.comments": "Comments",
    "boilerplate.footer": "Footer",
    "boilerplate.ads": "Ads",
    "boilerplate.other": "Other",
    "results.warnings.one": "{n} warning",
    "results.warnings.other": "{n} warnings",
    "results.failedWith": "Error: {message} [{code}]",
    "report.replacements": "U+FFFD from decoding",
    "report.inputValue": "{kind}, {size}",
    "report.tables": "Chinese tables",
    "report.tablesUsed": "used (loaded when a page first needs them)",
    "report.details": "Details (from the library, in English)",
    "input.kind.html": "HTML",
    "input.kind.text": "text",
    "repair.mojibake.one": "re-decoded {n} line that had been read in the wrong encoding (mojibake)",
    "repair.mojibake.other": "re-decoded {n} lines that had been read in the wrong encoding (mojibake)",
    "repair.pinyin_glosses_removed.one": "removed {n} pinyin reading glued after a character",
    "repair.pinyin_glosses_removed.other": "removed {n} pinyin readings glued after characters",
    "repair.traditional_to_simplified.one": "restored {n} character machine-converted to Traditional to Simplified",
    "repair.traditional_to_simplified.other": "restored {n} characters machine-converted to Traditional to Simplified",
    "repair.simplified_to_traditional.one": "converted {n} character to Traditional",
    "repair.simplified_to_traditional.other": "converted {n} characters to Traditional",
    "repair.punctuation_normalized.one": "made {n} ASCII punctuation mark between CJK characters full-width",
    "repair.punctuation_normalized.other": "made {n} ASCII punctuation marks between CJK characters full-width",
    "repair.control_characters_removed.one": "removed {n} control character",
    "repair.control_characters_removed.other": "removed {n} control characters",
    "warning.mislabeled_encoding": "The page's declared encoding does not match its bytes; read as {encoding}.",
    "warning.decode_errors": "Some bytes could not be decoded: {n} shown as U+FFFD (\uFFFD).",
    "warning.garbled_text.one": "{n} garbled span: text damaged beyond repair, shown as U+FFFD (\uFFFD).",
    "warning.garbled_text.other": "{n} garbled spans: text damaged beyond repair, shown as U+FFFD (\uFFFD).",
    "warning.limit_reached": "The page reached a parser limit and was simplified; no text was dropped.",
    "warning.repair_not_applied": "The repairs could not be mapped back onto the page; its text is kept as extracted, unrepaired.",
    "warning.no_text": "The page shows no text of its own (scripts build it, or it is empty): only its title and details were read.",
    "error.empty_input": "The input is empty.",
    "error.too_large": "Too large: over the limit of {limit}.",
    "error.binary_input": "Not a text or HTML page: binary data ({what}).",
    "error.unknown_encoding": "Unknown encoding “{label}”.",
    "error.invalid_option": "An option was not understood.",
    "error.invalid_input": "This input cannot be read as a page.",
    "error.unreadable": "The file could not be read.",
    "error.internal": "Internal error in the decoder; it was restarted.",
    "error.tables_needed": "This page needs the Chinese tables, which are not loaded.",
    "error.tables_unavailable": "This page needs the Chinese tables, which could not be fetched (offline before their first use?).",
    "error.invalid_tables": "The Chinese tables file is damaged or belongs to another version.",
    "error.prefix": "Could not decode: {message}",
    "footer.privacy": "Works offline. What you decode never leaves your browser.",
    "footer.embed": "Embed it on your site",
  },
  "zh-Hans": {
    "app.tagline": "粘贴或拖入新闻网页（HTML 或纯文本，任何编码），即可得到干净的文章。一切都在此标签页内完成，不会上传任何内容。",
    "ui.language": "语言",
    "ui.theme": "主题",
    "theme.auto": "主题：自动",
    "theme.light": "主题：浅色",
    "theme.dark": "主题：深色",
    "input.heading": "输入",
    "input.paste": "粘贴网页（HTML 或文本）",
    "input.placeholder": "在此粘贴（剪贴板中有 HTML 时，Ctrl+V 会保留网页结构）…",
    "input.decode": "解析",
    "input.clipboard": "从剪贴板粘贴",
    "input.files": "打开文件…",
    "input.drop": "…或将文件拖到页面任意位置（.html、.htm、.txt、.mht、.gz）。",
    "input.dropzone": "松开以解析文件",
    "input.clipboardFallback": "此处无法读取剪贴板：请点击输入框后按 Ctrl+V（⌘V）。",
    "options.encoding": "编码",
    "options.detect": "自动检测",
    "options.script": "中文字形",
    "script.auto": "自动（撤销机器繁简转换）",
    "script.keep": "保持原样",
    "script.hans": "简体",
    "script.hant": "繁体",
    "options.format": "复制／下载格式",
    "format.markdown": "Markdown",
    "format.text": "纯文本",
    "format.json": "JSON",
    "format.html": "HTML",
    "progress.label": "进度",
    "progress.file": "{done}/{total} · {name}",
    "progress.cancel": "取消",
    "status.loading": "正在加载解析器…",
    "status.ready": "就绪。",
    "status.working": "正在解析…",
    "status.busy": "仍在解析当前文件：请等待完成或点击“取消”后再试。",
    "status.done": "已解析 {ok}/{total}。",
    "status.cancelled": "已取消，完成 {done}/{total}。",
    "status.copied": "已复制为 {format}。",
    "status.copyFailed": "复制失败：{message}",
    "status.empty": "没有可解析的内容：请粘贴网页或打开文件。",
    "status.same": "这段文字已经解析过，显示的是它的文章。",
    "status.noInput": "此结果保存时未保留原网页（过大）：请重新打开或粘贴该网页，才能用其他选项解析。",
    "results.kept": "结果保存在本设备上（最近 {n} 条），直到您清除为止。",
    "status.url": "这是一个网址：newsdecode 从不联网获取网页。请先在浏览器中打开该网页，然后保存它（Ctrl+S 或 ⌘S，选择“网页，全部”或“单个文件”）并在这里打开保存的文件；或者全选（Ctrl+A 或 ⌘A）、复制，再粘贴到这里。",
    "results.heading": "结果",
    "results.name": "文件",
    "results.title": "标题",
    "results.date": "日期",
    "results.source": "来源",
    "results.status": "状态",
    "results.ok": "成功",
    "results.failed": "错误",
    "results.open": "阅读",
    "results.openName": "阅读：{name}",
    "results.jsonl": "全部下载（JSONL）",
    "results.zip": "全部下载（zip）",
    "results.clear": "清空",
    "results.pasted": "粘贴的内容",
    "reading.mode": "全宽阅读",
    "reading.back": "返回输入",
    "reading.controls": "阅读设置",
    "reading.size": "字号",
    "reading.size.s": "小",
    "reading.size.m": "中",
    "reading.size.l": "大",
    "reading.size.xl": "特大",
    "reading.width": "行宽",
    "reading.width.narrow": "窄",
    "reading.width.medium": "中",
    "reading.width.wide": "宽",
    "reading.font": "字体",
    "reading.font.sans": "无衬线",
    "reading.font.serif": "衬线",
    "reader.heading": "文章",
    "reader.label": "{label}：",
    "reader.listSeparator": "、",
    "reader.copy": "复制",
    "reader.download": "下载",
    "reader.view": "显示",
    "view.reader": "阅读视图",
    "view.source": "输出",
    "reader.untitled": "（未找到标题）",
    "reader.published": "发布",
    "reader.modified": "更新",
    "reader.source": "来源",
    "reader.site": "网站",
    "reader.authors": "作者",
    "reader.editors": "编辑",
    "reader.breadcrumbs": "栏目",
    "reader.dateline": "电头",
    "reader.figure": "图片",
    "reader.notLoaded": "未加载",
    "reader.loadImages": "显示图片",
    "reader.openImage": "在新标签页中打开图片",
    "reader.boilerplate": "非正文内容（{n}）",
    "reader.report": "解码报告",
    "report.encoding": "编码",
    "report.source": "判定依据",
    "report.confidence": "置信度",
    "report.repairs": "修复",
    "report.warnings": "警告",
    "report.none": "无",
    "report.input": "输入",
    "report.garbled": "受损文字，原文：{raw}",
    "source.bom": "字节顺序标记",
    "source.user": "您的选择",
    "source.hint": "随网页提供的字符集提示",
    "source.meta": "网页的 <meta> 字符集",
    "source.xml": "XML 声明",
    "source.detected": "根据字节检测",
    "source.default": "默认（纯 ASCII）",
    "source.text": "以文本粘贴",
    "boilerplate.navigation": "导航",
    "boilerplate.disclaimer": "免责声明",
    "boilerplate.related": "相关链接",
    "boilerplate.share": "分享栏",
    "boilerplate.comments": "评论",
    "boilerplate.footer": "页脚",
    "boilerplate.ads": "广告",
    "boilerplate.other": "其他",
    "results.warnings.other": "{n} 条警告",
    "results.failedWith": "错误：{message}［{code}］",
    "report.replacements": "解码产生的 U+FFFD",
    "report.inputValue": "{kind}，{size}",
    "report.tables": "中文字表",
    "report.tablesUsed": "已使用（首次需要时加载）",
    "report.details": "详细信息（来自解析库，英文）",
    "input.kind.html": "HTML",
    "input.kind.text": "文本",
    "repair.mojibake.other": "重新解码了 {n} 行被误用其他编码读取的文字（乱码）",
    "repair.pinyin_glosses_removed.other": "删除了 {n} 处粘在汉字后的拼音注音",
    "repair.traditional_to_simplified.other": "将 {n} 个被机器转成繁体的字符还原为简体",
    "repair.simplified_to_traditional.other": "将 {n} 个字符转为繁体",
    "repair.punctuation_normalized.other": "将 {n} 个汉字之间的半角标点改为全角",
    "repair.control_characters_removed.other": "删除了 {n} 个控制字符",
    "warning.mislabeled_encoding": "网页声明的编码与实际字节不符，已按 {encoding} 读取。",
    "warning.decode_errors": "部分字节无法解码：{n} 处显示为 U+FFFD（\uFFFD）。",
    "warning.garbled_text.other": "{n} 处乱码无法修复，显示为 U+FFFD（\uFFFD）。",
    "warning.limit_reached": "网页达到解析上限，已简化处理；没有丢弃任何文字。",
    "warning.repair_not_applied": "修复结果无法对应回网页各部分，文字按提取原样保留，未作修复。",
    "warning.no_text": "网页本身没有正文（由脚本生成，或本来为空），只读取了标题等信息。",
    "error.empty_input": "输入为空。",
    "error.too_large": "文件过大：超过 {limit} 的上限。",
    "error.binary_input": "不是文本或 HTML 网页：二进制数据（{what}）。",
    "error.unknown_encoding": "未知编码“{label}”。",
    "error.invalid_option": "无法识别某个选项。",
    "error.invalid_input": "无法将此输入作为网页读取。",
    "error.unreadable": "无法读取该文件。",
    "error.internal": "解析器内部错误，已重新启动。",
    "error.tables_needed": "此网页需要中文字表，但字表尚未加载。",
    "error.tables_unavailable": "此网页需要中文字表，但无法获取（首次使用前处于离线状态？）。",
    "error.invalid_tables": "中文字表文件已损坏或属于其他版本。",
    "error.prefix": "无法解析：{message}",
    "footer.privacy": "可离线使用。您解析的内容不会离开浏览器。",
    "footer.embed": "在您的网站中嵌入",
  },
};

/** The UI languages offered, with their names in themselves. */
export const LANGUAGES = [["en", "English"], ["zh-Hans", "简体中文"]];

/** Picks a supported UI language from a list of BCP 47 tags (navigator.languages). */
export function pickLanguage(tags) {
  for (const tag of tags || []) {
    const lower = String(tag).toLowerCase();
    if (lower === "en" || lower.startsWith("en-")) return "en";
    // zh, zh-CN, zh-SG, zh-Hans*: Simplified; Traditional locales keep English
    // until there are Traditional strings.
    if (lower === "zh" || lower.startsWith("zh-hans") || lower === "zh-cn" || lower === "zh-sg") return "zh-Hans";
  }
  return "en";
}

/**
 * Returns a translator for `lang`: `t("status.done", {ok: 1, total: 2})`.
 * A key with plural forms (`key.one`, `key.other`, as `Intl.PluralRules`
 * names them) takes the form for `n`; numbers are written in the language's
 * way. `t.lang` is the language, `t.bytes(n)` a size in its units.
 */
export function translator(lang) {
  const table = STRINGS[lang] || STRINGS.en;
  const code = STRINGS[lang] ? lang : "en";
  const plural = new Intl.PluralRules(code);
  const number = new Intl.NumberFormat(code);
  const pick = (key, n) => {
    if (typeof n !== "number") return table[key] ?? STRINGS.en[key];
    const form = `${key}.${plural.select(n)}`;
    return table[form] ?? table[`${key}.other`] ?? table[key] ?? STRINGS.en[form] ?? STRINGS.en[`${key}.other`] ?? STRINGS.en[key];
  };
  const t = (key, vars = {}) => {
    const template = pick(key, vars.n) ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name) => {
      const value = vars[name];
      return typeof value === "number" ? number.format(value) : String(value ?? "");
    });
  };
  t.lang = code;
  t.bytes = (n) => formatBytes(n, code);
  return t;
}

/** A size in bytes written with the language's units: "12 bytes", "4.5 kB". */
export function formatBytes(bytes, lang) {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // Bytes in full ("12 bytes", "12字节"); larger units short ("4.6 kB").
  return new Intl.NumberFormat(lang, { style: "unit", unit: units[unit], unitDisplay: unit ? "short" : "long", maximumFractionDigits: unit ? 1 : 0 }).format(value);
}

/**
 * An error answer in the interface's language, from its code and the values
 * the library gives with it (`limit`, `what`, `label`); an unknown code
 * keeps the library's message.
 */
export function errorText(error, t) {
  const key = `error.${error.code}`;
  const known = STRINGS.en[key] !== undefined;
  if (!known) return error.message;
  const limit = typeof error.limit === "number" ? t.bytes(error.limit) : "";
  return t(key, { limit, what: error.what ?? "", label: error.label ?? "" });
}

/**
 * Fills every element under `root` that names a string: `data-i18n` sets the
 * text, `data-i18n-label` the aria-label, `data-i18n-placeholder` the placeholder.
 */
export function applyStrings(root, t) {
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
}
