"""Progress forms out and back in, through planc/sheets: exact output, a forms -> filled ->
import round-trip, the same form twice, and bad forms refused at their cell with nothing
written. tests/test_diagnostic_codes.py counts the form-* codes as tested here."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from planc.cli import app
from planc.pipeline import analyze
from planc.progress.forms import COLUMNS
from tests.conftest import FIXTURES

runner = CliRunner()
CODES = {"form-unreadable", "form-foreign", "form-tampered", "form-cell", "form-empty"}
COL = {c.key: i for i, c in enumerate(COLUMNS, start=2)}  # column A holds the ids
COMMERCE = "forms/2021-Q3-市商务局.xlsx"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "progress", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["progress", "forms", "2020-2021", "--period", "2021-Q3"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "wrote forms/2021-Q3-市商务局.xlsx  (市商务局, 2 tasks)\n"
        "wrote forms/2021-Q3-山东港口青岛港集团.xlsx  (山东港口青岛港集团, 2 tasks)\n"
        "wrote forms/2021-Q3-市地方金融监管局.xlsx  (市地方金融监管局, 1 task)\n"
        "wrote forms/2021-Q3-市科技局.xlsx  (市科技局, 1 task)\n"
        "4 forms for 2021-Q3, one per lead unit\n"
    )
    return tmp_path


def fill(path: str, row_of: str, **values: Any) -> None:
    """Type into the form as a clerk would (row_of: the task id in hidden column A)."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == row_of)
    for key, value in values.items():
        ws.cell(row, COL[key]).value = value
    wb.save(path)


def test_form_is_prefilled_protected_and_carries_ids(here: Path) -> None:
    wb = load_workbook(COMMERCE)
    ws = wb.worksheets[0]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    assert [ws.cell(r, 1).value for r in (4, 5)] == [
        "state-capital-reform",
        "international-living-rooms",
    ]
    assert ws.cell(4, COL["previous"]).value == "2021-Q2 滞后 55%"
    assert ws.cell(4, COL["status"]).value == "滞后" and ws.cell(4, COL["percent"]).value == 55
    assert ws.cell(4, COL["status"]).protection.locked is False
    assert ws.cell(4, COL["title"]).protection.locked is True
    assert "正常推进" in ws.data_validations.dataValidation[0].formula1


def test_round_trip(here: Path) -> None:
    fill(
        COMMERCE,
        "state-capital-reform",
        status="正常推进",
        percent="６０％",
        note="  方案已审议通过  ",
        evidence="市政府常务会议纪要\n实施方案",
        date="2021/10/08",
    )
    fill(COMMERCE, "international-living-rooms", status="已完成", percent=100)
    result = runner.invoke(app, ["progress", "import", "2020-2021", COMMERCE])
    assert (result.exit_code, result.stdout) == (
        0,
        "wrote plans/2020-2021/progress/2021-Q3.yaml  (2 reports)\n"
        "run planc check 2020-2021 and planc progress 2020-2021 to see them\n",
    )
    analysis = analyze(here / "plans", ["2020-2021"])
    # the other units have not sent theirs; tasks_done (declared 2) is now 3
    assert {d.code for d in analysis.diagnostics} == {"report-missing", "declared-mismatch"}
    pi = analysis.index.rounds["2020-2021"].progress
    assert pi is not None and pi.latest is not None and pi.latest.name == "2021-Q3"
    got = pi.reports["state-capital-reform"]["2021-Q3"]
    assert (got.status, got.percent, got.note, got.evidence, got.date) == (
        "on-track",
        60,
        "方案已审议通过",
        ["市政府常务会议纪要", "实施方案"],
        "2021-10-08",
    )
    assert got.unit is not None and got.unit.id == "commerce"
    done = pi.reports["international-living-rooms"]["2021-Q3"]
    assert (done.status, done.percent, done.note) == ("done", 100, "以色列客厅场馆整改，重新开放")
    # the same form again changes nothing, byte for byte
    written = (here / "plans/2020-2021/progress/2021-Q3.yaml").read_bytes()
    again = runner.invoke(app, ["progress", "import", "2020-2021", COMMERCE])
    assert again.stdout == "unchanged plans/2020-2021/progress/2021-Q3.yaml  (already imported)\n"
    assert (here / "plans/2020-2021/progress/2021-Q3.yaml").read_bytes() == written


def test_all_forms_back_reproduce_the_last_period(here: Path) -> None:
    # Forms sent back untouched report what the last period reported: the tables agree.
    result = runner.invoke(
        app, ["progress", "import", "2020-2021", *sorted(map(str, Path("forms").iterdir()))]
    )
    assert result.exit_code == 0, result.output
    q2 = runner.invoke(app, ["progress", "2020-2021", "--as-of", "2021-Q2", "--format", "json"])
    q3 = runner.invoke(app, ["progress", "2020-2021", "--format", "json"])
    import json

    assert json.loads(q3.stdout)["total"] == json.loads(q2.stdout)["total"]


