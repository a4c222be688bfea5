"""The Word edition: every printed document also as a .docx in the styles of GB/T 9704, read back
with python-docx (styles, not direct formatting; the outline; the fields; the page set-up; the
links) and converted by LibreOffice, whose PDF passes the typographic audit."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from planc.cli import app
from planc.render import wordml
from planc.render.documents import print_href
from planc.render.docx import Options, _one_character_last_line, bookmark_name, word_document
from tests.typography import audit_with_most
from tests.word import page_count, stand_ins, to_pdf

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The styles a document of planc's is made of: Word's built-in ones (正文, 标题, 标题 1–3, 目录,
# 题注, 页眉, 页脚) and planc's own, all named.
NAMED = {s.name for s in wordml.STYLES}
BUILT_IN = {"Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "TOC Heading", "toc 1",
            "toc 2", "Caption", "Header", "Footer"}  # fmt: skip


def name(paragraph: object) -> str:
    style = paragraph.style  # type: ignore[attr-defined]
    return str(style.name) if style is not None else ""


def documents(dist: Path) -> list[Path]:
    return sorted(dist.glob("*/*.docx"))


def instructions(element: object) -> list[str]:
    return [t.text.strip() for t in element.iter(f"{W}instrText")]  # type: ignore[attr-defined]


def test_every_printed_document_has_its_word_edition(shipped_dist: Path) -> None:
    pdfs = {p.with_suffix("") for p in shipped_dist.glob("*/*.pdf")}
    assert {p.with_suffix("") for p in documents(shipped_dist)} == pdfs
    assert len(pdfs) == 7


def test_styles_not_direct_formatting(shipped_dist: Path) -> None:
    for path in documents(shipped_dist):
        document = docx.Document(str(path))
        used = {name(p) for p in document.paragraphs}
        assert used <= {*NAMED, *BUILT_IN}, (path.name, used - NAMED)
        assert {"Title", "Heading 1", "Normal"} <= used, path.name
        for paragraph in document.paragraphs:
            assert paragraph.paragraph_format.first_line_indent is None
            assert paragraph.alignment is None or name(paragraph) == "Footer"
            for run in paragraph.runs:
                # a run names its character style, never a face, a size or bold of its own
                assert run.font.name is None and run.bold is None, (path.name, run.text)
                assert run.font.size is None or name(paragraph) == "发文机关标志"


def test_the_faces_by_role_on_both_scripts() -> None:
    styles = wordml.styles_xml()

    def faces(style_id: str) -> dict[str, str]:
        node = styles.find(f"{W}style[@{W}styleId='{style_id}']/{W}rPr/{W}rFonts")
        assert node is not None, style_id
        return {k.removeprefix(W): v for k, v in node.attrib.items()}

    assert faces("Normal") == dict.fromkeys(("ascii", "hAnsi", "eastAsia", "cs"), "仿宋_GB2312")
    assert faces("Title")["eastAsia"] == "方正小标宋简体"
    assert faces("Heading1")["eastAsia"] == "黑体"
    assert faces("Heading2")["eastAsia"] == "楷体_GB2312"
    assert faces("Heading3")["eastAsia"] == "仿宋_GB2312"
    assert faces("Footer")["eastAsia"] == "宋体"
    bold = styles.find(f"{W}style[@{W}styleId='Heading3']/{W}rPr/{W}b")
    assert bold is not None  # 三级标题: 仿宋 bold
    table = wordml.font_table().decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in table
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in table


def test_the_page_of_gb_t_9704(shipped_dist: Path) -> None:
    document = docx.Document(str(shipped_dist / "2020-2021" / "plan-2020-2021.docx"))
    section = document.sections[-1]
    mm = 36000  # EMU
    width, height = section.page_width or 0, section.page_height or 0
    assert (round(width / mm), round(height / mm)) == (210, 297)
    top, left = section.top_margin or 0, section.left_margin or 0
    assert round(top / mm) == 37 and round(left / mm) == 28
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579" and grid.get(qn("w:type")) == "lines"
    normal = wordml.styles_xml().find(f"{W}style[@{W}styleId='Normal']/{W}pPr/{W}spacing")
    assert normal.get(f"{W}line") == "579" and normal.get(f"{W}lineRule") == "exact"
    settings = document.settings.element
    assert settings.find(qn("w:mirrorMargins")) is not None
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    # "— N —" from a PAGE field, on the outer side: right on odd pages, left on even
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert instructions(odd._p) == ["PAGE"] and odd.text == "— 1 —"
    assert odd._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "right"
    assert even._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "left"
    assert section.different_first_page_header_footer or document.sections[0] is not section


def test_the_outline_and_the_contents_are_the_pdf_s(shipped_dist: Path) -> None:
    """Word's navigation pane (标题 1 and 2) lists what the PDF's bookmarks list, in order, and
    the contents is a TOC field over them."""
    for path in documents(shipped_dist):
        document = docx.Document(str(path))
        outline = [
            p.text for p in document.paragraphs if name(p) in ("Heading 1", "Heading 2", "条目标题")
        ]
        reader = pypdf.PdfReader(path.with_suffix(".pdf"))

        def titles(items: Sequence[object]) -> list[str]:
            out: list[str] = []
            for item in items:
                out += titles(item) if isinstance(item, list) else [item.title]  # type: ignore[attr-defined]
            return out

        assert outline == titles(reader.outline), path.name
        fields = instructions(document.element.body)
        assert fields[0].startswith("TOC \\o") and any(f.startswith("PAGEREF") for f in fields)


def test_links_and_bookmarks(shipped_dist: Path) -> None:
    """Every link inside a document reaches a bookmark of it; a task's case reaches the case in
    the handbook's Word file, and says the handbook's page as printed."""
    for path in documents(shipped_dist):
        body = docx.Document(str(path)).element.body
        marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
        anchors = {h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))} - {None}
        assert anchors and anchors <= marks, (path.name, anchors - marks)
    plan = docx.Document(str(shipped_dist / "2020-2021" / "plan-2020-2021.docx"))
    targets = [r.target_ref for r in plan.part.rels.values() if r.is_external]
    cases = [t for t in targets if t.startswith("handbook-2020-2021.docx#case_")]
    assert cases
    handbook = docx.Document(str(shipped_dist / "2020-2021" / "handbook-2020-2021.docx"))
    marks = {b.get(qn("w:name")) for b in handbook.element.body.iter(qn("w:bookmarkStart"))}
    assert {t.partition("#")[2] for t in cases} <= marks
    assert re.search(r"（手册第\d+页）", "\n".join(p.text for p in plan.paragraphs))


def test_the_same_bytes_from_the_same_sources(shipped_dist: Path, tmp_path: Path) -> None:
    path = shipped_dist / "2020-2021" / "plan-2020-2021.docx"
    with zipfile.ZipFile(path) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
        names = archive.namelist()
    assert "2020-06-22T00:00:00Z" in core  # the plan's own date, never the clock
    assert names[0] == "[Content_Types].xml" and "docProps/thumbnail.jpeg" not in names
    page = (shipped_dist / "2020-2021" / "plan.html").read_text(encoding="utf-8")
    assert word_document(page, Options()) == word_document(page, Options())


def test_a_link_to_another_document_goes_to_its_word_file() -> None:
    assert print_href("handbook-2020-2021.pdf#case-x", "docx") == "handbook-2020-2021.docx#case-x"
    assert (
        print_href("../2018-2019/plan-2018-2019.pdf", "docx") == "../2018-2019/plan-2018-2019.docx"
    )
    assert print_href("https://example.org/a.pdf", "docx") == "https://example.org/a.pdf"
    assert bookmark_name("case-ny-subway") == "case_ny_subway"
    long = bookmark_name("task-" + "x" * 60)
    assert len(long) == 40 and long != bookmark_name("task-" + "x" * 59 + "y")
    assert bookmark_name("1-a")[0].isalpha()


def test_a_last_line_of_one_character_is_foreseen() -> None:
    assert _one_character_last_line("字" * 27)  # 26 on the indented first line, 1 after
    assert not _one_character_last_line("字" * 26)
    assert not _one_character_last_line("字" * 28)
    assert _one_character_last_line("字" * 26 + "字。")  # the stop follows its character
    assert not _one_character_last_line("字" * 25 + "（字）")  # the bracket goes down too
    # a closing mark that does not fit takes the character before it down: 室） alone
    assert _one_character_last_line("字" * 53 + "室）")
    assert not _one_character_last_line("字" * 52 + "室）")


def test_build_docx_only_with_line_numbers(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["build", "2020-2021", "--plans", str(plans), "--docx", "--line-numbers"]
    result = runner.invoke(app, [*args, "--out", "out"])
    assert result.exit_code == 0, result.stdout
    files = sorted(p.name for p in Path("out/2020-2021").iterdir())
    assert files == [
        "handbook-2020-2021.docx",
        "handbook.html",
        "plan-2020-2021.docx",
        "plan.html",
        "plan.json",
    ]
    document = docx.Document("out/2020-2021/plan-2020-2021.docx")
    assert document.sections[-1]._sectPr.find(qn("w:lnNumType")) is not None
    # no PDF laid out: Word fills the contents' pages when it opens the file
    assert document.settings.element.find(qn("w:updateFields")) is not None
    again = runner.invoke(app, [*args, "--out", "out"])
    assert "up to date" in again.stdout
    both = runner.invoke(app, ["build", "--plans", str(plans), "--docx", "--html"])
    assert both.exit_code == 2 and "--html and --docx" in both.stdout + both.stderr
    # a release is rebuilt by planc verify from its manifest, which has no line numbers
    released = runner.invoke(app, ["build", "--plans", str(plans), "--release", "--line-numbers"])
    assert released.exit_code == 2
    assert "--line-numbers is for drafts" in released.stdout + released.stderr
    assert not Path("release").exists()


def test_a_draft_in_word(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["build", "2020-2021", "--plans", str(plans), "--docx", "--edition", "draft"]
    args += ["--date", "2020-05-10"]
    assert runner.invoke(app, [*args, "--out", "out"]).exit_code == 0
    document = docx.Document("out/2020-2021/plan-2020-2021.docx")
    mark = "征求意见稿（2020年5月10日）"
    assert any(p.text == mark for p in document.paragraphs[:12])  # the cover
    section = document.sections[-1]
    assert section.header.paragraphs[0].text == mark  # the head of odd and even pages
    assert section.even_page_header.paragraphs[0].text == mark
    # every task numbered as in the draft's pages
    html = Path("out/2020-2021/plan.html").read_text(encoding="utf-8")
    tasks = re.findall(r'<span class="num">(\d+)\.</span>([^<]+)', html)
    starts = [p.text for p in document.paragraphs]
    for n, title in tasks:  # a task's paragraph starts with its number and title
        assert any(text.startswith(f"{n}.{title}") for text in starts), (n, title)
    assert tasks


def libreoffice_faults(docx_files: list[Path], printed: list[Path], scratch: Path) -> list[str]:
    """The audit's faults of each .docx as LibreOffice converts it, and page counts off the
    PDF's by more than 10 % (a page, for a document under ten). Two things are not asked of
    the Word edition: 续表 (Word and WPS repeat a table's heading row instead), and a last
    line of one character in a paragraph planc foresaw and set tight: LibreOffice 7.4 lays
    the page on its grid of 28 characters a line and applies a style's character spacing
    only as direct formatting, which Word and WPS do not need (docs/print.md)."""
    made = to_pdf(docx_files, scratch / "converted", scratch)
    faults, most = [], 0
    for source, pdf, docx_file in zip(printed, made, docx_files, strict=True):
        found, lines = audit_with_most(pdf, stand_ins(), continued=False)
        linked = _tight(docx_file)
        faults += [f for f in found if not _excused(f, linked)]
        most = max(most, lines)
        if abs(page_count(pdf) - page_count(source)) > max(1, page_count(source) // 10):
            faults.append(f"{pdf.name}: {page_count(pdf)} pages, the PDF {page_count(source)}")
    if most != 22:
        faults.append(f"no page holds 22 lines (at most {most})")
    return faults


def _tight(path: Path) -> list[str]:
    """The text of each paragraph planc set tight."""
    return [p.text for p in docx.Document(str(path)).paragraphs if "紧排" in name(p)]


def _excused(fault: str, linked: list[str]) -> bool:
    found = re.search(r"a line of one character: '(.+)'$", fault)
    return found is not None and any(text.endswith(found.group(1)) for text in linked)


# What the Word edition as LibreOffice lays it out holds of the audit today. Not yet held, and
# said in docs/print.md: the first line of the body a few points off the grid, a front-matter
# page taken for a sparse body page (LibreOffice leaves its Roman page number blank), some
# last lines of one character, a chart's labels drawn below 12 pt, and the page count of a
# handbook with charts.
HOLDS = ("half-width punctuation", "cover title in", "page number not in", "more than 22",
         "drawn outside the page")  # fmt: skip


def test_libreoffice_reads_the_word_edition(shipped_dist: Path, tmp_path: Path) -> None:
    """LibreOffice converts each .docx; its PDF has the title, the page numbers and the text in
    the faces of their roles, no half-width punctuation beside Chinese, at most 22 lines a
    page and some page of 22. About 15 s: one LibreOffice run for the seven documents."""
    files = documents(shipped_dist)
    faults = libreoffice_faults(files, [p.with_suffix(".pdf") for p in files], tmp_path)
    assert [f for f in faults if any(kind in f for kind in HOLDS)] == []
    assert not any(f.startswith("no page holds 22 lines") for f in faults)
