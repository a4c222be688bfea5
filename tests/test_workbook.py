"""planc sheet export / import: the office edits the whole round in one workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from planc.sheets.form import ID_COLUMN
from planc.workbook.cells import due_date
from tests.conftest import FIXTURES, set_language
from tests.consult_forms import row_of, sheet
from tests.workbook import added, cell, column, deleted, edited, make, run, snapshot

COMMENTED = """\
# 推进企业国际化：办公室的说明（保留）
chapter: enterprise
tasks:
  - id: state-capital-reform  # 2018年延续
    number: 3
    title: '深化国有资本投资运营公司改革'
    lead: [commerce]
    indicators: [listed-companies]
    cases: [temasek-2020]
    continues: 2018-2019:temasek-reform
    source: press-2020-07
"""


@pytest.fixture
def office(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture plans with a consultation record and a tasks file the office commented,
    the working folder above them; returns the exported workbook."""
    monkeypatch.chdir(tmp_path)
    (plans / "2020-2021/consultation").mkdir()
    shutil.copy(FIXTURES / "consultation/round-1.yaml", plans / "2020-2021/consultation")
    (plans / "2020-2021/tasks/enterprise.yaml").write_text(COMMENTED, encoding="utf-8")
    make(plans, tmp_path / "w.xlsx")
    return tmp_path / "w.xlsx"


def test_export_says_what_it_wrote_and_never_overwrites(plans: Path, tmp_path: Path) -> None:
    assert make(plans, tmp_path / "w.xlsx") == (
        f"wrote {tmp_path.as_posix()}/w.xlsx: 3 tasks, 2 cases, 2 indicators, 3 units, 0 comments\n"
    )
    wb = openpyxl.load_workbook(tmp_path / "w.xlsx")
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == [
        "工作任务",
        "对标案例",
        "指标体系",
        "责任单位",
    ]
    ws = sheet(wb, "tasks")
    assert ws.column_dimensions["A"].hidden and ws.protection.sheet
    assert ws.cell(row_of(ws, "international-living-rooms"), ID_COLUMN).protection.locked
    r = row_of(ws, "international-living-rooms")
    assert ws.cell(r, column(ws, "参与单位")).value == "市文化和旅游局、山东港口青岛港集团"
    assert ws.cell(r, column(ws, "方面")).value == "在建平台集聚资源方面"
    assert ws.cell(r, column(ws, "工作任务")).alignment.wrap_text
    lists = {str(dv.sqref)[0]: dv for dv in ws.data_validations.dataValidation}
    assert set(lists) == {
        "C",
        "D",
        "G",
        "H",
        "I",
        "J",
    }  # chapter, section, units, indicators, cases
    assert lists["C"].showErrorMessage and not lists["G"].showErrorMessage
    from tests.workbook import make as again

    with pytest.raises(AssertionError, match="already there"):
        again(plans, tmp_path / "w.xlsx")


def test_unedited_workbook_changes_nothing(office: Path, plans: Path) -> None:
    before = snapshot(plans)
    assert run(plans, office, "--apply") == (
        0,
        "w.xlsx against the sources of 2020-2021:\n"
        "  no changes: the workbook holds what the sources hold\n",
    )
    assert snapshot(plans) == before