def test_comments_in_the_yaml_survive_an_import(here: Path) -> None:
    target = here / "plans/2020-2021/progress/2021-Q3.yaml"
    target.write_text("# 2021年第三季度，市推进办汇总\nreports: []\n", encoding="utf-8")
    fill(COMMERCE, "state-capital-reform", status="正常推进")
    assert runner.invoke(app, ["progress", "import", "2020-2021", COMMERCE]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# 2021年第三季度，市推进办汇总\n")


def _refused(here: Path, *files: str) -> str:
    result = runner.invoke(app, ["progress", "import", "2020-2021", *files])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert not (here / "plans/2020-2021/progress/2021-Q3.yaml").exists()  # nothing written
    return result.stderr


def test_a_bad_status_is_refused_at_its_cell_and_nothing_is_written(here: Path) -> None:
    fill(COMMERCE, "state-capital-reform", status="差不多")
    err = _refused(here, COMMERCE, "forms/2021-Q3-市科技局.xlsx")
    assert err.startswith(
        "forms/2021-Q3-市商务局.xlsx:任务进展!G4: error[form-cell] 本期状态 '差不多' is not one of "
    )
    assert err.endswith("planc: 1 error in the forms; nothing was imported\n")


def test_a_bad_percent_and_date(here: Path) -> None:
    fill(COMMERCE, "state-capital-reform", percent="一半")
    fill(COMMERCE, "international-living-rooms", date="下周")
    err = _refused(here, COMMERCE)
    assert "任务进展!H4: error[form-cell] 完成进度 should be a whole number from 0 to 100" in err
    assert "任务进展!K5: error[form-cell] 填报日期 should be a date like 2021-07-05" in err


def test_not_a_workbook(here: Path) -> None:
    Path("notes.xlsx").write_text("task,status\n", encoding="utf-8")
    err = _refused(here, "notes.xlsx")
    assert err.startswith("notes.xlsx: error[form-unreadable] this is a text file (CSV?)")


def test_an_edited_id(here: Path) -> None:
    fill(COMMERCE, "state-capital-reform")  # resave, then edit column A
    wb = load_workbook(COMMERCE)
    wb.worksheets[0].cell(4, 1).value = "other-task"
    wb.save(COMMERCE)
    assert "error[form-tampered]" in _refused(here, COMMERCE)


def test_a_form_of_another_kind_or_round(here: Path) -> None:
    from planc.sheets import Column, Form, Sheet, write_form

    other = Form(
        "consultation", {"round": "2020-2021"}, [Sheet("x", "x", "", "", (Column("a", "a"),))]
    )
    write_form(other, here / "other.xlsx")
    assert "error[form-foreign] this is a planc 'consultation' form" in _refused(here, "other.xlsx")
    elsewhere = Form(
        "progress",
        {"round": "2018-2019", "unit": "commerce", "period": "2019-Q1"},
        [Sheet("tasks", "任务进展", "", "", COLUMNS)],
    )
    write_form(elsewhere, here / "old.xlsx")
    assert "error[form-foreign] this is a form of round 2018-2019" in _refused(here, "old.xlsx")


def test_an_empty_form_is_noted_not_imported(here: Path) -> None:
    path = "forms/2021-Q3-市科技局.xlsx"
    fill(path, "talent-visa", status=None)
    result = runner.invoke(app, ["progress", "import", "2020-2021", path])
    assert result.exit_code == 0
    assert "info[form-empty] the form has no status filled in" in result.stderr
    assert result.stdout == ""


def test_forms_never_overwrite(here: Path) -> None:
    fill(COMMERCE, "state-capital-reform", status="正常推进")
    before = Path(COMMERCE).read_bytes()
    result = runner.invoke(app, ["progress", "forms", "2020-2021", "--period", "2021-Q3"])
    assert result.exit_code == 2 and "is already there" in result.stderr
    assert Path(COMMERCE).read_bytes() == before
    bad = runner.invoke(
        app, ["progress", "forms", "2020-2021", "--period", "2022-Q1", "--out", "x"]
    )
    assert bad.exit_code == 2 and "outside round 2020-2021" in bad.stderr


@pytest.mark.parametrize("name", sorted(CODES))
def test_the_form_codes_examples_are_what_planc_prints(here: Path, name: str) -> None:
    """`planc explain form-…` shows an example line: the first line planc prints for the form
    broken as the example says."""
    from planc.codes import CODES as ALL_CODES
    from planc.sheets import Form, Sheet, write_form

    if name == "form-cell":
        fill(COMMERCE, "state-capital-reform", status="差不多")
        files = [COMMERCE]
    elif name == "form-unreadable":
        Path("notes.xlsx").write_text("task,status\n", encoding="utf-8")
        files = ["notes.xlsx"]
    elif name == "form-tampered":
        fill(COMMERCE, "state-capital-reform")
        wb = load_workbook(COMMERCE)
        wb.worksheets[0].cell(4, 1).value = "other-task"
        wb.save(COMMERCE)
        files = [COMMERCE]
    elif name == "form-foreign":
        meta = {"round": "2018-2019", "unit": "commerce", "period": "2019-Q1"}
        write_form(
            Form("progress", meta, [Sheet("tasks", "任务进展", "", "", COLUMNS)]), here / "old.xlsx"
        )
        files = ["old.xlsx"]
    else:
        files = ["forms/2021-Q3-市科技局.xlsx"]
        fill(files[0], "talent-visa", status=None)
    result = runner.invoke(app, ["progress", "import", "2020-2021", *files])
    assert result.stderr.splitlines()[0] == ALL_CODES[name].example


def test_libreoffice_reads_the_progress_form(here: Path, tmp_path: Path) -> None:
    """A real spreadsheet program opens the progress form, prefilled answers included."""
    from tests.office import sheets_as_csv

    sheets = sheets_as_csv(here / COMMERCE, tmp_path / "office")
    rows = sheets["任务进展"]
    ids = [row[0] for row in rows[3:5]]
    assert ids == ["state-capital-reform", "international-living-rooms"]
    first = rows[3]
    assert first[COL["status"] - 1] == "滞后" and first[COL["percent"] - 1] == "55"
    assert first[COL["previous"] - 1] == "2021-Q2 滞后 55%"
