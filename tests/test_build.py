"""planc build: the documents, their print quality, and that a failed build changes nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.publish import publish
from planc.render import pdf as pdf_module
from tests.conftest import VALID, edit

PACKAGE = Path(__file__).resolve().parent.parent / "planc"
FILES = ("plan.html", "handbook.html", "plan.json", "plan-{}.pdf", "handbook-{}.pdf")


def run_build(plans: Path, out: Path, *rounds: str) -> tuple[int, str, str]:
    """`planc build` as a user runs it, in this process (so the tests can patch WeasyPrint)."""
    args = ["build", "--plans", str(plans), "--out", str(out), "--jobs", "1", *rounds]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "dist"
    code, stdout, stderr = run_build(VALID, out)
    assert code == 0, stdout + stderr
    # A clean build says nothing on stderr: no WeasyPrint warning, no missing font.
    assert stderr == ""
    return out


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", out.stdout)


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_every_document_is_written(built: Path) -> None:
    for name in ("2018-2019", "2020-2021"):
        for file in FILES:
            path = built / name / file.format(name)
            assert path.stat().st_size > 1000, path.name
    index = (built / "index.html").read_text(encoding="utf-8")
    assert (
        'href="2020-2021/plan.html"' in index and 'href="2018-2019/handbook-2018-2019.pdf"' in index
    )


def test_pdf_text_holds_every_task_title(built: Path) -> None:
    text = text_of(built / "2020-2021/plan-2020-2021.pdf")
    for title in ("深化国有资本投资运营公司改革", "提升跨境贸易便利化水平"):
        assert title in text
    assert (
        # the source's straight quotes, printed as GB/T 15834 has them
        re.sub(r"\s+", "", "高标准建设日本、韩国、德国、上合组织国家和以色列五个“国际客厅”") in text
    )
    assert "一、推进企业国际化" in text and "（一）在建平台集聚资源方面" in text
    assert "—3—" in text  # page numbers as GB/T 9704 writes them
    handbook = text_of(built / "2020-2021/handbook-2020-2021.pdf")
    assert "新加坡淡马锡模式" in handbook and "空港与城市融合发展" in handbook


def test_every_font_is_embedded(built: Path) -> None:
    for file in ("plan-2020-2021.pdf", "handbook-2020-2021.pdf"):
        out = subprocess.run(
            ["pdffonts", str(built / "2020-2021" / file)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[2:]
        assert out, "no fonts at all"
        assert all(line.split()[-5] == "yes" for line in out), out
        assert any("CJK" in line for line in out)


def test_pdf_outline_metadata_and_page_size(built: Path) -> None:
    reader = pypdf.PdfReader(built / "2020-2021/plan-2020-2021.pdf")
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    nested = [
        sub.title
        for item in reader.outline
        if isinstance(item, list)
        for sub in item
        if not isinstance(sub, list)
    ]
    assert top == ["一、推进企业国际化", "二、推进市场国际化", "指标体系", "数字与图表", "资料来源"]
    assert nested == ["（一）在建平台集聚资源方面", "（二）在优化环境方面", "国际城市战略指标体系"]
    meta = reader.metadata
    assert meta is not None and meta.title == "青岛市推进“国际化+”行动计划（2020/2021年）"
    assert meta.author == "青岛市国际城市战略推进委员会"
    assert str(reader.root_object["/Lang"]) == "zh-CN"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_plan_links_into_the_handbook(built: Path) -> None:
    plan = (built / "2020-2021/plan.html").read_text(encoding="utf-8")
    assert 'href="handbook.html#case-hk-airport-city"' in plan
    assert 'href="#ind-foreign-investment"' in plan
    handbook = (built / "2020-2021/handbook.html").read_text(encoding="utf-8")
    assert 'id="case-hk-airport-city"' in handbook
    assert 'href="plan.html#task-international-living-rooms"' in handbook
    reader = pypdf.PdfReader(built / "2020-2021/plan-2020-2021.pdf")
    uris = [
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert "handbook-2020-2021.pdf#case-hk-airport-city" in uris
    assert not [u for u in uris if u and (u.startswith("file:") or u.startswith("/"))]


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    # The second build renders its PDFs in two worker processes, the first in one.
    assert publish(VALID, [], tmp_path / "again", jobs=2).files > 0
    first, second = files_of(built), files_of(tmp_path / "again")
    assert sorted(first) == sorted(second)
    assert [f for f in first if first[f] != second[f]] == []


def test_plan_text_is_escaped(plans: Path, tmp_path: Path) -> None:
    edit(
        plans,
        "2020-2021/tasks/market.yaml",
        "title: 提升跨境贸易便利化水平",
        "title: '<script>alert(1)</script>提升'",
    )
    code, out, err = run_build(plans, tmp_path / "dist", "2020-2021")
    assert code == 0, out + err
    page = (tmp_path / "dist/2020-2021/plan.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;提升" in page


def test_errors_write_nothing(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    assert run_build(plans, out)[0] == 0
    before = files_of(out)
    edit(plans, "2020-2021/tasks/market.yaml", "[culture, ports]", "[culture, port]")
    code, stdout, stderr = run_build(plans, out)
    assert code == 1 and stdout == ""
    assert "error[unknown-reference]" in stderr
    assert "nothing was written" in stderr
    assert files_of(out) == before
    code, _, _ = run_build(plans, tmp_path / "never")
    assert code == 1 and not (tmp_path / "never").exists()


def test_a_failure_mid_build_leaves_the_previous_dist(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "dist"
    assert run_build(plans, out)[0] == 0
    before = files_of(out)
    edit(plans, "2020-2021/tasks/market.yaml", "提升跨境贸易便利化水平", "提升跨境贸易便利化")

    def boom(html: str, target: Path, hook: object = None) -> list[str]:
        raise KeyboardInterrupt  # as when the user presses Ctrl-C during the PDFs

    monkeypatch.setattr(pdf_module, "write_pdf_anchored", boom)
    code, _, stderr = run_build(plans, out)
    assert (code, stderr) == (130, "planc: interrupted; nothing was replaced\n")
    assert files_of(out) == before
    # No temporary left, and no lock file: the last build out removes it (planc/publish/outdir.py).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "plans"]


def test_unchanged_sources_are_not_rebuilt(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    assert run_build(plans, out)[0] == 0
    code, stdout, _ = run_build(plans, out)
    assert (code, stdout) == (0, f"{out.as_posix()} is up to date (2 rounds)\n")
    edit(plans, "2020-2021/tasks/market.yaml", "提升跨境贸易便利化水平", "提升跨境贸易便利化")
    code, stdout, _ = run_build(plans, out)
    assert code == 0 and stdout.startswith("built 2 rounds")
    assert "提升跨境贸易便利化</h4>" in (out / "2020-2021/plan.html").read_text(encoding="utf-8")


def test_a_changed_renderer_is_a_changed_build(plans: Path, tmp_path: Path) -> None:
    """The stamp holds planc's code: after an edit to the renderer the documents are made
    again (the stamp used to digest the sources and templates only, and kept them stale)."""
    package = tmp_path / "code" / "planc"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "dist"

    def build() -> str:
        args = ["build", "--html", "--plans", str(plans), "--out", str(out)]
        done = subprocess.run(
            [sys.executable, "-c", "from planc.entry import main; main()", *args],
            env={**os.environ, "PYTHONPATH": str(package.parent)},
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    assert build().startswith("built 2 rounds")
    assert build() == f"{out.as_posix()} is up to date (2 rounds)\n"
    views = package / "render" / "views.py"
    views.write_bytes(views.read_bytes() + b"# one byte more\n")
    assert build().startswith("built 2 rounds")


def test_building_one_round_keeps_the_others(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    assert run_build(plans, out)[0] == 0
    before = (out / "2018-2019/plan-2018-2019.pdf").read_bytes()
    assert run_build(plans, out, "2020-2021")[0] == 0
    assert (out / "2018-2019/plan-2018-2019.pdf").read_bytes() == before
    assert 'href="2018-2019/plan.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_no_cjk_font_stops_the_build(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "missing_fonts", lambda: ["Noto Serif CJK SC"])
    code, stdout, stderr = run_build(plans, tmp_path / "dist")
    assert code == 1 and stdout == ""
    assert "sudo apt-get install fonts-noto-cjk" in stderr
    assert not (tmp_path / "dist").exists()


def test_the_fonts_are_found() -> None:
    assert pdf_module.missing_fonts() == []
    assert pdf_module.fast_subsetting(), "install libharfbuzz-subset0"


def test_the_url_fetcher_serves_only_templates() -> None:
    fetcher = pdf_module._fetcher()
    response = fetcher.fetch("planc:/templates/print.css")  # type: ignore[attr-defined]
    assert b"@page" in response.read()
    for url in (
        "file:///etc/passwd",
        "https://example.org/x.css",
        "planc:/templates/../pyproject.toml",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)  # type: ignore[attr-defined]


def test_pdftotext_is_there() -> None:
    assert shutil.which("pdftotext") and shutil.which("pdffonts"), "apt-get install poppler-utils"


def test_a_fonttools_fallback_is_named(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "fast_subsetting", lambda: False)
    code, _, stderr = run_build(plans, tmp_path / "dist", "2018-2019")
    assert code == 0
    assert stderr == (
        "planc: warning: WeasyPrint subset the fonts with fontTools, about 20x slower on "
        "CJK fonts; install libharfbuzz-subset0\n"
    )


def test_plan_prints_the_handbook_page_of_each_case(built: Path) -> None:
    # A plan PDF printed or sent alone still says where a case is: the handbook's page, as it
    # is printed on the page (the body is numbered from 1, apart from the front matter).
    handbook = pypdf.PdfReader(built / "2020-2021/handbook-2020-2021.pdf")
    dest = handbook.named_destinations["case-hk-airport-city"]
    number = handbook.get_destination_page_number(dest)
    body = handbook.get_destination_page_number(handbook.named_destinations["body"])
    assert number is not None and body is not None and body > 2
    page = number - body + 1
    text = text_of(built / "2020-2021/plan-2020-2021.pdf")
    assert f"香港“机场城市”（手册第{page}页）" in text
    assert re.search(r"对标案例：[^（]*（手册第\d+页）", text)


def test_an_anchor_split_over_pages_is_on_its_first(tmp_path: Path) -> None:
    # A case or chapter longer than a page is an anchor of every page it is on; the handbook
    # page a plan cites, and the page the Word contents give, are the first (the last was
    # taken: 说明 "29" in the Word contents where the PDF's said 9).
    paragraphs = "".join(f"<p>第{n}段</p>" for n in range(120))
    html = f'<html><body><p id="before">前</p><div id="long">{paragraphs}</div><p id="after">后</p>'
    _messages, anchors = pdf_module.write_pdf_anchored(html, tmp_path / "a.pdf")
    assert anchors["before"] == anchors["long"] == 1
    assert anchors["after"] > 2  # the div did run over more than one page
