"""OFD (GB/T 33190-2016) from a PDF planc wrote: the same pages, glyph for glyph.

The package (a zip): `OFD.xml` (the entry: document information), `Doc_0/Document.xml` (page
area, resources, the page list, the outline, viewer preferences), `Doc_0/PublicRes.xml` (the
fonts and the colour space), `Doc_0/DocumentRes.xml` (images), `Doc_0/Res/` (the font files
the PDF embeds, as they are, and the images) and `Doc_0/Pages/Page_N/Content.xml`, one per PDF
page. Every glyph is a TextObject's TextCode with its position and advance (DeltaX), so the text
stays text: selectable, searchable, sharp at any size. Rules, table borders and charts are
PathObjects, images ImageObjects, links page actions (Goto within the document, URI across
it), bookmarks the outline. What is left out is in docs/archive.md."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from planc.archive import relinked, truetype
from planc.archive.pdfread import Document, Font, Image, Link, Outline, Page, Path, Text
from planc.zips import write_zip

if TYPE_CHECKING:
    from planc.archive import Metadata

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
DOC = "Doc_0"


def write(pdf: Document, meta: Metadata, links: Mapping[str, str] | None = None) -> bytes:
    """The OFD package of `pdf` (read by pdfread.read), as bytes. `links` renames link
    targets to other files (the plan's links into the handbook's PDF go to its OFD)."""
    ids = _Ids()
    files: dict[str, bytes] = {}
    used: dict[int, dict[int, str]] = {}  # font: glyph id: the character it stands for
    for page in pdf.pages:
        for item in page.items:
            if isinstance(item, Text):
                drawn = used.setdefault(item.font, {})
                for glyph, char in zip(item.glyphs, item.chars, strict=True):
                    drawn.setdefault(glyph, char)
    fonts, font_files = _fonts(pdf.fonts, used, ids)
    files.update(font_files)
    color_space = ids.next()
    page_ids = [ids.next() for _ in pdf.pages]
    images: list[tuple[int, Image]] = []
    for number, page in enumerate(pdf.pages):
        content = _Content(ids, fonts, color_space, page_ids, links or {})
        files[f"{DOC}/Pages/Page_{number}/Content.xml"] = content.page(page, pdf.pages[0])
        images += content.images
    media = []
    for image_id, image in images:
        name = f"image_{image_id}.{'jpg' if image.format == 'JPEG' else 'png'}"
        files[f"{DOC}/Res/{name}"] = image.data
        media.append(
            f'<ofd:MultiMedia ID="{image_id}" Type="Image" Format="{image.format}">'
            f"<ofd:MediaFile>{name}</ofd:MediaFile></ofd:MultiMedia>"
        )
    public = [f'<ofd:ColorSpaces><ofd:ColorSpace ID="{color_space}" Type="RGB"/></ofd:ColorSpaces>']
    public.append("<ofd:Fonts>" + "".join(f.xml for f in fonts.values() if f.xml) + "</ofd:Fonts>")
    files[f"{DOC}/PublicRes.xml"] = _res(public)
    if media:
        files[f"{DOC}/DocumentRes.xml"] = _res(["<ofd:MultiMedias>", *media, "</ofd:MultiMedias>"])
    outline = "".join(_outline(o, page_ids) for o in pdf.outline)
    first = pdf.pages[0] if pdf.pages else Page(210.0, 297.0)
    document = [
        HEAD,
        f"<ofd:Document {NS}><ofd:CommonData>",
        f"<ofd:MaxUnitID>{ids.last}</ofd:MaxUnitID>",
        f"<ofd:PageArea><ofd:PhysicalBox>0 0 {_n(first.width)} {_n(first.height)}"
        "</ofd:PhysicalBox></ofd:PageArea>",
        "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>",
        "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>" if media else "",
        f"<ofd:DefaultCS>{color_space}</ofd:DefaultCS>",
        "</ofd:CommonData><ofd:Pages>",
        *(
            f'<ofd:Page ID="{pid}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
            for i, pid in enumerate(page_ids)
        ),
        "</ofd:Pages>",
        f"<ofd:Outlines>{outline}</ofd:Outlines>" if outline else "",
        "<ofd:VPreferences><ofd:PageMode>UseOutlines</ofd:PageMode>"
        "<ofd:TabDisplay>DocTitle</ofd:TabDisplay></ofd:VPreferences>",
        "</ofd:Document>",
    ]
    files[f"{DOC}/Document.xml"] = "".join(document).encode("utf-8")
    files["OFD.xml"] = _entry(meta, hashlib.sha256(b"".join(files[n] for n in sorted(files))))
    out = io.BytesIO()
    write_zip(out, files, meta.created, first="OFD.xml")
    return out.getvalue()


class _Ids:
    """OFD identifiers: one count for every object of the document (MaxUnitID is the last)."""

    def __init__(self) -> None:
        self.last = 0

    def next(self) -> int:
        self.last += 1
        return self.last


class _Font:
    def __init__(self, ident: int, xml: str, glyphs: dict[int, int], cmap: dict[int, int]):
        self.id = ident
        self.xml = xml
        self.glyphs = glyphs  # the PDF's glyph id to the OFD font file's
        self.cmap = cmap  # character to glyph id in the OFD font file


def _fonts(
    fonts: list[Font], used: dict[int, dict[int, str]], ids: _Ids
) -> tuple[dict[int, _Font], dict[str, bytes]]:
    """Each PDF font as an OFD font resource with its file under Res/: the PDF's subset made
    a compact TrueType font (truetype.py says why), or as the PDF has it when that fails."""
    out: dict[int, _Font] = {}
    files: dict[str, bytes] = {}
    for index, font in enumerate(fonts):
        ident = ids.next()
        drawn = used.get(index, {})
        glyphs = {g: g for g in drawn}
        cmap: dict[int, int] = {}
        family: str | None = None
        inner = ""
        if font.program is not None and font.kind:
            program, kind = font.program, font.kind
            compacted = truetype.compact(program, drawn)
            if compacted is not None:
                (program, glyphs), kind = compacted, "ttf"
            family, cmap = _font_names(program)
            # named after the face: some readers register an embedded font by its file name
            stem = re.sub(r"[^A-Za-z0-9_-]", "", font.name) or "font"
            name = f"{stem}.{kind}" if f"{DOC}/Res/{stem}.{kind}" not in files else ""
            name = name or f"{stem}_{ident}.{kind}"
            files[f"{DOC}/Res/{name}"] = program
            inner = f"<ofd:FontFile>{name}</ofd:FontFile>"
        attrs: dict[str, object] = {
            "ID": ident,
            "FontName": font.name,
            "FamilyName": family or font.name,
        }
        if font.bold:
            attrs["Bold"] = "true"
        if font.italic:
            attrs["Italic"] = "true"
        if font.serif:
            attrs["Serif"] = "true"
        out[index] = _Font(ident, f"<ofd:Font{_attrs(attrs)}>{inner}</ofd:Font>", glyphs, cmap)
    return out, files


def _font_names(program: bytes) -> tuple[str | None, dict[int, int]]:
    """A font file's family name and character map (character: glyph id); none when
    fontTools cannot read it."""
    try:
        from fontTools.ttLib import TTFont

        parsed = TTFont(io.BytesIO(program), lazy=True)
        cmap = parsed.getBestCmap() or {}
        family = parsed["name"].getBestFamilyName() if "name" in parsed else None
        glyph_ids = {name: i for i, name in enumerate(parsed.getGlyphOrder())}
        return family, {char: glyph_ids.get(name, 0) for char, name in cmap.items()}
    except Exception:  # a font file fontTools cannot read: embedded as it is, no map
        return None, {}


class _Content:
    """One page's Content.xml."""

    def __init__(
        self,
        ids: _Ids,
        fonts: dict[int, _Font],
        color_space: int,
        page_ids: list[int],
        renamed: Mapping[str, str],
    ) -> None:
        self.ids = ids
        self.fonts = fonts
        self.cs = color_space
        self.page_ids = page_ids
        self.renamed = renamed
        self.images: list[tuple[int, Image]] = []

    def page(self, page: Page, first: Page) -> bytes:
        parts = [HEAD, f"<ofd:Page {NS}>"]
        if (page.width, page.height) != (first.width, first.height):
            parts.append(
                f"<ofd:Area><ofd:PhysicalBox>0 0 {_n(page.width)} {_n(page.height)}"
                "</ofd:PhysicalBox></ofd:Area>"
            )
        parts.append(f'<ofd:Content><ofd:Layer ID="{self.ids.next()}" Type="Body">')
        for item in page.items:
            if isinstance(item, Text):
                if _off_page(item, page):  # drawn, but off the sheet: no reader shows it
                    continue
                parts += self.text(item)
            elif isinstance(item, Path):
                parts.append(self.path(item))
            else:
                parts.append(self.image(item))
        parts.append("</ofd:Layer></ofd:Content>")
        actions = [self.link(link) for link in page.links]
        actions = [a for a in actions if a]
        if actions:
            parts += ["<ofd:Actions>", *actions, "</ofd:Actions>"]
        parts.append("</ofd:Page>")
        return "".join(parts).encode("utf-8")

    def color(self, tag: str, rgb: tuple[int, int, int], alpha: int) -> str:
        extra = f' Alpha="{alpha}"' if alpha != 255 else ""
        return f'<ofd:{tag} Value="{rgb[0]} {rgb[1]} {rgb[2]}" ColorSpace="{self.cs}"{extra}/>'

    def text(self, run: Text) -> Iterator[str]:
        """One TextObject per run of glyphs without a space at either end (a reader may trim
        a TextCode's text, which would move every glyph after the trimmed one)."""
        font = self.fonts[run.font]
        for start, end in _pieces(run.chars):
            yield self.text_object(run, font, start, end)

    def text_object(self, run: Text, font: _Font, start: int, end: int) -> str:
        xs = run.xs[start:end]
        chars = run.chars[start:end]
        glyphs = run.glyphs[start:end]
        left = xs[0]
        right = xs[-1] + run.advance if end == len(run.xs) else run.xs[end]
        top, height = run.y - run.size, run.size * 1.3
        attrs: dict[str, object] = {
            "ID": self.ids.next(),
            "Boundary": _box(left, top, max(right - left, run.size * 0.1), height),
            "Font": font.id,
            "Size": _n(run.size),
        }
        if run.matrix is not None:
            attrs["Boundary"] = _box(0.0, -run.size, max(right, run.size), height)
            attrs["CTM"] = " ".join(_n(v) for v in run.matrix)
            left, top = 0.0, -run.size
        if run.hscale != 1.0:
            attrs["HScale"] = _n(run.hscale)
        fill = run.mode in (0, 2, 4, 6)
        stroke = run.mode in (1, 2, 5, 6)
        if not fill:
            attrs["Fill"] = "false"
        if stroke:
            attrs["Stroke"] = "true"
            attrs["LineWidth"] = _n(run.line_width)
        inner = []
        if fill:
            inner.append(self.color("FillColor", run.fill, run.fill_alpha))
        if stroke:
            inner.append(self.color("StrokeColor", run.stroke, run.stroke_alpha))
        # Positions are per character: a glyph standing for several characters (a ligature)
        # gives its later characters no advance, and a CGTransform says which glyph it is;
        # so does a glyph the font's own map would not choose for its character.
        text: list[str] = []
        deltas: list[float] = []
        previous = xs[0]
        for x, chars_of, glyph in zip(xs, chars, glyphs, strict=True):
            position = len(text)
            if position:
                deltas.append(x - previous)
            previous = x
            text += list(chars_of)
            deltas += [0.0] * (len(chars_of) - 1)
            glyph = font.glyphs.get(glyph, glyph)
            if len(chars_of) != 1 or font.cmap.get(ord(chars_of), glyph) != glyph:
                inner.append(
                    f'<ofd:CGTransform CodePosition="{position}" CodeCount="{len(chars_of)}" '
                    f'GlyphCount="1"><ofd:Glyphs>{glyph}</ofd:Glyphs></ofd:CGTransform>'
                )
        y = run.y - top if run.matrix is None else run.size
        delta = f' DeltaX="{_deltas(deltas)}"' if deltas else ""
        inner.append(
            f'<ofd:TextCode X="{_n(xs[0] - left)}" Y="{_n(y)}"{delta}>'
            f"{_escape(''.join(text))}</ofd:TextCode>"
        )
        return f"<ofd:TextObject{_attrs(attrs)}>{''.join(inner)}</ofd:TextObject>"

    def path(self, path: Path) -> str:
        points = [
            p for _, coords in path.segments for p in zip(coords[0::2], coords[1::2], strict=True)
        ]
        pad = path.line_width / 2 if path.stroke else 0.0
        x0 = min((p[0] for p in points), default=0.0) - pad
        y0 = min((p[1] for p in points), default=0.0) - pad
        x1 = max((p[0] for p in points), default=0.0) + pad
        y1 = max((p[1] for p in points), default=0.0) + pad
        data = " ".join(
            " ".join([op] + [_n(v - (x0 if i % 2 == 0 else y0)) for i, v in enumerate(coords)])
            for op, coords in path.segments
        )
        attrs: dict[str, object] = {
            "ID": self.ids.next(),
            "Boundary": _box(x0, y0, max(x1 - x0, 0.001), max(y1 - y0, 0.001)),
            "Stroke": "true" if path.stroke else "false",
            "Fill": "true" if path.fill else "false",
        }
        inner = []
        if path.stroke is not None:
            attrs["LineWidth"] = _n(path.line_width)
            if path.cap:
                attrs["Cap"] = ("Butt", "Round", "Square")[path.cap % 3]
            if path.join:
                attrs["Join"] = ("Miter", "Round", "Bevel")[path.join % 3]
            if path.join == 0 and path.miter != 10.0:
                attrs["MiterLimit"] = _n(path.miter)
            if path.dash and any(path.dash):
                attrs["DashPattern"] = " ".join(_n(v) for v in path.dash)
                if path.dash_offset:
                    attrs["DashOffset"] = _n(path.dash_offset)
            inner.append(self.color("StrokeColor", path.stroke, path.stroke_alpha))
        if path.fill is not None:
            if path.even_odd:
                attrs["Rule"] = "Even-Odd"
            inner.append(self.color("FillColor", path.fill, path.fill_alpha))
        inner.append(f"<ofd:AbbreviatedData>{data}</ofd:AbbreviatedData>")
        return f"<ofd:PathObject{_attrs(attrs)}>{''.join(inner)}</ofd:PathObject>"

    def image(self, image: Image) -> str:
        a, b, c, d, e, f = image.matrix
        corners = [(e, f), (a + e, b + f), (c + e, d + f), (a + c + e, b + d + f)]
        x0, y0 = min(p[0] for p in corners), min(p[1] for p in corners)
        x1, y1 = max(p[0] for p in corners), max(p[1] for p in corners)
        # PDF draws an image's top row at y = 1 of its unit square, OFD at y = 0
        ctm = (a, b, -c, -d, c + e - x0, d + f - y0)
        resource = self.ids.next()
        self.images.append((resource, image))
        attrs: dict[str, object] = {
            "ID": self.ids.next(),
            "Boundary": _box(x0, y0, max(x1 - x0, 0.001), max(y1 - y0, 0.001)),
            "CTM": " ".join(_n(v) for v in ctm),
            "ResourceID": resource,
        }
        if image.alpha != 255:
            attrs["Alpha"] = image.alpha
        return f"<ofd:ImageObject{_attrs(attrs)}/>"

    def link(self, link: Link) -> str:
        if link.page is not None:
            target = (
                f'<ofd:Goto><ofd:Dest Type="XYZ" PageID="{self.page_ids[link.page]}" '
                f'Left="{_n(link.left)}" Top="{_n(link.top)}"/></ofd:Goto>'
            )
        elif link.uri:
            target = f'<ofd:URI URI="{_escape(relinked(link.uri, self.renamed))}"/>'
        else:
            return ""
        x, y, w, h = link.box
        area = (
            f'<ofd:Region><ofd:Area Start="{_n(x)} {_n(y)}">'
            f'<ofd:Line Point1="{_n(x + w)} {_n(y)}"/><ofd:Line Point1="{_n(x + w)} {_n(y + h)}"/>'
            f'<ofd:Line Point1="{_n(x)} {_n(y + h)}"/><ofd:Close/></ofd:Area></ofd:Region>'
        )
        return f'<ofd:Action Event="CLICK">{target}{area}</ofd:Action>'


