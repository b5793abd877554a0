"""What the three example jobs share: WARC response pages read with FastWARC
(as cc-pyspark jobs read Common Crawl), and one Arrow batch of them turned
into articles by newsdecode.extract_batch.

The pages chosen are those the CLI's ``--warc`` reads: 2xx responses whose
Content-Type is empty or names HTML, XML or plain text. The payload stays
bytes (newsdecode finds the encoding); the HTTP charset goes along as the hint.
"""

import sys

import pyarrow as pa
from fastwarc.warc import ArchiveIterator, WarcRecordType

# One row per page record.
ROWS_SCHEMA = pa.schema(
    [("uri", pa.string()), ("offset", pa.int64()), ("content", pa.binary()), ("charset", pa.string())]
)

# Spark's DDL for newsdecode.BATCH_SCHEMA (mapInArrow needs it as a string).
ARTICLES_DDL = (
    "url string, title string, published string, source string, site_name string, "
    "authors array<string>, language string, text string, encoding string, article string, "
    "error struct<code: string, message: string>"
)


def is_page(record):
    """A 2xx response of text or HTML, as the CLI's --warc decides."""
    content_type = (record.http_content_type or "").lower()
    status = record.http_headers.status_code if record.http_headers else 0
    page = not content_type or any(t in content_type for t in ("html", "xml", "text/plain"))
    return 200 <= status < 300 and page


def records(path):
    """The page records of one WARC file (.warc or .warc.gz) as dicts. A file
    that breaks off (a truncated download, a corrupt gzip member) ends with
    the records read so far and a note on stderr: never a dead task."""
    try:
        for record in ArchiveIterator(str(path), record_types=WarcRecordType.response, parse_http=True):
            if is_page(record):
                yield {
                    "uri": record.headers.get("WARC-Target-URI"),
                    "offset": record.stream_pos,
                    "content": record.reader.read(),
                    "charset": record.http_charset,
                }
    except Exception as error:  # noqa: BLE001 - any reader failure ends this file only
        print(f"warc_rows: {path}: stopped reading: {error}", file=sys.stderr)


def extract_arrow(rows):
    """A RecordBatch (or Table) of ROWS_SCHEMA rows → a RecordBatch of articles."""
    import newsdecode

    return newsdecode.extract_batch(
        rows.column("content").to_pylist(),
        urls=rows.column("uri").to_pylist(),
        charset_hints=rows.column("charset").to_pylist(),
    )
