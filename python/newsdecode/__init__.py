"""newsdecode for Python: news pages in, structured articles out.

``extract`` turns one page (``bytes`` in any encoding, or ``str``) into the
article of ``docs/schema.md`` as a ``dict``; ``extract_batch`` turns a list
into a ``pyarrow.RecordBatch``, one row per input, for Spark ``mapInArrow``,
Ray Data ``map_batches`` and Dask ``map_partitions``. The extension releases
the GIL while it works. Failures raise ``NewsdecodeError`` (``extract``) or
fill the ``error`` column (``extract_batch``) with the library's stable codes.
"""

from __future__ import annotations

import json

from ._newsdecode import DEFAULT_MAX_BYTES, extract_json, extract_json_many, version

__all__ = ["DEFAULT_MAX_BYTES", "NewsdecodeError", "extract", "extract_batch", "version", "BATCH_SCHEMA"]


class NewsdecodeError(ValueError):
    """An input newsdecode refuses, with the library's stable ``code``
    (``empty_input``, ``too_large``, ``binary_input``, ``unknown_encoding``,
    ``invalid_option``)."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{message} [{code}]")
        self.code = code
        self.message = message


def extract(data, *, url=None, encoding=None, charset_hint=None, script="auto", max_bytes=DEFAULT_MAX_BYTES):
    """The article of one page as a dict (``docs/schema.md``).

    ``data``: ``bytes`` (decoded by newsdecode) or ``str``. ``url``: where the
    page came from: the article's ``url`` (over its canonical link). ``encoding``: a WHATWG label that
    overrides detection. ``charset_hint``: a transport's label (an HTTP
    ``Content-Type`` charset), weighed like the page's ``<meta>``.
    ``script``: ``auto``, ``keep``, ``hans`` or ``hant``.
    """
    article, error = extract_json(data, url, encoding, charset_hint, script, max_bytes)
    if error is not None:
        raise NewsdecodeError(*error)
    return json.loads(article)


def _schema():
    import pyarrow as pa

    return pa.schema(
        [
            ("url", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("source", pa.string()),
            ("site_name", pa.string()),
            ("authors", pa.list_(pa.string())),
            ("language", pa.string()),
            ("text", pa.string()),
            ("encoding", pa.string()),
            ("article", pa.string()),
            ("error", pa.struct([("code", pa.string()), ("message", pa.string())])),
        ]
    )


def __getattr__(name):
    # BATCH_SCHEMA needs pyarrow, imported only when asked for.
    if name == "BATCH_SCHEMA":
        return _schema()
    raise AttributeError(name)


def extract_batch(data, urls=None, charset_hints=None, *, encoding=None, script="auto", max_bytes=DEFAULT_MAX_BYTES):
    """One ``pyarrow.RecordBatch`` row per input, in order (``BATCH_SCHEMA``):
    the article's main fields as columns, the whole article as JSON in
    ``article``, and ``error`` (``{code, message}``) where an input failed
    (its other columns null). ``urls`` and ``charset_hints``: one per input
    (or ``None``)."""
    import pyarrow as pa

    data = list(data)
    urls = None if urls is None else list(urls)
    charset_hints = None if charset_hints is None else list(charset_hints)
    outcomes = extract_json_many(data, urls, charset_hints, encoding, script, max_bytes)
    columns = {name: [] for name in _schema().names}
    for i, (article, error) in enumerate(outcomes):
        columns["url"].append(urls[i] if urls else None)
        parsed = json.loads(article) if article is not None else {}
        for field in ("title", "published", "source", "site_name", "language"):
            columns[field].append(parsed.get(field))
        columns["authors"].append(parsed.get("authors") if article is not None else None)
        columns["text"].append(parsed.get("text"))
        columns["encoding"].append(parsed["decode"]["encoding"] if article is not None else None)
        columns["article"].append(article)
        columns["error"].append(None if error is None else {"code": error[0], "message": error[1]})
    return pa.RecordBatch.from_pydict(columns, schema=_schema())
