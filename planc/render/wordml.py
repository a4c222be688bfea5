"""The WordprocessingML python-docx has no API for, in this one module (python-docx #154: East
Asian fonts; fields, bookmarks, document grids, mirrored margins, table header rows): the page
set-up of GB/T 9704, the styles by role, and the pieces of a paragraph the Word edition is made
of. Everything else (the package, its parts and relationships, headers and footers, core
properties) is python-docx's own API, used by planc/render/docx.py.

Sizes in twentieths of a point (twips) unless said otherwise; font sizes in half points."""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import OxmlElement, oxml_parser
from lxml import etree

from planc.render import fonts

TWIPS_PER_MM = 1440 / 25.4
# GB/T 9704 §5.2: A4, type area 156 x 225 mm, 37 mm from the top, 28 mm from the binding side.
PAGE_W, PAGE_H = 11906, 16838
TOP = round(37 * TWIPS_PER_MM)  # 2098
INNER = round(28 * TWIPS_PER_MM)  # 1587: the binding side (margins mirrored)
OUTER = round(25.9 * TWIPS_PER_MM)  # 1468: a measure of 8851 twips (442.55 pt), print.css's
BOTTOM = round(35 * TWIPS_PER_MM)  # 1984: 12756 twips of height = 22 lines of 579
LINE = 579  # 28.95 pt: the pitch of the 22-line grid (Word's and WPS's 公文 templates use it)
MEASURE = PAGE_W - INNER - OUTER
BODY_SIZE = 32  # 3号, 16 pt
# 28 characters to a line: each 16 pt set 0.25 pt closer (15.75 pt, 28 = 441 pt in the measure
# of 442.55 pt, room for Word's rounding; print.css sets them 0.2 pt closer). Not by a grid
# (docGrid linesAndChars with charSpace): LibreOffice lays that out at about 16 characters a
# line, so the grid here is of lines only.
CONDENSED = -5  # twentieths of a point
TIGHT = -18  # 0.9 pt closer: 27 characters in the first line's 26
TIGHTER = -28  # 1.4 pt closer: 30 in a line of 28
FOOTER = round(20.9 * TWIPS_PER_MM)  # the page number's dash 7 mm below the type area
HEADER = round(25 * TWIPS_PER_MM)
INDENT_CHARS = 200  # two characters, in hundredths of a character
ONE_CHAR = round(MEASURE / 28)

RED = "D40000"


@dataclass(frozen=True)
class Face:
    """A role's face as Word names it: the office's licensed face, and the name Word falls
    back to where that is not installed (the font table's altName)."""

    name: str
    alt: str


def _licensed(role: str) -> str:
    return next(r.licensed[0].family for r in fonts.ROLES if r.name == role)


# The names of the faces the office's machines have (planc/render/fonts.py lists them by role);
# the alternative is one Windows has by default.
FACES: dict[str, Face] = {
    "title": Face(_licensed("title"), "宋体"),
    "heading1": Face(_licensed("heading1"), "SimHei"),
    "heading2": Face(_licensed("heading2"), "楷体"),
    "heading3": Face(_licensed("heading3"), "仿宋"),
    "body": Face(_licensed("body"), "仿宋"),
    "folio": Face(_licensed("folio"), "SimSun"),
}


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """An element `w:tag` (or another prefix) with attributes `w:name` and its children."""
    node: etree._Element = OxmlElement(tag, _attrs(attrs))  # python-docx's classes
    for child in children:
        node.append(child)
    return node


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    return etree.SubElement(parent, qn(tag), _attrs(attrs))


def _attrs(attrs: dict[str, str] | None) -> dict[str, str]:
    return {qn(k if ":" in k else f"w:{k}"): v for k, v in (attrs or {}).items()}


def rfonts(role: str) -> etree._Element:
    """East Asian and Latin faces both (python-docx sets only the Latin ones)."""
    name = FACES[role].name
    return el("w:rFonts", {"ascii": name, "hAnsi": name, "eastAsia": name, "cs": name})


