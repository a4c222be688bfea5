"""planc consult report, the figures of the consultation in planc stats and check, and the
round trip forms -> filled -> import -> export as a property."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planc.cli import app
from planc.sheets.form import HALFWIDTH
from tests.conftest import FIXTURES, VALID, diagnostics, edit
from tests.consult_forms import (
    COMMERCE,
    CONTACT,
    G_COMMENT,
    G_PROPOSAL,
    PROPOSAL,
    make_forms,
    row_of,
    run_import,
    sheet,
)

runner = CliRunner()
RECORDS = FIXTURES / "consultation"


@pytest.fixture
def here(plans: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The valid plans with the two consultation records, worked on from their parent."""
    folder = plans / "2020-2021/consultation"
    folder.mkdir()
    for name in ("round-1.yaml", "round-2.yaml"):
        shutil.copy(RECORDS / name, folder / name)
    monkeypatch.chdir(plans.parent)
    return plans


HEAD = (
    "征求意见采纳情况说明  2020-2021  青岛市推进“国际化+”行动计划（2020/2021年）\n"
    "2 consultations, 3 units responded, 5 comments: 1 adopted, 1 partly adopted, 1 not adopted, "
    "1 noted, 1 without disposition\n"
)


def test_report_text(here: Path) -> None:
    result = runner.invoke(app, ["consult", "report", "2020-2021"])
    assert result.exit_code == 0, result.stdout
    assert (
        result.stdout
        == HEAD
        + """\

by consultation    comments adopted  partly     not   noted    open
  第1次 (2 forms)         4       1       1       1       1       0
  第2次 (1 form)          1       0       0       0       0       1

by unit               comments adopted  partly     not   noted    open
  市商务局                   2       1       0       1       0       0
  山东港口青岛港集团         2       0       1       0       1       0
  市文化和旅游局             1       0       0       0       0       1

by chapter        comments adopted  partly     not   noted    open
  推进企业国际化         1       1       0       0       0       0
  推进市场国际化         3       0       1       1       0       1
  计划整体               1       0       0       0       1       0

never replied to consultation 1 (1): 市文化和旅游局

never replied to consultation 2 (2): 市商务局、山东港口青岛港集团

not adopted (1)
  c-0000000002  市商务局  推进市场国际化
    意见：本部分任务偏少
    理由：已在其他部分体现
"""
    )


