//! The WebAssembly shell: converts JS values to library types and typed
//! errors to JS `Error`s with a stable `code` property. No logic lives here.

use crate::{Article, Error, Format, Input, Options, Script};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Options as JS passes them: `{encoding, script, url, maxBytes}`, all optional.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    encoding: Option<String>,
    script: Option<String>,
    url: Option<String>,
    max_bytes: Option<f64>,
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
    fn from(e: Error) -> JsValue {
        js_error(e.code(), &e.to_string())
    }
}

fn parse_options(value: JsValue) -> JsResult<Options> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let js: JsOptions = serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_error("invalid_option", &format!("invalid options: {e}")))?;
    let mut options = Options {
        encoding: js.encoding,
        url: js.url,
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
    Ok(options)
}

/// `extract(input: string | Uint8Array | ArrayBuffer, options?) → Article`.
#[wasm_bindgen]
pub fn extract(input: JsValue, options: JsValue) -> JsResult<JsValue> {
    let options = parse_options(options)?;
    let article = if let Some(text) = input.as_string() {
        crate::extract(Input::Text(&text), &options)?
    } else if input.is_instance_of::<js_sys::Uint8Array>() {
        let bytes = js_sys::Uint8Array::from(input).to_vec();
        crate::extract(Input::Bytes(&bytes), &options)?
    } else if input.is_instance_of::<js_sys::ArrayBuffer>() {
        let bytes = js_sys::Uint8Array::new(&input).to_vec();
        crate::extract(Input::Bytes(&bytes), &options)?
    } else {
        return Err(js_error(
            "invalid_input",
            "input must be a string, a Uint8Array or an ArrayBuffer",
        ));
    };
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    serde::Serialize::serialize(&article, &serializer)
        .map_err(|e| js_error("internal", &format!("could not convert the article: {e}")))
}

/// `render(article, format) → string`, format one of json, markdown, text, html.
#[wasm_bindgen]
pub fn render(article: JsValue, format: &str) -> JsResult<String> {
    let format: Format = format.parse()?;
    let article: Article = serde_wasm_bindgen::from_value(article)
        .map_err(|e| js_error("invalid_article", &format!("not an article: {e}")))?;
    Ok(crate::render(&article, format))
}

/// `version() → string`: the library version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}
