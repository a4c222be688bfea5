"""TrueType glyphs from outlines (the OpenType spec's "glyf" table, simple glyphs only): a pen
that keeps the quadratic contours, and their encoding. truetype.py says why planc encodes them
itself rather than through fontTools' pens."""

from __future__ import annotations

import math
import struct
from typing import Any

Point = tuple[int, int, bool]  # x, y, on the curve
Box = tuple[int, int, int, int]  # x min, y min, x max, y max


def _round(value: float) -> int:
    return math.floor(value + 0.5)  # OpenType's rounding (half up), as fontTools' otRound


class Contours:
    """A pen (the segment pen protocol of fontTools, which HarfBuzz's pens follow too) that
    keeps each contour as TrueType points: cubic curves made quadratic by cu2qu within
    `max_error`, each contour reversed when `reverse` (PostScript outlines run the other way
    round), a closing point equal to the first dropped. Components are drawn in place from the
    `glyph_set` a fontTools drawer sets."""

    def __init__(self, max_error: float, reverse: bool) -> None:
        from fontTools.cu2qu import curve_to_quadratic

        self.quadratic = curve_to_quadratic
        self.max_error = max_error
        self.reverse = reverse
        self.contours: list[list[Point]] = []
        self.points: list[Point] = []
        self.last: tuple[float, float] = (0.0, 0.0)
        self.glyph_set: Any = None

    # the pen protocol's names, camelCase
    def moveTo(self, pt: tuple[float, float]) -> None:
        self.close()
        self.points = [(_round(pt[0]), _round(pt[1]), True)]
        self.last = pt

    def lineTo(self, pt: tuple[float, float]) -> None:
        self.points.append((_round(pt[0]), _round(pt[1]), True))
        self.last = pt

    def curveTo(self, *pts: tuple[float, float]) -> None:
        if len(pts) != 3:  # a poly-Bézier: not in fonts planc embeds
            raise ValueError("curveTo with other than 3 points")
        spline = self.quadratic((self.last, *pts), self.max_error)
        add = self.points.append
        for x, y in spline[1:-1]:
            add((_round(x), _round(y), False))
        add((_round(pts[2][0]), _round(pts[2][1]), True))
        self.last = pts[2]

    def qCurveTo(self, *pts: tuple[float, float] | None) -> None:
        if pts[-1] is None:  # a contour of off-curve points only
            raise ValueError("qCurveTo without an on-curve point")
        add = self.points.append
        for pt in pts[:-1]:
            assert pt is not None
            add((_round(pt[0]), _round(pt[1]), False))
        end = pts[-1]
        add((_round(end[0]), _round(end[1]), True))
        self.last = end

    def closePath(self) -> None:
        self.close()

    def endPath(self) -> None:
        self.close()

    def addComponent(self, name: str, transform: tuple[float, ...]) -> None:
        from fontTools.pens.transformPen import TransformPen

        self.close()
        self.glyph_set[name].draw(TransformPen(self, transform))

    def close(self) -> None:
        points = self.points
        self.points = []
        if len(points) > 1 and points[-1] == points[0]:
            points.pop()  # the closing point: TrueType closes every contour itself
        if len(points) > 1:
            self.contours.append([points[0], *reversed(points[1:])] if self.reverse else points)


def encode(contours: list[list[Point]]) -> tuple[bytes, Box | None]:
    """A simple glyph's bytes (no instructions) and its bounds; b"" and None for no contour."""
    if not contours:
        return b"", None
    xs = [p[0] for c in contours for p in c]
    ys = [p[1] for c in contours for p in c]
    box = (min(xs), min(ys), max(xs), max(ys))
    ends = []
    total = 0
    for contour in contours:
        total += len(contour)
        ends.append(total - 1)
    flags = bytearray()
    xdata = bytearray()
    ydata = bytearray()
    x0 = y0 = 0
    previous = -1
    repeats = 0
    for contour in contours:
        for x, y, on in contour:
            dx, dy = x - x0, y - y0
            x0, y0 = x, y
            flag = 1 if on else 0
            if dx == 0:
                flag |= 0x10
            elif -256 < dx < 256:
                flag |= 0x12 if dx > 0 else 0x02
                xdata.append(abs(dx))
            else:
                xdata += struct.pack(">h", dx)
            if dy == 0:
                flag |= 0x20
            elif -256 < dy < 256:
                flag |= 0x24 if dy > 0 else 0x04
                ydata.append(abs(dy))
            else:
                ydata += struct.pack(">h", dy)
            if flag == previous and repeats < 255:
                if repeats == 0:
                    flags[-1] |= 0x08
                    flags.append(1)
                else:
                    flags[-1] += 1
                repeats += 1
            else:
                flags.append(flag)
                previous, repeats = flag, 0
    head = struct.pack(">hhhhh", len(contours), *box)
    head += struct.pack(f">{len(ends)}H", *ends) + b"\0\0"  # no instructions
    return head + bytes(flags) + bytes(xdata) + bytes(ydata), box


class Bounds:
    """What the font's header tables say about all its glyphs (head, hhea, maxp), gathered
    as they are encoded: fontTools would decode every glyph again to recompute them."""

    def __init__(self) -> None:
        self.box: Box | None = None
        self.widest = 0
        self.min_lsb = self.min_rsb = self.max_extent = 0
        self.points = self.contours = 0

    def add(self, box: Box | None, width: int, contours: list[list[Point]]) -> None:
        self.widest = max(self.widest, width)
        if box is None:
            return
        xmin, ymin, xmax, ymax = box
        first = self.box is None
        if self.box is None:
            self.box = box
        else:
            a, b, c, d = self.box
            self.box = (min(a, xmin), min(b, ymin), max(c, xmax), max(d, ymax))
        self.min_lsb = xmin if first else min(self.min_lsb, xmin)
        self.min_rsb = width - xmax if first else min(self.min_rsb, width - xmax)
        self.max_extent = xmax if first else max(self.max_extent, xmax)
        self.points = max(self.points, sum(len(c) for c in contours))
        self.contours = max(self.contours, len(contours))

    def head(self) -> dict[str, int]:
        xmin, ymin, xmax, ymax = self.box or (0, 0, 0, 0)
        return {"xMin": xmin, "yMin": ymin, "xMax": xmax, "yMax": ymax}

    def hhea(self) -> dict[str, int]:
        return {
            "advanceWidthMax": self.widest,
            "minLeftSideBearing": self.min_lsb,
            "minRightSideBearing": self.min_rsb,
            "xMaxExtent": self.max_extent,
        }

    def maxp(self) -> dict[str, int]:
        return {"maxPoints": self.points, "maxContours": self.contours}
