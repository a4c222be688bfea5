"""The fonts of the OFD edition: the PDF's embedded subset, turned into a small TrueType font.

WeasyPrint embeds the Fandol and Noto faces as OpenType with PostScript (CFF) outlines, and
keeps every glyph's original number (a subset of Noto Serif CJK keeps 63 000 empty slots).
Many OFD readers load only TrueType outlines ("glyf"), and need a name table and a character
map: given anything else they fall back to a system face or draw nothing (easyofd, older
ofdrw). So each font becomes TrueType with only the glyphs the document draws, numbered anew,
its character map made from what those glyphs stand for in the document. The cubic curves
become quadratic ones within one font unit (a thousandth of the em: 0.005 mm at 16 pt).

Why it is written this way: this conversion was most of an OFD's cost (benchmarks/
bench_archive.py). fontTools reads PostScript outlines by running each glyph's charstring in
Python (0.4 ms a glyph) and compiles glyphs point by point through several pens. So outlines
are read by HarfBuzz (uharfbuzz, in C) where it is installed, with fontTools as the fallback
(the same outline: the same bytes, tests/test_truetype.py); the cubic curves go to cu2qu (in C)
one by one; glyphs are encoded here (glyf.py), and only the small tables are left to
fontTools, which never decodes the source's large ones (hmtx of 65 000 glyphs, the CFF)."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable, Mapping
from typing import Any

from planc.archive import glyf

MAX_ERROR = 1.0  # font units

Draw = Callable[[int, Any], None]  # glyph id, pen: the glyph's outline drawn on the pen


def compact(program: bytes, chars: Mapping[int, str]) -> tuple[bytes, dict[int, int]] | None:
    """`program` (OpenType, CFF or TrueType outlines) as a TrueType font holding the glyphs in
    `chars` (old glyph id: the character it stands for, "" for none), and the new id of each.
    None when fontTools cannot read or convert it: the OFD then embeds `program` as it is."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    try:
        font = TTFont(io.BytesIO(program), lazy=True)
        count = struct.unpack_from(">H", font.reader["maxp"], 4)[0]
        kept = [0, *sorted(g for g in chars if 0 < g < count)]
        names = [".notdef", *(f"g{g}" for g in kept[1:])]
        cff = "CFF " in font
        draw = (harfbuzz(program) if cff else None) or fontools(font)
        widths = _advances(font, kept)
        glyphs: dict[str, Any] = {}
        metrics: dict[str, tuple[int, int]] = {}
        shape = glyf.Bounds()
        for name, old, width in zip(names, kept, widths, strict=True):
            pen = glyf.Contours(MAX_ERROR, reverse=cff)
            draw(old, pen)
            data, box = glyf.encode(pen.contours)
            glyphs[name] = Glyph(data)
            shape.add(box, width, pen.contours)
            metrics[name] = (width, box[0] if box else 0)
        cmap: dict[int, str] = {}
        for name, old in zip(names[1:], kept[1:], strict=True):
            char = chars[old]
            if len(char) == 1 and ord(char) not in cmap:  # the first glyph drawn for it
                cmap[ord(char)] = name
        head = font["head"]
        builder = FontBuilder(head.unitsPerEm, isTTF=True)
        builder.font.recalcBBoxes = False  # the bounds are the encoder's (shape), not decoded
        builder.setupGlyphOrder(names)
        builder.setupCharacterMap(cmap)
        table = builder.font["glyf"] = newTable("glyf")  # not setupGlyf: it decodes each glyph
        table.glyphs, table.glyphOrder = glyphs, names
        builder.font["loca"] = newTable("loca")
        builder.setupHorizontalMetrics(metrics)
        hhea = font["hhea"]
        builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, **shape.hhea())
        builder.setupHead(
            unitsPerEm=head.unitsPerEm, created=head.created, modified=head.created, **shape.head()
        )
        builder.font["name"] = font["name"]
        builder.font["OS/2"] = font["OS/2"]
        builder.setupPost(keepGlyphNames=False)
        builder.setupMaxp()
        for field, value in shape.maxp().items():
            setattr(builder.font["maxp"], field, value)
        builder.font.recalcTimestamp = False  # the source's dates, never the clock
        out = io.BytesIO()
        builder.font.save(out)
        return out.getvalue(), {old: new for new, old in enumerate(kept)}
    except Exception:  # a font fontTools cannot read or convert
        return None


def harfbuzz(program: bytes) -> Draw | None:
    """The font's outlines as HarfBuzz draws them (font units); None without uharfbuzz."""
    try:
        import uharfbuzz
    except ImportError:
        return None
    font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(program)))  # scale: font units
    drawn: Draw = font.draw_glyph_with_pen
    return drawn


def fontools(font: Any) -> Draw:
    """The font's outlines as fontTools draws them (components drawn in place)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    def drawn(gid: int, pen: Any) -> None:
        pen.glyph_set = glyph_set
        glyph_set[order[gid]].draw(pen)

    return drawn


def _advances(font: Any, kept: list[int]) -> list[int]:
    """The advance width of each glyph in `kept`, read from the raw hmtx: decoding all of it
    (65 000 glyphs of a CJK face) costs more than the rest of a small font."""
    metrics = struct.unpack_from(">H", font.reader["hhea"], 34)[0]
    hmtx = font.reader["hmtx"]
    last = struct.unpack_from(">H", hmtx, 4 * (metrics - 1))[0]
    return [struct.unpack_from(">H", hmtx, 4 * g)[0] if g < metrics else last for g in kept]