def _off_page(run: Text, page: Page) -> bool:
    if run.matrix is not None:
        return False
    return (
        run.y - run.size >= page.height
        or run.y <= 0
        or run.xs[0] >= page.width
        or run.xs[-1] + run.advance <= 0
    )


def _pieces(chars: list[str]) -> Iterator[tuple[int, int]]:
    """The runs of glyphs to write (start, end), trimmed of spaces at both ends; a glyph that
    stands for no character (none in planc's PDFs) ends a run and is left out."""
    start: int | None = None
    for i, char in enumerate([*chars, ""]):
        if char and start is None:
            start = i
        elif not char and start is not None:
            first, last = start, i
            while first < last and chars[first].isspace():
                first += 1
            while last > first and chars[last - 1].isspace():
                last -= 1
            if first < last:
                yield first, last
            start = None


def _outline(item: Outline, page_ids: list[int]) -> str:
    attrs: dict[str, object] = {"Title": item.title}
    if item.children and not item.expanded:
        attrs["Expanded"] = "false"
    action = ""
    if item.page is not None:
        action = (
            '<ofd:Actions><ofd:Action Event="CLICK"><ofd:Goto>'
            f'<ofd:Dest Type="XYZ" PageID="{page_ids[item.page]}" Left="{_n(item.left)}" '
            f'Top="{_n(item.top)}"/></ofd:Goto></ofd:Action></ofd:Actions>'
        )
    children = "".join(_outline(child, page_ids) for child in item.children)
    return f"<ofd:OutlineElem{_attrs(attrs)}>{action}{children}</ofd:OutlineElem>"


