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
from planc.render.typeset import words

PT_PER_MM = 72 / 25.4
TOP = 37 * PT_PER_MM  # the type area starts 37 mm from the top
LINE = 29.0  # the line pitch: 22 lines in 225 mm
HAN = re.compile(r"[\u3400-\u9fff]")
HALF_BESIDE_HAN = re.compile(r"[\u3400-\u9fff][,;:()?!]|[,;:()?!][\u3400-\u9fff]")
PUNCT = set("，。；：？！、（）《》“”‘’…—·.,;:!?()[]- ")
CAPTION = re.compile(r"^表\d+")
H1 = re.compile(r"^[一二三四五六七八九十]+、")
ROLES_16PT = ("heading1", "heading2", "heading3", "body")
LEADERS = re.compile(r"···|•••|\.\.\.\.")  # the contents: WeasyPrint's, Word's leaders
H2 = re.compile(r"^（[一二三四五六七八九十]+）")


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


def lines_of(pdf: Path) -> list[list[Line]]:
    pages = []
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, 1):
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
    return pages


def audit(pdf: Path) -> list[str]:
    """Every typographic fault of one PDF, as 'file p.N: what'."""
    return audit_with_most(pdf)[0]


def audit_with_most(pdf: Path, faces: dict[str, str] | None = None) -> tuple[list[str], int]:
    """The faults of one PDF, and the most lines a page of it holds. `faces`: the family each
    role is expected in, where it is not planc's choice (a Word file as LibreOffice set it)."""
    name = f"{pdf.parent.name}/{pdf.name}"
    faults: list[str] = []
    pages = lines_of(pdf)
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
    for unit in words(whole):
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
            if ln.size >= 13.5 and ln.top < 842 - 34.8 * PT_PER_MM and not ln.in_figure
        ]
        folio = [ln for ln in lines if ln.top >= 842 - 34.8 * PT_PER_MM]
        tables = any(ln.size < 13 or ln.in_figure for ln in lines)
        for ln in lines:
            if HALF_BESIDE_HAN.search(ln.text):
                fault(number, f"half-width punctuation beside Chinese: {ln.text!r}")
        leaders = any(LEADERS.search(ln.text) for ln in body)
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
        if number < len(pages) and not leaders and not tables and len(body) < 8:
            fault(number, f"a sparse page: {len(body)} lines")
        last = body[-1].text.lstrip() if body else ""
        if not leaders and number < len(pages) and (H1.match(last) or H2.match(last)):
            fault(number, f"a heading alone at the foot: {last!r}")
        foot = [ln for ln in lines if ln.top < 842 - 34.8 * PT_PER_MM]
        if foot and CAPTION.match(foot[-1].text) and number < len(pages):
            fault(number, f"a table's caption alone at the foot: {foot[-1].text!r}")

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
