"""The Word edition: each printed document also as a .docx in the styles of GB/T 9704, made
from the same print HTML WeasyPrint lays out (`doc.page("print")`), so its content, order,
numbering and cross-references are the PDF's and cannot drift from them when the templates
change. One table (RULES) maps the print HTML's elements and classes to Word's named styles;
what print.css generates (表N and 图N before captions, the contents' page numbers, the page
numbers, the draft's running head) is made here as Word fields and headers.

Why the print HTML and not the views: the templates decide what a document says and in what
order (a task's paragraph and units, numbered 说明, the 印发通知); a second walk over the views
would be a second copy of every template to keep in step. The raw WordprocessingML is in
planc/render/wordml.py; python-docx holds the package."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

from planc.render import pagerefs, wordml
from planc.render.documents import PRINT, Document, print_href
from planc.render.writers import Writer

if TYPE_CHECKING:
    from lxml import etree


# --- The mapping table -----------------------------------------------------------------

SKIP, BLOCK, GROUP, LIST, TABLE, TOC, FIGURE, RULE, CAPTION, DL, SECTION, INLINE = (
    "skip",
    "block",
    "group",
    "list",
    "table",
    "toc",
    "figure",
    "rule",
    "caption",
    "dl",
    "section",
    "inline",
)


@dataclass(frozen=True)
class Rule:
    kind: str
    style: str | None = None  # a paragraph style (blocks) or a character style (inline)
    page_after: bool = False  # print.css: break-after: page
    keep_prev: bool = False  # print.css: break-before: avoid (the paragraph before keeps it)


# First match wins: "[.ancestor ]tag[.class]" ("*" any tag). The classes and tags are those of
# the print templates (planc/templates/*.html.j2) and what print.css makes of them.
RULES: tuple[tuple[str, Rule], ...] = (
    ("head", Rule(SKIP)),
    ("script", Rule(SKIP)),
    ("style", Rule(SKIP)),
    ("i.table-mark", Rule(SKIP)),
    ("i.body-start", Rule(SKIP)),
    ("div.body", Rule(SECTION)),  # the body, paginated from 1 on a right-hand page
    ("section.cover", Rule(GROUP, page_after=True)),
    ("nav.toc", Rule(TOC, page_after=True)),
    ("section.record", Rule(GROUP, page_after=True)),
    ("section.headline", Rule(GROUP, page_after=True)),
    ("section.notice", Rule(GROUP, page_after=True)),
    ("section.preface", Rule(GROUP, page_after=True)),
    # Titles and headings: 标题, 标题 1/2/3 (一、（一）1.) with the role faces.
    ("h1", Rule(BLOCK, "Title")),
    ("h2.notice-title", Rule(BLOCK, "Title")),
    ("h2.toc-title", Rule(BLOCK, "TOCHeading")),
    ("h2.preface-title", Rule(BLOCK, "TOCHeading")),
    ("h2", Rule(BLOCK, "Heading1")),
    ("h3.case-title", Rule(BLOCK, "ItemTitle")),  # 三级 face, in the PDF's outline
    ("h3.task-title", Rule(BLOCK, "Heading3")),  # not in the PDF's outline
    ("h3", Rule(BLOCK, "Heading2")),
    (".case h4", Rule(BLOCK, "Subheading")),
    ("h4", Rule(BLOCK, "Heading3")),
    # The cover, the 印发通知, the mastheads, the 版记.
    (".cover p.issuer", Rule(BLOCK, "CoverIssuer")),
    (".cover p.edition", Rule(BLOCK, "Edition")),
    (".cover p", Rule(BLOCK, "Cover")),
    (".masthead p.issuer", Rule(BLOCK, "IssuerMark")),
    (".masthead p.issue", Rule(BLOCK, "IssueNumber")),
    (".masthead p.line-row", Rule(BLOCK, "MastheadLine")),
    ("p.notice-issuer", Rule(BLOCK, "IssuerMark")),
    ("p.notice-number", Rule(BLOCK, "DocNumber")),
    ("p.notice-to", Rule(BLOCK, "Addressee")),
    ("p.signed", Rule(BLOCK, "Signed")),
    (".bulletin-head p.meta", Rule(BLOCK, "Cover")),
    (".banji p", Rule(BLOCK, "Record")),
    ("hr", Rule(RULE, "RedRule")),
    # Running text.
    ("p.task-notes", Rule(BLOCK, "TaskNotes", keep_prev=True)),
    ("p.subtitle", Rule(BLOCK, "Subtitle")),
    ("p.held", Rule(BLOCK, "Subtitle")),
    ("p.task", Rule(BLOCK, "Normal")),
    ("p.caption", Rule(CAPTION, "Caption")),
    ("caption", Rule(CAPTION, "Caption")),
    ("p.place-group", Rule(BLOCK, "Hanging")),
    ("p.place-city", Rule(BLOCK, "Indented")),
    ("p.reference", Rule(BLOCK, "Indented")),
    ("p.who", Rule(BLOCK, "Normal")),
    ("p", Rule(BLOCK, "Normal")),
    ("li", Rule(BLOCK, "ListItem")),
    ("dl", Rule(DL)),
    ("dt", Rule(BLOCK, "Subheading")),
    ("dd", Rule(BLOCK, "Normal")),
    ("ol", Rule(LIST)),
    ("ul", Rule(LIST)),
    ("table", Rule(TABLE, "Table")),
    ("figure", Rule(FIGURE, "Caption")),
    ("figcaption", Rule(CAPTION, "Caption")),
    ("*", Rule(GROUP)),  # section, article, div, main, nav, body: their children in order
)
INLINE_RULES: tuple[tuple[str, Rule], ...] = (
    ("span.task-title", Rule(INLINE, "TaskTitle")),
    ("sup", Rule(INLINE, "Mark")),
    (".not-adopted span.label", Rule(INLINE, "TaskTitle")),
    ("span.label", Rule(INLINE, "Label")),
    ("span.country", Rule(INLINE, "Label")),
    ("span.city", Rule(INLINE, "Strong")),
    ("b", Rule(INLINE, "Label")),
    ("*", Rule(INLINE)),
)
# Tables whose text is 小四 (12 pt) in print: eight to ten columns.
SMALL_TABLES = ("consult-table", "progress-table")
NUMBER_CELLS = ("n",)  # cells of figures, centred
BLOCK_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "div",
        "section",
        "article",
        "nav",
        "ol",
        "ul",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "figure",
        "figcaption",
        "hr",
        "caption",
        "main",
        "header",
        "footer",
        "blockquote",
    ]
)
# What print.css writes before a caption: 表N and 图N, numbered through the document.
NUMBERED = {"figcaption": "图"}
TABLE_PREFIX = "表"


@dataclass(frozen=True)
class _Selector:
    ancestor: str | None
    tag: str | None
    cls: str | None


def _compile(rules: tuple[tuple[str, Rule], ...]) -> list[tuple[_Selector, Rule]]:
    out = []
    for text, rule in rules:
        *before, last = text.split()
        tag, _, cls = last.partition(".")
        ancestor = before[0].lstrip(".") if before else None
        out.append((_Selector(ancestor, tag if tag not in ("", "*") else None, cls or None), rule))
    return out


_BLOCK_RULES = _compile(RULES)
_INLINE_RULES = _compile(INLINE_RULES)


def _match(
    table: list[tuple[_Selector, Rule]], tag: str, classes: list[str], above: Counter[str]
) -> Rule:
    for sel, rule in table:
        if sel.tag is not None and sel.tag != tag:
            continue
        if sel.cls is not None and sel.cls not in classes:
            continue
        if sel.ancestor is not None and not above[sel.ancestor]:
            continue
        return rule
    raise AssertionError("the last rule matches every element")


# --- Bookmarks --------------------------------------------------------------------------

_NOT_NAME = re.compile(r"[^0-9A-Za-z_]")


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for an HTML id: letters, digits and _, a letter first, at most 40
    characters (a longer one keeps its start and a digest of the whole)."""
    name = _NOT_NAME.sub("_", anchor)
    if not name[:1].isalpha():
        name = "b_" + name
    if len(name) > 40:
        name = name[:31] + "_" + hashlib.sha1(anchor.encode()).hexdigest()[:8]
    return name


