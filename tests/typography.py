"""A typographic audit of built PDFs, read from the PDFs themselves (character positions, sizes
and font names with pdfplumber): what an editor of 公文 would check by eye.

    .venv/bin/python -m tests.typography DIST    # lists every fault, exit 1 when there is one
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdf

from planc.render import fonts
from planc.render.typeset import title_words

PT_PER_MM = 72 / 25.4
TOP = 37 * PT_PER_MM  # the type area starts 37 mm from the top
PAGE_H = 841.89
PAGE_W = 595.28
TYPE_BOTTOM = PAGE_H - 34.9 * PT_PER_MM  # the type area ends 34.9 mm above the foot
TYPE_H = TYPE_BOTTOM - TOP
FOLIO_GAP = 7 * PT_PER_MM  # the page number's top, 7 mm below the type area (GB/T 9704 §7.5)
MARK_CHARS = set("※0123456789")
LINE = 29.0  # the line pitch: 22 lines in 225 mm
HAN = re.compile(r"[\u3400-\u9fff]")
HALF_BESIDE_HAN = re.compile(r"[\u3400-\u9fff][,;:()?!]|[,;:()?!][\u3400-\u9fff]")
PUNCT = set("，。；：？！、（）《》“”‘’…—·.,;:!?()[]- ")
CAPTION = re.compile(r"^(续?表|图)\d+")
H1 = re.compile(r"^[一二三四五六七八九十]+、")
ROLES_16PT = ("heading1", "heading2", "heading3", "body")
H2 = re.compile(r"^（[一二三四五六七八九十]+）")


@dataclass
class Page:
    """What an editor sees of a page besides its lines: where ink is, the page number, the
    head of the page, and the sizes of its characters."""

    number: int
    boxes: list[tuple[float, float, float, float, str]]  # x0, top, x1, bottom, what
    folio: list[dict[str, object]]  # the page number's characters
    head: str  # text above the type area (a draft's mark, 续表N)
    small: list[str]  # characters below 12 pt that are not a mark's (※3)
    smallest: float  # the smallest running character (marks aside)
    top_is_table: bool  # the type area opens with a table's rule (a table running on)
    lowest: float  # the bottom of the lowest ink in the type area (TOP when none)


@dataclass
class Line:
    page: int
    top: float
    bottom: float
    size: float
    text: str
    fonts: set[str]  # of its Chinese characters
    all_fonts: set[str]
    in_figure: bool = False  # beside drawn lines or bars: a table's or a chart's text


def _family(fontname: str) -> str:
    """PDF font name without the subset tag, as letters only: 'ABCDEF+Noto-Serif-CJK-SC-Heavy'
    -> 'notoserifcjkscheavy'."""
    return re.sub(r"[^a-z]", "", fontname.split("+", 1)[-1].lower())


def _face_key(face: fonts.Face) -> str:
    return re.sub(r"[^a-z]", "", face.family.lower())


def _page(number: int, page: pdfplumber.page.Page) -> Page:
    boxes: list[tuple[float, float, float, float, str]] = []
    folio, head, small = [], [], []
    smallest = 99.0
    after_mark = False
    for c in page.chars:
        top, bottom = float(c["top"]), float(c["bottom"])
        size, text = float(c["size"]), str(c["text"])
        if top >= TYPE_BOTTOM + FOLIO_GAP - 4 and top <= TYPE_BOTTOM + FOLIO_GAP + 4:
            folio.append(c)
            continue
        if bottom <= TOP + 1:
            head.append(text)
            continue
        if not text.strip():
            continue
        boxes.append((float(c["x0"]), top, float(c["x1"]), bottom, text))
        mark = size < 11.5 and (text == "※" or (after_mark and text.isdigit()))
        after_mark = mark
        if not mark:
            smallest = min(smallest, size)
            if size < 11.9:
                small.append(text)
    graphics = [*page.rects, *page.lines, *page.curves, *page.images]
    for g in graphics:
        boxes.append((float(g["x0"]), float(g["top"]), float(g["x1"]), float(g["bottom"]), "图形"))
    inside = [b for b in boxes if b[1] >= TOP - 2 and b[3] <= TYPE_BOTTOM + 2]
    # A rule across the top of the type area (a table's, not a chart bar) with no text above it.
    rule = [b for b in inside if b[4] == "图形" and b[1] < TOP + 4 and b[2] - b[0] > 100]
    top_is_table = bool(rule) and not any(b[4] != "图形" and b[3] < rule[0][1] for b in inside)
    lowest = max((b[3] for b in inside), default=TOP)
    return Page(number, boxes, folio, "".join(head), small, smallest, top_is_table, lowest)


def pages_of(pdf: Path) -> list[Page]:
    with pdfplumber.open(pdf) as doc:
        return [_page(n, page) for n, page in enumerate(doc.pages, 1)]


def lines_of(pdf: Path) -> list[list[Line]]:
    return _read(pdf)[0]


def _read(pdf: Path) -> tuple[list[list[Line]], list[Page]]:
    pages = []
    seen = []
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, 1):
            seen.append(_page(number, page))
            rows: dict[int, list[dict[str, object]]] = {}
            small = []
            for char in page.chars:
                if float(char["size"]) < 11.5:  # a superscript mark (※): joins its line below
                    small.append(char)
                else:
                    rows.setdefault(round(float(char["bottom"])), []).append(char)
            for char in small:
                mid = (float(char["top"]) + float(char["bottom"])) / 2
                line = next((k for k in sorted(rows) if k - 20 <= mid <= k + 2), None)
                rows.setdefault(
                    line if line is not None else round(float(char["bottom"])), []
                ).append(char)
            bands = [
                (float(g["top"]) - 18, float(g["bottom"]) + 4)
                for g in (*page.rects, *page.lines, *page.curves)
            ]
            found = []
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda c: float(c["x0"]))  # type: ignore[arg-type]
                found.append(
                    Line(
                        number,
                        min(float(c["top"]) for c in chars),  # type: ignore[arg-type]
                        float(key),
                        max(float(c["size"]) for c in chars),  # type: ignore[arg-type]
                        "".join(str(c["text"]) for c in chars),
                        {_family(str(c["fontname"])) for c in chars if HAN.match(str(c["text"]))},
                        {_family(str(c["fontname"])) for c in chars},
                        any(a <= key <= b for a, b in bands),
                    )
                )
            pages.append(found)
    return pages, seen


def audit(pdf: Path) -> list[str]:
    """Every typographic fault of one PDF, as 'file p.N: what'."""
    return audit_with_most(pdf)[0]


def audit_with_most(
    pdf: Path, faces: dict[str, str] | None = None, continued: bool = True
) -> tuple[list[str], int]:
    """The faults of one PDF, and the most lines a page of it holds. `faces`: the family each
    role is expected in, where it is not planc's choice (a Word file as LibreOffice set it);
    `continued`: whether a table's continuation pages must say 续表N (Word and WPS repeat a
    table's heading row and have no 续表)."""
    name = f"{pdf.parent.name}/{pdf.name}"
    faults: list[str] = []
    pages, seen = _read(pdf)
    policy = fonts.policy()
    expect = {role: _face_key(choice.face) for role, choice in policy.items()}
    expect |= {role: _face_key(fonts.Face(family)) for role, family in (faces or {}).items()}
    names = {role: family for role, family in (faces or {}).items()}
    names = {role: names.get(role, choice.face.family) for role, choice in policy.items()}

    def fault(page: int, what: str) -> None:
        faults.append(f"{name} p.{page}: {what}")

    # Cover: the title (the largest type) in the title face, lines broken between words.
    cover = pages[0]
    title = [ln for ln in cover if ln.size > 20]
    if not title:
        fault(1, "no title on the cover")
    for ln in title:
        if not all(f.startswith(expect["title"]) for f in ln.fonts):
            fault(1, f"cover title in {sorted(ln.fonts)}, not {names['title']}")
    whole = "".join(ln.text for ln in title)
    bounds, at = set(), 0
    for unit in title_words(whole):
        at += len(unit)
        bounds.add(at)
    at = 0
    for ln in title[:-1]:
        at += len(ln.text)
        if at not in bounds:
            fault(1, f"cover title line broken inside a word: {ln.text!r}")
    if re.search(r"\d{4}-\d{2}-\d{2}", "".join(ln.text for ln in cover)):
        fault(1, "an ISO date on the cover")

    most = 0
    for number, lines in enumerate(pages, 1):
        body = [
            ln
            for ln in lines
            if ln.size >= 13.5
            and TOP - 4 <= ln.top < 842 - 34.8 * PT_PER_MM  # not the head: a draft's mark
            and not ln.in_figure
        ]
        folio = [ln for ln in lines if ln.top >= 842 - 34.8 * PT_PER_MM]
        tables = any(ln.size < 13 or ln.in_figure for ln in lines)
        for ln in lines:
            if HALF_BESIDE_HAN.search(ln.text):
                fault(number, f"half-width punctuation beside Chinese: {ln.text!r}")
        leaders = any(re.search(r"[·•.]{3}", ln.text) for ln in body)  # the contents
        if number == 1:
            continue
        for ln in folio:
            if not all(f.startswith(expect["folio"]) for f in ln.all_fonts):
                fault(number, f"page number not in {names['folio']}")
        for ln in body:
            chars = [c for c in ln.text if c not in PUNCT]
            if len(chars) == 1 and "·" not in ln.text:
                fault(number, f"a line of one character: {ln.text!r}")
            text = ln.text.lstrip()
            if ln.size < 15 or not ln.fonts or leaders:
                continue
            # Numbered headings in their faces, sentences in the body face, and nothing in a
            # face outside the roles.
            if H1.match(text) and "·" not in text:
                role = "heading1"
            elif H2.match(text) and "·" not in text:
                role = "heading2"
            elif text.endswith("。"):
                role = "body"
            else:
                role = ""
            allowed = {expect[role]} if role else {expect[r] for r in ROLES_16PT}
            if ln.size > 20:
                allowed = {expect["title"]}  # a title, the 版头 of a notice
            if not any(f.startswith(a) for f in ln.fonts for a in allowed):
                fault(number, f"{role or 'text'} in {sorted(ln.fonts)}: {text[:12]!r}")
        if body and not tables:
            # On the 29 pt grid from the top of the type area: 22 lines fit exactly.
            for ln in body:
                slot = (ln.bottom - TOP) / LINE
                if abs(slot - round(slot + 0.5) + 0.5) > 0.35 and ln.size > 15:
                    fault(number, f"line off the 29 pt grid: {ln.text[:12]!r}")
                    break
            most = max(most, len(body))
            if len(body) > 22:
                fault(number, f"{len(body)} lines, more than 22")
        # A heading at the foot, or alone on its page, with nothing under it (a table or a
        # figure under a heading is what follows it).
        heads = [ln for ln in body if _heading(ln, expect)]
        lowest = seen[number - 1].lowest
        last = body[-1] if body else None
        if last is not None and last in heads and last.bottom >= lowest - 2 and not leaders:
            if len(heads) == len(body):
                fault(number, f"a heading alone on the page: {last.text.strip()[:16]!r}")
            elif number < len(pages):
                fault(number, f"a heading ends the page: {last.text.strip()[:16]!r}")
        foot = [ln for ln in lines if ln.top < 842 - 34.8 * PT_PER_MM]
        if foot and re.match(r"^表\d+", foot[-1].text) and number < len(pages):
            fault(number, f"a table's caption alone at the foot: {foot[-1].text!r}")

    faults += [f"{name} {f}" for f in page_faults(seen, pdf.name, continued)]
    reader = pypdf.PdfReader(pdf)
    root = reader.root_object
    mark = root.get("/MarkInfo")
    if "/StructTreeRoot" not in root or mark is None or not mark.get_object().get("/Marked"):
        fault(0, "not tagged (no structure tree)")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not prefs.get_object().get("/DisplayDocTitle"):
        fault(0, "DisplayDocTitle not set")
    if root.get("/PageMode") != "/UseOutlines":
        fault(0, "the bookmarks pane does not open (PageMode)")
    meta = reader.metadata or pypdf.DocumentInformation()
    if not meta.get("/Subject") or not meta.get("/Keywords"):
        fault(0, "no Subject or Keywords")
    return faults, most


