//! The WebAssembly shell: converts JS values to library types and typed
//! errors to JS `Error`s with a stable `code` property. No logic lives here.

use crate::{Article, Error, Format, Input, Options, Script};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

mod stream;

// The TypeScript types of what crosses the boundary, emitted into
// pkg/newsdecode.d.ts (docs/schema.md is the reference; tests/js/types.test.mjs
// checks that every schema field is typed here).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options of `extract`; all optional. */
export interface ExtractOptions {
  /** A WHATWG encoding label that overrides detection, e.g. "gbk", "big5". */
  encoding?: string;
  /** Where the page came from: the article's `url` (over the page's canonical link). */
  url?: string;
  /** A transport's charset label (an HTTP Content-Type's), weighed like the page's `<meta>`. */
  charsetHint?: string;
  /** Chinese script of the output: "auto" (default), "keep", "hans", "hant". */
  script?: "auto" | "keep" | "hans" | "hant";
  /** Inputs larger than this many bytes are refused (default 64 MiB). */
  maxBytes?: number;
  /** The input's name (e.g. a file's), copied to `article.input.name`. */
  name?: string;
}

/** Output formats of `render`. */
export type Format = "json" | "markdown" | "text" | "html";

/** A body block; optional keys are absent when empty. */
export interface Block {
  kind: "paragraph" | "heading" | "figure" | "quote" | "list" | "table" | "code";
  text: string;
  /** Heading level 1–6 (headings only). */
  level?: number;
  caption?: string;
  credit?: string;
  /** Image source, resolved against the page's address when known; never fetched by the library. */
  src?: string;
  alt?: string;
  /** List items (lists only). */
  items?: string[];
  /** Links in `text`, in order (schema 1.1). */
  links?: Link[];
}

/**
 * A link inside a block's `text`: characters (code points, not UTF-16 units)
 * `start` to `end`; `href` absolute, http, https or mailto only.
 */
export interface Link {
  start: number;
  end: number;
  href: string;
}

/** Visible text that is not the article. */
export interface Boilerplate {
  kind: "navigation" | "disclaimer" | "related" | "share" | "comments" | "footer" | "ads" | "other";
  text: string;
}

/** One repair applied to the text. */
export interface Repair {
  kind: "mojibake" | "pinyin_glosses_removed" | "traditional_to_simplified" | "simplified_to_traditional"
    | "punctuation_normalized" | "control_characters_removed";
  count: number;
  message: string;
}

/** Something found that could not be (fully) repaired. */
export interface DecodeWarning {
  kind: "mislabeled_encoding" | "decode_errors" | "garbled_text" | "limit_reached" | "repair_not_applied" | "no_text";
  message: string;
  /** Character (code point) offsets in `Article.text`, for spans in the body. */
  start?: number;
  end?: number;
  /** The original characters of a garbled span. */
  raw?: string;
}

/** How the input was decoded and repaired. */
export interface DecodeReport {
  encoding: string;
  source: "bom" | "user" | "hint" | "meta" | "xml" | "detected" | "default" | "text";
  confidence: number;
  replacements: number;
  repairs: Repair[];
  warnings: DecodeWarning[];
  /** Present when the page used the Chinese tables (loaded on demand, see `loadTables`). */
  tables_used?: true;
}

/** The structured article (schema 1.2, see docs/schema.md). */
export interface Article {
  schema: 1;
  title: string | null;
  /** The article's address: the `url` option, else the page's canonical link or og:url. */
  url: string | null;
  /** RFC 3339, e.g. "2024-11-16T14:11:00+08:00". */
  published: string | null;
  modified: string | null;
  source: string | null;
  site_name: string | null;
  authors: string[];
  editors: string[];
  dateline: string | null;
  breadcrumbs: string[];
  /** BCP 47 tag. */
  language: string | null;
  lead: string | null;
  blocks: Block[];
  text: string;
  end_mark: string | null;
  boilerplate: Boilerplate[];
  decode: DecodeReport;
  input: {
    kind: "html" | "text";
    bytes: number;
    name?: string;
    /** A WARC record's file, offset and `WARC-Target-URI` (the CLI's `--warc`). */
    warc?: string;
    offset?: number;
    uri?: string;
  };
}

