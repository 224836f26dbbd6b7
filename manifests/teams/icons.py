#!/usr/bin/env python3
"""Draws the Teams app icons (color.png 192x192, outline.png 32x32): a magnifier over a small DNS tree.

Run it from anywhere after changing the design; it rewrites both PNGs beside this file. Standard library only
(zlib + struct), so no imaging package is needed. Shapes are anti-aliased by 4x4 supersampling. Each row gets the
PNG filter that compresses best (as libpng does), so the committed files use all five filter types.
"""
import math
import os
import struct
import zlib

ACCENT = (0x1E, 0x5A, 0xA8)  # keep equal to "accentColor" in manifest.json
WHITE = (255, 255, 255)


def disc(cx, cy, r):
    return lambda x, y: math.hypot(x - cx, y - cy) <= r


def ring(cx, cy, r_out, r_in):
    return lambda x, y: r_in <= math.hypot(x - cx, y - cy) <= r_out


def capsule(x1, y1, x2, y2, r):
    """A line segment with round ends."""
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy

    def inside(x, y):
        t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length2))
        return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= r

    return inside


def magnifier(size):
    """The symbol, designed on a 192-unit square. The 192 icon keeps Teams' padding around it; the 32 outline
    crops the padding away (the symbol spans units 38-162) and uses heavier strokes so it stays legible."""
    small = size <= 48
    scale, origin = (size / 130.0, 34.0) if small else (size / 192.0, 0.0)
    t = lambda v: (v - origin) * scale
    lens = t(84)
    r_out = 46 * scale if small else 44 * scale
    stroke = 15 * scale if small else 12 * scale
    handle_from = lens + math.cos(math.pi / 4) * (r_out - stroke / 2)
    shapes = [
        ring(lens, lens, r_out, r_out - stroke),
        capsule(handle_from, handle_from, t(150), t(150), (12 if small else 10) * scale),
    ]
    # The DNS tree inside the lens: the root above two children.
    dot = (7.5 if small else 7) * scale
    line = (3.5 if small else 2.5) * scale
    spread = (12 if small else 15) * scale
    root = (lens, lens - spread)
    children = [(lens - spread, lens + spread), (lens + spread, lens + spread)]
    shapes.append(disc(*root, dot))
    for child in children:
        shapes.append(disc(*child, dot))
        shapes.append(capsule(*root, *child, line))
    return shapes


def coverage(shapes, px, py, samples=4):
    hits = 0
    for i in range(samples):
        for j in range(samples):
            x = px + (i + 0.5) / samples
            y = py + (j + 0.5) / samples
            if any(shape(x, y) for shape in shapes):
                hits += 1
    return hits / (samples * samples)


def color_icon(size=192):
    shapes = magnifier(size)
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            a = coverage(shapes, x, y)
            row += bytes(round(b + (w - b) * a) for b, w in zip(ACCENT, WHITE))
        rows.append(bytes(row))
    return rows, 2, 3  # RGB, 3 bytes per pixel


def outline_icon(size=32):
    shapes = magnifier(size)
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            # White everywhere; only alpha varies, so every pixel is white or fully transparent white.
            row += bytes((255, 255, 255, round(255 * coverage(shapes, x, y, samples=8))))
        rows.append(bytes(row))
    return rows, 6, 4  # RGBA, 4 bytes per pixel


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def filtered(row, prior, bpp):
    """The row under each of the five PNG filters (PNG spec §9.2)."""
    left = lambda i: row[i - bpp] if i >= bpp else 0
    up_left = lambda i: prior[i - bpp] if i >= bpp else 0
    return [
        bytes(row),
        bytes((row[i] - left(i)) & 0xFF for i in range(len(row))),
        bytes((row[i] - prior[i]) & 0xFF for i in range(len(row))),
        bytes((row[i] - (left(i) + prior[i]) // 2) & 0xFF for i in range(len(row))),
        bytes((row[i] - paeth(left(i), prior[i], up_left(i))) & 0xFF for i in range(len(row))),
    ]


def png(rows, color_type, bpp):
    height, width = len(rows), len(rows[0]) // bpp
    raw = bytearray()
    prior = bytes(len(rows[0]))
    for row in rows:
        # libpng's heuristic: the filter with the smallest sum of bytes taken as signed values.
        candidates = filtered(row, prior, bpp)
        kind = min(range(5), key=lambda k: sum(b if b < 128 else 256 - b for b in candidates[k]))
        raw.append(kind)
        raw += candidates[kind]
        prior = row

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, (rows, color_type, bpp) in (("color.png", color_icon()), ("outline.png", outline_icon())):
        with open(os.path.join(here, name), "wb") as f:
            f.write(png(rows, color_type, bpp))
        print(f"wrote {name}")
