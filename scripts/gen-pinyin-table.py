#!/usr/bin/env python3
"""Generates src/repair/pinyin.bin, the table behind `repair::pinyin`.

Source: pinyin-data 0.15.0 (MIT, https://github.com/mozillazg/pinyin-data),
the `pinyin.txt` shipped inside the `pinyin` crate 0.11.0 on crates.io:

    cargo fetch  # in any project depending on pinyin = "0.11"
    python3 scripts/gen-pinyin-table.py ~/.cargo/registry/src/*/pinyin-0.11.0/pinyin-data/pinyin.txt

Only what gloss removal needs is kept: for each character in U+4E00..U+9FFF (the URO block: every character a news page glosses),
its readings without tone, ü written as v. Layout (little-endian u16s):

    S                       number of syllables
    S × 6 bytes             syllables, sorted, ASCII, NUL-padded to 6
    (LAST-BASE+1) × u16     first reading of each code point: syllable index + 1, 0 = none
    P                       number of further readings
    P × (u16, u16)          (code point - BASE, syllable index + 1), sorted

The output is generated: DO NOT EDIT src/repair/pinyin.bin by hand.
"""
import re
import struct
import sys
import unicodedata

BASE, LAST = 0x4E00, 0x9FFF


def toneless(syllable):
    s = unicodedata.normalize("NFD", syllable).replace("u\u0308", "v")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def main(path, out):
    readings = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"U\+([0-9A-F]+): ([^#]+)", line)
        if not m:
            continue
        cp = int(m.group(1), 16)
        if not BASE <= cp <= LAST:
            continue
        seen = []
        for r in m.group(2).strip().split(","):
            t = toneless(r.strip())
            if t and re.fullmatch(r"[a-z]{1,6}", t) and t not in seen:
                seen.append(t)
        if seen:
            readings[cp] = seen
    syllables = sorted({s for rs in readings.values() for s in rs})
    index = {s: i + 1 for i, s in enumerate(syllables)}
    blob = bytearray(struct.pack("<H", len(syllables)))
    for s in syllables:
        blob += s.encode("ascii").ljust(6, b"\0")
    extra = []
    for cp in range(BASE, LAST + 1):
        rs = readings.get(cp, [])
        blob += struct.pack("<H", index[rs[0]] if rs else 0)
        extra += [(cp - BASE, index[r]) for r in rs[1:]]
    blob += struct.pack("<H", len(extra))
    for off, r in extra:
        blob += struct.pack("<HH", off, r)
    open(out, "wb").write(blob)
    print(f"{out}: {len(syllables)} syllables, {len(readings)} characters, "
          f"{len(extra)} further readings, {len(blob)} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "src/repair/pinyin.bin")