def test_report_json(here: Path) -> None:
    result = runner.invoke(app, ["consult", "report", "2020-2021", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["totals"] == {
        "consultations": 2,
        "units": 3,
        "comments": 5,
        "adopted": 1,
        "partly-adopted": 1,
        "not-adopted": 1,
        "noted": 1,
        "undisposed": 1,
    }
    assert [
        (c["number"], c["title"], c["forms"], c["comments"]) for c in data["consultations"]
    ] == [(1, "征求成员单位意见", 2, 4), (2, None, 1, 1)]
    assert [u["unit"] for u in data["by_unit"]] == ["commerce", "ports", "culture"]
    assert [c["chapter"] for c in data["by_chapter"]] == ["enterprise", "market", None]
    (refused,) = data["not_adopted"]
    assert refused == {
        "id": "c-0000000002",
        "consultation": 1,
        "unit": "commerce",
        "unit_name": "市商务局",
        "about": {
            "kind": "chapter",
            "id": "market",
            "chapter": "market",
            "label": "推进市场国际化",
        },
        "text": "本部分任务偏少",
        "proposal": None,
        "contact": None,
        "received": None,
        "file": None,
        "cell": None,
        "disposition": "not-adopted",
        "reason": "已在其他部分体现",
        "changed": [],
    }
    assert data["comments"][2]["about"]["label"] == "第3项 提升跨境贸易便利化水平"


def test_report_html_and_pdf(here: Path) -> None:
    result = runner.invoke(app, ["consult", "report", "2020-2021", "--format", "html"])
    assert '<h1 class="consult-title doc-title">' in result.stdout and "未采纳理由" in result.stdout
    result = runner.invoke(app, ["consult", "report", "2020-2021", "--out", "out"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.endswith(
        "wrote consultation.html, consultation.pdf, consultation.docx and consultation.json "
        "into out/\n"
    )
    assert sorted(p.name for p in Path("out").iterdir()) == [
        "consultation.docx",
        "consultation.html",
        "consultation.json",
        "consultation.pdf",
    ]
    text = subprocess.run(
        ["pdftotext", "-layout", "out/consultation.pdf", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "征求意见采纳情况的说明" in text
    assert "先后2次征求有关单位意见，3个单位反" in text
    # the 落款: the office and the day the last form came back
    assert re.search(r"青岛市国际城市战略推进委员会\s+2020年\d+月\d+日", text)
    assert "已在其他部分体现" in text
    fonts = subprocess.run(
        ["pdffonts", "out/consultation.pdf"], capture_output=True, text=True, check=True
    ).stdout
    assert "Noto-Serif-CJK-SC" in fonts  # the plan's typesetting, fonts embedded


def test_report_without_records(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(plans.parent)
    result = runner.invoke(app, ["consult", "report", "2020-2021"])
    assert result.stdout.endswith(
        "no consultation recorded (plans/ROUND/consultation/ holds no round-N.yaml)\n"
    )


def test_the_records_check(here: Path) -> None:
    result = runner.invoke(app, ["check", "2020-2021"])
    assert result.stdout == (
        "plans/2020-2021/consultation/round-2.yaml:5:9: warning[comment-undisposed] comment "
        "'c-0000000005' has no disposition\n"
        "    hint: add disposition: adopted, partly-adopted, not-adopted or noted\n"
        "checked 1 round: 0 errors, 1 warning, 0 infos\n"
    )


# --------------------------------------------------------------------------------------------
# Declared figures of the consultation
# --------------------------------------------------------------------------------------------


def test_declared_consultation_figures_reconcile(here: Path) -> None:
    edit(
        here,
        "2020-2021/plan.yaml",
        "  references: 1\n",
        "  references: 1\n  consultation_rounds: 2\n  units_consulted: {value: 70, qualifier: 多}\n"
        "  comments_adopted: 190\n",
    )
    found = [
        (d.code, d.loc.line, d.message) for d in diagnostics(here) if d.code != "comment-undisposed"
    ]
    assert found == [
        (
            "declared-mismatch",
            22,
            "units consulted (征求意见单位): 70多 published, but the sources hold 3",
        ),
        (
            "declared-mismatch",
            23,
            "comments adopted (吸纳意见): 190 published, but the sources hold 2",
        ),
    ]
    result = runner.invoke(app, ["stats", "2020-2021", "--format", "json"])
    data = json.loads(result.stdout)["rounds"]["2020-2021"]
    assert data["consultation_rounds"] == {"declared": 2, "sources": 2}
    assert data["units_consulted"] == {"declared": 70, "sources": 3, "qualifier": "多"}
    assert data["comments_adopted"] == {"declared": 190, "sources": 2}
    text = runner.invoke(app, ["stats", "2020-2021"]).stdout
    row = next(line for line in text.splitlines() if "units consulted (征求意见单位)" in line)
    assert [cell.strip() for cell in row.split("│")[2:5]] == ["70多", "3", "mismatch"]


def test_public_record_consultation_figures_are_incomplete(plans: Path) -> None:
    # The shipped rounds: the figures published, no comment recorded.
    edit(plans, "2020-2021/plan.yaml", "edition: official", "edition: public-record")
    edit(
        plans,
        "2020-2021/plan.yaml",
        "  tasks: 3\n",
        "  tasks: 3\n  consultation_rounds: 2\n  comments_adopted: 190\n",
    )
    found = [
        (d.code, d.message)
        for d in diagnostics(plans)
        if "consult" in d.message or "comments" in d.message
    ]
    assert found == [
        (
            "incomplete",
            "consultation rounds (征求意见轮次): 2 published, the sources hold 0 "
            "(收录 0 / 2); the public record is partial here",
        ),
        (
            "incomplete",
            "comments adopted (吸纳意见): 190 published, the sources hold 0 "
            "(收录 0 / 190); the public record is partial here",
        ),
    ]


# --------------------------------------------------------------------------------------------
# The round trip: forms -> filled -> import -> export gives back exactly what was written
# --------------------------------------------------------------------------------------------

# Chinese, Latin, digits, full-width forms, and what YAML treats specially.
CHARS = "意见建议任务国际化青岛港（）、，。；：“”《》abcXYZ019０１#:-'\"[]{}|>&*!%@`?,"
WORDS = st.text(alphabet=CHARS, min_size=1, max_size=8)
LINE = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n".join).filter(lambda t: not t.startswith("="))
SAID = st.tuples(st.none() | TEXT, st.none() | TEXT).filter(lambda p: p != (None, None))


@pytest.fixture(scope="module")
def sent_forms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sent") / "forms"
    plans = tmp_path_factory.mktemp("plans") / "plans"
    shutil.copytree(VALID, plans)
    make_forms(plans, out)
    return out


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    on_tasks=st.lists(SAID, min_size=2, max_size=2),
    on_plan=st.lists(st.none() | SAID, min_size=0, max_size=4),
    contact=st.none() | LINE,
)
def test_forms_filled_imported_exported_round_trip(
    sent_forms: Path,
    on_tasks: list[tuple[str | None, str | None]],
    on_plan: list[tuple[str | None, str | None] | None],
    contact: str | None,
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        plans = work / "plans"
        shutil.copytree(VALID, plans)
        wb = openpyxl.load_workbook(sent_forms / COMMERCE)
        tasks, general = sheet(wb, "tasks"), sheet(wb, "general")
        written: list[tuple[str, str | None, str | None, str | None]] = []
        for task, (text, proposal) in zip(
            ["state-capital-reform", "international-living-rooms"], on_tasks, strict=True
        ):
            r = row_of(tasks, task)
            tasks[f"H{r}"], tasks[f"{PROPOSAL}{r}"] = text, proposal
            written.append(("commerce", task, text, proposal))
        for i, said in enumerate(on_plan):
            if said is not None:
                general[f"{G_COMMENT}{4 + i}"], general[f"{G_PROPOSAL}{4 + i}"] = said
                written.append(("commerce", None, *said))
        if contact is not None:
            tasks[f"{CONTACT}4"] = contact
        wb.save(work / "back.xlsx")
        cwd = os.getcwd()
        try:
            os.chdir(work)
            code, out = run_import(plans, Path("back.xlsx"))
            assert code == 0, out
            result = runner.invoke(app, ["consult", "report", "2020-2021", "--format", "json"])
        finally:
            os.chdir(cwd)
        comments = json.loads(result.stdout)["comments"]
        read = [(c["unit"], c["about"]["id"], c["text"], c["proposal"]) for c in comments]
        assert read == written
        # The contact comes back with full-width letters and digits made plain (０５３２ -> 0532).
        assert {c["contact"] for c in comments} <= {contact and contact.translate(HALFWIDTH)}
