"""A PDF planc wrote, read back as what its pages draw: every glyph with its font, size and
position, every path with its paint, every image, every link, the outline and the fonts' own
files. This is what the OFD edition is made from, so it holds exactly what the PDF holds.

It reads the operators WeasyPrint writes (text, paths, colours, transparency, images, nested
forms, marked content) and ignores the rest (clipping, shadings, inline images: planc's pages
have none that show). Positions are in millimetres from the page's top-left corner, y down,
as OFD has them. pikepdf parses; the arithmetic is here."""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

MM = 25.4 / 72  # millimetres in a PDF point

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
RGB = tuple[int, int, int]


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's row-vector convention: a point p maps to p·m·n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])


@dataclass(slots=True)
class Font:
    """One font of the PDF: its name without the subset tag, and its embedded program."""

    name: str
    program: bytes | None  # an OpenType or TrueType file, as the PDF embeds it
    kind: str  # "otf", "ttf", or "" when the program is not a whole font file
    bold: bool = False
    italic: bool = False
    serif: bool = False


@dataclass(slots=True)
class Text:
    """Glyphs shown by one text operator, on one baseline."""

    font: int  # index into Document.fonts
    size: float  # mm
    xs: list[float]  # each glyph's origin, mm
    y: float  # the baseline, mm
    chars: list[str]  # what each glyph stands for (ToUnicode), usually one character
    glyphs: list[int]
    advance: float  # the last glyph's advance, mm: where the run ends
    fill: RGB
    stroke: RGB
    fill_alpha: int  # 0-255
    stroke_alpha: int
    mode: int  # PDF text rendering mode: 0 fill, 1 stroke, 2 both, 3 invisible
    line_width: float
    hscale: float = 1.0
    matrix: Matrix | None = None  # not upright: the glyph space to page mm, size 1


@dataclass(slots=True)
class Path:
    """One painted path: segments in page mm ("M", "L", "B", "C" with their points)."""

    segments: list[tuple[str, tuple[float, ...]]]
    fill: RGB | None
    stroke: RGB | None
    fill_alpha: int
    stroke_alpha: int
    line_width: float
    even_odd: bool = False
    dash: tuple[float, ...] = ()
    dash_offset: float = 0.0
    cap: int = 0
    join: int = 0
    miter: float = 10.0


@dataclass(slots=True)
class Image:
    """An image XObject, drawn into the unit square mapped by `matrix` (to page mm)."""

    data: bytes
    format: str  # "JPEG" or "PNG"
    matrix: Matrix
    alpha: int


@dataclass(slots=True)
class Link:
    """A link rectangle (page mm: left, top, width, height) to a page of this document
    (`page`, `left`, `top` in mm) or to a URI."""

    box: tuple[float, float, float, float]
    page: int | None = None
    left: float = 0.0
    top: float = 0.0
    uri: str | None = None


@dataclass(slots=True)
class Page:
    width: float  # mm
    height: float
    items: list[Text | Path | Image] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    title: str
    page: int | None
    left: float
    top: float
    children: list[Outline] = field(default_factory=list)
    expanded: bool = True


@dataclass(slots=True)
class Document:
    pages: list[Page]
    fonts: list[Font]
    outline: list[Outline]
    info: dict[str, str]  # the document information dictionary: Title, Author, Subject…
    lang: str | None


