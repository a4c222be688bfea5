"""The OFD's fonts (planc/archive/truetype.py, glyf.py): an OpenType face with PostScript
outlines made a compact TrueType font, read by HarfBuzz or by fontTools to the same bytes, the
glyphs equal to fontTools' own conversion, the header tables equal to fontTools' recalculation,
and no charstring run in Python when HarfBuzz reads them."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from planc.archive import truetype

TEXT = "青岛市国际城市战略推进委员会办公室（一）、。，《行动计划》2020—2021年Smart"


def _face(family: str) -> Path:
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=True
    ).stdout
    path = Path(found)
    if family.lower() not in path.name.lower():
        pytest.fail(f"{family} is not installed (scripts/setup.sh installs it)")
    return path


@pytest.fixture(scope="module")
def fang() -> tuple[bytes, dict[int, str]]:
    program = _face("FandolFang").read_bytes()
    font = TTFont(io.BytesIO(program), lazy=True)
    cmap = font.getBestCmap()
    chars = {font.getGlyphID(cmap[ord(c)]): c for c in TEXT if ord(c) in cmap}
    assert len(chars) > 30
    return program, chars


def _points(font: TTFont) -> dict[str, list[tuple[tuple[int, int], int]]]:
    glyf = font["glyf"]
    out: dict[str, list[tuple[tuple[int, int], int]]] = {}
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if glyph.numberOfContours == 0:
            out[name] = []
            continue
        coords, _ends, flags = glyph.getCoordinates(glyf)
        out[name] = sorted(zip((tuple(p) for p in coords), (f & 1 for f in flags), strict=True))
    return out


def test_harfbuzz_and_fonttools_give_the_same_font(
    fang: tuple[bytes, dict[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    program, chars = fang
    fast = truetype.compact(program, chars)
    monkeypatch.setattr(truetype, "harfbuzz", lambda program: None)
    slow = truetype.compact(program, chars)
    assert fast is not None and slow is not None
    assert fast == slow


def test_glyphs_and_headers_equal_fonttools_own_conversion(
    fang: tuple[bytes, dict[int, str]],
) -> None:
    program, chars = fang
    made = truetype.compact(program, chars)
    assert made is not None
    data, ids = made
    ours = TTFont(io.BytesIO(data))
    assert sorted(ids) == [0, *sorted(chars)] and sorted(ids.values()) == list(range(len(ids)))
    cmap = {code: ours.getGlyphID(name) for code, name in ours.getBestCmap().items()}
    assert cmap == {ord(chars[old]): ids[old] for old in chars}
    order_ours = ours.getGlyphOrder()  # named by fontTools from the cmap on reading
    # the same glyphs drawn by fontTools' pens: the same points, on and off the curve
    source = TTFont(io.BytesIO(program))
    glyph_set, order = source.getGlyphSet(), source.getGlyphOrder()
    points = _points(ours)
    for old, new in ids.items():
        new_name = order_ours[new]
        pen = TTGlyphPen(None)
        glyph_set[order[old]].draw(Cu2QuPen(pen, truetype.MAX_ERROR, reverse_direction=True))
        theirs = pen.glyph()
        expected = []
        if theirs.numberOfContours:
            coords, _ends, flags = theirs.getCoordinates(None)
            expected = sorted(zip((tuple(p) for p in coords), (f & 1 for f in flags), strict=True))
        assert points[new_name] == expected, new_name
        assert ours["hmtx"][new_name][0] == source["hmtx"][order[old]][0]
    # what the header tables say, as fontTools recomputes it from the decoded glyphs
    again = TTFont(io.BytesIO(data))
    again["maxp"].recalc(again)
    again["hhea"].recalc(again)
    fields = {
        "head": ("xMin", "yMin", "xMax", "yMax"),
        "maxp": ("maxPoints", "maxContours", "numGlyphs"),
        "hhea": ("advanceWidthMax", "minLeftSideBearing", "minRightSideBearing", "xMaxExtent"),
    }
    for table, names in fields.items():
        for field in names:
            assert getattr(again[table], field) == getattr(ours[table], field), (table, field)


def test_no_charstring_runs_in_python_when_harfbuzz_reads_them(
    fang: tuple[bytes, dict[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fontTools.misc import psCharStrings

    program, chars = fang
    runs = []
    original = psCharStrings.T2CharString.draw

    def counted(self: Any, pen: Any, *args: Any) -> None:
        runs.append(1)
        original(self, pen, *args)

    monkeypatch.setattr(psCharStrings.T2CharString, "draw", counted)
    assert truetype.compact(program, chars) is not None
    assert runs == []
    monkeypatch.setattr(truetype, "harfbuzz", lambda program: None)
    assert truetype.compact(program, chars) is not None
    assert len(runs) == len(chars) + 1  # the counter counts: one a glyph, .notdef too


def test_truetype_source_with_a_component_is_drawn_in_place() -> None:
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "box", "two"])
    builder.setupCharacterMap({ord("口"): "box", ord("回"): "two"})
    pen = TTGlyphPen(None)
    for x, y in ((100, 100), (100, 500), (300, 600), (500, 500), (500, 100)):
        (pen.lineTo if (x, y) != (100, 100) else pen.moveTo)((x, y))
    pen.closePath()
    box = pen.glyph()
    pen = TTGlyphPen({"box": box})
    pen.addComponent("box", (1, 0, 0, 1, 400, 0))
    pen.addComponent("box", (1, 0, 0, 1, 0, 0))
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "box": box, "two": pen.glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "box": (600, 100), "two": (1000, 100)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Test", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    made = truetype.compact(out.getvalue(), {2: "回"})
    assert made is not None
    data, ids = made
    assert ids == {0: 0, 2: 1}
    font = TTFont(io.BytesIO(data))
    two = font.getGlyphOrder()[1]
    coords, ends, _flags = font["glyf"][two].getCoordinates(font["glyf"])
    assert list(ends) == [4, 9]  # two contours of five points: the component drawn twice
    assert sorted(tuple(p) for p in coords)[-1] == (900, 500)  # the one moved 400 right
    assert font["hmtx"][two] == (1000, 100) and font["head"].xMax == 900


def test_a_font_fonttools_cannot_read_is_embedded_as_it_is() -> None:
    assert truetype.compact(b"not a font", {3: "a"}) is None
