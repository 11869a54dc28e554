#!/usr/bin/env python3
"""Draws Finch's logo as kernelspec/logo-svg.svg and rasterises it to logo-32x32.png and
logo-64x64.png (4x4 supersampling, standard library only). Run from the repository root."""
import struct
import zlib

# Shapes in a 64x64 box, drawn in order: (kind, geometry, RGB).
SHAPES = [
    ("polygon", [(14, 36), (1, 27), (5, 47)], (0x8A, 0x4B, 0x14)),  # tail
    ("ellipse", (30, 39, 20, 15), (0xD9, 0x7A, 0x26)),  # body
    ("ellipse", (44, 24, 11, 11), (0xD9, 0x7A, 0x26)),  # head
    ("ellipse", (27, 39, 12, 7), (0xA8, 0x5A, 0x18)),  # wing
    ("polygon", [(53, 20), (63, 25), (53, 29)], (0x3B, 0x2A, 0x1A)),  # beak
    ("ellipse", (47, 21.5, 2.3, 2.3), (0x1B, 0x1B, 0x1B)),  # eye
]


def hex_colour(rgb):
    return "#%02x%02x%02x" % rgb


def svg():
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">']
    for kind, geometry, rgb in SHAPES:
        if kind == "ellipse":
            cx, cy, rx, ry = geometry
            parts.append(f'  <ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{hex_colour(rgb)}"/>')
        else:
            points = " ".join(f"{x},{y}" for x, y in geometry)
            parts.append(f'  <polygon points="{points}" fill="{hex_colour(rgb)}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def inside(kind, geometry, x, y):
    if kind == "ellipse":
        cx, cy, rx, ry = geometry
        return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
    crossings = False
    for (x1, y1), (x2, y2) in zip(geometry, geometry[1:] + geometry[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            crossings = not crossings
    return crossings


def png(size):
    scale, samples = 64 / size, 4
    rows = []
    for row in range(size):
        line = bytearray([0])
        for column in range(size):
            total = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (column + (sx + 0.5) / samples) * scale
                    y = (row + (sy + 0.5) / samples) * scale
                    colour = None
                    for kind, geometry, rgb in SHAPES:
                        if inside(kind, geometry, x, y):
                            colour = rgb
                    if colour:
                        total = [total[0] + colour[0], total[1] + colour[1], total[2] + colour[2], total[3] + 255]
            covered = total[3] // 255
            rgb = [channel // covered for channel in total[:3]] if covered else [0, 0, 0]
            line += bytes(rgb + [total[3] // samples**2])
        rows.append(bytes(line))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    with open("kernelspec/logo-svg.svg", "w") as f:
        f.write(svg())
    for size in (32, 64):
        with open(f"kernelspec/logo-{size}x{size}.png", "wb") as f:
            f.write(png(size))