def read(data: bytes) -> Document:
    """Read a PDF's pages, fonts, outline and information (raises pikepdf's errors on a file
    that is not a PDF: the caller made it a moment ago)."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return _Reader(pdf).document()


class _Reader:
    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf
        self.fonts: list[Font] = []
        self.font_index: dict[tuple[int, int], int] = {}
        self.decoders: dict[tuple[int, int], _FontCodes] = {}
        self.page_numbers = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        self.heights = [float(_box(p.obj)[3] - _box(p.obj)[1]) for p in pdf.pages]
        self.named = _named_destinations(pdf)

    def document(self) -> Document:
        import pikepdf

        pages = [self.page(p.obj) for p in self.pdf.pages]
        info = {}
        if pikepdf.Name.Info in self.pdf.trailer:
            for key, value in self.pdf.trailer.Info.items():
                info[key.lstrip("/")] = str(value)
        lang = str(self.pdf.Root.Lang) if "/Lang" in self.pdf.Root else None
        outline = []
        if "/Outlines" in self.pdf.Root and "/First" in self.pdf.Root.Outlines:
            outline = self.outline(self.pdf.Root.Outlines.First)
        return Document(pages, self.fonts, outline, info, lang)

    # -- destinations --------------------------------------------------------------------

    def destination(self, dest: Any) -> tuple[int | None, float, float]:
        """A destination (an explicit array or a name) as page index and top-left in mm."""
        import pikepdf

        if isinstance(dest, pikepdf.String | pikepdf.Name):
            dest = self.named.get(str(dest).lstrip("/"))
            if dest is None:
                return None, 0.0, 0.0
        if isinstance(dest, pikepdf.Dictionary) and "/D" in dest:
            dest = dest.D
        if not isinstance(dest, pikepdf.Array) or len(dest) == 0:
            return None, 0.0, 0.0
        page = self.page_numbers.get(dest[0].objgen) if hasattr(dest[0], "objgen") else None
        if page is None:
            return None, 0.0, 0.0
        left = top = 0.0
        if len(dest) >= 4 and str(dest[1]) == "/XYZ":
            left = _num(dest[2]) * MM if dest[2] is not None else 0.0
            top = (self.heights[page] - _num(dest[3])) * MM if dest[3] is not None else 0.0
        return page, max(left, 0.0), max(top, 0.0)

    def outline(self, item: Any) -> list[Outline]:
        found = []
        seen: set[tuple[int, int]] = set()
        while item is not None and item.objgen not in seen:
            seen.add(item.objgen)
            target: Any = item.get("/Dest")
            if target is None and "/A" in item and str(item.A.get("/S")) == "/GoTo":
                target = item.A.D
            page, left, top = self.destination(target) if target is not None else (None, 0, 0)
            node = Outline(str(item.get("/Title", "")), page, left, top)
            node.expanded = int(item.get("/Count", 0)) >= 0
            if "/First" in item:
                node.children = self.outline(item.First)
            found.append(node)
            item = item.get("/Next")
        return found

    # -- pages -----------------------------------------------------------------------------

    def page(self, obj: Any) -> Page:
        x0, y0, x1, y1 = _box(obj)
        page = Page((x1 - x0) * MM, (y1 - y0) * MM)
        # PDF user space (points, y up) to OFD page space (mm, y down)
        base: Matrix = (MM, 0.0, 0.0, -MM, -x0 * MM, y1 * MM)
        self.draw(obj, obj.get("/Resources"), base, page)
        for annot in obj.get("/Annots", []):
            link = self.link(annot, base)
            if link is not None:
                page.links.append(link)
        return page

    def link(self, annot: Any, base: Matrix) -> Link | None:
        if str(annot.get("/Subtype")) != "/Link" or "/Rect" not in annot:
            return None
        ax0, ay0, ax1, ay1 = (_num(v) for v in annot.Rect)
        (left, top), (right, bottom) = apply(base, ax0, ay1), apply(base, ax1, ay0)
        box = (min(left, right), min(top, bottom), abs(right - left), abs(bottom - top))
        if "/Dest" in annot:
            page, x, y = self.destination(annot.Dest)
            return Link(box, page, x, y) if page is not None else None
        action = annot.get("/A")
        if action is None:
            return None
        kind = str(action.get("/S"))
        if kind == "/URI":
            return Link(box, uri=str(action.URI))
        if kind == "/GoTo":
            page, x, y = self.destination(action.D)
            return Link(box, page, x, y) if page is not None else None
        return None

    def draw(self, stream: Any, resources: Any, base: Matrix, page: Page) -> None:
        import pikepdf

        state = _State(ctm=base)
        stack: list[_State] = []
        path: list[tuple[str, tuple[float, ...]]] = []
        current = (0.0, 0.0)
        start = (0.0, 0.0)
        text = _TextState()
        fonts = resources.get("/Font", {}) if resources is not None else {}
        states = resources.get("/ExtGState", {}) if resources is not None else {}
        xobjects = resources.get("/XObject", {}) if resources is not None else {}
        for instruction in pikepdf.parse_content_stream(stream):
            op = str(instruction.operator)
            if op in _IGNORED:  # marked content, clipping, compatibility: nothing drawn
                continue
            operands = instruction.operands
            if op == "TJ" or op == "Tj" or op == "'" or op == '"':
                if op == "'" or op == '"':
                    text.next_line()
                items = operands[0] if op == "TJ" else [operands[-1]]
                run = self.show(items, text, state)
                if run is not None:
                    page.items.append(run)
            elif op == "Tf":
                text.font = fonts.get(str(operands[0])) if fonts else None
                text.size = _num(operands[1])
            elif op == "Tm":
                text.matrix = text.line = _matrix(operands)
            elif op == "BT":
                text.matrix = text.line = IDENTITY
            elif op == "Td" or op == "TD":
                tx, ty = _num(operands[0]), _num(operands[1])
                if op == "TD":
                    text.leading = -ty
                text.line = text.matrix = multiply((1, 0, 0, 1, tx, ty), text.line)
            elif op == "T*":
                text.next_line()
            elif op == "Tc":
                text.char_spacing = _num(operands[0])
            elif op == "Tw":
                text.word_spacing = _num(operands[0])
            elif op == "Tz":
                text.hscale = _num(operands[0]) / 100
            elif op == "TL":
                text.leading = _num(operands[0])
            elif op == "Tr":
                text.mode = int(operands[0])
            elif op == "q":
                stack.append(state.copy())
            elif op == "Q":
                if stack:
                    state = stack.pop()
            elif op == "cm":
                state.ctm = multiply(_matrix(operands), state.ctm)
            elif op == "rg" or op == "RG" or op == "g" or op == "G" or op == "k" or op == "K":
                color = _rgb([_num(v) for v in operands])
                if op.islower():
                    state.fill = color
                else:
                    state.stroke = color
            elif op == "sc" or op == "scn" or op == "SC" or op == "SCN":
                if all(
                    isinstance(v, int | float) or hasattr(v, "as_integer_ratio") for v in operands
                ):
                    color = _rgb([_num(v) for v in operands])
                    if op.islower():
                        state.fill = color
                    else:
                        state.stroke = color
            elif op == "w":
                state.line_width = _num(operands[0])
            elif op == "d":
                state.dash = tuple(_num(v) for v in operands[0])
                state.dash_offset = _num(operands[1])
            elif op == "J":
                state.cap = int(operands[0])
            elif op == "j":
                state.join = int(operands[0])
            elif op == "M":
                state.miter = _num(operands[0])
            elif op == "gs":
                ext = states.get(str(operands[0])) if states else None
                if ext is not None:
                    if "/ca" in ext:
                        state.fill_alpha = round(_num(ext.ca) * 255)
                    if "/CA" in ext:
                        state.stroke_alpha = round(_num(ext.CA) * 255)
            elif op == "m":
                current = start = apply(state.ctm, _num(operands[0]), _num(operands[1]))
                path.append(("M", current))
            elif op == "l":
                current = apply(state.ctm, _num(operands[0]), _num(operands[1]))
                path.append(("L", current))
            elif op == "c" or op == "v" or op == "y":
                nums = [_num(v) for v in operands]
                points = [apply(state.ctm, nums[i], nums[i + 1]) for i in range(0, len(nums), 2)]
                if op == "v":
                    points.insert(0, current)
                elif op == "y":
                    points.append(points[-1])
                path.append(("B", (*points[0], *points[1], *points[2])))
                current = points[2]
            elif op == "h":
                path.append(("C", ()))
                current = start
            elif op == "re":
                x, y, w, h = (_num(v) for v in operands)
                corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                mapped = [apply(state.ctm, px, py) for px, py in corners]
                path.append(("M", mapped[0]))
                path += [("L", p) for p in mapped[1:]]
                path.append(("C", ()))
                current = start = mapped[0]
            elif op in _PAINT:
                if op != "n" and path:
                    page.items.append(self.painted(path, op, state))
                path = []
            elif op == "Do":
                xobject = xobjects.get(str(operands[0])) if xobjects else None
                if xobject is not None:
                    self.xobject(xobject, state, page)

    def xobject(self, xobject: Any, state: _State, page: Page) -> None:
        subtype = str(xobject.get("/Subtype"))
        if subtype == "/Form":
            matrix = _matrix(xobject.Matrix) if "/Matrix" in xobject else IDENTITY
            self.draw(xobject, xobject.get("/Resources"), multiply(matrix, state.ctm), page)
        elif subtype == "/Image":
            image = _image(xobject)
            if image is not None:
                data, kind = image
                page.items.append(Image(data, kind, state.ctm, state.fill_alpha))

    def painted(self, path: list[tuple[str, tuple[float, ...]]], op: str, state: _State) -> Path:
        fill = op in ("f", "F", "f*", "B", "B*", "b", "b*")
        stroke = op in ("S", "s", "B", "B*", "b", "b*")
        segments = list(path)
        if op in ("s", "b", "b*"):
            segments.append(("C", ()))
        scale = _scale(state.ctm)
        return Path(
            segments,
            state.fill if fill else None,
            state.stroke if stroke else None,
            state.fill_alpha,
            state.stroke_alpha,
            state.line_width * scale,
            even_odd=op.endswith("*"),
            dash=tuple(v * scale for v in state.dash),
            dash_offset=state.dash_offset * scale,
            cap=state.cap,
            join=state.join,
            miter=state.miter,
        )

    # -- text ------------------------------------------------------------------------------

    def font(self, obj: Any) -> tuple[int, _FontCodes]:
        key = obj.objgen
        if key not in self.font_index:
            self.font_index[key] = len(self.fonts)
            self.fonts.append(_font(obj))
            self.decoders[key] = _FontCodes(obj)
        return self.font_index[key], self.decoders[key]

    def show(self, items: Any, text: _TextState, state: _State) -> Text | None:
        import pikepdf

        if text.font is None:
            return None
        index, codes = self.font(text.font)
        size, hscale = text.size, text.hscale
        per_unit = size / 1000
        widths, default, unicode = codes.widths, codes.default, codes.unicode
        char_spacing, word_spacing = text.char_spacing, text.word_spacing
        x = 0.0  # text space, along the baseline, before the text matrix
        xs: list[float] = []
        chars: list[str] = []
        glyphs: list[int] = []
        last = 0.0
        split, shift = codes.split, per_unit * hscale
        # the loop runs once a glyph (WeasyPrint writes each CJK glyph as a string of its own,
        # its letter spacing as a number after it): kept to what each needs; pikepdf gives a
        # number as int or Decimal, a string as a pikepdf object
        for item in items:
            if isinstance(item, _NUMBERS):
                x -= float(item) * shift
            elif isinstance(item, pikepdf.String):
                for code in split(bytes(item)):
                    width = widths.get(code, default) * per_unit
                    xs.append(x)
                    glyphs.append(code)
                    chars.append(unicode.get(code, ""))
                    last = width * hscale
                    spacing = char_spacing + word_spacing if code == 32 else char_spacing
                    x += (width + spacing) * hscale
        if not glyphs:
            return None
        # glyph space (size 1) to page mm: the text matrix, then the page's
        m = multiply(text.matrix, state.ctm)
        a, b, c, d, e, f = m
        origin = apply(m, 0.0, 0.0)
        upright = abs(b) < 1e-9 and abs(c) < 1e-9 and a > 0 and d < 0
        if upright:
            page_xs = [origin[0] + v * a for v in xs]
            run_size, run_hscale, matrix = -d * size, hscale * a / -d, None
            y = origin[1]
        else:
            # rotated or skewed: positions along the baseline, the rest in the matrix
            scale = (abs(a * d - b * c)) ** 0.5
            page_xs = [v * scale for v in xs]
            run_size, run_hscale = size * scale, hscale
            matrix = (a / scale, b / scale, -c / scale, -d / scale, e, f)
            y = 0.0
        scale = _scale(state.ctm)
        return Text(
            index,
            run_size,
            page_xs,
            y,
            chars,
            glyphs,
            last * (a if upright else _scale(m)),
            state.fill,
            state.stroke,
            state.fill_alpha,
            state.stroke_alpha,
            text.mode,
            state.line_width * scale,
            run_hscale,
            matrix,
        )


_NUMBERS = (int, float, Decimal)
_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
# Marked content (the structure tree's, which the OFD does not carry), clipping (planc's pages
# clip nothing that shows), compatibility sections, rendering intent and flatness.
_IGNORED = {"BDC", "BMC", "EMC", "MP", "DP", "ET", "W", "W*", "BX", "EX", "ri", "i", "d0", "d1"}


@dataclass(slots=True)
class _State:
    ctm: Matrix
    fill: RGB = (0, 0, 0)
    stroke: RGB = (0, 0, 0)
    fill_alpha: int = 255
    stroke_alpha: int = 255
    line_width: float = 1.0
    dash: tuple[float, ...] = ()
    dash_offset: float = 0.0
    cap: int = 0
    join: int = 0
    miter: float = 10.0

    def copy(self) -> _State:
        return _State(
            self.ctm,
            self.fill,
            self.stroke,
            self.fill_alpha,
            self.stroke_alpha,
            self.line_width,
            self.dash,
            self.dash_offset,
            self.cap,
            self.join,
            self.miter,
        )


@dataclass(slots=True)
class _TextState:
    font: Any = None
    size: float = 0.0
    matrix: Matrix = IDENTITY
    line: Matrix = IDENTITY
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    hscale: float = 1.0
    leading: float = 0.0
    mode: int = 0

    def next_line(self) -> None:
        self.line = self.matrix = multiply((1, 0, 0, 1, 0, -self.leading), self.line)


class _FontCodes:
    """A font's codes: how a string splits into them, each one's width and its text."""

    def __init__(self, obj: Any) -> None:
        self.two_bytes = str(obj.get("/Subtype")) == "/Type0"
        self.widths: dict[int, float] = {}
        self.default = 1000.0 if self.two_bytes else 0.0
        if self.two_bytes:
            cid = obj.DescendantFonts[0]
            self.default = _num(cid.get("/DW", 1000))
            self.widths = _cid_widths(cid.get("/W", []))
        else:
            first = int(obj.get("/FirstChar", 0))
            for i, w in enumerate(obj.get("/Widths", [])):
                self.widths[first + i] = _num(w)
        self.unicode = _to_unicode(obj.ToUnicode.read_bytes()) if "/ToUnicode" in obj else {}

    def split(self, data: bytes) -> Sequence[int]:
        if self.two_bytes:
            if len(data) == 2:  # one glyph: most strings of planc's PDFs
                return ((data[0] << 8) | data[1],)
            return struct.unpack(f">{len(data) // 2}H", data[: len(data) // 2 * 2])
        return data

    def width(self, code: int) -> float:
        return self.widths.get(code, self.default)

    def text(self, code: int) -> str:
        return self.unicode.get(code, "")


def _font(obj: Any) -> Font:
    base = str(obj.get("/BaseFont", "/")).lstrip("/")
    name = base.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", base) else base
    descendant = obj.DescendantFonts[0] if "/DescendantFonts" in obj else obj
    descriptor = descendant.get("/FontDescriptor")
    program: bytes | None = None
    kind = ""
    flags = 0
    if descriptor is not None:
        flags = int(descriptor.get("/Flags", 0))
        if "/FontFile2" in descriptor:
            program, kind = descriptor.FontFile2.read_bytes(), "ttf"
        elif "/FontFile3" in descriptor and str(descriptor.FontFile3.get("/Subtype")) == (
            "/OpenType"
        ):
            program = descriptor.FontFile3.read_bytes()
            kind = "ttf" if program[:4] in (b"\x00\x01\x00\x00", b"true") else "otf"
    weight = int(descriptor.get("/FontWeight", 400)) if descriptor is not None else 400
    bold = weight >= 600 or bool(flags & (1 << 18))
    return Font(name, program, kind, bold, bool(flags & (1 << 6)), bool(flags & 2))


def _cid_widths(array: Any) -> dict[int, float]:
    import pikepdf

    widths: dict[int, float] = {}
    items = list(array)
    i = 0
    while i < len(items):
        first = int(items[i])
        if i + 1 < len(items) and isinstance(items[i + 1], pikepdf.Array):
            for offset, w in enumerate(items[i + 1]):
                widths[first + offset] = _num(w)
            i += 2
        elif i + 2 < len(items):
            last, w = int(items[i + 1]), _num(items[i + 2])
            for code in range(first, last + 1):
                widths[code] = w
            i += 3
        else:
            break
    return widths


_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def _utf16(hexa: bytes) -> str:
    return bytes.fromhex(hexa.decode("ascii")).decode("utf-16-be", "replace")


def _to_unicode(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap's bfchar and bfrange entries: code to text."""
    found: dict[int, str] = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        pairs = _HEX.findall(section)
        for code, text in zip(pairs[0::2], pairs[1::2], strict=False):
            found[int(code, 16)] = _utf16(text)
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for line in section.strip().splitlines():
            parts = _HEX.findall(line)
            if len(parts) < 3:
                continue
            first, last = int(parts[0], 16), int(parts[1], 16)
            if b"[" in line:
                for offset, text in enumerate(parts[2:]):
                    found[first + offset] = _utf16(text)
            else:
                start = int(parts[2], 16)
                width = len(parts[2]) // 2
                for offset in range(last - first + 1):
                    value = (start + offset).to_bytes(width, "big")
                    found[first + offset] = value.decode("utf-16-be", "replace")
    return found


