//! `extractBlob`'s reading: a `Blob`/`File`, a `Response` or a
//! `ReadableStream` read in Rust chunk by chunk straight into wasm memory
//! (no whole-file JS buffer first), refused before reading when its size is
//! known to be over `maxBytes`, and stopped (the stream cancelled) as soon as
//! the bytes read pass it.

use crate::Error;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, ReadableStream, ReadableStreamDefaultReader, Response};

/// What to read: the stream, its size when known, a file's name.
pub struct Source {
    stream: ReadableStream,
    size: Option<usize>,
    /// A `File`'s name.
    pub name: Option<String>,
}

/// The stream behind `value`; `None` when it is none of the accepted kinds.
/// A `Blob` over `max_bytes` is [`Error::TooLarge`] before its stream is
/// opened; a `Response` whose body was used is an invalid option, one
/// without a body an empty input.
pub fn source(value: &JsValue, max_bytes: usize) -> Result<Option<Source>, Error> {
    if let Some(blob) = value.dyn_ref::<Blob>() {
        // A Blob's size is exact and below 2^53.
        let size = blob.size() as usize;
        if size > max_bytes {
            return Err(Error::TooLarge {
                size,
                limit: max_bytes,
            });
        }
        return Ok(Some(Source {
            stream: blob.stream(),
            size: Some(size),
            name: value.dyn_ref::<File>().map(File::name),
        }));
    }
    if let Some(response) = value.dyn_ref::<Response>() {
        if response.body_used() {
            return Err(Error::InvalidOption {
                name: "input",
                message: "the Response's body was already read".into(),
            });
        }
        return match response.body() {
            Some(stream) => Ok(Some(Source {
                stream,
                size: None,
                name: None,
            })),
            None => Err(Error::EmptyInput),
        };
    }
    Ok(value.dyn_ref::<ReadableStream>().map(|stream| Source {
        stream: stream.clone(),
        size: None,
        name: None,
    }))
}

/// Reads every chunk of `source` into one buffer (sized up front when the
/// size is known), at most `max_bytes`: [`Error::Exceeds`] as soon as the
/// chunks read pass it, the rest never read. A chunk that is not a
/// `Uint8Array` is `invalid_input`.
pub async fn read_all(source: Source, max_bytes: usize) -> Result<Vec<u8>, JsValue> {
    let reader: ReadableStreamDefaultReader = source.stream.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(source.size.unwrap_or(0));
    loop {
        let step = JsFuture::from(reader.read()).await?;
        if Reflect::get(&step, &"done".into())?.is_truthy() {
            break;
        }
        let chunk = Reflect::get(&step, &"value".into())?;
        let Some(chunk) = chunk.dyn_ref::<Uint8Array>() else {
            let _ = reader.cancel();
            return Err(super::js_error(
                "invalid_input",
                "the stream gave a chunk that is not a Uint8Array",
            ));
        };
        let start = bytes.len();
        let size = start + chunk.length() as usize;
        if size > max_bytes {
            // Cancelling tells the source to stop; its promise is not awaited.
            let _ = reader.cancel();
            return Err(Error::Exceeds {
                what: "holds",
                limit: max_bytes,
            }
            .into());
        }
        bytes.resize(size, 0);
        if let Some(tail) = bytes.get_mut(start..) {
            chunk.copy_to(tail);
        }
    }
    Ok(bytes)
}
