// The interface's strings: every English string has its Simplified Chinese
// counterpart (plural forms: Chinese has only `other`), plurals and numbers
// follow the language, and errors are worded from their code and values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { STRINGS, errorText, formatBytes, translator } from "../../www/i18n.js";

const base = (key) => key.replace(/\.(zero|one|two|few|many|other)$/, "");

test("every English string has a Chinese one", () => {
  const zh = new Set(Object.keys(STRINGS["zh-Hans"]).map(base));
  const missing = Object.keys(STRINGS.en).map(base).filter((key) => !zh.has(key));
  assert.deepEqual([...new Set(missing)], []);
  const extra = Object.keys(STRINGS["zh-Hans"]).map(base).filter((key) => !Object.keys(STRINGS.en).map(base).includes(key));
  assert.deepEqual(extra, []);
});

test("Chinese strings use full-width colons, never ': '", () => {
  const ascii = Object.entries(STRINGS["zh-Hans"]).filter(([, text]) => /[^\x00-\x7f][:]|: /.test(text));
  assert.deepEqual(ascii, []);
});

test("plural forms and numbers follow the language", () => {
  const en = translator("en");
  const zh = translator("zh-Hans");
  assert.equal(en("results.warnings", { n: 1 }), "1 warning");
  assert.equal(en("results.warnings", { n: 1234 }), "1,234 warnings");
  assert.equal(zh("results.warnings", { n: 91 }), "91 条警告");
  assert.equal(en("warning.garbled_text", { n: 91 }), "91 garbled spans: text damaged beyond repair, shown as U+FFFD (\uFFFD).");
  assert.equal(en("warning.garbled_text", { n: 1 }), "1 garbled span: text damaged beyond repair, shown as U+FFFD (\uFFFD).");
  assert.equal(zh("repair.pinyin_glosses_removed", { n: 253 }), "删除了 253 处粘在汉字后的拼音注音");
  assert.equal(formatBytes(4587, "en"), "4.6 kB");
  assert.equal(formatBytes(12, "en"), "12 bytes");
  assert.equal(formatBytes(1, "en"), "1 byte");
  assert.equal(formatBytes(12, "zh-Hans"), "12字节");
  assert.equal(formatBytes(67108864, "zh-Hans"), "67.1 MB");
});

test("errors are worded from their code and values, in both languages", () => {
  const en = translator("en");
  const zh = translator("zh-Hans");
  const binary = { code: "binary_input", message: "input is binary (PNG image), not a text or HTML page", what: "PNG image" };
  assert.equal(errorText(binary, en), "Not a text or HTML page: binary data (PNG image).");
  assert.equal(errorText(binary, zh), "不是文本或 HTML 网页：二进制数据（PNG image）。");
  const large = { code: "too_large", message: "input is 70000000 bytes, over the limit of 67108864 bytes", size: 7e7, limit: 67108864 };
  assert.equal(errorText(large, en), "Too large: over the limit of 67.1 MB.");
  assert.ok(!/bytes|over/.test(errorText(large, zh)), errorText(large, zh));
  // A code the interface does not know keeps the library's message.
  assert.equal(errorText({ code: "something_new", message: "as the library says" }, zh), "as the library says");
});