def _named_destinations(pdf: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    names = pdf.Root.get("/Names")
    if names is not None and "/Dests" in names:
        for key, value in _name_tree(names.Dests):
            found[key] = value
    if "/Dests" in pdf.Root:
        for key, value in pdf.Root.Dests.items():
            found[key.lstrip("/")] = value
    return found


def _name_tree(node: Any, depth: int = 0) -> Iterator[tuple[str, Any]]:
    if depth > 32:
        return
    if "/Names" in node:
        items = list(node.Names)
        for key, value in zip(items[0::2], items[1::2], strict=False):
            yield str(key), value
    for kid in node.get("/Kids", []):
        yield from _name_tree(kid, depth + 1)


def _image(xobject: Any) -> tuple[bytes, str] | None:
    """An image's bytes as a file OFD can hold: a JPEG as it is, anything else as PNG."""
    import io

    import pikepdf
    from pikepdf.models.image import PdfImage

    filters = xobject.get("/Filter")
    if filters == pikepdf.Name.DCTDecode and "/SMask" not in xobject:
        return xobject.read_raw_bytes(), "JPEG"
    try:
        picture = PdfImage(xobject).as_pil_image()
        if "/SMask" in xobject:
            mask = PdfImage(xobject.SMask).as_pil_image().convert("L")
            picture = picture.convert("RGB")
            picture.putalpha(mask.resize(picture.size))
    except Exception:  # an encoding Pillow cannot read: the page goes without it
        return None
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=False)
    return out.getvalue(), "PNG"


def _box(obj: Any) -> tuple[float, float, float, float]:
    box = obj.get("/CropBox") or obj.MediaBox
    x0, y0, x1, y1 = (_num(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _matrix(values: Any) -> Matrix:
    a, b, c, d, e, f = (_num(v) for v in list(values)[:6])
    return (a, b, c, d, e, f)


def _num(value: Any) -> float:
    return float(value)


def _scale(m: Matrix) -> float:
    return float(abs(m[0] * m[3] - m[1] * m[2]) ** 0.5)


def _rgb(values: list[float]) -> RGB:
    if len(values) == 1:
        v = round(values[0] * 255)
        return (v, v, v)
    if len(values) == 4:  # CMYK, naively: planc's pages are RGB
        c, m, y, k = values
        return (
            round(255 * (1 - c) * (1 - k)),
            round(255 * (1 - m) * (1 - k)),
            round(255 * (1 - y) * (1 - k)),
        )
    r, g, b = values[:3]
    return (round(r * 255), round(g * 255), round(b * 255))