def test_edits_shown_then_written_with_apply(office: Path, plans: Path) -> None:
    workbook = edited(
        office,
        office.with_name("edited.xlsx"),
        cell("tasks", "state-capital-reform", "工作任务", "深化国资国企改革"),
        cell("tasks", "state-capital-reform", "参与单位", "市文化和旅游局"),
        cell("tasks", "trade-facilitation", "完成时限", "2021年6月"),
        added(
            "tasks",
            {
                "工作任务": "建设国际贸易单一窗口",
                "部分": "推进市场国际化",
                "方面": "在优化环境方面",
                "牵头单位": "山东港口青岛港集团",
                "服务指标": "实际使用外资",
            },
        ),
        deleted("tasks", "international-living-rooms"),
        cell("comments", "1:c-0000000004", "处理意见", "采纳"),
        cell("comments", "1:c-0000000004", "修改的任务（编号）", "1"),
    )
    before = snapshot(plans)
    shown = (
        "edited.xlsx against the sources of 2020-2021:\n"
        "tasks (任务): 2 revised, 1 new, 1 dropped\n"
        "  ~ state-capital-reform  深化国资国企改革\n"
        "      title: 深化国[-有-]资[-本投资运营公司-]{+国企+}改革\n"
        "      partners: — → 市文化和旅游局\n"
        "  ~ trade-facilitation  提升跨境贸易便利化水平\n"
        "      due: — → 2021-06\n"
        "  + ports-1  建设国际贸易单一窗口\n"
        "  - international-living-rooms  "
        "高标准建设日本、韩国、德国、上合组织国家和以色列五个“国际客厅”\n"
        "comments (征求意见处理): 1 revised, 0 new, 0 dropped\n"
        "  ~ 1:c-0000000004  计划整体\n"
        "      disposition: 知悉 → 采纳\n"
        "      changed: — → 深化国资国企改革\n"
    )
    assert run(plans, workbook) == (
        0,
        shown + "nothing was written; planc sheet import 2020-2021 edited.xlsx --apply writes "
        "them\n",
    )
    assert snapshot(plans) == before
    code, said = run(plans, workbook, "--apply")
    assert (code, said.removeprefix(shown)) == (
        2,
        "planc: error: the workbook drops 1 items (international-living-rooms); nothing was "
        "written: confirm the drops with --confirm-drops, or put the rows back\n",
    )
    assert snapshot(plans) == before
    code, said = run(plans, workbook, "--apply", "--confirm-drops")
    assert (code, said.removeprefix(shown)) == (
        0,
        "wrote 3 files: plans/2020-2021/consultation/round-1.yaml, "
        "plans/2020-2021/tasks/enterprise.yaml, plans/2020-2021/tasks/market.yaml\n",
    )
    # The office's comments and quoting stay; only the changed values moved.
    assert (plans / "2020-2021/tasks/enterprise.yaml").read_text(encoding="utf-8") == (
        COMMENTED.replace("'深化国有资本投资运营公司改革'", "'深化国资国企改革'").replace(
            "    lead: [commerce]\n", "    lead: [commerce]\n    partners: [culture]\n"
        )
    )
    market = (plans / "2020-2021/tasks/market.yaml").read_text(encoding="utf-8")
    assert "international-living-rooms" not in market
    assert market.endswith(
        "        indicators: [foreign-investment]\n"
        "        due: 2021-06\n"
        "      - id: ports-1\n"
        "        title: 建设国际贸易单一窗口\n"
        "        lead: [ports]\n"
        "        indicators: [foreign-investment]\n"
    )
    record = (plans / "2020-2021/consultation/round-1.yaml").read_text(encoding="utf-8")
    assert record.endswith(
        "  - id: c-0000000004\n    unit: ports\n    text: 计划整体很好\n"
        "    disposition: adopted\n    changed: [state-capital-reform]\n"
    )


def test_a_clerk_at_a_terminal_says_yes(office: Path, plans: Path) -> None:
    workbook = edited(
        office,
        office.with_name("e.xlsx"),
        deleted("cases", "hk-airport-city"),
        cell("tasks", "international-living-rooms", "对标案例", None),
    )
    before = snapshot(plans)
    code, said = run(plans, workbook, answers=[True, False])
    assert code == 2 and said.endswith(
        "? Write these changes into plans?\n"
        "? Drop 1 items (the lines with -)?\n"
        "planc: error: the workbook drops 1 items (hk-airport-city); nothing was written: "
        "confirm the drops with --confirm-drops, or put the rows back\n"
    )
    assert snapshot(plans) == before
    code, said = run(plans, workbook, answers=[True, True])
    assert code == 0 and said.endswith(
        "wrote 2 files: plans/2020-2021/cases/market.yaml, plans/2020-2021/tasks/market.yaml\n"
    )
    assert "hk-airport-city" not in (plans / "2020-2021/cases/market.yaml").read_text("utf-8")


