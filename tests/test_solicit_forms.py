"""planc solicit forms: one 任务征集表 per member unit — who gets one, what it holds (prefilled
candidates, blank rows for new tasks, drop-downs by Chinese names, protection), that
LibreOffice opens it, and what the command refuses."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from planc.cli import app
from tests.conftest import edit
from tests.consult_forms import row_of, sheet
from tests.office import sheets_as_csv
from tests.solicit_forms import COMMERCE, CULTURE, PORTS, begin, make_forms

runner = CliRunner()

UNITS = """\
  office: {name: 青岛市国际城市战略推进委员会办公室, kind: body}
  university: {name: 北京大学, kind: organisation}
"""


@pytest.fixture
def here(plans: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(plans.parent)
    here = Path("plans")
    (here / "registry/units.yaml").write_text(
        (here / "registry/units.yaml").read_text(encoding="utf-8") + UNITS, encoding="utf-8"
    )
    begin(here)
    return here


def test_forms_exact_output(here: Path) -> None:
    said = make_forms(here, Path("forms"))
    assert said == (
        f"  {COMMERCE}  市商务局: 2 candidates\n"
        f"  {CULTURE}  市文化和旅游局: 0 candidates\n"
        f"  {PORTS}  山东港口青岛港集团: 1 candidate\n"
        "wrote 3 forms for the solicitation of 2022-2023 into forms/\n"
    )
    # every department of the registry, not only those leading a task (culture leads none);
    # not the committee's office (a body) nor a university (an organisation)
    assert sorted(p.name for p in Path("forms").iterdir()) == sorted([COMMERCE, CULTURE, PORTS])


def test_a_unit_a_candidate_names_is_asked_whatever_its_kind(here: Path) -> None:
    edit(
        here,
        "2022-2023/candidates.yaml",
        "  - task: 2020-2021:trade-facilitation\n",
        "  - task: 2020-2021:trade-facilitation\n    units: [北京大学]\n",
    )
    said = make_forms(here, Path("forms"))
    assert "  北京大学-2022-2023任务征集表.xlsx  北京大学: 1 candidate\n" in said
    assert f"  {PORTS}  山东港口青岛港集团: 0 candidates\n" in said  # asked instead of its lead


def test_the_workbook(here: Path) -> None:
    make_forms(here, Path("forms"))
    wb = openpyxl.load_workbook(Path("forms") / COMMERCE)
    assert [ws.title for ws in wb.worksheets] == ["填报说明", "延续任务", "新增任务", "_planc"]
    assert wb.worksheets[-1].sheet_state == "veryHidden"
    info = sheet(wb, "contact")
    assert info["B1"].value == "青岛市推进“国际化+”行动计划（2022/2023年）重点工作任务征集表"
    assert str(info["B2"].value).startswith(
        "填报单位：市商务局。本表征集本单位今明两年的重点工作任务"
    )
    assert [info[f"B{r}"].value for r in (4, 5)] == ["联系人", "联系电话"]
    ws = sheet(wb, "candidates")
    assert [c.value for c in ws[3]][1:] == [
        "原编号", "原完成时限", "上轮进展", "是否继续", "部分", "工作任务", "具体内容",
        "完成时限", "参与单位", "服务指标",
    ]  # fmt: skip
    r = row_of(ws, "2020-2021:international-living-rooms")
    assert [c.value for c in ws[r]][1:] == [
        24, "2021-12", "（无督查记录）", "继续", "推进市场国际化",
        "高标准建设日本、韩国、德国、上合组织国家和以色列五个“国际客厅”", None, None,
        "市文化和旅游局、山东港口青岛港集团", "实际使用外资",
    ]  # fmt: skip
    assert ws.protection.sheet
    assert ws[f"B{r}"].protection.locked and not ws[f"E{r}"].protection.locked
    new = sheet(wb, "new")
    ids = [new.cell(r, 1).value for r in range(4, new.max_row + 1)]
    assert ids == [f"n{n:02d}" for n in range(1, 21)]
    assert all(not new[f"C{r}"].protection.locked for r in range(4, 24))
    # drop-downs: the decision and the chapter refuse other text; units and indicators offer
    # the registry's and the round's names but take several (、 between them)
    lists = {
        str(dv.sqref): (dv.formula1, dv.showErrorMessage)
        for dv in ws.data_validations.dataValidation
    }
    assert lists[f"E4:E{ws.max_row}"] == ('"继续,不再列入"', True)
    assert lists[f"F4:F{ws.max_row}"] == ('"推进企业国际化,推进市场国际化"', True)
    assert lists[f"J4:J{ws.max_row}"] == (
        '"市商务局,市文化和旅游局,山东港口青岛港集团,青岛市国际城市战略推进委员会办公室,北京大学"',
        False,
    )
    assert lists[f"K4:K{ws.max_row}"] == ('"境内外上市公司数量,实际使用外资"', False)


def test_libreoffice_opens_the_form(here: Path, tmp_path: Path) -> None:
    make_forms(here, Path("forms"))
    sheets = sheets_as_csv(Path("forms") / COMMERCE, tmp_path / "office")
    assert set(sheets) >= {"填报说明", "延续任务", "新增任务"}
    rows = sheets["延续任务"]
    assert rows[2][1:5] == ["原编号", "原完成时限", "上轮进展", "是否继续"]
    assert rows[3][1:7] == [
        "3",
        "",
        "（无督查记录）",
        "继续",
        "推进企业国际化",
        "深化国有资本投资运营公司改革",
    ]
    assert len(sheets["新增任务"]) >= 23


def test_forms_for_a_unit_by_its_chinese_name(here: Path) -> None:
    said = make_forms(here, Path("f"), ("市商务局",))
    assert said.splitlines()[0] == f"  {COMMERCE}  市商务局: 2 candidates"
    assert [p.name for p in Path("f").iterdir()] == [COMMERCE]


def test_refusals(here: Path) -> None:
    def refused(*args: str) -> str:
        result = runner.invoke(app, ["solicit", "forms", "2022-2023", *args])
        assert result.exit_code == 2, result.stdout
        return result.stderr

    assert refused("--unit", "市商务厅") == (
        "planc: error: no unit '市商务厅' in registry/units.yaml; did you mean '市商务局'?\n"
    )
    assert refused("--unit", "office") == (
        "planc: error: 青岛市国际城市战略推进委员会办公室 is a body of the city, not a member unit "
        "(a department), and no candidate names it: it has no form\n"
    )
    make_forms(here, Path("forms"))
    assert refused("--out", "forms") == (
        f"planc: error: forms already holds {COMMERCE} and 2 more forms; planc does not write "
        "over forms (a filled one would be lost): use another --out folder\n"
    )
    chinese = runner.invoke(
        app,
        ["solicit", "forms", "2022-2023", "--unit", "市商务厅"],
        env={"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_MESSAGES": None},
    )
    assert chinese.stderr == (
        "planc：错误：registry/units.yaml 中没有单位 '市商务厅'；是不是 '市商务局'？\n"
    )
