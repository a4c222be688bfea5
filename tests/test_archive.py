"""The archival editions (planc/archive): PDF/A-3a checked with pikepdf, OFD read back by
independent readers from PyPI (ofdkit for the text and the document information, ofd2img to
draw the pages), both compared with the PDF they are made from.

What is checked of the PDF/A, and what is not (veraPDF is not packaged here): see
docs/archive.md and the tests below, one requirement each."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from planc import __version__
from planc.archive import Attachment, Metadata, ofd_edition, pdfa_edition, pdfread
from planc.render.pdf import write_pdf

EPOCH = 1592784000  # 2020-06-22 08:00 Beijing
OFD_NS = {"ofd": "http://www.ofdspec.org/2016"}

# A small document with what planc's pages have: a title and headings (the outline), the red
# rule of a 版头, a table with borders, a chart drawn in SVG, a link inside the document and
# one to the handbook's PDF, Chinese and Latin text, three pages.
HTML = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>测试行动计划</title>
<meta name="author" content="测试机关"><meta name="description" content="归档测试">
<meta name="keywords" content="归档, 测试">
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-size: 14pt } }
body { font-family: "FandolFang", "Noto Serif CJK SC"; font-size: 16pt; line-height: 28.95pt }
h1 { font-family: "FandolHei", "Noto Sans CJK SC"; font-size: 22pt; color: #d00;
  font-weight: normal;
  border-bottom: 0.8mm solid #e60012; padding-bottom: 3mm; bookmark-level: 1 }
h2 { font-family: "FandolKai", "Noto Serif CJK SC"; font-size: 16pt; font-weight: normal;
  bookmark-level: 2 }
table { border-collapse: collapse } td { border: 0.5pt solid #000; padding: 1mm 2mm }
.next { break-before: page }
</style></head><body>
<h1 id="top">一、总体要求</h1>
<p>坚持对外开放，推进国际化建设，<a href="#tasks">详见重点任务</a>，并参照
<a href="handbook-2020-2021.pdf#case-busan">对标案例</a>。</p>
<table><tr><td>指标</td><td>目标值</td></tr><tr><td>国际航线</td><td>30条</td></tr></table>
<svg width="300" height="60" viewBox="0 0 300 60">
<rect x="0" y="10" width="180" height="16" fill="#2f5d8a"/>
<rect x="0" y="34" width="90" height="16" fill="#8a9bb8"/>
<text x="186" y="23" font-size="13" font-family="Noto Sans CJK SC">14</text>
<text x="96" y="47" font-size="13" font-family="Noto Sans CJK SC">7</text></svg>
<h2 class="next" id="tasks">（一）重点任务</h2>
<p>推进 Smart City 建设，打造“国际化+”示范区。</p>
<h2 class="next">（二）保障措施</h2>
<p>各单位按职责分工抓好落实。</p>
</body></html>
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The PDF as planc writes it, and its two archival editions."""
    where = tmp_path_factory.mktemp("archive")
    pdf = where / "plan-2020-2021.pdf"
    assert write_pdf(HTML, pdf) == []
    sources = io.BytesIO()
    with zipfile.ZipFile(sources, "w") as archive:
        archive.writestr("2020-2021/plan.yaml", "planc: 1\n")
    attachments = (
        Attachment("planc-sources.zip", sources.getvalue(), "application/zip", "源文件", "Source"),
        Attachment("plan.json", b'{"round": "2020-2021"}', "application/json", "数据", "Data"),
    )
    meta = Metadata(
        identifier="2020-2021/plan",
        version=__version__,
        created=EPOCH,
        issuer="测试机关",
        issued="2020-06-22",
    )
    data = pdf.read_bytes()
    pdfa = pdfa_edition(
        data, meta, attachments, {"handbook-2020-2021.pdf": "handbook-2020-2021.pdfa.pdf"}
    )
    ofd = ofd_edition(data, meta, {"handbook-2020-2021.pdf": "handbook-2020-2021.ofd"})
    (where / "plan.pdfa.pdf").write_bytes(pdfa)
    (where / "plan.ofd").write_bytes(ofd)
    again = (pdfa_edition(data, meta, attachments), ofd_edition(data, meta))
    return {
        "dir": where,
        "pdf": pdf,
        "pdfa": where / "plan.pdfa.pdf",
        "ofd": where / "plan.ofd",
        "attachments": attachments,
        "meta": meta,
        "args": (pdf.read_bytes(), meta, attachments),
        "again": again,
    }


