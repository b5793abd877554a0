#!/usr/bin/env python3
"""Writes www/icons/icon-192.png and icon-512.png: the same picture as
www/icons/icon.svg (a blue rounded square with a headline bar and three text
lines), drawn with the standard library only. Re-run after changing the SVG."""
import struct
import zlib
from pathlib import Path

BLUE = (0x0B, 0x5C, 0xAD)
WHITE = (0xFF, 0xFF, 0xFF)
# (x, y, width, height, radius) on the SVG's 64-unit grid.
BARS = [(14, 14, 36, 8, 2), (14, 28, 36, 4, 2), (14, 36, 36, 4, 2), (14, 44, 24, 4, 2)]


def inside(px, py, x, y, w, h, r):
    if not (x <= px < x + w and y <= py < y + h):
        return False
    cx = min(max(px, x + r), x + w - r)
    cy = min(max(py, y + r), y + h - r)
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r


def pixel(px, py):
    if not inside(px, py, 0, 0, 64, 64, 12):
        return (0, 0, 0, 0)
    for bar in BARS:
        if inside(px, py, *bar):
            return WHITE + (255,)
    return BLUE + (255,)


def png(size):
    scale = 64 / size
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row.extend(pixel((x + 0.5) * scale, (y + 0.5) * scale))
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "www" / "icons"
    for size in (192, 512):
        (out / f"icon-{size}.png").write_bytes(png(size))
