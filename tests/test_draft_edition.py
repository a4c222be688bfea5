"""planc build --edition draft (or edition: draft): the 征求意见稿 the units comment on, marked
on the cover and at the head of every page, dated, every task numbered as on the forms."""

from __future__ import annotations

import json
import re
import subprocess
from html import unescape
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from planc.cli import app
from tests.conftest import edit
from tests.consult_forms import COMMERCE, make_forms, sheet

runner = CliRunner()
TASKS = ("2020-2021/tasks/enterprise.yaml", "2020-2021/tasks/market.yaml")


def numbers(html: str) -> list[tuple[str, str]]:
    """(number, title) of every numbered task of a plan page."""
    found = re.findall(r'<span class="num">(\d+)\.</span>([^<]+)', html)
    return [(n, unescape(title)) for n, title in found]


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.fixture
def draft(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture's 2020-2021 as a draft: no task numbered yet."""
    for file in TASKS:
        path = plans / file
        path.write_text(
            re.sub(r"\n *number: \d+", "", path.read_text(encoding="utf-8")), encoding="utf-8"
        )
    monkeypatch.chdir(tmp_path)
    edit(
        plans, "2020-2021/plan.yaml", "edition: official", "edition: official\ndrafted: 2020-05-10"
    )
    return plans


def test_a_draft_build(draft: Path) -> None:
    result = runner.invoke(app, ["build", "2020-2021", "--edition", "draft", "--out", "out"])
    assert result.exit_code == 0, result.stdout
    pages = pdf_pages(Path("out/2020-2021/plan-2020-2021.pdf"))
    assert "征求意见稿（2020年5月10日）" in pages[0]  # the cover
    assert "2020年6月22日" not in pages[0]  # the draft's date only: it is not issued yet
    # The running header on every page after the cover but a blank verso, on the outer side:
    # right on odd pages, left on even ones.
    for number, page in enumerate(pages[1:], 2):
        if not page.strip():
            continue
        head = page.splitlines()[0]
        assert "征求意见稿（2020年5月10日）" in head, (number, head)
        outer = head.rstrip().endswith("）") if number % 2 else head.startswith("征求意见稿")
        assert outer, (number, head)
    assert (
        pdf_pages(Path("out/2020-2021/handbook-2020-2021.pdf"))[1].lstrip().startswith("征求意见稿")
    )
    html = Path("out/2020-2021/plan.html").read_text(encoding="utf-8")
    assert '<p class="draft-banner">征求意见稿 · 2020年5月10日</p>' in html
    numbered = numbers(html)
    assert numbered == [
        ("1", "深化国有资本投资运营公司改革"),
        ("2", "高标准建设日本、韩国、德国、上合组织国家和以色列五个“国际客厅”"),
        ("3", "提升跨境贸易便利化水平"),
    ]
    assert json.loads(Path("out/2020-2021/plan.json").read_text())["edition"] == "draft"


def test_the_draft_and_its_forms_number_tasks_alike(draft: Path) -> None:
    assert (
        runner.invoke(app, ["build", "2020-2021", "--edition", "draft", "--out", "out"]).exit_code
        == 0
    )
    html = Path("out/2020-2021/plan.html").read_text(encoding="utf-8")
    in_draft = dict((t, int(n)) for n, t in numbers(html))
    make_forms(draft, Path("forms"))
    tasks = sheet(openpyxl.load_workbook(Path("forms") / COMMERCE), "tasks")
    on_form = {row[3]: row[1] for row in tasks.iter_rows(min_row=4, values_only=True)}
    assert on_form and all(in_draft[str(title)] == n for title, n in on_form.items())


def test_edition_draft_in_plan_yaml(draft: Path) -> None:
    edit(draft, "2020-2021/plan.yaml", "edition: official", "edition: draft")
    assert runner.invoke(app, ["build", "2020-2021", "--out", "out"]).exit_code == 0
    assert "征求意见稿（2020年5月10日）" in pdf_pages(Path("out/2020-2021/plan-2020-2021.pdf"))[1]


def test_a_draft_is_dated_by_its_consultation_step(draft: Path) -> None:
    # the draft sent out for comments on 2020-05-12 (a step dated to the day) is dated so,
    # where plan.yaml has no `drafted:` (which comes first) and no --date is given
    edit(draft, "2020-2021/plan.yaml", "drafted: 2020-05-10\n", "")
    edit(
        draft,
        "2020-2021/plan.yaml",
        "edition: official\n",
        "edition: draft\nmilestones:\n  - {kind: solicitation, date: 2019-12}\n"
        "  - {kind: consultation, date: 2020-05-12}\n",
    )
    assert runner.invoke(app, ["build", "2020-2021", "--html", "--out", "out"]).exit_code == 0
    html = Path("out/2020-2021/plan.html").read_text(encoding="utf-8")
    assert '<p class="draft-banner">征求意见稿 · 2020年5月12日</p>' in html
    assert "2020年5月12日，征求意见" in html


def test_an_official_build_has_no_mark(draft: Path) -> None:
    assert runner.invoke(app, ["build", "2020-2021", "--out", "out"]).exit_code == 0
    pages = pdf_pages(Path("out/2020-2021/plan-2020-2021.pdf"))
    assert not any("征求意见稿" in p for p in pages)
    # Switching the edition is a different build, not "up to date".
    result = runner.invoke(app, ["build", "2020-2021", "--edition", "draft", "--out", "out"])
    assert result.stdout.startswith("built 1 round")


def test_a_draft_without_a_date_is_refused(draft: Path) -> None:
    edit(draft, "2020-2021/plan.yaml", "drafted: 2020-05-10\n", "")
    result = runner.invoke(app, ["build", "2020-2021", "--edition", "draft", "--out", "out"])
    assert result.exit_code == 2
    assert "add `drafted: 2024-05-10` to its plan.yaml, or build with --date" in result.output
    assert not Path("out").exists()
    # --date gives it, over plan.yaml's
    result = runner.invoke(
        app, ["build", "2020-2021", "--edition", "draft", "--date", "2020-05-12", "--out", "out"]
    )
    assert result.exit_code == 0, result.output
    assert "征求意见稿（2020年5月12日）" in pdf_pages(Path("out/2020-2021/plan-2020-2021.pdf"))[0]
    bad = runner.invoke(app, ["build", "--edition", "draft", "--date", "2020-13-01", "--out", "o"])
    assert bad.exit_code == 2 and "write the day as YYYY-MM-DD" in bad.output


def test_a_draft_numbers_every_task_whatever_was_published(draft: Path) -> None:
    # the 2020 public record gives the numbers of a few tasks: a draft numbers all of them
    edit(
        draft,
        "2020-2021/tasks/enterprise.yaml",
        "id: state-capital-reform",
        "id: state-capital-reform\n    number: 7",
    )
    result = runner.invoke(
        app, ["build", "2020-2021", "--edition", "draft", "--html", "--out", "out"]
    )
    assert result.exit_code == 0, result.output
    numbered = numbers(Path("out/2020-2021/plan.html").read_text(encoding="utf-8"))
    assert [n for n, _ in numbered] == ["1", "2", "3"]