# --- Styles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    id: str
    name: str  # Word's built-in names (Normal, heading 1, …) show as 正文, 标题 1 in Chinese Word
    kind: str = "paragraph"  # or character, table
    based: str | None = "Normal"
    role: str | None = None  # the face (FACES)
    size: int | None = None  # half points
    bold: bool = False
    align: str | None = None  # w:jc
    indent: int | None = None  # first line, hundredths of a character (None: inherited)
    left: int = 0  # left indent, hundredths of a character
    hanging: int = 0
    right: int = 0
    outline: int | None = None  # 0 = level 1 of the navigation pane
    keep_next: bool = False
    line: int | None = None  # exact line height (twips)
    before: int = 0  # space before (twips)
    after: int = 0
    grid: bool = True  # on the document grid
    colour: str | None = None
    superscript: bool = False
    spacing: int | None = None  # character spacing, twentieths of a point
    box: bool = False  # a border round the text (the draft's mark)
    rule: str | None = None  # a paragraph border: "bottom" (red rule), "top-bottom" (版记)
    tab: int | None = None  # a right tab at this position (twips)
    next: str | None = None
    hidden: bool = False  # a style only planc uses (not shown in the gallery)


def _line(height: int) -> etree._Element:
    return el("w:spacing", {"line": str(height), "lineRule": "exact", "before": "0", "after": "0"})


STYLES: tuple[Style, ...] = (
    Style(
        "Normal",
        "Normal",
        based=None,
        role="body",
        size=BODY_SIZE,
        align="both",
        line=LINE,
        indent=INDENT_CHARS,
    ),
    Style(
        "Title",
        "Title",
        role="title",
        size=44,
        align="center",
        indent=0,
        line=LINE,  # on the grid, as everything on the page (the PDF: 36 pt)
        before=LINE,
        after=LINE,
        next="Normal",
    ),
    Style("Heading1", "heading 1", role="heading1", outline=0, keep_next=True, next="Normal"),
    Style("Heading2", "heading 2", role="heading2", outline=1, keep_next=True, next="Normal"),
    Style(
        "Heading3",
        "heading 3",
        role="heading3",
        bold=True,
        outline=2,
        keep_next=True,
        next="Normal",
    ),
    # A case or a task in the navigation pane as in the PDF's bookmarks (under 标题 1), set as
    # a 三级 item (1. in 仿宋 bold); the contents (标题 1 and 2 only) leaves it out.
    Style(
        "ItemTitle",
        "条目标题",
        role="heading3",
        bold=True,
        outline=1,
        keep_next=True,
        next="Normal",
    ),
    Style("TOCHeading", "TOC Heading", role="heading1", align="center", indent=0, next="Normal"),
    Style("TOC1", "toc 1", indent=0, tab=MEASURE, next="Normal"),
    Style("TOC2", "toc 2", indent=0, left=INDENT_CHARS, tab=MEASURE, next="Normal"),
    Style("Caption", "caption", role="heading1", align="center", indent=0, keep_next=True),
    Style("Header", "header", role="heading1", size=28, indent=0, line=None, grid=False),
    Style("Footer", "footer", role="folio", size=28, indent=0, line=None, grid=False),
    # The cover and the office's marks.
    Style("Cover", "封面文字", align="center", indent=0),
    Style("CoverIssuer", "封面发文机关", align="center", indent=0, before=2 * LINE),
    Style(
        "Edition", "版本标记", role="heading1", align="center", indent=0, before=3 * LINE, box=True
    ),
    Style(
        "IssuerMark",
        "发文机关标志",
        role="title",
        size=72,
        colour=RED,
        align="center",
        indent=0,
        line=1160,
        before=LINE,
    ),
    Style("DocNumber", "发文字号", align="center", indent=0, before=LINE),
    Style("RedRule", "红色分隔线", indent=0, rule="bottom"),
    Style("Addressee", "主送机关", indent=0),
    Style("Signed", "落款", align="right", indent=0, right=400),
    Style("Record", "版记", size=28, indent=0, rule="top-bottom", tab=MEASURE),
    Style("IssueNumber", "期号", align="center", indent=0),
    Style("MastheadLine", "报头日期", size=28, indent=0, tab=MEASURE, rule="bottom"),
    # A paragraph whose last line would hold one character, set 0.7 pt a character closer so
    # it fits the line before (docx.py decides which).
    Style("Tight", "正文（紧排）", spacing=TIGHT, grid=False),
    Style("Tight2", "正文（紧排二）", spacing=TIGHTER, grid=False),
    Style("Subtitle", "副题", keep_next=True),
    # The text planc adds and the handbook's parts.
    Style("TaskNotes", "任务说明", role="heading2", keep_next=False),
    Style("TaskNotesTight", "任务说明（紧排）", based="TaskNotes", spacing=TIGHT, grid=False),
    Style("TaskNotesTight2", "任务说明（紧排二）", based="TaskNotes", spacing=TIGHTER, grid=False),
    Style("Subheading", "小标题", role="heading2", keep_next=True),
    Style("Hanging", "悬挂缩进", indent=0, left=INDENT_CHARS * 2, hanging=INDENT_CHARS),
    Style("Indented", "左缩进", indent=0, left=INDENT_CHARS * 2),
    Style("ListItem", "列表"),
    Style("ListItemTight", "列表（紧排）", based="ListItem", spacing=TIGHT, grid=False),
    Style("ListItemTight2", "列表（紧排二）", based="ListItem", spacing=TIGHTER, grid=False),
    # Tables: the table style carries the size; the cells' paragraphs only the face.
    Style("TableText", "表格文字", based=None, indent=0, grid=False),
    Style("TableHead", "表头", based="TableText", role="heading1"),
    Style("TableNumber", "表格数字", based="TableText", align="center"),
    Style("Table", "表格", kind="table", based=None, size=28, line=400, indent=None),
    Style("TableSmall", "表格（小四）", kind="table", based=None, size=24, line=360, indent=None),
    # Characters.
    Style(
        "TaskTitle",
        "任务标题",
        kind="character",
        based=None,
        role="heading3",
        bold=True,
        indent=None,
    ),
    Style("Mark", "推断标记", kind="character", based=None, size=20, superscript=True, indent=None),
    Style("Label", "标签", kind="character", based=None, role="heading1", indent=None),
    Style("Strong", "强调（楷体）", kind="character", based=None, role="heading2", indent=None),
    Style("Hyperlink", "Hyperlink", kind="character", based=None, indent=None),
    Style("TightText", "紧排文字", kind="character", based=None, spacing=TIGHT),
    Style("TightText2", "紧排文字二", kind="character", based=None, spacing=TIGHTER),
)
STYLE_IDS = {s.name: s.id for s in STYLES} | {s.id: s.id for s in STYLES}