# --- The converter ----------------------------------------------------------------------

_SPACE = re.compile(r"[ \t\r\n]+")
# print.css's nowrap spans (.nobr, .pageref, .brand) have no counterpart: a joiner between the
# characters is ignored by LibreOffice's line breaking and would stay in the clerk's text. A
# paragraph that would end on a line of one character is set tight instead (TIGHTENED).
FLOAT_RIGHT = {"date"}  # print.css: float: right (the date of a masthead's line, of the 版记)
# Paragraph styles set on the 28-character measure with a first-line indent of two: a
# paragraph whose last line would hold one character is set in the style's tight twin.
TIGHTENED = {"Normal": "Tight", "TaskNotes": "TaskNotesTight", "ListItem": "ListItemTight"}
# The tight twins: 0.9 pt a character closer, or 1.4 pt (a line of 28 takes 29 or 30).
TIGHTER = (("", 16 + wordml.TIGHT / 20), ("2", 16 + wordml.TIGHTER / 20))
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_FONT_SIZE = re.compile(r"font-size:\s*([\d.]+)pt")


@dataclass
class Options:
    pages: dict[str, int] | None = None  # the PDF's page of each anchor, where it was laid out
    line_numbers: bool = False
    href: Callable[[str], str] = lambda href: href  # another document's file, as a .docx