# -- PDF/A -----------------------------------------------------------------------------------


def xmp(pdf: Any) -> ET.Element:
    return ET.fromstring(pdf.Root.Metadata.read_bytes())


def xmp_text(root: ET.Element, tag: str) -> list[str]:
    namespaces = {
        "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
        "dc": "http://purl.org/dc/elements/1.1/",
        "xmp": "http://ns.adobe.com/xap/1.0/",
        "pdf": "http://ns.adobe.com/pdf/1.3/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    }
    prefix, name = tag.split(":")
    attribute = f"{{{namespaces[prefix]}}}{name}"  # WeasyPrint writes some as attributes
    out = [d.get(attribute, "") for d in root.iter() if attribute in d.attrib]
    found = root.findall(f".//{tag}", namespaces)
    for element in found:
        items = element.findall(".//rdf:li", namespaces)
        out += [i.text or "" for i in items] if items else [element.text or ""]
    return out


def test_pdfa_declares_pdfa_3a_and_its_metadata_agrees_with_the_document_information(
    made: dict[str, Any],
) -> None:
    with pikepdf.open(made["pdfa"]) as pdf:
        root = xmp(pdf)
        info = pdf.docinfo
        assert xmp_text(root, "pdfaid:part") == ["3"]
        assert xmp_text(root, "pdfaid:conformance") == ["A"]
        assert xmp_text(root, "dc:title") == [str(info.Title)] == ["测试行动计划"]
        assert xmp_text(root, "dc:creator") == [str(info.Author)] == ["测试机关"]  # the issuer
        assert xmp_text(root, "dc:description") == [str(info.Subject)]
        assert xmp_text(root, "pdf:Keywords") == [str(info.Keywords)]
        assert xmp_text(root, "pdf:Producer") == [str(info.Producer)]
        assert xmp_text(root, "xmp:CreatorTool") == [str(info.Creator)]
        assert str(info.Creator) == f"planc {__version__}"  # planc's version
        assert xmp_text(root, "dc:date") == ["2020-06-22"]  # the issue date
        assert xmp_text(root, "dc:identifier") == ["2020-2021/plan"]  # no 文号 in the sources
        # the sources' date, never the clock, in XMP and in the information dictionary alike
        assert xmp_text(root, "xmp:CreateDate") == ["2020-06-22T08:00:00+08:00"]
        assert str(info.CreationDate) == "D:20200622080000+08'00'" == str(info.ModDate)
        assert xmp_text(root, "dc:language") == ["zh-CN"] and str(pdf.Root.Lang) == "zh-CN"


def test_pdfa_has_an_srgb_output_intent_an_identifier_and_every_font_embedded(
    made: dict[str, Any],
) -> None:
    with pikepdf.open(made["pdfa"]) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1 and intent.DestOutputProfile.N == 3
        assert intent.DestOutputProfile.read_bytes()[36:40] == b"acsp"  # an ICC profile
        assert len(pdf.trailer.ID) == 2
        fonts = 0
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                fonts += 1
                descriptor = font.DescendantFonts[0].FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                assert "/ToUnicode" in font  # every glyph maps to Unicode (level A, and U)
        assert fonts


def test_pdfa_carries_the_sources_and_plan_json_as_associated_files(
    made: dict[str, Any],
) -> None:
    with pikepdf.open(made["pdfa"]) as pdf:
        names = list(pdf.Root.Names.EmbeddedFiles.Names)
        by_name = {str(k): v for k, v in zip(names[0::2], names[1::2], strict=True)}
        associated = [spec.objgen for spec in pdf.Root.AF]
        for attachment in made["attachments"]:
            spec = by_name[attachment.name]
            assert spec.objgen in associated
            assert spec.AFRelationship == pikepdf.Name("/" + attachment.relationship)
            assert str(spec.UF) == attachment.name
            stream = spec.EF.F
            assert stream.read_bytes() == attachment.data
            assert stream.Subtype == pikepdf.Name("/" + attachment.mime)
            assert bytes(stream.Params.CheckSum) == hashlib.md5(attachment.data).digest()
            assert str(stream.Params.ModDate) == "D:20200622080000+08'00'"
        assert len(associated) == len(made["attachments"])


def test_pdfa_is_tagged_and_every_painted_operator_is_marked_content(
    made: dict[str, Any],
) -> None:
    """Level A: a structure tree, and no content outside it unless marked an artifact."""
    painting = {"TJ", "Tj", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do"}
    with pikepdf.open(made["pdfa"]) as pdf:
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
        for number, page in enumerate(pdf.pages):
            assert "/StructParents" in page.obj
            depth = 0
            for instruction in pikepdf.parse_content_stream(page):
                op = str(instruction.operator)
                if op in ("BDC", "BMC"):
                    depth += 1
                elif op == "EMC":
                    depth -= 1
                elif op in painting:
                    assert depth > 0, f"page {number + 1}: {op} outside marked content"
            for annotation in page.obj.get("/Annots", []):
                assert annotation.F == 4  # printed, never hidden
                assert "/StructParent" in annotation


def test_pdfa_links_to_the_handbook_go_to_its_archival_edition(made: dict[str, Any]) -> None:
    with pikepdf.open(made["pdfa"]) as pdf:
        uris = [str(a.A.URI) for p in pdf.pages for a in p.obj.get("/Annots", []) if "/A" in a]
    assert uris and set(uris) == {"handbook-2020-2021.pdfa.pdf#case-busan"}  # a rect a line


def test_pdfa_adds_what_weasyprints_own_pdfa_3a_variant_adds(
    made: dict[str, Any], tmp_path: Path
) -> None:
    """planc does not draw the document again with pdf_variant="pdf/a-3a" (a third of the
    build): it adds to its PDF what that variant adds. Compared on the same document."""
    import weasyprint

    from planc.render.pdf import BASE_URL, _fetcher

    source = made["attachments"][1]
    reference = tmp_path / "weasyprint-pdfa.pdf"
    weasyprint.HTML(string=HTML, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf(
        reference,
        pdf_variant="pdf/a-3a",
        attachments=[
            weasyprint.Attachment(string=source.data, name=source.name, relationship="Data")
        ],
    )
    with pikepdf.open(reference) as theirs, pikepdf.open(made["pdfa"]) as ours:
        for key in ("/OutputIntents", "/Metadata", "/AF", "/StructTreeRoot", "/MarkInfo"):
            assert key in theirs.Root and key in ours.Root, key
        assert xmp_text(xmp(theirs), "pdfaid:part") == xmp_text(xmp(ours), "pdfaid:part")
        assert xmp_text(xmp(theirs), "pdfaid:conformance") == ["A"]
        assert theirs.Root.OutputIntents[0].S == ours.Root.OutputIntents[0].S
        assert theirs.Root.OutputIntents[0].DestOutputProfile.read_bytes() == (
            ours.Root.OutputIntents[0].DestOutputProfile.read_bytes()
        )
        assert "/AFRelationship" in theirs.Root.AF[0] and "/AFRelationship" in ours.Root.AF[0]
        flags = {int(a.F) for p in theirs.pages for a in p.obj.get("/Annots", [])}
        assert flags == {int(a.F) for p in ours.pages for a in p.obj.get("/Annots", [])} == {4}
        assert "/ID" in theirs.trailer and "/ID" in ours.trailer
        assert len(theirs.pages) == len(ours.pages)


# -- OFD -------------------------------------------------------------------------------------


def package(path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(path)


def page_texts_of_pdf(pdf: Path, pages: int) -> list[str]:
    """Each page's text in drawing order (pdftotext -raw), without white space."""
    out = []
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-raw", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        out.append(re.sub(r"\s+", "", text))
    return out


def test_ofd_read_back_by_ofdkit_has_the_pdfs_pages_text_and_information(
    made: dict[str, Any],
) -> None:
    import ofdkit

    with pikepdf.open(made["pdf"]) as pdf:
        pages = len(pdf.pages)
    document = ofdkit.OFDDocument(str(made["ofd"]))
    assert len(document.pages) == pages == 3
    ofd_texts = [re.sub(r"\s+", "", "".join(r.text for r in p.runs)) for p in document.pages]
    assert ofd_texts == page_texts_of_pdf(made["pdf"], pages)
    assert "推进Smart City建设".replace(" ", "") in ofd_texts[1]
    info = document.info
    assert info.title == "测试行动计划" and info.author == "测试机关"
    assert info.creation_date == "2020-06-22" and info.creator == "planc"
    assert info.creator_version == __version__
    assert info.custom_data == {"identifier": "2020-2021/plan", "issued": "2020-06-22"}
    assert not document.warnings


def test_ofd_embeds_every_font_as_truetype_with_every_character_drawn(
    made: dict[str, Any],
) -> None:
    from fontTools.ttLib import TTFont

    with package(made["ofd"]) as ofd:
        res = ET.fromstring(ofd.read("Doc_0/PublicRes.xml"))
        fonts = {}
        for font in res.iterfind(".//ofd:Font", OFD_NS):
            file = font.find("ofd:FontFile", OFD_NS)
            assert file is not None and file.text
            parsed = TTFont(io.BytesIO(ofd.read(f"Doc_0/Res/{file.text}")))
            assert "glyf" in parsed and "name" in parsed  # TrueType outlines
            fonts[font.get("ID")] = parsed.getBestCmap()
        assert len(fonts) >= 3
        drawn = 0
        for name in ofd.namelist():
            if name.endswith("Content.xml"):
                for text in ET.fromstring(ofd.read(name)).iterfind(".//ofd:TextObject", OFD_NS):
                    cmap = fonts[text.get("Font")]
                    for code in text.iterfind("ofd:TextCode", OFD_NS):
                        for char in code.text or "":
                            assert ord(char) in cmap or char == " ", char
                            drawn += 1
        assert drawn > 100


def test_ofd_has_the_outline_links_as_actions_rules_and_borders_as_paths(
    made: dict[str, Any],
) -> None:
    with package(made["ofd"]) as ofd:
        document = ET.fromstring(ofd.read("Doc_0/Document.xml"))
        pages = [p.get("ID") for p in document.iterfind(".//ofd:Pages/ofd:Page", OFD_NS)]
        outline = document.find("ofd:Outlines", OFD_NS)
        assert outline is not None
        titles = [e.get("Title") for e in outline.iter(f"{{{OFD_NS['ofd']}}}OutlineElem")]
        assert titles == ["一、总体要求", "（一）重点任务", "（二）保障措施"]
        targets = [d.get("PageID") for d in outline.iter(f"{{{OFD_NS['ofd']}}}Dest")]
        assert targets == [pages[0], pages[1], pages[2]]
        first = ET.fromstring(ofd.read("Doc_0/Pages/Page_0/Content.xml"))
        actions = first.findall("ofd:Actions/ofd:Action", OFD_NS)
        goto = [a.find("ofd:Goto/ofd:Dest", OFD_NS) for a in actions]
        assert {d.get("PageID") for d in goto if d is not None} == {pages[1]}
        uris = [a.find("ofd:URI", OFD_NS) for a in actions]
        assert {u.get("URI") for u in uris if u is not None} == {
            "handbook-2020-2021.ofd#case-busan"
        }
        assert all(a.find("ofd:Region/ofd:Area", OFD_NS) is not None for a in actions)
        paths = first.findall(".//ofd:PathObject", OFD_NS)
        strokes = [p.find("ofd:StrokeColor", OFD_NS) for p in paths]
        fills = [p.find("ofd:FillColor", OFD_NS) for p in paths]
        colors = {c.get("Value") for c in strokes + fills if c is not None}
        assert "230 0 18" in colors  # the red rule (#e60012)
        assert "0 0 0" in colors  # the table's borders
        assert "47 93 138" in colors  # the chart's bar (#2f5d8a)


def test_ofd_and_pdfa_are_the_same_bytes_again_and_dated_by_the_sources(
    made: dict[str, Any],
) -> None:
    pdfa, ofd = made["again"]
    # the links differ (no renaming asked): the rest is the same
    pdf, meta, attachments = made["args"]
    first_pdfa, first_ofd = pdfa_edition(pdf, meta, attachments, {}), ofd_edition(pdf, meta, {})
    assert (pdfa, ofd) == (first_pdfa, first_ofd)
    with package(made["ofd"]) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2020, 6, 22, 0, 0, 0)}
        assert archive.namelist()[0] == "OFD.xml"


def test_ofd_is_at_most_twice_the_pdf(made: dict[str, Any]) -> None:
    assert made["ofd"].stat().st_size <= 2 * made["pdf"].stat().st_size


def ink(png: Path, mask: Any) -> tuple[Any, Any]:
    """The dark pixels of a page inside `mask`, and those within 2 px of them."""
    from PIL import Image, ImageChops, ImageFilter

    gray = Image.open(png).convert("L")
    dark = ImageChops.multiply(gray.point(lambda v: 255 if v < 160 else 0), mask)
    return dark, dark.filter(ImageFilter.MaxFilter(5))


def text_mask(content: bytes, size: tuple[int, int]) -> Any:
    """Where the page's TextObjects are (their Boundary, mm), at `size` pixels for A4."""
    from PIL import Image, ImageDraw

    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    scale = size[0] / 210
    for text in ET.fromstring(content).iterfind(".//ofd:TextObject", OFD_NS):
        x, y, w, h = (float(v) * scale for v in (text.get("Boundary") or "").split())
        # the em box: the Boundary reaches 0.3 em below the baseline, the glyphs 0.12
        draw.rectangle([x - 2, y, x + w + 2, y + h * 1.12 / 1.3], fill=255)
    return mask


def test_ofd_drawn_by_ofd2img_looks_like_the_pdf(
    made: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ofd2img draws the OFD into a PDF with its own code (reportlab), from the fonts the OFD
    embeds: the system's are hidden from it. Both are rasterised to the same size and the
    text compared: every dark pixel of one lies within 2 px of one of the other (60 dpi).
    Only where the text is: ofd2img strokes every path and never fills one, so a table's
    borders match but a chart's bars and a rule drawn as a filled band come out hollow."""
    from ofd2img.draw import font_tools
    from PIL import ImageChops, ImageStat

    monkeypatch.setattr(font_tools.FontTool, "get_installed_fonts", lambda self: [])
    monkeypatch.chdir(tmp_path)  # ofd2img writes the fonts it loads into the working folder
    from ofd2img import OFD

    reader = OFD()
    reader.read(made["ofd"].read_bytes(), fmt="binary")
    drawn = tmp_path / "drawn.pdf"
    drawn.write_bytes(reader.to_pdf())
    size = (496, 702)
    scale = ["-scale-to-x", str(size[0]), "-scale-to-y", str(size[1]), "-png", "-gray"]
    subprocess.run(["pdftoppm", *scale, str(made["pdf"]), str(tmp_path / "pdf")], check=True)
    subprocess.run(["pdftoppm", *scale, str(drawn), str(tmp_path / "ofd")], check=True)
    with package(made["ofd"]) as ofd:
        for number in (1, 2, 3):
            mask = text_mask(ofd.read(f"Doc_0/Pages/Page_{number - 1}/Content.xml"), size)
            pdf_ink, pdf_near = ink(tmp_path / f"pdf-{number}.png", mask)
            ofd_ink, ofd_near = ink(tmp_path / f"ofd-{number}.png", mask)
            total_pdf = ImageStat.Stat(pdf_ink).sum[0] / 255
            total_ofd = ImageStat.Stat(ofd_ink).sum[0] / 255
            assert total_pdf > 300 and total_ofd > 0.8 * total_pdf, number
            missing = ImageStat.Stat(ImageChops.subtract(pdf_ink, ofd_near)).sum[0] / 255
            extra = ImageStat.Stat(ImageChops.subtract(ofd_ink, pdf_near)).sum[0] / 255
            assert missing / total_pdf < 0.02, (number, missing / total_pdf)
            assert extra / total_ofd < 0.02, (number, extra / total_ofd)


def test_pdf_reader_keeps_every_glyph_and_its_text(made: dict[str, Any]) -> None:
    """The OFD is made from what pdfread finds: as many glyphs as the PDF shows characters."""
    document = pdfread.read(made["pdf"].read_bytes())
    shown = "".join(
        "".join(item.chars)
        for page in document.pages
        for item in page.items
        if isinstance(item, pdfread.Text)
    )
    assert re.sub(r"\s+", "", shown) == "".join(page_texts_of_pdf(made["pdf"], 3))
    assert [o.title for o in document.outline] == ["一、总体要求"]
    assert document.info["Title"] == "测试行动计划"


# -- in a build ------------------------------------------------------------------------------


def test_the_table_selects_the_archival_formats_each_after_its_pdf() -> None:
    from planc.render.documents import FORMATS, KINDS, formats

    assert formats() == ["html", "json", "pdf", "docx"]
    assert formats(archive=True) == ["html", "json", "pdf", "docx", "pdfa", "ofd"]
    assert formats(html_only=True) == formats(html_only=True, archive=True) == ["html", "json"]
    # the Word edition alone (build --docx): no PDF, so no edition made from it
    assert formats(archive=True, printed=("docx",)) == ["html", "json", "docx"]
    for name, fmt in FORMATS.items():  # a format is finished after the one it is made from
        assert fmt.source is None or list(FORMATS).index(fmt.source) < list(FORMATS).index(name)
    assert KINDS["plan"].file_name("pdfa", "2020-2021") == "plan-2020-2021.pdfa.pdf"
    assert KINDS["handbook"].file_name("ofd", "2020-2021") == "handbook-2020-2021.ofd"
    assert "ofd" not in KINDS["progress"].formats  # the 督查通报 is not filed (issue 23)


def uris(ofd: Path) -> set[str]:
    with package(ofd) as archive:
        pages = [ET.fromstring(archive.read(n)) for n in archive.namelist() if "Content" in n]
    return {u.get("URI", "") for page in pages for u in page.iterfind(".//ofd:URI", OFD_NS)}


def test_build_with_archive_writes_both_editions_of_each_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planc.publish import publish
    from tests.conftest import VALID

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    plans = tmp_path / "plans"
    shutil.copytree(VALID, plans)
    plan_yaml = plans / "2020-2021" / "plan.yaml"
    text = plan_yaml.read_text(encoding="utf-8")
    notice = "notice: {number: 青测发〔2020〕1号}\nissued:"  # its 印发通知's 发文字号
    plan_yaml.write_text(text.replace("issued:", notice), "utf-8")
    out = tmp_path / "dist"
    # Three builds (about 10 s): the only test of the editions in a build, with a round kept
    # from a build without them, then with them.
    assert not publish(plans, ["2018-2019"], out, jobs=1).up_to_date  # no archival edition
    assert not list(out.rglob("*.ofd")) and not list(out.rglob("*.pdfa.pdf"))
    # a build with the archival editions is not the build without them; --docx beside
    # --archive leaves no PDF out, since the editions are made from them
    result = publish(plans, ["2020-2021"], out, jobs=1, archive=True, docx_only=True)
    assert not result.up_to_date
    folder = out / "2020-2021"
    for doc in ("plan", "handbook"):
        pdf = folder / f"{doc}-2020-2021.pdf"
        assert (folder / f"{doc}-2020-2021.docx").is_file()
        assert (folder / f"{doc}-2020-2021.pdfa.pdf").is_file()
        ofd = folder / f"{doc}-2020-2021.ofd"
        with pikepdf.open(pdf) as printed:
            pages = len(printed.pages)
        with package(ofd) as archive:
            document = ET.fromstring(archive.read("Doc_0/Document.xml"))
            assert len(document.findall(".//ofd:Pages/ofd:Page", OFD_NS)) == pages
    with pikepdf.open(folder / "plan-2020-2021.pdfa.pdf") as pdfa:
        files = {str(k): v for k, v in pdfa.attachments.items()}
        assert files["plan.json"].get_file().read_bytes() == (folder / "plan.json").read_bytes()
        sources = files["planc-sources.zip"].get_file().read_bytes()
        with zipfile.ZipFile(io.BytesIO(sources)) as zipped:
            names = zipped.namelist()
        assert "2020-2021/plan.yaml" in names and any(n.startswith("registry/") for n in names)
        assert not any(n.startswith("2018-2019/") for n in names)  # the round's own sources
        # the sources' metadata: the document number they give, the issuer, the date
        root = xmp(pdfa)
        assert xmp_text(root, "dc:identifier") == ["青测发〔2020〕1号"]
        assert xmp_text(root, "dc:creator") == ["青岛市国际城市战略推进委员会"]
        assert xmp_text(root, "dc:date") == ["2020-06-22"]
        assert xmp_text(root, "xmp:CreateDate") == ["2020-06-22T08:00:00+08:00"]
    with package(folder / "plan-2020-2021.ofd") as archive:
        entry = archive.read("OFD.xml").decode("utf-8")
    assert '<ofd:CustomData Name="number">青测发〔2020〕1号</ofd:CustomData>' in entry
    # links go to the handbook's OFD; to 2018-2019, built without editions, to its PDF
    linked = uris(folder / "plan-2020-2021.ofd")
    assert any(u.startswith("handbook-2020-2021.ofd#") for u in linked), linked
    assert any(u.startswith("../2018-2019/plan-2018-2019.pdf#") for u in linked), linked
    assert publish(plans, ["2020-2021"], out, jobs=1, archive=True).up_to_date
    # the editions carry the sources' date: another date is another build
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH + 86400))
    assert not publish(plans, [], out, jobs=1, archive=True).up_to_date
    linked = uris(folder / "plan-2020-2021.ofd")
    assert any(u.startswith("../2018-2019/plan-2018-2019.ofd#") for u in linked), linked


def test_archive_without_pdfs_is_refused_before_anything_is_built(tmp_path: Path) -> None:
    from planc.errors import UsageError
    from planc.publish import publish
    from tests.conftest import VALID

    with pytest.raises(UsageError, match="--archive needs the PDFs"):
        publish(VALID, [], tmp_path / "dist", html_only=True, archive=True)
    assert not (tmp_path / "dist").exists()


def test_archive_with_html_is_refused_in_the_users_language(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from planc.cli import app
    from tests.conftest import VALID

    said = {}
    for lang in ("en_US.UTF-8", "zh_CN.UTF-8"):
        env = {"LANG": lang, "LC_ALL": None, "LC_MESSAGES": None}
        args = ["build", "--archive", "--html", "--plans", str(VALID), "--out", str(tmp_path)]
        result = CliRunner().invoke(app, args, env=env)
        assert result.exit_code == 2
        said[lang] = result.stderr.strip()
    assert said["en_US.UTF-8"] == "planc: error: --archive needs the PDFs: build without --html"
    assert said["zh_CN.UTF-8"].endswith("--archive 需要 PDF：请不带 --html 生成")
    assert not any(tmp_path.iterdir())


def test_a_pdf_that_cannot_be_read_back_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    from planc.errors import ArchiveFailed
    from planc.render.archival import make

    broken = tmp_path / "plan-2020-2021.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot a PDF at all")
    meta = Metadata(identifier="2020-2021/plan", version=__version__, created=EPOCH)
    for edition, target, args in (
        (ofd_edition, tmp_path / "plan.ofd", ()),
        (pdfa_edition, tmp_path / "plan.pdfa.pdf", ((),)),
    ):
        with pytest.raises(ArchiveFailed, match=re.escape("plan-2020-2021.pdf: the archival")):
            make(edition, broken, target, meta, *args, {})
        assert not target.exists()
