//! The Python extension `newsdecode._newsdecode`: the library's `extract`
//! over `bytes` or `str`, with the GIL released while it runs. Articles
//! cross as JSON text (the schema of `docs/schema.md`), errors as
//! `(code, message)`; the Python package (`python/newsdecode/`) turns them
//! into dicts, a typed exception and Arrow record batches.

use newsdecode::{Input, Options, Script};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};

/// mimalloc, as the CLI: extraction is allocation-heavy (see the root
/// `Cargo.toml`). Python's own objects keep Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An input as Python gives it: bytes to decode, or text.
#[derive(FromPyObject)]
enum Data {
    Bytes(PyBackedBytes),
    Text(PyBackedStr),
}

/// The article as JSON, or the error's code and message.
type Outcome = (Option<String>, Option<(String, String)>);

/// The library's options from the keyword arguments.
fn options(
    url: Option<String>,
    encoding: Option<String>,
    charset_hint: Option<String>,
    script: &str,
    max_bytes: usize,
) -> Result<Options, newsdecode::Error> {
    Ok(Options {
        encoding,
        url,
        charset_hint,
        script: script.parse::<Script>()?,
        max_bytes,
    })
}

/// One extraction.
fn run(data: &Data, options: &Result<Options, newsdecode::Error>) -> Outcome {
    let result = options.clone().and_then(|options| match data {
        Data::Bytes(bytes) => newsdecode::extract(Input::Bytes(bytes), &options),
        Data::Text(text) => newsdecode::extract(Input::Text(text), &options),
    });
    match result {
        Ok(article) => (Some(newsdecode::render::to_json(&article, false)), None),
        Err(e) => (None, Some((e.code().to_string(), e.to_string()))),
    }
}

/// `extract_json(data, url, encoding, charset_hint, script, max_bytes)`:
/// the article as JSON text, or `(None, (code, message))`.
#[pyfunction]
#[pyo3(signature = (data, url=None, encoding=None, charset_hint=None, script="auto", max_bytes=newsdecode::DEFAULT_MAX_BYTES))]
fn extract_json(
    py: Python<'_>,
    data: Data,
    url: Option<String>,
    encoding: Option<String>,
    charset_hint: Option<String>,
    script: &str,
    max_bytes: usize,
) -> Outcome {
    let options = options(url, encoding, charset_hint, script, max_bytes);
    py.detach(|| run(&data, &options))
}

/// `extract_json_many(data, urls, charset_hints, encoding, script,
/// max_bytes)`: one outcome per input, in order, the GIL released for the
/// whole list.
#[pyfunction]
#[pyo3(signature = (data, urls=None, charset_hints=None, encoding=None, script="auto", max_bytes=newsdecode::DEFAULT_MAX_BYTES))]
fn extract_json_many(
    py: Python<'_>,
    data: Vec<Data>,
    urls: Option<Vec<Option<String>>>,
    charset_hints: Option<Vec<Option<String>>>,
    encoding: Option<String>,
    script: &str,
    max_bytes: usize,
) -> PyResult<Vec<Outcome>> {
    let same_length =
        |list: &Option<Vec<Option<String>>>| list.as_ref().is_none_or(|l| l.len() == data.len());
    if !same_length(&urls) || !same_length(&charset_hints) {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "urls and charset_hints must be as long as data",
        ));
    }
    Ok(py.detach(|| {
        data.iter()
            .enumerate()
            .map(|(i, item)| {
                let at = |list: &Option<Vec<Option<String>>>| {
                    list.as_ref().and_then(|l| l.get(i).cloned().flatten())
                };
                let options = options(
                    at(&urls),
                    encoding.clone(),
                    at(&charset_hints),
                    script,
                    max_bytes,
                );
                run(item, &options)
            })
            .collect()
    }))
}

/// The library's version.
#[pyfunction]
fn version() -> &'static str {
    newsdecode::version()
}

/// The module: the functions above and `DEFAULT_MAX_BYTES`.
#[pymodule]
fn _newsdecode(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_json_many, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add("DEFAULT_MAX_BYTES", newsdecode::DEFAULT_MAX_BYTES)?;
    Ok(())
}