def _entry(meta: Metadata, digest: hashlib._Hash) -> bytes:
    """OFD.xml: the document's information (CT_DocInfo) and where its root is."""
    created = meta.created_at().date().isoformat()
    info = [
        f"<ofd:DocID>{digest.hexdigest()[:32]}</ofd:DocID>",  # from the content: reproducible
        f"<ofd:Title>{_escape(meta.title)}</ofd:Title>",
    ]
    if meta.issuer:
        info.append(f"<ofd:Author>{_escape(meta.issuer)}</ofd:Author>")
    if meta.subject:
        info.append(f"<ofd:Subject>{_escape(meta.subject)}</ofd:Subject>")
    info += [
        f"<ofd:CreationDate>{created}</ofd:CreationDate>",
        f"<ofd:ModDate>{created}</ofd:ModDate>",
        "<ofd:DocUsage>Normal</ofd:DocUsage>",
    ]
    if meta.keywords:
        words = "".join(f"<ofd:Keyword>{_escape(k)}</ofd:Keyword>" for k in meta.keywords)
        info.append(f"<ofd:Keywords>{words}</ofd:Keywords>")
    info += ["<ofd:Creator>planc</ofd:Creator>", f"<ofd:CreatorVersion>{meta.version}"]
    info[-1] += "</ofd:CreatorVersion>"
    custom = {"identifier": meta.identifier, "issued": meta.issued, "number": meta.number}
    data = "".join(
        f'<ofd:CustomData Name="{name}">{_escape(value)}</ofd:CustomData>'
        for name, value in custom.items()
        if value
    )
    info.append(f"<ofd:CustomDatas>{data}</ofd:CustomDatas>")
    return (
        f'{HEAD}<ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody>'
        f"<ofd:DocInfo>{''.join(info)}</ofd:DocInfo>"
        f"<ofd:DocRoot>{DOC}/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    ).encode()


def _res(parts: list[str]) -> bytes:
    return f'{HEAD}<ofd:Res {NS} BaseLoc="Res">{"".join(parts)}</ofd:Res>'.encode()


def _deltas(values: list[float]) -> str:
    """DeltaX as OFD writes it: a value repeated n times is "g n value"."""
    out: list[str] = []
    i = 0
    texts = [_n(v) for v in values]
    while i < len(texts):
        j = i
        while j < len(texts) and texts[j] == texts[i]:
            j += 1
        out.append(f"g {j - i} {texts[i]}" if j - i > 2 else " ".join(texts[i:j]))
        i = j
    return " ".join(out)


def _box(x: float, y: float, w: float, h: float) -> str:
    return f"{_n(x)} {_n(y)} {_n(w)} {_n(h)}"


def _n(value: float) -> str:
    """A length in mm to a thousandth (a micrometre): "12.5", "0", never "-0"."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _attrs(attrs: dict[str, object]) -> str:
    return "".join(f' {k}="{_escape(str(v))}"' for k, v in attrs.items())


_INVALID = {c: "\ufffd" for c in range(32) if c not in (9, 10, 13)}


def _escape(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace('"', "&quot;").translate(_INVALID)