@dataclass
class _State:
    body: etree._Element
    ids: set[str]
    options: Options
    part: Any  # the document part: relationships of links and pictures
    pending: list[str] = field(default_factory=list)  # ids waiting for the next paragraph
    bookmarks: int = 0
    pictures: int = 0
    tables: int = 0
    figures: int = 0
    last: etree._Element | None = None  # the last paragraph written
    sections: list[etree._Element] = field(default_factory=list)  # paragraphs ending one
    toc: bool = False
    draft_mark: str = ""


class _Converter:
    def __init__(self, state: _State) -> None:
        self.s = state
        self.above: Counter[str] = Counter()

    # Blocks --------------------------------------------------------------------------

    def children(self, node: etree._Element, out: etree._Element) -> None:
        for child in node:
            if isinstance(child.tag, str):
                self.block(child, out)

    def block(self, node: etree._Element, out: etree._Element) -> None:
        tag = node.tag
        classes = (node.get("class") or "").split()
        rule = _match(_BLOCK_RULES, tag, classes, self.above)
        if rule.kind == SKIP:
            return
        anchor = node.get("id")
        if anchor:
            self.s.pending.append(anchor)
        if rule.kind in (BLOCK, CAPTION) and any(
            isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in node
        ):
            rule = Rule(GROUP, page_after=rule.page_after)
        self.above.update(classes)
        try:
            self._dispatch(rule, node, classes, out)
        finally:
            self.above.subtract(classes)
        if rule.page_after and self.s.last is not None:
            self.s.last.append(wordml.page_break())

    def _dispatch(
        self, rule: Rule, node: etree._Element, classes: list[str], out: etree._Element
    ) -> None:
        kind = rule.kind
        if kind == GROUP:
            self.children(node, out)
        elif kind == SECTION:
            if self.s.last is not None:
                self.s.sections.append(self.s.last)
            self.children(node, out)
        elif kind == BLOCK:
            if rule.keep_prev and self.s.last is not None:
                wordml.keep_with_next(self.s.last)
            p = self.paragraph(rule.style, out)
            if "edition" in classes and "draft" in self.above:
                self.s.draft_mark = _SPACE.sub("", node.text_content())
            size = _FONT_SIZE.search(node.get("style") or "")
            self.inline(node, p, None, round(float(size.group(1)) * 2) if size else None)
            _tighten(p, rule.style, _running_text(node))
        elif kind == CAPTION:
            p = self.paragraph(rule.style, out)
            prefix = NUMBERED.get(node.tag, TABLE_PREFIX)
            if prefix == TABLE_PREFIX:
                self.s.tables += 1
                number = self.s.tables
            else:
                self.s.figures += 1
                number = self.s.figures
            p.append(wordml.run(prefix))
            p.extend(wordml.field(f"SEQ {prefix} \\* ARABIC", str(number)))
            p.append(wordml.run("\u3000"))
            self.inline(node, p, None)
        elif kind == RULE:
            self.paragraph(rule.style, out)
        elif kind == LIST:
            self.listing(node, out)
        elif kind == DL:
            self.definitions(node, out)
        elif kind == TABLE:
            self.table(node, out, classes)
        elif kind == TOC:
            self.contents(node, out)
        elif kind == FIGURE:
            self.figure(node, out)

    def paragraph(self, style: str | None, out: etree._Element) -> etree._Element:
        p = wordml.paragraph(style)
        for anchor in self.s.pending:
            self.s.bookmarks += 1
            wordml.bookmark(p, self.s.bookmarks, bookmark_name(anchor))
        self.s.pending.clear()
        out.append(p)
        self.s.last = p
        return p

    def listing(self, node: etree._Element, out: etree._Element) -> None:
        """An ordered list's items numbered as the PDF numbers them (1. 2. …), as text: a
        clerk's edits never renumber the sources' list; a list of bullets keeps them."""
        ordered = node.tag == "ol"
        items = [c for c in node if isinstance(c.tag, str) and c.tag == "li"]
        for number, item in enumerate(items, 1):
            marker = f"{number}." if ordered else "•"
            if item.get("id"):
                self.s.pending.append(item.get("id") or "")
            if any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in item):
                start = len(out)
                self.children(item, out)
                first = next((x for x in out[start:] if x.tag == qn("w:p")), None)
                if first is not None:
                    at = 1 if first.find(qn("w:pPr")) is not None else 0
                    first.insert(at, wordml.run(marker))
                continue
            p = self.paragraph("ListItem", out)
            p.append(wordml.run(marker))
            self.inline(item, p, None)
            _tighten(p, "ListItem", marker + item.text_content())

    def definitions(self, node: etree._Element, out: etree._Element) -> None:
        """A list of terms: each term and its definition as one paragraph (牵头单位：…), as
        print.css runs them in; a definition of blocks (the index of places) under its term."""
        term: etree._Element | None = None
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "dt":
                term = child
            elif child.tag == "dd" and term is not None:
                if any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in child):
                    self.block(term, out)
                    self.children(child, out)
                else:
                    p = self.paragraph("Normal", out)
                    self.inline(term, p, None)
                    p.append(wordml.run("："))
                    self.inline(child, p, None)
                    _tighten(p, "Normal", f"{term.text_content()}：{child.text_content()}")
                term = None

    # Inline ----------------------------------------------------------------------------

    def inline(
        self,
        node: etree._Element,
        p: etree._Element,
        style: str | None,
        size: int | None = None,
        target: etree._Element | None = None,
    ) -> None:
        """The text and inline elements of `node` as runs of `p` (or of the link `target`)."""
        holder = p if target is None else target
        if node.text:
            self.text(node.text, holder, style, size, first=len(holder) == 0)
        floated = []
        for child in node:
            if isinstance(child.tag, str):
                if FLOAT_RIGHT & set((child.get("class") or "").split()):
                    floated.append(child)
                else:
                    self.inline_element(child, p, holder, style, size)
            if child.tail:
                self.text(child.tail, holder, style, size)
        for child in floated:  # at the right edge, after the rest (a float in print.css)
            holder.append(wordml.tab())
            self.inline(child, p, style, size, target=None if holder is p else holder)

    def inline_element(
        self,
        child: etree._Element,
        p: etree._Element,
        holder: etree._Element,
        style: str | None,
        size: int | None,
    ) -> None:
        tag = child.tag
        if tag == "br":
            holder.append(wordml.line_break())
            return
        if tag in ("svg", "style", "script"):
            if tag == "svg":
                holder.append(self.svg(child, inline=True))
            return
        classes = (child.get("class") or "").split()
        if "line" in classes and child.getprevious() is not None:
            holder.append(wordml.line_break())  # a cover title's lines, broken between words
        rule = _match(_INLINE_RULES, tag, classes, self.above)
        inner = rule.style or style
        if child.get("id"):
            self.s.bookmarks += 1
            name = bookmark_name(child.get("id") or "")
            holder.append(wordml.el("w:bookmarkStart", {"id": str(self.s.bookmarks), "name": name}))
            holder.append(wordml.el("w:bookmarkEnd", {"id": str(self.s.bookmarks)}))
        if tag == "a" and child.get("href") and holder is p:
            link = self.link(child.get("href") or "")
            if link is not None:
                p.append(link)
                self.inline(child, p, inner, size, target=link)
                return
        self.inline(child, p, inner, size, target=None if holder is p else holder)

    def link(self, href: str) -> etree._Element | None:
        if href.startswith("#"):
            anchor = href[1:]
            if anchor not in self.s.ids:
                return None  # a link to nothing in this document: the text alone
            return wordml.hyperlink(anchor=bookmark_name(anchor))
        path, sep, anchor = self.s.options.href(href).partition("#")
        target = path + (sep + bookmark_name(anchor) if anchor else "")
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        rid = self.s.part.relate_to(target, RT.HYPERLINK, is_external=True)
        return wordml.hyperlink(rid=rid)

    def text(
        self,
        text: str,
        holder: etree._Element,
        style: str | None,
        size: int | None,
        first: bool = False,
    ) -> None:
        text = _SPACE.sub(" ", text)
        if first:
            text = text.lstrip()
        if not text.strip() and (first or not len(holder)):
            return
        if len(holder) and wordml.extend_run(holder[-1], text, style, size):
            return  # the same style as the run before: one run (typeset's spans are print's)
        holder.append(wordml.run(text, style, size))

    # Tables, figures, contents ---------------------------------------------------------

    def table(self, node: etree._Element, out: etree._Element, classes: list[str]) -> None:
        caption = next((c for c in node if isinstance(c.tag, str) and c.tag == "caption"), None)
        if caption is not None:
            self.block(caption, out)
        rows = [(tr, section == "thead") for section, tr in _rows(node)]
        if not rows:
            return
        columns = max(sum(int(c.get("colspan") or 1) for c in _cells(tr)) for tr, _ in rows)
        small = any(c in classes for c in SMALL_TABLES)
        widths = _widths(rows, columns, 12 if small else 14)
        tbl = wordml.table("TableSmall" if small else "Table", widths)
        for tr, head in rows:
            if tr.get("id"):
                self.s.pending.append(tr.get("id") or "")
            wrow = wordml.row(tbl, head)
            at = 0
            for cell in _cells(tr):
                span = int(cell.get("colspan") or 1)
                tc = wordml.cell(wrow, sum(widths[at : at + span]), span)
                at += span
                cell_classes = (cell.get("class") or "").split()
                style = "TableHead" if cell.tag == "th" else "TableText"
                if any(c in cell_classes for c in NUMBER_CELLS) or (small and at > 1):
                    style = "TableNumber" if cell.tag == "td" else style
                p = self.paragraph(style, tc)
                self.inline(cell, p, None)
            for _missing in range(at, columns):
                tc = wordml.cell(wrow, widths[_missing], 1)
                tc.append(wordml.paragraph("TableText"))
        out.append(tbl)
        self.s.last = None  # a page break after a table needs a paragraph of its own
        after = wordml.paragraph("TableText")
        out.append(after)
        self.s.last = after

    def figure(self, node: etree._Element, out: etree._Element) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "svg":
                p = self.paragraph("Caption", out)
                wordml.keep_with_next(p)
                p.append(self.svg(child, inline=False))
            else:
                self.block(child, out)

    def svg(self, node: etree._Element, inline: bool) -> etree._Element:
        """An SVG drawing (a chart) as a picture part of its own, as wide as the type area
        (a chart) or as its own width (a trend line in a table cell)."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from lxml import etree as et

        if node.get("xmlns") is None:
            node.set("xmlns", "http://www.w3.org/2000/svg")
        data = et.tostring(node, encoding="utf-8")
        data = (
            data.replace(b"<svg ", b'<svg xmlns="http://www.w3.org/2000/svg" ', 1)
            if (b"xmlns=" not in data[:200])
            else data
        )
        self.s.pictures += 1
        number = self.s.pictures
        uri = PackURI(f"/word/media/chart{number}.svg")
        part = Part(uri, "image/svg+xml", data, self.s.part.package)
        rid = self.s.part.relate_to(part, RT.IMAGE)
        box = [float(v) for v in (node.get("viewBox") or "0 0 400 300").split()]
        emu_per_twip = 635
        if inline and node.get("width", "").replace(".", "").isdigit():
            width = round(float(node.get("width") or 96) * 9525 * SPARK)  # CSS px
            height = round(float(node.get("height") or 22) * 9525 * SPARK)
        else:
            width = wordml.MEASURE * emu_per_twip
            height = round(width * box[3] / box[2]) if box[2] else width // 2
        return wordml.picture(rid, 1000 + number, f"图{number}", width, height)

    def contents(self, node: etree._Element, out: etree._Element) -> None:
        """The contents as Word's TOC field over 标题 1 and 2, its last result the PDF's
        contents (with the PDF's page numbers where the PDF was laid out in this build)."""
        heading = next((c for c in node.iter() if c.tag == "h2"), None)
        if heading is not None:
            self.block(heading, out)
        entries = list(_entries(node))
        self.s.toc = True
        pages = self.s.options.pages or {}
        for n, (level, anchor, element) in enumerate(entries):
            p = self.paragraph("TOC1" if level == 1 else "TOC2", out)
            if n == 0:
                # The field's begin and instruction; its result is the entries, its end after
                # the last.
                p.extend(wordml.field('TOC \\o "1-2" \\h \\z', "")[:3])
            name = bookmark_name(anchor)
            link = wordml.hyperlink(anchor=name if anchor in self.s.ids else None)
            p.append(link)
            self.inline(element, p, None, target=link)
            link.append(wordml.tab())
            page = pagerefs.printed(pages, anchor)
            link.extend(wordml.field(f"PAGEREF {name} \\h", page))
            if n == len(entries) - 1:
                p.append(wordml.el("w:r", None, wordml.el("w:fldChar", {"fldCharType": "end"})))


def _running_text(node: etree._Element) -> str:
    """The text of a paragraph as it runs along its lines: a mark's ※N, small and raised,
    counted at a third of its characters."""
    marks = "".join(str(s.text_content()) for s in node.iter("sup"))
    text = str(node.text_content())
    return text.replace(marks, "", 1) + " " * (len(marks) // 3) if marks else text


def _tighten(p: etree._Element, style: str | None, text: str) -> None:
    """Set paragraph `p` in its style's tight twin where its last line would hold one
    character."""
    suffix = _tightening(text) if style in TIGHTENED else None
    if style is not None and suffix is not None:
        wordml.set_style(p, TIGHTENED[style] + suffix)
        # and its runs in the character style of the same spacing: LibreOffice 7.4 does not
        # apply a paragraph style's character spacing (Word does; both apply this)
        for r in p.iter(qn("w:r")):
            if r.find(qn("w:t")) is not None and r.find(qn("w:rPr")) is None:
                wordml.sub(r, "w:rPr").append(wordml.el("w:rStyle", {"val": "TightText" + suffix}))
                r.insert(0, r[-1])


HALF = {" ": 0.33, "%": 0.83}  # 仿宋's Latin: figures half a character, these not
_OPENING = set("（《“‘〔【「『([")


def _last_line(text: str, first: float = 26.0, other: float = 28.0) -> int:
    """How many characters (closing marks not counted) the last line of a paragraph of `text`
    holds, its first line `first` characters long and the others `other` (0: one line).
    Chinese characters and full-width marks are one character wide, 仿宋's figures and Latin
    half (HALF: a few others). A line never starts with a closing mark nor ends with an
    opening one: the character before a closing mark goes down with it (Word and
    LibreOffice break so; neither hangs the mark in the margin)."""
    from planc.render.typeset import _CLOSING

    text = _SPACE.sub(" ", text).strip()
    line, room = 0.0, first
    last: list[str] = []
    for char in text:
        w = HALF.get(char, 0.5) if char.isascii() else 1.0
        if line + w > room + 0.01:
            moved: list[str] = []
            if char in _CLOSING:  # the mark takes the character before it down
                while last and last[-1] in _CLOSING:
                    moved.insert(0, last.pop())
                if last:
                    moved.insert(0, last.pop())
            while last and last[-1] in _OPENING:  # an opening mark goes down with its text
                moved.insert(0, last.pop())
            line, room, last = float(len(moved)), other, moved
        line += w
        last.append(char)
    return sum(1 for c in last if c not in _CLOSING) if room == other else 0


def _one_character_last_line(text: str) -> bool:
    return _last_line(text) == 1


def _tightening(text: str) -> str | None:
    """The lightest tightening (a style suffix) after which a paragraph of `text` no longer
    ends on a line of one character, or None where it does not."""
    if _last_line(text) != 1:
        return None
    for suffix, pitch in TIGHTER:
        per_line = wordml.MEASURE / 20 / pitch
        first = (wordml.MEASURE - 2 * wordml.ONE_CHAR) / 20 / pitch
        if _last_line(text, first - 0.05, per_line - 0.05) != 1:
            return suffix
    return TIGHTER[-1][0]


def _rows(table: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield "tbody", child
        elif child.tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag == "tr":
                    yield child.tag, tr


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _text_outside(node: etree._Element, drawing: etree._Element | None) -> str:
    """The text of `node` less that of a drawing in it (an SVG's title is no cell text)."""
    text = str(node.text_content())
    return text.replace(str(drawing.text_content()), "", 1) if drawing is not None else text


CELL_MARGIN = 60  # twips, each side (the table styles' tblCellMar)
SPARK = 0.6  # a trend line in a table cell, at this share of its size on screen


def _cell_width(text: str) -> float:
    """In em of the table's size: Chinese 1, digits and Latin about 0.6 (仿宋's figures)."""
    return sum(1.0 if ord(c) > 0x2000 else 0.6 for c in text)


def _widths(rows: list[tuple[etree._Element, bool]], columns: int, size: float) -> list[int]:
    """Column widths (twips) filling the measure: each column as wide as its longest text
    (up to 20 characters) where that fits, else as narrow as its longest figure or two
    characters of text, the rest shared by how much more each would take. Word and
    LibreOffice lay out a fixed table alike; an automatic one each its own way."""
    pad = 2 * CELL_MARGIN
    natural = [pad + 2 * size * 20] * columns
    least = [pad + 2 * size * 20] * columns
    for tr, head in rows:
        at = 0
        for cell in _cells(tr):
            span = int(cell.get("colspan") or 1)
            if span == 1 and at < columns:
                svg = cell.find(".//svg")
                text = _SPACE.sub("", _text_outside(cell, svg))
                wide = float(svg.get("width") or 0) * SPARK * 15 if svg is not None else 0.0
                if not head:  # a heading wraps: 正常/推进
                    em = min(20.0, _cell_width(text))
                    natural[at] = max(natural[at], pad + max(em * size * 20, wide))
                    whole = text if text.isascii() else text[:2]  # figures never break
                    least[at] = max(least[at], pad + max(_cell_width(whole) * size * 20, wide))
            at += span
    measure = wordml.MEASURE
    if sum(natural) <= measure:
        spare = measure - sum(natural)
        widths = [n + spare * n / sum(natural) for n in natural]
    else:
        spare = max(0.0, measure - sum(least))
        more = [n - m for n, m in zip(natural, least, strict=True)]
        total = sum(more) or 1.0
        widths = [m + spare * x / total for m, x in zip(least, more, strict=True)]
        scale = measure / sum(widths)
        widths = [w * scale for w in widths]
    out = [int(w) for w in widths]
    out[-1] += measure - sum(out)
    return out


def _entries(nav: etree._Element) -> Iterator[tuple[int, str, etree._Element]]:
    """(level, anchor, link) of each entry of a contents list, in order."""
    for a in nav.iter("a"):
        depth = sum(1 for x in a.iterancestors() if x.tag == "ol")
        yield depth, (a.get("href") or "").lstrip("#"), a


# --- The package ------------------------------------------------------------------------


def _pdf_date(page: str) -> str | None:
    """The date a document carries (its 落款, else its cover's), for its core properties."""
    import lxml.html

    tree = lxml.html.document_fromstring(page)
    for xpath in (
        "//*[contains(concat(' ', @class, ' '), ' signed-date ')]",
        "//*[contains(concat(' ', @class, ' '), ' dated ')]",
        "//*[contains(concat(' ', @class, ' '), ' cover ')]//p",
    ):
        for node in tree.xpath(xpath):
            found = _DATE.search(node.text_content())
            if found:
                year, month, day = (int(x) for x in found.groups())
                return f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z"
    return None


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # what Word writes: a zip entry's time means nothing


def word_document(page: str, options: Options) -> bytes:
    """The .docx of a print page."""
    import docx
    import lxml.html
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    tree = lxml.html.document_fromstring(page)
    document = docx.Document()
    part = document.part
    _strip_template(document)
    part._styles_part._element = wordml.styles_xml()
    body = document.element.body
    for child in list(body):
        body.remove(child)
    ids = {str(x) for x in tree.xpath("//@id")}
    state = _State(body, ids, options, part)
    converter = _Converter(state)
    main = tree.find(".//body")
    converter.block(main if main is not None else tree, body)
    if state.last is not None and len(state.last) and state.last[-1].find(qn("w:br")) is not None:
        state.last.remove(state.last[-1])  # no blank page after the last
    _sections(document, state)
    wordml.settings(document.settings.element, update_fields=state.toc and options.pages is None)
    for rel in part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = wordml.font_table()
    _properties(document, tree, page)
    out = io.BytesIO()
    document.save(out)
    return _reproducible(out.getvalue())


def _strip_template(document: Any) -> None:
    """python-docx's blank document without what a document of planc's has no use for: the
    picture of an empty page (Windows shows it as the file's preview), Word 2010's second
    copy of the styles, a customXml item, the numbering of its sample lists."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    unwanted = {RT.THUMBNAIL, RT.CUSTOM_XML, RT.NUMBERING, RT.WEB_SETTINGS}
    for rels in (document.part.rels, document.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype in unwanted or rel.reltype.endswith("/stylesWithEffects"):
                rels.pop(rid)


def _sections(document: Any, state: _State) -> None:
    """The front matter (cover, 印发通知, contents) and the body as two sections where the
    print HTML has a body: numbered apart (I, II … then 1 on a right-hand page), as the PDF
    is; page numbers "— N —" in 4号 宋体 on the outer side; a draft's mark in the head."""
    body = state.body
    split = state.sections[0] if state.sections else None
    numbered = split is not None
    final = wordml.sect_pr(
        odd_page=numbered,
        restart=numbered,
        title_page=not numbered,
        line_numbers=state.options.line_numbers,
    )
    if split is not None:
        front = wordml.sect_pr(roman=True, title_page=True)
        if len(split) and split[-1].find(qn("w:br")) is not None:
            split.remove(split[-1])  # the section break starts the new page
        wordml.section_end(split, front)
    body.append(final)
    for number, section in enumerate(document.sections):
        last = number == len(document.sections) - 1
        if number and not last:
            continue
        if number == 0 or split is None:
            section.different_first_page_header_footer = number == 0
        if number and split is not None:
            section.footer.is_linked_to_previous = False
            section.even_page_footer.is_linked_to_previous = False
        roman = number == 0 and split is not None
        _footer(section.footer, "right", roman)
        _footer(section.even_page_footer, "left", roman)
        if state.draft_mark:
            _header(section.header, state.draft_mark, "right")
            _header(section.even_page_header, state.draft_mark, "left")


def _footer(footer: Any, side: str, roman: bool) -> None:
    p = footer.paragraphs[0]._p
    for child in list(p):
        p.remove(child)
    wordml.sub(wordml.ppr(p), "w:pStyle", {"val": "Footer"})
    wordml.ppr(p).append(wordml.el("w:ind", {side: str(wordml.ONE_CHAR // 2 * 2)}))
    wordml.sub(wordml.ppr(p), "w:jc", {"val": side})
    p.append(wordml.run("— "))
    p.extend(wordml.field("PAGE \\* ROMAN" if roman else "PAGE", "I" if roman else "1"))
    p.append(wordml.run(" —"))


def _header(header: Any, text: str, side: str) -> None:
    p = header.paragraphs[0]._p
    for child in list(p):
        p.remove(child)
    wordml.sub(wordml.ppr(p), "w:pStyle", {"val": "Header"})
    wordml.sub(wordml.ppr(p), "w:jc", {"val": side})
    p.append(wordml.run(text))


def _properties(document: Any, tree: Any, page: str) -> None:
    """Title, author, subject and keywords as the print page's head has them; the dates are
    the document's own (fixed by the sources), never the clock."""
    import datetime as dt

    core = document.core_properties
    head = {m.get("name"): m.get("content") or "" for m in tree.iter("meta") if m.get("name")}
    title = tree.find(".//title")
    core.title = title.text_content() if title is not None else ""
    core.author = head.get("author", "")
    core.subject = head.get("description", "")
    core.keywords = head.get("keywords", "")
    core.comments = ""
    core.last_modified_by = ""
    core.revision = 1
    date = _pdf_date(page)
    day = dt.datetime.fromisoformat(date.replace("Z", "+00:00")) if date else None
    if day is not None:
        core.created = day
        core.modified = day
    else:
        element = core._element
        for tag in ("dcterms:created", "dcterms:modified"):
            found = element.find(qn(tag))
            if found is not None:
                element.remove(found)
    from planc import __version__

    for rel in document.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):
            rel.target_part._blob = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                'extended-properties"><Application>planc</Application>'
                f"<AppVersion>{_app_version(__version__)}</AppVersion></Properties>"
            ).encode()


def _app_version(version: str) -> str:
    """AppVersion as Word wants it: XX.YYYY."""
    parts = [int(x) for x in re.findall(r"\d+", version)[:2]] + [0, 0]
    return f"{parts[0]:02d}.{parts[1]:04d}"


def _reproducible(data: bytes) -> bytes:
    """The same package with every entry at a fixed time, in python-docx's order (the
    content types first): the same sources give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


class DocxWriter(Writer):
    """The Word edition of each printed document, beside its PDF. Made once every PDF is laid
    out (`finish` runs after the PDF writer's: FORMATS lists docx after pdf), so the page of
    each case in the handbook and of each heading are the printed ones."""

    def __init__(self, fmt: Any, context: Any) -> None:
        super().__init__(fmt, context)
        self.docs: list[Document] = []

    def write(self, doc: Document) -> None:
        self.docs.append(doc)

    def finish(self) -> list[str]:
        pages = self.context.pages
        for doc in self.docs:
            page = doc.page(PRINT)
            if doc.kind.after is not None:
                page = pagerefs.fill(page, pages.get((doc.round, doc.kind.after), {}))
            options = Options(
                pages=pages.get((doc.round, doc.kind.name)),
                line_numbers=self.context.line_numbers,
                href=lambda href: print_href(href, "docx"),
            )
            doc.target.parent.mkdir(parents=True, exist_ok=True)
            doc.target.write_bytes(word_document(page, options))
            self.context.step(doc.label, 1)
        return []