/** A batch record for an input that gave no article (docs/schema.md, Records). */
export interface Failure {
  input: { name: string; bytes: number | null } | { warc: string; offset: number; uri: string | null };
  error: { code: NewsdecodeError["code"] | "unreadable"; message: string };
}

/** One record of a batch: an article, or a failure in its place. */
export type BatchRecord = Article | Failure;

/**
 * What `extract` and `render` throw: an `Error` with a stable `code`, and the
 * values its message names (to word it in another language).
 */
export interface NewsdecodeError extends Error {
  code:
    | "empty_input" | "too_large" | "binary_input" | "unknown_encoding" | "unknown_format"
    | "invalid_option" | "invalid_input" | "invalid_article" | "internal"
    /** The page needs the Chinese tables: `loadTables(newsdecode_tables.bin)`, then extract again. */
    | "tables_needed" | "invalid_tables";
  /** `too_large`: the input's size in bytes, when known. */
  size?: number;
  /** `too_large`: the limit in bytes. */
  limit?: number;
  /** `binary_input`: what the bytes look like, e.g. "PNG image". */
  what?: string;
  /** `unknown_encoding`: the label as given. */
  label?: string;
}
"#;

/// Options as JS passes them: `{encoding, url, charsetHint, script, maxBytes, name}` (other keys are ignored), all optional.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    encoding: Option<String>,
    url: Option<String>,
    charset_hint: Option<String>,
    script: Option<String>,
    max_bytes: Option<f64>,
    name: Option<String>,
}

/// Result type of every export: errors are JS `Error`s with a `code`.
type JsResult<T> = Result<T, JsValue>;

/// Builds a JS `Error` carrying `code` (the one place errors cross the boundary).
fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}

impl From<Error> for JsValue {
    /// The error with its values as properties too (`size`, `limit`,
    /// `what`, `label`), so an interface can word it in its own language.
    fn from(e: Error) -> JsValue {
        let error = js_error(e.code(), &e.to_string());
        let set = |key: &str, value: JsValue| {
            // Setting a property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&error, &key.into(), &value);
        };
        match &e {
            Error::TooLarge { size, limit } => {
                set("size", (*size as f64).into());
                set("limit", (*limit as f64).into());
            }
            Error::Exceeds { limit, .. } => set("limit", (*limit as f64).into()),
            Error::Binary { what } => set("what", (*what).into()),
            Error::UnknownEncoding { label } => set("label", label.into()),
            _ => {}
        }
        error
    }
}

/// The library's options and the input's name, from JS options.
fn parse_options(value: JsValue) -> JsResult<(Options, Option<String>)> {
    if value.is_undefined() || value.is_null() {
        return Ok((Options::default(), None));
    }
    let js: JsOptions = serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_error("invalid_option", &format!("invalid options: {e}")))?;
    let mut options = Options {
        encoding: js.encoding,
        url: js.url,
        charset_hint: js.charset_hint,
        ..Options::default()
    };
    if let Some(script) = js.script {
        options.script = script.parse::<Script>()?;
    }
    if let Some(max) = js.max_bytes {
        if !(max.is_finite() && max >= 1.0) {
            return Err(js_error(
                "invalid_option",
                "maxBytes must be a positive number",
            ));
        }
        options.max_bytes = max as usize;
    }
    Ok((options, js.name.filter(|n| !n.is_empty())))
}

/// The article as a JS object, named after its input.
fn to_js(mut article: Article, name: Option<String>) -> JsResult<JsValue> {
    article.input.name = name;
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    serde::Serialize::serialize(&article, &serializer)
        .map_err(|e| js_error("internal", &format!("could not convert the article: {e}")))
}

