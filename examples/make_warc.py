"""Writes a small WARC (gzip member per record, as Common Crawl does) of
response records from saved pages: ``make_warc.py OUT.warc.gz PAGE...``.
Each page (``.html`` or ``.html.gz``) becomes ``https://pages.invalid/<name>``
served as ``text/html`` with no charset, as a server that sends none."""

import gzip
import sys
import uuid
from pathlib import Path


def record(kind, uri, block):
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2026-11-30T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def main(out, pages):
    with open(out, "wb") as warc:
        for page in pages:
            page = Path(page)
            body = page.read_bytes()
            if page.suffix == ".gz":
                body = gzip.decompress(body)
            name = page.name.split(".")[0]
            uri = f"https://pages.invalid/{name}"
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n"
            warc.write(gzip.compress(record("request", uri, f"GET /{name} HTTP/1.1\r\n\r\n".encode())))
            warc.write(gzip.compress(record("response", uri, http + body)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
