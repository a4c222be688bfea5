"""Every document publishable at a real round's size: generated rounds of 100, 200 and 300 tasks
(benchmarks/generate.py), built once for the session and read by the typographic audit
(tests/typography.py) from the PDFs' text positions.

- 100 tasks: a draft (征求意见稿, dated by `drafted:`) with 8 periods of progress (70 units) and
  one consultation of 400 comments: plan, handbook, 督查通报, 采纳情况说明;
- 200 tasks: the official edition with its 印发通知 and 版记, the same supervision and
  consultation;
- 300 tasks: the official edition with its notice: plan and handbook.
(Two 督查通报 and two reports, not three: each costs a build of its own, and their size is
set by the 70 units and 400 comments, not by the tasks.)

Time: building the three sizes takes about 50 s of the two cores, and the audit reads some 600
pages with pdfplumber (15-20 s for each of the larger sizes): the price of trying every
document at the size the office prints it, once per session."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from planc.commands.consult import report_
from planc.publish import publish
from tests.typography import audit_tree

ROOT = Path(__file__).resolve().parent.parent
SIZES = {100: ("--draft",), 200: ("--notice",), 300: ("--notice",)}
SUPERVISED = (100, 200)


def _generate(plans: Path, tasks: int) -> None:
    args = [*SIZES[tasks]]
    if tasks in SUPERVISED:
        args += ["--periods", "8", "--units", "70", "--comments", "400"]
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks/generate.py"),
            "--tasks",
            str(tasks),
            "--rounds",
            "1",
            "--quiet",
            *args,
            str(plans),
        ],
        check=True,
    )


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Each size built once: its dist/ (the report under dist/report)."""
    import io

    built = {}
    for tasks in SIZES:
        root = tmp_path_factory.mktemp(f"t{tasks}")
        _generate(root / "plans", tasks)
        publish(root / "plans", [], root / "dist")
        if tasks in SUPERVISED:
            report_(root / "plans", "2016-2017", "text", root / "dist/report", io.StringIO())
        built[tasks] = root / "dist"
    return built


@pytest.mark.parametrize("tasks", list(SIZES))
def test_every_document_passes_the_audit(generated: dict[int, Path], tasks: int) -> None:
    dist = generated[tasks]
    pdfs = sorted(p.name for p in dist.rglob("*.pdf"))
    expected = ["handbook-2016-2017.pdf", "plan-2016-2017.pdf"]
    if tasks in SUPERVISED:
        expected = sorted([*expected, "consultation.pdf", "progress-2016-2017.pdf"])
    assert pdfs == expected
    assert audit_tree(dist) == []


def _text(pdf: Path, first: int = 1, last: int = 0) -> str:
    args = ["pdftotext", "-layout", "-f", str(first)] + (["-l", str(last)] if last else [])
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True).stdout


def test_the_official_edition_carries_its_notice_and_record(generated: dict[int, Path]) -> None:
    pdf = generated[200] / "2016-2017/plan-2016-2017.pdf"
    notice = _text(pdf, 2, 2)
    assert "青岛市国际城市战略推进委员会办公室文件" in re.sub(r"\s", "", notice)
    assert re.search(r"青国战办发〔2016〕\d+号", notice)
    assert "现将《青岛市推进“国际化+”行动计划" in re.sub(r"\s", "", notice)
    pages = _text(pdf).split("\f")
    last = re.sub(r"\s", "", pages[-2])
    assert "抄送：市委办公厅，市人大常委会办公厅，市政协办公厅。" in last
    assert re.search(r"青岛市国际城市战略推进委员会办公室2016年\d+月\d+日印发", last)


def test_a_draft_cover_has_its_date_only_and_numbers_every_task(
    generated: dict[int, Path],
) -> None:
    pdf = generated[100] / "2016-2017/plan-2016-2017.pdf"
    cover = re.sub(r"\s", "", _text(pdf, 1, 1))
    assert re.search(r"征求意见稿（2016年\d+月1日）", cover)
    assert cover.count("年") == 2  # the title's （2016/2017年） and the draft's date: no issue date
    html = (generated[100] / "2016-2017/plan.html").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r'<span class="num">(\d+)\.</span>', html)]
    assert numbers == list(range(1, 101))
    # the running head on every page but the cover and a blank verso, on the outer side:
    # right on odd pages, left on even ones
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        sides = []
        for number, page in enumerate(doc.pages[1:12], 2):
            head = [c for c in page.chars if float(c["bottom"]) < 100 and c["text"] == "征"]
            if page.chars:
                assert head, f"p.{number}: no running head"
                sides.append((number % 2, float(head[0]["x0"]) > page.width / 2))
    assert sides and all(odd == right for odd, right in sides)


def test_no_page_of_the_site_says_none(generated: dict[int, Path], shipped_dist: Path) -> None:
    pages = [*shipped_dist.rglob("*.html"), *generated[200].rglob("*.html")]
    assert len(pages) > 8
    for page in pages:
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        assert not re.search(r"\bNone\b", text), page


def test_the_bulletin_is_the_office_s(generated: dict[int, Path]) -> None:
    text = re.sub(r"\s", "", _text(generated[200] / "2016-2017/progress-2016-2017.pdf"))
    assert text.startswith("督查通报第8期")
    assert "表1各部分推进情况" in text and "续表2" in text
    assert text.rstrip("—0123456789").endswith("青岛市国际城市战略推进委员会办公室2017年12月31日")
    report = re.sub(r"\s", "", _text(generated[200] / "report/consultation.pdf"))
    assert "先后1次" not in report and "征求了有关单位意见" in report
    assert "知悉" in report and "说明情况" not in report


def test_the_site_finds_units_statuses_titles_and_english_names(
    generated: dict[int, Path], shipped_dist: Path
) -> None:
    html = (generated[200] / "2016-2017/plan.html").read_text(encoding="utf-8")
    found = re.findall(r'data-search="([^"]*)"', html)
    assert len(found) == 200
    assert all(re.search(r"市\S+(局|委员会|办公室|中心|研究院)", s) for s in found)  # lead units
    assert all("Qingdao Municipal" in s for s in found)  # and their English names
    assert all(re.search(r"[一二三四五六七八九十]+、", s) for s in found)  # numbered chapters
    assert sum("滞后" in s for s in found) > 0  # the latest state
    handbook = (generated[200] / "2016-2017/handbook.html").read_text(encoding="utf-8")
    assert all(
        re.search(r"[一二三四五六七]、", s) for s in re.findall(r'data-search="([^"]*)"', handbook)
    )
    # the site's index: figures as published (余), never None
    index = (shipped_dist / "index.html").read_text(encoding="utf-8")
    assert "2500余" in index and "调研国际城市 135" in index
