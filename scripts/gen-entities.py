#!/usr/bin/env python3
"""Generates src/parse/entities.bin, the named character references behind
`parse::entities`.

Source: the HTML standard's https://html.spec.whatwg.org/entities.json (a
copy ships inside the `htmlize` crate on crates.io, the test oracle):

    cargo fetch
    python3 scripts/gen-entities.py ~/.cargo/registry/src/*/htmlize-1.1.0/entities.json

Layout: one record per reference, sorted bytewise by name (without the `&`,
with its `;` when it has one):

    u8                      the name's length
    name                    ASCII
    u8                      the expansion's length
    expansion               UTF-8

(Lengths rather than offsets: 13 KiB gzipped against 21 KiB; the reader
indexes the records once, on first use.)

The output is generated: DO NOT EDIT src/parse/entities.bin by hand.
"""
import json
import sys

entities = json.load(open(sys.argv[1], encoding="utf-8"))
rows = sorted((name[1:].encode("ascii"), v["characters"].encode("utf-8")) for name, v in entities.items())
out = bytearray()
for name, value in rows:
    assert len(name) < 256 and len(value) < 256
    out += bytes([len(name)]) + name + bytes([len(value)]) + value
open("src/parse/entities.bin", "wb").write(out)
print(f"src/parse/entities.bin: {len(rows)} references, {len(out)} bytes")