def _heading(line: Line, expect: dict[str, str]) -> bool:
    """A heading line: 一、 or （一）, or a short line all in the 黑体 of headings (指标体系)."""
    text = line.text.strip()
    if line.size < 15 or line.in_figure or not text or CAPTION.match(text) or text[0] == "图":
        return False
    if line.size > 20:
        return False  # a title (小标宋), set apart
    if (H1.match(text) or H2.match(text)) and "·" not in text and not text.endswith("。"):
        return True
    if re.match(r"^\d+\.\S", text) and len(text) <= 16 and not text.endswith(("。", "）", "页")):
        return True  # a 三级 heading (1.城市治理), not a task's paragraph
    hei = bool(line.fonts) and all(f.startswith(expect["heading1"]) for f in line.fonts)
    return hei and len(text) <= 16 and not text.endswith(("。", "：", "）"))


def page_faults(pages: list[Page], name: str, continued: bool = True) -> list[str]:
    """The faults of where things are drawn: outside the page or over the page number,
    the page number's place, type below 12 pt (4号 in a plan's or handbook's tables),
    continuation pages of a table without 续表N, and pages left more than a third empty."""
    faults = []
    least = 13.9 if name.startswith(("plan", "handbook")) else 11.9
    body = []
    for i, page in enumerate(pages):
        where = f"p.{page.number}:"
        for x0, top, x1, bottom, what in page.boxes:
            if x0 < -0.5 or x1 > PAGE_W + 0.5 or top < -0.5 or bottom > PAGE_H + 0.5:
                faults.append(f"{where} drawn outside the page: {what!r}")
                break
            if bottom > TYPE_BOTTOM + 3:
                faults.append(f"{where} drawn below the type area, over the page number: {what!r}")
                break
        if page.small:
            faults.append(f"{where} text below 12 pt: {''.join(page.small[:8])!r}")
        elif page.smallest < least:
            faults.append(f"{where} text of {page.smallest:.1f} pt, below {least:.0f} pt")
        for c in page.folio[:1]:
            gap = float(c["top"]) - TYPE_BOTTOM  # type: ignore[arg-type]
            if abs(gap - FOLIO_GAP) > 1.5:
                faults.append(f"{where} page number {gap / PT_PER_MM:.1f} mm below the type area")
        continues = "续表" in page.head or not continued
        if page.top_is_table and not continues:
            faults.append(f"{where} a table runs on without 续表 at the head of the page")
        if continues and continued and not page.top_is_table:
            faults.append(f"{where} 续表 at the head of a page no table runs on to")
        folio = "".join(str(c["text"]) for c in page.folio)
        blank = not page.boxes
        front = not folio.strip() or any(ch in folio for ch in "IVX")
        before_blank = i + 1 < len(pages) and not pages[i + 1].boxes
        if i == 0 or i == len(pages) - 1 or blank or front or before_blank:
            continue  # the cover, the last page, blank versos, the front matter
        body.append((page.number, TYPE_BOTTOM - page.lowest))
    empty = [n for n, gap in body if gap > TYPE_H / 3]
    # 5 % of the pages, and one page in a short document (a figure that does not fit the
    # rest of a page moves on whole)
    if len(empty) > max(1, int(0.05 * len(body))):
        faults.append(
            f"{len(empty)} of {len(body)} pages more than a third empty at the foot "
            f"(pp. {', '.join(map(str, empty[:12]))}): at most 5 %"
        )
    return faults


def audit_tree(dist: Path) -> list[str]:
    faults, most = [], 0
    for pdf in sorted(dist.rglob("*.pdf")):
        found, lines = audit_with_most(pdf)
        faults += found
        most = max(most, lines)
    if most != 22:  # the pages do run full somewhere: 22 lines is what a full page holds
        faults.append(f"{dist.name}: no page holds 22 lines (at most {most})")
    return faults


if __name__ == "__main__":
    found = audit_tree(Path(sys.argv[1]))
    print("\n".join(found) or "no faults")
    print(f"{len(found)} faults", file=sys.stderr)
    sys.exit(1 if found else 0)