def test_refusals_are_located_in_chinese_and_write_nothing(
    office: Path, plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language(monkeypatch, "zh_CN.UTF-8")
    workbook = edited(
        office,
        office.with_name("bad.xlsx"),
        cell("tasks", "state-capital-reform", "牵头单位", "市商务厅"),
        cell("tasks", "international-living-rooms", "完成时限", "明年"),
        cell("tasks", "trade-facilitation", "方面", "在对外开放方面"),
        added("tasks", {"工作任务": "新任务", "部分": "推进文化国际化"}),
        cell("comments", "1:c-0000000001", "处理意见", "同意"),
    )
    before = snapshot(plans)
    code, said = run(plans, workbook, "--apply")
    assert (code, said) == (
        1,
        "bad.xlsx:工作任务!G4: error[form-cell] '市商务厅' 不是 registry/units.yaml 中的单位\n"
        "    提示：是不是 '市商务局'？\n"
        "bad.xlsx:工作任务!K5: error[form-cell] '明年' 不是 2021-12 或 2021-12-31 这样的日期\n"
        "bad.xlsx:工作任务!D6: error[form-cell] '在对外开放方面' 不是 推进市场国际化 的方面\n"
        "    提示：该部分的方面：在建平台集聚资源方面、在优化环境方面\n"
        "bad.xlsx:工作任务!C7: error[form-cell] '推进文化国际化' 不是本轮计划的部分\n"
        "    提示：是不是 '推进市场国际化'？\n"
        "bad.xlsx:征求意见处理!G4: error[form-cell] '同意' 不是 采纳、部分采纳、不采纳、知悉 之一\n"
        "    提示：请从单元格的下拉列表中选择\n"
        "planc：表格中有 5 个错误；没有导入任何内容\n",
    )
    assert snapshot(plans) == before


def test_an_edit_that_would_break_the_sources_is_refused(office: Path, plans: Path) -> None:
    workbook = edited(office, office.with_name("e.xlsx"), deleted("cases", "hk-airport-city"))
    before = snapshot(plans)
    code, said = run(plans, workbook, "--apply", "--confirm-drops")
    assert code == 1
    assert said.endswith(
        "planc: the workbook's changes would leave these errors in the sources:\n"
        "plans/2020-2021/tasks/market.yaml:11:17: error[unknown-reference] task "
        "'international-living-rooms' names case 'hk-airport-city', which is not in the cases of "
        "2020-2021\n"
        "checked 1 round: 1 error, 0 warnings, 0 infos\n"
        "planc: nothing was written; correct the workbook and import it again\n"
    )
    assert snapshot(plans) == before


def test_a_row_edited_on_both_sides_is_refused(office: Path, plans: Path) -> None:
    workbook = edited(
        office, office.with_name("e.xlsx"), cell("tasks", "trade-facilitation", "工作任务", "甲")
    )
    market = plans / "2020-2021/tasks/market.yaml"
    market.write_text(market.read_text("utf-8").replace("提升跨境", "全面提升跨境"), "utf-8")
    code, said = run(plans, workbook, "--apply")
    assert (code, said) == (
        1,
        "e.xlsx:工作任务!B6: error[form-tampered] this row (trade-facilitation) was edited here "
        "and its item changed in the sources too since the workbook was exported\n"
        "    hint: export the workbook again (planc sheet export) and redo this row there\n"
        "planc: 1 error in the forms; nothing was imported\n",
    )


def test_the_sources_changed_elsewhere_are_kept(office: Path, plans: Path) -> None:
    """A row the office did not touch says nothing about its item, even if the sources
    changed it after the export."""
    market = plans / "2020-2021/tasks/market.yaml"
    market.write_text(market.read_text("utf-8").replace("提升跨境", "全面提升跨境"), "utf-8")
    workbook = edited(
        office, office.with_name("e.xlsx"), cell("tasks", "state-capital-reform", "编号", 4)
    )
    code, said = run(plans, workbook, "--apply")
    assert code == 0, said
    assert "全面提升跨境" in market.read_text("utf-8")


def test_units_added_and_renamed_in_the_same_workbook(office: Path, plans: Path) -> None:
    workbook = edited(
        office,
        office.with_name("e.xlsx"),
        added(
            "units", {"单位名称": "市海洋发展局", "类别": "市直部门", "英文名称": "Ocean Bureau"}
        ),
        cell("units", "culture", "单位名称", "市文化旅游局"),
        cell("tasks", "trade-facilitation", "参与单位", "市海洋发展局、市文化旅游局"),
    )
    code, said = run(plans, workbook, "--apply")
    assert code == 0, said
    assert said.startswith(
        "e.xlsx against the sources of 2020-2021:\n"
        "tasks (任务): 1 revised, 0 new, 0 dropped\n"
        "  ~ trade-facilitation  提升跨境贸易便利化水平\n"
        "      partners: — → 市海洋发展局、市文化旅游局\n"
        "units (责任单位): 1 revised, 1 new, 0 dropped\n"
        "  ~ culture  市文化旅游局\n"
        "      name: 市文化和旅游局 → 市文化旅游局\n"
        "  + ocean-bureau-1  市海洋发展局\n"
    )
    units = (plans / "registry/units.yaml").read_text("utf-8")
    assert units.endswith(
        "  culture: {name: 市文化旅游局, en: Qingdao Municipal Bureau of Culture and Tourism}\n"
        "  ports: {name: 山东港口青岛港集团}\n"
        "  ocean-bureau-1: {name: 市海洋发展局, kind: department, en: Ocean Bureau}\n"
    )
    assert "partners: [ocean-bureau-1, culture]" in (
        plans / "2020-2021/tasks/market.yaml"
    ).read_text("utf-8")


def test_comment_rows_are_neither_added_nor_deleted(office: Path, plans: Path) -> None:
    workbook = edited(office, office.with_name("e.xlsx"), deleted("comments", "1:c-0000000002"))
    code, said = run(plans, workbook)
    assert (code, said) == (
        1,
        "e.xlsx: error[form-tampered] 1 rows of sheet 征求意见处理 were deleted (1:c-0000000002); "
        "the units' comments are kept\n"
        "    hint: export the workbook again (planc sheet export) and dispose of them there\n"
        "planc: 1 error in the forms; nothing was imported\n",
    )


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("2021-12", "2021-12"),
        ("2021年6月", "2021-06"),
        ("２０２１年６月３０日", "2021-06-30"),
        ("2021.6.30", "2021-06-30"),
        ("2021/06", "2021-06"),
        ("2021-13", None),
        ("年底", None),
    ],
)
def test_due_dates_as_clerks_write_them(typed: str, due: str | None) -> None:
    assert due_date(typed) == due