/// `extract(input: string | Uint8Array | ArrayBuffer, options?) → Article`.
#[wasm_bindgen(unchecked_return_type = "Article")]
pub fn extract(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExtractOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let (options, name) = parse_options(options)?;
    // The size is checked before the input is copied into wasm memory: a
    // string's UTF-8 is at least as long as its UTF-16 length, so a string
    // longer than the limit is too large whatever it holds.
    let size = if input.is_string() {
        js_sys::JsString::from(input.clone()).length() as usize
    } else if input.is_instance_of::<js_sys::Uint8Array>() {
        js_sys::Uint8Array::from(input.clone()).byte_length() as usize
    } else if input.is_instance_of::<js_sys::ArrayBuffer>() {
        js_sys::ArrayBuffer::from(input.clone()).byte_length() as usize
    } else {
        0
    };
    if size > options.max_bytes {
        return Err(Error::TooLarge {
            size,
            limit: options.max_bytes,
        }
        .into());
    }
    let article = if let Some(text) = input.as_string() {
        crate::extract(Input::Text(&text), &options)?
    } else if input.is_instance_of::<js_sys::Uint8Array>() {
        crate::extract_owned(js_sys::Uint8Array::from(input).to_vec(), &options)?
    } else if input.is_instance_of::<js_sys::ArrayBuffer>() {
        crate::extract_owned(js_sys::Uint8Array::new(&input).to_vec(), &options)?
    } else {
        return Err(js_error(
            "invalid_input",
            "input must be a string, a Uint8Array or an ArrayBuffer",
        ));
    };
    to_js(article, name)
}

/// `extractBlob(input: Blob | File | Response | ReadableStream, options?) →
/// Promise<Article>`: the input read chunk by chunk in Rust (see
/// `stream.rs`), refused or stopped at `maxBytes`; a `File`'s name is the
/// article's `input.name` unless `options.name` is given.
#[wasm_bindgen(js_name = extractBlob, unchecked_return_type = "Article")]
pub async fn extract_blob(
    #[wasm_bindgen(unchecked_param_type = "Blob | File | Response | ReadableStream")]
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExtractOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let (options, name) = parse_options(options)?;
    let Some(source) = stream::source(&input, options.max_bytes)? else {
        return Err(js_error(
            "invalid_input",
            "input must be a Blob, a File, a Response or a ReadableStream",
        ));
    };
    let name = name.or_else(|| source.name.clone());
    let bytes = stream::read_all(source, options.max_bytes).await?;
    to_js(crate::extract_owned(bytes, &options)?, name)
}

/// `loadTables(bytes: Uint8Array | ArrayBuffer)`: the Chinese tables
/// (`newsdecode_tables.bin`, beside the module), for pages that need them
/// (`extract` throws `tables_needed`; extract them again after loading; a
/// stream cannot be read twice, so pass a `Blob`). Once loaded they stay.
#[wasm_bindgen(js_name = loadTables)]
pub fn load_tables(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
) -> JsResult<()> {
    let bytes = if bytes.is_instance_of::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(&bytes).to_vec()
    } else if bytes.is_instance_of::<js_sys::Uint8Array>() {
        js_sys::Uint8Array::from(bytes).to_vec()
    } else {
        return Err(js_error(
            "invalid_input",
            "the tables must be a Uint8Array or an ArrayBuffer",
        ));
    };
    Ok(crate::load_tables(&bytes)?)
}

/// `tablesLoaded() → boolean`: whether the Chinese tables are loaded.
#[wasm_bindgen(js_name = tablesLoaded)]
pub fn tables_loaded() -> bool {
    crate::tables_available()
}

/// `render(article, format) → string`, format one of json, markdown, text, html.
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "Article")] article: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Format")] format: &str,
) -> JsResult<String> {
    let format: Format = format.parse()?;
    let article: Article = serde_wasm_bindgen::from_value(article)
        .map_err(|e| js_error("invalid_article", &format!("not an article: {e}")))?;
    Ok(crate::render(&article, format))
}

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: the profile's clock (in a window and a worker).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// `profileStages(bytes: Uint8Array) → Float64Array`: what `extract(bytes)`
/// spends per stage, in ms — decode, parse, metadata, segment, repair,
/// assemble, and the article's conversion to a JS object — for the bench's
/// per-stage table (`benches/bench.mjs`). A diagnostic, not for pages.
#[wasm_bindgen(js_name = profileStages)]
pub fn profile_stages(bytes: &js_sys::Uint8Array) -> JsResult<Vec<f64>> {
    let (article, times) = crate::internals::profile(performance_now, || {
        let article = crate::extract_owned(bytes.to_vec(), &Options::default())?;
        to_js(article, None)
    });
    article?;
    Ok(times.ms.to_vec())
}

/// `version() → string`: the library version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}
