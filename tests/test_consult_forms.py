"""planc consult forms: the workbooks as Excel, WPS and LibreOffice meet them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.sheets import safe_name
from tests.consult_forms import COMMERCE, CULTURE, PORTS, sheet
from tests.office import sheets_as_csv

runner = CliRunner()


@pytest.fixture
def here(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return plans


def test_forms_exact_output(here: Path) -> None:
    result = runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "forms"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (
        f"  {COMMERCE}  市商务局: 2 tasks\n"
        f"  {CULTURE}  市文化和旅游局: 1 task\n"
        f"  {PORTS}  山东港口青岛港集团: 2 tasks\n"
        "wrote 3 forms for consultation 1 of 2020-2021 into forms/\n"
    )  # outside a git repository: nothing said about git (issue 19)
    assert sorted(p.name for p in Path("forms").iterdir()) == sorted([COMMERCE, CULTURE, PORTS])


def test_forms_note_uncommitted_changes_in_a_repository(here: Path) -> None:
    from tests.pins import git

    git(here.parent, "init", "-q")
    result = runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "forms"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[-1] == (
        "note: 2020-2021 is not committed unchanged in git, so the forms record no draft "
        "revision; planc check cannot then tell whether adopted comments changed their tasks"
    )


def test_forms_for_one_unit_and_a_second_round(here: Path) -> None:
    result = runner.invoke(
        app, ["consult", "forms", "2020-2021", "--round-no", "2", "--unit", "ports", "--out", "f"]
    )
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[:2] == [
        "  山东港口青岛港集团-2020-2021征求意见表（第2次）.xlsx  山东港口青岛港集团: 2 tasks",
        "wrote 1 form for consultation 2 of 2020-2021 into f/",
    ]


def test_forms_never_write_over_a_form(here: Path) -> None:
    assert runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "forms"]).exit_code == 0
    filled = Path("forms") / COMMERCE
    filled.write_bytes(b"a unit's answers")
    result = runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "forms"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"planc: error: forms already holds {COMMERCE} and 2 more forms; planc does not write "
        "over forms (a filled one would be lost): use another --out folder\n"
    )
    assert filled.read_bytes() == b"a unit's answers"


def test_forms_usage_errors(here: Path) -> None:
    result = runner.invoke(app, ["consult", "forms", "2030-2031"])
    assert result.exit_code == 2
    assert result.stderr.startswith("planc: error: no round '2030-2031' in plans")
    result = runner.invoke(app, ["consult", "forms", "2020-2021", "--unit", "comerce"])
    assert (result.exit_code, result.stderr) == (
        2,
        "planc: error: no unit 'comerce' in registry/units.yaml; did you mean 'commerce'?\n",
    )
    # a Chinese name is close to a name (issue 19: "did you mean" over names too)
    result = runner.invoke(app, ["consult", "forms", "2020-2021", "--unit", "市商务厅"])
    assert (result.exit_code, result.stderr) == (
        2,
        "planc: error: no unit '市商务厅' in registry/units.yaml; did you mean '市商务局'?\n",
    )


def test_forms_for_a_unit_named_in_chinese(here: Path) -> None:
    result = runner.invoke(app, ["consult", "forms", "2020-2021", "--unit", "市商务局"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in Path("forms").iterdir()) == [COMMERCE]


def test_forms_refuse_a_plan_with_errors(here: Path) -> None:
    market = here / "2020-2021/tasks/market.yaml"
    market.write_text(
        market.read_text(encoding="utf-8").replace("[culture, ports]", "[culture, port]"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "forms"])
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "planc: 2020-2021 has errors; fix them first (planc check 2020-2021)\n"
    )
    assert not Path("forms").exists()


def test_the_workbook(here: Path) -> None:
    assert runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "forms"]).exit_code == 0
    wb = openpyxl.load_workbook(Path("forms") / COMMERCE)
    tasks, general = sheet(wb, "tasks"), sheet(wb, "general")
    assert [ws.title for ws in wb.worksheets] == ["任务意见", "总体意见", "_planc"]
    assert wb["_planc"].sheet_state == "veryHidden"
    assert wb.active is not None and wb.active.title == "任务意见"
    # Headings, then one row per task the unit leads or partners, in plan order.
    assert [c.value for c in tasks[3]][1:] == [
        "编号",
        "部分",
        "工作任务",
        "具体内容",
        "完成时限",
        "职责",
        "意见",
        "修改建议",
        "联系人及电话",
    ]
    assert [[c.value for c in row] for row in tasks.iter_rows(min_row=4)] == [
        [
            "state-capital-reform",
            1,  # the draft numbers every task in chapter order (the fixture publishes 3)
            "推进企业国际化",
            "深化国有资本投资运营公司改革",
            None,
            None,
            "牵头",
            None,
            None,
            None,
        ],
        [
            "international-living-rooms",
            2,
            "推进市场国际化",
            "高标准建设日本、韩国、德国、上合组织国家和以色列五个“国际客厅”",
            None,
            "2021-12",
            "牵头",
            None,
            None,
            None,
        ],
    ]
    assert tasks["B1"].value == "青岛市推进“国际化+”行动计划（2020/2021年）（征求意见稿）意见反馈表"
    assert "反馈单位：市商务局" in tasks["B2"].value
    # Ids hidden and locked; only the cells to fill are open; the sheet protected, no password.
    assert tasks.column_dimensions["A"].hidden
    assert tasks.protection.sheet and not tasks.protection.password
    locked = [tasks.cell(4, i).protection.locked for i in range(1, 11)]
    assert locked == [True] * 7 + [False] * 3  # A-G locked, H-J (意见, 修改建议, 联系人) open
    assert tasks.freeze_panes == "B4"
    # Printing: A4 landscape, one page wide, headings on every page.
    assert (tasks.page_setup.orientation, tasks.page_setup.paperSize) == ("landscape", 9)
    setup = tasks.sheet_properties.pageSetUpPr
    assert tasks.page_setup.fitToWidth == 1 and setup is not None and setup.fitToPage
    assert tasks.print_title_rows == "$3:$3"
    # The general sheet: blank rows to fill, the part chosen from a list.
    assert general.max_row == 3 + 20
    (validation,) = general.data_validations.dataValidation
    assert validation.formula1 == '"计划整体,推进企业国际化,推进市场国际化"'
    assert str(validation.sqref) == "B4:B23"


def test_the_metadata(here: Path) -> None:
    assert runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "forms"]).exit_code == 0
    meta = openpyxl.load_workbook(Path("forms") / PORTS)["_planc"]
    rows = [[c for c in row if c is not None] for row in meta.iter_rows(values_only=True)]
    assert rows[:9] == [
        ["planc-form", "1"],
        ["kind", "consultation"],
        ["form", rows[2][1]],
        ["meta", "consultation", "1"],
        ["meta", "plan", "青岛市推进“国际化+”行动计划（2020/2021年）"],
        ["meta", "round", "2020-2021"],
        ["meta", "unit", "ports"],
        ["meta", "unit_name", "山东港口青岛港集团"],
        ["sheet", "tasks", "任务意见"],
    ]
    assert len(str(rows[2][1])) == 12


def test_libreoffice_reads_the_forms(here: Path, tmp_path: Path) -> None:
    """A real spreadsheet program opens the form: LibreOffice converts both sheets to CSV."""
    assert runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "forms"]).exit_code == 0
    sheets = sheets_as_csv(Path("forms") / COMMERCE, tmp_path)
    rows = sheets["任务意见"]
    assert rows[2][1:] == [
        "编号",
        "部分",
        "工作任务",
        "具体内容",
        "完成时限",
        "职责",
        "意见",
        "修改建议",
        "联系人及电话",
    ]
    assert rows[3][:4] == [
        "state-capital-reform",
        "1",
        "推进企业国际化",
        "深化国有资本投资运营公司改革",
    ]
    assert "总体意见" in sheets


def test_safe_file_names() -> None:
    assert safe_name('市"港口"局: A/B?') == "市_港口_局_ A_B_"
    assert safe_name("CON.xlsx") == "_CON.xlsx"
    assert safe_name("市商务局. ") == "市商务局"
    assert len(safe_name("局" * 300)) == 120