def test_a_workbook_resaved_by_libreoffice_imports_the_same(
    office: Path, plans: Path, tmp_path: Path
) -> None:
    from planc.pipeline import analyze
    from planc.workbook.changes import prepare
    from tests.office import resaved

    workbook = edited(
        office,
        tmp_path / "edited.xlsx",
        cell("tasks", "state-capital-reform", "工作任务", "深化国资国企改革"),
        cell("tasks", "trade-facilitation", "完成时限", "2021年6月"),
        added("tasks", {"工作任务": "新任务", "部分": "推进企业国际化", "牵头单位": "市商务局"}),
        deleted("cases", "hk-airport-city"),
        cell("tasks", "international-living-rooms", "对标案例", None),
        cell("comments", "1:c-0000000004", "处理意见", "不采纳"),
        cell("comments", "1:c-0000000004", "理由", "与总体要求不符"),
    )
    (tmp_path / "lo").mkdir()
    unedited, resaved_edited = resaved([office, workbook], tmp_path / "lo")
    before = analyze(plans, ["2020-2021"])
    assert prepare(before, plans, "2020-2021", unedited, "w.xlsx").edits == []
    theirs = prepare(before, plans, "2020-2021", resaved_edited, "edited.xlsx")
    ours = prepare(before, plans, "2020-2021", workbook, "edited.xlsx")
    assert theirs.texts == ours.texts and len(ours.texts) == 4


@pytest.mark.parametrize("drop", [0, 1, 2])
def test_a_dropped_item_leaves_every_comment_line_of_the_file(drop: int) -> None:
    import io

    from planc.load.roundtrip import remove, round_trip_yaml

    source = (
        "chapter: x\ntasks:\n  # 第一项\n  - id: a\n    title: x  # 行尾\n  # 第二项\n"
        "  - id: b\n    title: y\n  # 第三项\n  - id: c\n    title: z\n# 文件末尾\n"
    )
    yaml = round_trip_yaml()
    doc = yaml.load(source)
    remove(doc["tasks"], drop)
    out = io.StringIO()
    yaml.dump(doc, out)
    kept = [line.strip() for line in out.getvalue().splitlines() if line.strip().startswith("#")]
    assert kept == ["# 第一项", "# 第二项", "# 第三项", "# 文件末尾"]
    ids = [str(t["id"]) for t in yaml.load(out.getvalue())["tasks"]]
    assert ids == [i for n, i in enumerate("abc") if n != drop]
