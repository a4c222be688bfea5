"""The fonts of the OFD edition: the PDF's embedded subset, turned into a small TrueType font.

WeasyPrint embeds the Fandol and Noto faces as OpenType with PostScript (CFF) outlines, and
keeps every glyph's original number (a subset of Noto Serif CJK keeps 63 000 empty slots).
Many OFD readers load only TrueType outlines ("glyf"), and need a name table and a character
map: given anything else they fall back to a system face or draw nothing (easyofd, older
ofdrw). So each font becomes TrueType with only the glyphs the document draws, numbered anew,
its character map made from what those glyphs stand for in the document. The cubic curves
become quadratic ones within one font unit (a thousandth of the em: 0.005 mm at 16 pt)."""

from __future__ import annotations

import io
from collections.abc import Mapping

MAX_ERROR = 1.0  # font units


def compact(program: bytes, chars: Mapping[int, str]) -> tuple[bytes, dict[int, int]] | None:
    """`program` (OpenType, CFF or TrueType outlines) as a TrueType font holding the glyphs in
    `chars` (old glyph id: the character it stands for, "" for none), and the new id of each.
    None when fontTools cannot read or convert it: the OFD then embeds `program` as it is."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(io.BytesIO(program), lazy=True)
        order = font.getGlyphOrder()
        glyph_set = font.getGlyphSet()
        cff = "CFF " in font
        kept = [0, *sorted(g for g in chars if 0 < g < len(order))]
        names = [".notdef", *(f"g{g}" for g in kept[1:])]
        glyphs = {}
        metrics = {}
        hmtx = font["hmtx"]
        for name, old in zip(names, kept, strict=True):
            source = order[old]
            pen = TTGlyphPen(None if cff else glyph_set)
            glyph_set[source].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True) if cff else pen)
            glyphs[name] = pen.glyph()
            metrics[name] = hmtx[source]
        cmap: dict[int, str] = {}
        for name, old in zip(names[1:], kept[1:], strict=True):
            char = chars[old]
            if len(char) == 1 and ord(char) not in cmap:  # the first glyph drawn for it
                cmap[ord(char)] = name
        head = font["head"]
        builder = FontBuilder(head.unitsPerEm, isTTF=True)
        builder.setupGlyphOrder(names)
        builder.setupCharacterMap(cmap)
        builder.setupGlyf(glyphs)
        builder.setupHorizontalMetrics(metrics)
        hhea = font["hhea"]
        builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
        builder.setupHead(unitsPerEm=head.unitsPerEm, created=head.created, modified=head.created)
        builder.font["name"] = font["name"]
        builder.font["OS/2"] = font["OS/2"]
        builder.setupPost(keepGlyphNames=False)
        builder.setupMaxp()
        builder.font.recalcTimestamp = False  # the source's dates, never the clock
        out = io.BytesIO()
        builder.font.save(out)
        return out.getvalue(), {old: new for new, old in enumerate(kept)}
    except Exception:  # a font fontTools cannot read or convert
        return None