def _ppr(s: Style) -> etree._Element:
    ppr = el("w:pPr")
    if s.keep_next:
        sub(ppr, "w:keepNext")
    if s.id == "Normal":
        # No space added between Chinese and Latin or figures (Word's and LibreOffice's
        # default for Chinese): the PDF adds none, and 第9页 is not 第 9 页.
        sub(ppr, "w:autoSpaceDE", {"val": "0"})
        sub(ppr, "w:autoSpaceDN", {"val": "0"})
    if s.rule:
        borders = sub(ppr, "w:pBdr")
        sides = ("top", "bottom") if s.rule == "top-bottom" else (s.rule,)
        for side in sides:
            colour = RED if s.rule == "bottom" and s.id == "RedRule" else "000000"
            size = "12" if s.id == "RedRule" else "4"
            sub(borders, f"w:{side}", {"val": "single", "sz": size, "space": "1", "color": colour})
    if s.tab is not None:
        tabs = sub(ppr, "w:tabs")
        leader = {"leader": "middleDot"} if s.id.startswith("TOC") else {}
        sub(tabs, "w:tab", {"val": "right", "pos": str(s.tab)} | leader)
    if not s.grid:
        sub(ppr, "w:snapToGrid", {"val": "0"})
    if s.line is not None:
        ppr.append(_line(s.line))
        spacing = ppr[-1]
        spacing.set(qn("w:before"), str(s.before))
        spacing.set(qn("w:after"), str(s.after))
    elif s.before or s.after:
        sub(ppr, "w:spacing", {"before": str(s.before), "after": str(s.after)})
    if s.indent is not None or s.left or s.right or s.hanging:
        ind: dict[str, str] = {}
        if s.left:
            ind |= {"leftChars": str(s.left), "left": str(s.left * ONE_CHAR // 100)}
        if s.right:
            ind |= {"rightChars": str(s.right), "right": str(s.right * ONE_CHAR // 100)}
        if s.hanging:
            ind |= {"hangingChars": str(s.hanging), "hanging": str(s.hanging * ONE_CHAR // 100)}
        elif s.indent:
            ind |= {"firstLineChars": str(s.indent), "firstLine": str(s.indent * ONE_CHAR // 100)}
        else:  # no indent: firstLineChars="0" is read by LibreOffice as "the inherited one"
            ind |= {"firstLine": "0"}
        sub(ppr, "w:ind", ind)
    if s.align:
        sub(ppr, "w:jc", {"val": s.align})
    if s.outline is not None:
        sub(ppr, "w:outlineLvl", {"val": str(s.outline)})
    return ppr


def _rpr(s: Style) -> etree._Element:
    rpr = el("w:rPr")
    if s.role:
        rpr.append(rfonts(s.role))
    if s.bold:
        sub(rpr, "w:b")
        sub(rpr, "w:bCs")
    if s.box:
        sub(rpr, "w:bdr", {"val": "single", "sz": "8", "space": "0", "color": "000000"})
    if s.colour:
        sub(rpr, "w:color", {"val": s.colour})
    if s.size:
        sub(rpr, "w:sz", {"val": str(s.size)})
        sub(rpr, "w:szCs", {"val": str(s.size)})
    if s.spacing is not None:
        sub(rpr, "w:spacing", {"val": str(s.spacing)})
    if s.superscript:
        sub(rpr, "w:vertAlign", {"val": "superscript"})
    return rpr


def _table_style(s: Style, node: etree._Element) -> None:
    ppr = el("w:pPr", None, el("w:snapToGrid", {"val": "0"}))
    if s.line:
        ppr.append(_line(s.line))
    node.append(ppr)
    node.append(_rpr(s))
    tblpr = sub(node, "w:tblPr")
    sub(tblpr, "w:tblW", {"w": "5000", "type": "pct"})
    borders = sub(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, f"w:{side}", {"val": "single", "sz": "4", "space": "0", "color": "000000"})
    margins = sub(tblpr, "w:tblCellMar")
    for side, width in (("top", 40), ("left", 60), ("bottom", 40), ("right", 60)):
        sub(margins, f"w:{side}", {"w": str(width), "type": "dxa"})


def styles_xml() -> etree._Element:
    """The whole styles part: the defaults (3号 仿宋 on both scripts, Chinese), then each style."""
    root = etree.Element(qn("w:styles"), nsmap={"w": nsmap["w"]})
    defaults = sub(root, "w:docDefaults")
    rpr = sub(sub(defaults, "w:rPrDefault"), "w:rPr")
    rpr.append(rfonts("body"))
    sub(rpr, "w:kern", {"val": "2"})
    sub(rpr, "w:spacing", {"val": str(CONDENSED)})
    sub(rpr, "w:sz", {"val": str(BODY_SIZE)})
    sub(rpr, "w:szCs", {"val": str(BODY_SIZE)})
    sub(rpr, "w:lang", {"val": "en-US", "eastAsia": "zh-CN", "bidi": "ar-SA"})
    sub(sub(defaults, "w:pPrDefault"), "w:pPr")
    for s in STYLES:
        attrs = {"type": s.kind, "styleId": s.id}
        if s.id == "Normal" or (s.kind == "table" and s.id == "Table"):
            attrs["default"] = "1"
        node = sub(root, "w:style", attrs)
        sub(node, "w:name", {"val": s.name})
        if s.based:
            sub(node, "w:basedOn", {"val": s.based})
        if s.next:
            sub(node, "w:next", {"val": s.next})
        sub(node, "w:qFormat")
        if s.kind == "table":
            _table_style(s, node)
            continue
        if s.kind == "paragraph":
            node.append(_ppr(s))
        rpr = _rpr(s)
        if s.id == "Normal":
            sub(rpr, "w:kern", {"val": "2"})
        node.append(rpr)
    return root


def font_table() -> bytes:
    """Each face by its name with the face Word falls back to (altName) and the GB 2312
    character set, so a machine without the office's faces still shows Chinese faces of the
    same kind (仿宋 for 仿宋_GB2312) rather than a Western default."""
    root = etree.Element(qn("w:fonts"), nsmap={"w": nsmap["w"]})
    for face in sorted({f for f in FACES.values()}, key=lambda f: f.name):
        node = sub(root, "w:font", {"name": face.name})
        sub(node, "w:altName", {"val": face.alt})
        sub(node, "w:charset", {"val": "86"})
        sub(node, "w:family", {"val": "modern" if face.name == "黑体" else "roman"})
        sub(node, "w:pitch", {"val": "variable"})
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def settings(root: etree._Element, update_fields: bool) -> None:
    """Odd and even pages have their own footers (the page number on the outer side), the
    margins mirror, the East Asian line-breaking rules apply; `update_fields`: Word updates the
    contents' page numbers when it opens the file (planc did not know them)."""
    for child in list(root):
        if child.tag in {qn("w:rsids"), qn("w:themeFontLang"), qn("w:attachedTemplate")}:
            root.remove(child)
    first = root[0] if len(root) else None
    add = [el("w:mirrorMargins"), el("w:evenAndOddHeaders")]
    if update_fields:
        add.append(el("w:updateFields", {"val": "true"}))
    for node in reversed(add):
        if first is not None:
            first.addprevious(node)
        else:
            root.append(node)
    lang = el("w:themeFontLang", {"val": "en-US", "eastAsia": "zh-CN"})
    root.append(lang)


# --- Sections ----------------------------------------------------------------------------


def sect_pr(
    *,
    odd_page: bool = False,
    restart: bool = False,
    roman: bool = False,
    title_page: bool,
    line_numbers: bool = False,
) -> etree._Element:
    """A section's page set-up: A4, the margins of GB/T 9704 mirrored, the 22 x 28 grid."""
    node = el("w:sectPr")
    if odd_page:
        sub(node, "w:type", {"val": "oddPage"})
    sub(node, "w:pgSz", {"w": str(PAGE_W), "h": str(PAGE_H)})
    sub(
        node,
        "w:pgMar",
        {
            "top": str(TOP),
            "right": str(OUTER),
            "bottom": str(BOTTOM),
            "left": str(INNER),
            "header": str(HEADER),
            "footer": str(FOOTER),
            "gutter": "0",
        },
    )
    if line_numbers:
        sub(node, "w:lnNumType", {"countBy": "1", "distance": "340", "restart": "newPage"})
    numbers = {"fmt": "upperRoman"} if roman else {"fmt": "decimal"}
    if restart:
        numbers["start"] = "1"
    sub(node, "w:pgNumType", numbers)
    sub(node, "w:cols", {"space": "425"})
    if title_page:
        sub(node, "w:titlePg")
    sub(node, "w:docGrid", {"type": "lines", "linePitch": str(LINE)})
    return node


# --- Pieces of paragraphs ----------------------------------------------------------------


def paragraph(style: str | None = None) -> etree._Element:
    p = el("w:p")
    if style and style != "Normal":
        sub(sub(p, "w:pPr"), "w:pStyle", {"val": style})
    return p


def ppr(p: etree._Element) -> etree._Element:
    found = p.find(qn("w:pPr"))
    if found is None:
        found = el("w:pPr")
        p.insert(0, found)
    return found


def run(text: str, style: str | None = None, size: int | None = None) -> etree._Element:
    r = el("w:r")
    if style or size:
        rpr = sub(r, "w:rPr")
        if style:
            sub(rpr, "w:rStyle", {"val": style})
        if size:  # the issuer's mark: as large as fits one line (computed per issuer)
            sub(rpr, "w:sz", {"val": str(size)})
            sub(rpr, "w:szCs", {"val": str(size)})
    t = sub(r, "w:t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def extend_run(last: etree._Element, text: str, style: str | None, size: int | None) -> bool:
    """Add `text` to the run `last` when it is a run of text in the same style; say whether."""
    if last.tag != qn("w:r") or len(last) > 2:
        return False
    t = last[-1]
    if t.tag != qn("w:t"):
        return False
    props = last[0] if len(last) == 2 else None
    if props is None and (style or size):
        return False
    if props is not None:
        found = props.find(qn("w:rStyle"))
        if (found.get(qn("w:val")) if found is not None else None) != style:
            return False
        found = props.find(qn("w:sz"))
        if (int(found.get(qn("w:val")) or 0) if found is not None else None) != size:
            return False
    t.text = (t.text or "") + text
    if t.text != t.text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return True


def line_break() -> etree._Element:
    return el("w:r", None, el("w:br"))


def page_break() -> etree._Element:
    return el("w:r", None, el("w:br", {"type": "page"}))


def tab() -> etree._Element:
    return el("w:r", None, el("w:tab"))


def field(instruction: str, result: str, style: str | None = None) -> list[etree._Element]:
    """A field as runs (begin, instruction, separate, its last result, end): Word and WPS
    update it (F9), LibreOffice shows the result."""

    def char(kind: str, dirty: bool = False) -> etree._Element:
        attrs = {"fldCharType": kind} | ({"dirty": "true"} if dirty else {})
        return el("w:r", None, el("w:fldChar", attrs))

    instr = el("w:r")
    text = sub(instr, "w:instrText", {})
    text.text = f" {instruction} "
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [char("begin"), instr, char("separate"), run(result, style), char("end")]


def bookmark(p: etree._Element, number: int, name: str) -> None:
    """A bookmark round the whole of paragraph `p` (after its properties)."""
    start = el("w:bookmarkStart", {"id": str(number), "name": name})
    props = p.find(qn("w:pPr"))
    if props is not None:
        props.addnext(start)
    else:
        p.insert(0, start)
    p.append(el("w:bookmarkEnd", {"id": str(number)}))


def hyperlink(anchor: str | None = None, rid: str | None = None) -> etree._Element:
    """A link to a bookmark of this document (`anchor`) or to a relationship's target."""
    attrs = {"history": "1"}
    if anchor:
        attrs["anchor"] = anchor
    node = el("w:hyperlink", attrs)
    if rid:
        node.set(qn("r:id"), rid)
    return node


def set_style(p: etree._Element, style: str) -> None:
    found = ppr(p).find(qn("w:pStyle"))
    if found is None:
        found = el("w:pStyle")
        ppr(p).insert(0, found)
    found.set(qn("w:val"), style)


def keep_with_next(p: etree._Element) -> None:
    sub(ppr(p), "w:keepNext")


def section_end(p: etree._Element, sect: etree._Element) -> None:
    """Paragraph `p` ends a section set up by `sect`."""
    ppr(p).append(sect)


# --- Tables ------------------------------------------------------------------------------


def table(style: str, widths: list[int]) -> etree._Element:
    tbl = el("w:tbl")
    props = sub(tbl, "w:tblPr")
    sub(props, "w:tblStyle", {"val": style})
    sub(props, "w:tblW", {"w": "5000", "type": "pct"})
    sub(props, "w:tblLayout", {"type": "fixed"})
    sub(
        props,
        "w:tblLook",
        {
            "val": "04A0",
            "firstRow": "1",
            "lastRow": "0",
            "firstColumn": "0",
            "lastColumn": "0",
            "noHBand": "1",
            "noVBand": "1",
        },
    )
    grid = sub(tbl, "w:tblGrid")
    for width in widths:
        sub(grid, "w:gridCol", {"w": str(width)})
    return tbl


def row(tbl: etree._Element, header: bool) -> etree._Element:
    tr = sub(tbl, "w:tr")
    props = sub(tr, "w:trPr")
    sub(props, "w:cantSplit")
    if header:
        sub(props, "w:tblHeader")  # repeated at the head of every page the table runs on
    return tr


def cell(tr: etree._Element, width: int, span: int) -> etree._Element:
    tc = sub(tr, "w:tc")
    props = sub(tc, "w:tcPr")
    sub(props, "w:tcW", {"w": str(width), "type": "dxa"})
    if span > 1:
        sub(props, "w:gridSpan", {"val": str(span)})
    return tc


# --- Pictures ----------------------------------------------------------------------------

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
_ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def picture(rid: str, number: int, name: str, width_emu: int, height_emu: int) -> etree._Element:
    """An inline picture of an SVG image part (Word 2016 and later, WPS and LibreOffice draw
    SVG; the svgBlip extension is how Word marks it)."""
    xml = f"""<w:r xmlns:w="{nsmap["w"]}"><w:drawing>
<wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">
<wp:extent cx="{width_emu}" cy="{height_emu}"/><wp:docPr id="{number}" name="{name}"/>
<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">
<pic:nvPicPr><pic:cNvPr id="{number}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>
<pic:blipFill><a:blip xmlns:r="{_R}" r:embed="{rid}"><a:extLst><a:ext uri="{_SVG_EXT}">
<asvg:svgBlip xmlns:asvg="{_ASVG}" r:embed="{rid}"/></a:ext></a:extLst></a:blip>
<a:stretch><a:fillRect/></a:stretch></pic:blipFill>
<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width_emu}" cy="{height_emu}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>
</a:graphic></wp:inline></w:drawing></w:r>"""
    return etree.fromstring(xml.replace("\n", ""), oxml_parser)
