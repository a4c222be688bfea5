"""planc solicit import: returned 任务征集表 into the round's tasks and the record of each
unit's answer — exactly, the same forms twice changing nothing, a corrected form replacing the
earlier one and saying what changed, every refusal located at its cell and in Chinese, a
failing import writing nothing, and a form re-saved by LibreOffice importing the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planc.codes import CODES
from planc.pipeline import analyze
from tests.conftest import edit, set_language
from tests.office import resave
from tests.solicit_forms import (
    COMMERCE,
    PORTS,
    begin,
    candidate,
    contact,
    fill,
    make_forms,
    new_task,
    run_import,
    tree,
)

MARKET = """\
# Tasks of chapter market; planc solicit import adds those the units send.
chapter: market
tasks:
  - id: commerce-2
    title: 高标准建设日本、韩国、德国国际客厅
    lead: [commerce]
    partners: [culture, ports]
    indicators: [foreign-investment]
    continues: 2020-2021:international-living-rooms
    due: 2023-06
  - id: commerce-3
    title: 建设跨境电商综合试验区
    lead: [commerce]
    partners: [culture, ports]
    indicators: [foreign-investment]
    due: 2023-12
  - id: ports-1
    title: 建设国际航运枢纽
    lead: [ports]
    partners: [commerce]
    due: 2023-06-30
"""
ENTERPRISE = """\
# Tasks of chapter enterprise; planc solicit import adds those the units send.
chapter: enterprise
tasks:
  - id: commerce-1
    title: 深化国有资本投资运营公司改革
    lead: [commerce]
    indicators: [listed-companies]
    continues: 2020-2021:state-capital-reform
  - id: commerce-4
    title: 培育本土跨国公司
    text: |-
      支持企业“走出去”。
      建立海外服务体系。
    lead: [commerce]
"""
PORTS_RECORD = """\
# What 山东港口青岛港集团 answered to the solicitation (planc solicit import):
# every row of its form, and the task each became. A corrected form replaces it
# (earlier: the forms it replaced).
unit: ports
form: 74fa99131edd
file: 山东港口青岛港集团-2022-2023任务征集表.xlsx
received: 2022-01-10
contact: 李四 0532-66668888
rows:
  - row: 2020-2021:trade-facilitation
    decision: dropped
    continues: 2020-2021:trade-facilitation
    cell: 延续任务!G4
  - row: n02
    decision: new
    task: ports-1
    chapter: market
    title: 建设国际航运枢纽
    due: 2023-06-30
    partners: [commerce]
    cell: 新增任务!C5
"""


@pytest.fixture
def here(plans: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(plans.parent)
    here = Path("plans")
    begin(here)
    make_forms(here, Path("forms"))
    Path("back").mkdir()
    return here


def commerce_reply(name: str = "back") -> Path:
    """市商务局's answer: one candidate as it was, one revised with a deadline in full-width
    digits, two new tasks (a unit named in Chinese, spaces around a title, a blank row
    between them, a text of two lines)."""
    Path(name).mkdir(exist_ok=True)
    return fill(
        Path("forms") / COMMERCE,
        Path(name) / COMMERCE,
        contact("张三", "０５３２-８８８８６６６６"),
        candidate(
            "2020-2021:international-living-rooms",
            G="高标准建设日本、韩国、德国国际客厅",
            I="２０２３年６月",
        ),
        new_task(
            1,
            B="推进市场国际化",
            C="  建设跨境电商综合试验区  ",
            E="2023年底",
            F="市文化和旅游局、山东港口青岛港集团",
            G="实际使用外资",
        ),
        new_task(
            3, B="推进企业国际化", C="培育本土跨国公司", D="支持企业“走出去”。\n建立海外服务体系。"
        ),
    )


def ports_reply() -> Path:
    return fill(
        Path("forms") / PORTS,
        Path("back") / PORTS,
        contact("李四 0532-66668888", ""),
        candidate("2020-2021:trade-facilitation", E="不再列入"),
        new_task(2, B="推进市场国际化", C="建设国际航运枢纽", F="市商务局", E="2023-06-30"),
    )


def test_import_exact(here: Path) -> None:
    code, said = run_import(here, commerce_reply(), ports_reply(), date="2022年1月10日")
    assert (code, said) == (
        0,
        f"  back/{COMMERCE}  市商务局: 1 kept, 1 revised, 0 dropped, 2 new\n"
        f"  back/{PORTS}  山东港口青岛港集团: 0 kept, 0 revised, 1 dropped, 1 new\n"
        "plans/2022-2023/solicitation/commerce.yaml: written\n"
        "plans/2022-2023/solicitation/ports.yaml: written\n"
        "plans/2022-2023/tasks/enterprise.yaml: 2 tasks added\n"
        "plans/2022-2023/tasks/market.yaml: 3 tasks added\n"
        "next: planc check 2022-2023; planc solicit report 2022-2023\n",
    )
    assert (here / "2022-2023/tasks/market.yaml").read_text(encoding="utf-8") == MARKET
    assert (here / "2022-2023/tasks/enterprise.yaml").read_text(encoding="utf-8") == ENTERPRISE
    assert (here / "2022-2023/solicitation/ports.yaml").read_text("utf-8") == PORTS_RECORD
    record = (here / "2022-2023/solicitation/commerce.yaml").read_text(encoding="utf-8")
    assert "contact: 张三 0532-88886666\n" in record
    assert "  - row: 2020-2021:international-living-rooms\n    decision: revised\n" in record
    found = analyze(here, ["2022-2023"]).diagnostics
    assert [d.code for d in found] == ["carried-over"]  # the tasks check clean


def test_the_same_forms_again_change_nothing(here: Path) -> None:
    files = (commerce_reply(), ports_reply())
    run_import(here, *files)
    before = tree(here)
    code, said = run_import(here, *files, date="2022-01-12")
    assert (code, said) == (
        0,
        f"  back/{COMMERCE}  市商务局: 1 kept, 1 revised, 0 dropped, 2 new\n"
        "    already imported: nothing changes\n"
        f"  back/{PORTS}  山东港口青岛港集团: 0 kept, 0 revised, 1 dropped, 1 new\n"
        "    already imported: nothing changes\n"
        "nothing new: every form was imported before\n",
    )
    assert tree(here) == before


def corrected() -> Path:
    """市商务局's corrected form: a candidate dropped after all, a new task reworded with a
    new deadline, another new task taken back (its row emptied)."""
    return fill(
        commerce_reply(),
        Path("back2") / COMMERCE,
        candidate("2020-2021:state-capital-reform", E="不再列入"),
        new_task(1, C="建设跨境电商综合试验区（扩大范围）", E="2023年6月"),
        new_task(3, B=None, C=None, D=None),
    )


def test_a_corrected_form_replaces_the_earlier_one(here: Path) -> None:
    run_import(here, commerce_reply(), ports_reply())
    Path("back2").mkdir()
    code, said = run_import(here, corrected(), date="2022-01-15")
    assert (code, said) == (
        0,
        f"  back2/{COMMERCE}  市商务局: 0 kept, 1 revised, 1 dropped, 1 new\n"
        f"    replaces the form received 2022-01-10 ({COMMERCE}):\n"
        "      commerce-1 removed (不再列入)\n"
        "      commerce-3 revised: title, due\n"
        "      commerce-4 removed (its row is empty now)\n"
        "plans/2022-2023/solicitation/commerce.yaml: written\n"
        "plans/2022-2023/tasks/enterprise.yaml: written\n"
        "plans/2022-2023/tasks/market.yaml: written\n"
        "next: planc check 2022-2023; planc solicit report 2022-2023\n",
    )
    market = (here / "2022-2023/tasks/market.yaml").read_text(encoding="utf-8")
    assert market == MARKET.replace(
        "    title: 建设跨境电商综合试验区\n", "    title: 建设跨境电商综合试验区（扩大范围）\n"
    ).replace("    due: 2023-12\n", "    due: 2023-06\n")
    assert (
        (here / "2022-2023/tasks/enterprise.yaml")
        .read_text(encoding="utf-8")
        .endswith("chapter: enterprise\ntasks: []\n")
    )
    record = (here / "2022-2023/solicitation/commerce.yaml").read_text(encoding="utf-8")
    assert "received: 2022-01-15\n" in record
    assert record.endswith(
        f"earlier:\n  - {{form: 7f999c5aac70, file: {COMMERCE}, received: 2022-01-10}}\n"
    )
    # state-capital-reform was the task serving listed-companies: the office is told
    found = analyze(here, ["2022-2023"]).diagnostics
    assert [d.code for d in found] == ["carried-over", "uncovered-indicator"]
    assert found[1].message.startswith("no task of 2022-2023 serves indicator 'listed-companies'")


def test_a_correction_never_overwrites_the_offices_edit(here: Path) -> None:
    run_import(here, commerce_reply(), ports_reply())
    edit(
        here,
        "2022-2023/tasks/market.yaml",
        "建设跨境电商综合试验区\n",
        "建设跨境电商综合试验区（市推进办改）\n",
    )
    Path("back2").mkdir()
    before = tree(here)
    code, said = run_import(here, corrected())
    printed = (
        f"back2/{COMMERCE}:新增任务!C4: error[resubmission-conflict] task 'commerce-3', made "
        "from 市商务局's earlier form, was changed since in 2022-2023/tasks/market.yaml; planc "
        "does not write over the office's edit"
    )
    assert (code, said.splitlines()) == (
        1,
        [
            printed,
            "    hint: make the unit's correction to the task by hand, or undo the edit and "
            "import the form again",
            "planc: 1 error in the forms; nothing was imported",
        ],
    )
    assert tree(here) == before
    # the code's example (planc explain, docs/codes.md) is this line, the file as named there
    assert CODES["resubmission-conflict"].example == printed.replace("back2/", "", 1)


BAD = (
    candidate("2020-2021:state-capital-reform", E="待定"),
    candidate("2020-2021:international-living-rooms", I="明年"),
    new_task(1, B="推进开放", C="建设自贸试验区", F="市商务厅", G="GDP"),
    new_task(2, D="只写了内容，没有写任务名称"),
)


def test_every_refusal_is_located_and_nothing_is_written(here: Path) -> None:
    bad = fill(Path("forms") / COMMERCE, Path("back") / COMMERCE, *BAD)
    before = tree(here)
    code, said = run_import(here, bad)
    assert code == 1
    assert said.splitlines() == [
        f"back/{COMMERCE}:延续任务!E4: error[form-cell] 是否继续 is '待定': choose 继续 or "
        "不再列入 for this task",
        "    hint: choose it from the cell's list",
        f"back/{COMMERCE}:延续任务!I5: error[form-cell] 完成时限 '明年' is not a date: write a "
        "month like 2025-06 or 2025年6月 (a day or a year will do)",
        "    hint: leave it empty if the task has no deadline",
        f"back/{COMMERCE}:新增任务!B4: error[form-cell] '推进开放' is not a chapter of the plan",
        "    hint: choose one from the cell's list: 推进企业国际化、推进市场国际化",
        f"back/{COMMERCE}:新增任务!F4: error[unknown-reference] 参与单位 '市商务厅' is not a unit "
        "of registry/units.yaml",
        "    hint: did you mean '市商务局'?",
        f"back/{COMMERCE}:新增任务!G4: error[unknown-reference] 服务指标 'GDP' is not an "
        "indicator of 2022-2023",
        f"back/{COMMERCE}:新增任务!B5: error[form-cell] 部分 is empty: choose the chapter the "
        "task belongs to",
        "    hint: choose it from the cell's list",
        f"back/{COMMERCE}:新增任务!C5: error[form-cell] 工作任务 is empty: write the task's title",
        "    hint: leave the whole row empty if it holds no task",
        "planc: 7 errors in the forms; nothing was imported",
    ]
    assert tree(here) == before


def test_refusals_in_chinese(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_language(monkeypatch, "zh_CN.UTF-8")
    bad = fill(Path("forms") / COMMERCE, Path("back") / COMMERCE, *BAD)
    code, said = run_import(here, bad)
    assert code == 1
    assert said.splitlines()[:4] == [
        f"back/{COMMERCE}:延续任务!E4: error[form-cell] 是否继续填的是 '待定'：请为该任务选择“继续”"
        "或“不再列入”",
        "    提示：请从单元格的下拉列表中选择",
        f"back/{COMMERCE}:延续任务!I5: error[form-cell] 完成时限 '明年' 不是日期：请写月份，如 "
        "2025-06 或 2025年6月（写到日或只写年也可以）",
        "    提示：没有完成时限的任务请留空",
    ]
    assert said.splitlines()[-1] == "planc：表格中有 7 个错误；没有导入任何内容"


def test_forms_that_are_not_this_rounds(here: Path) -> None:
    Path("junk.xlsx").write_bytes(b"not a workbook")
    copy = Path("back/copy.xlsx")
    shutil.copy(commerce_reply(), copy)
    before = tree(here)
    code, said = run_import(here, Path("junk.xlsx"), Path("back") / COMMERCE, copy)
    assert code == 1
    assert said.splitlines() == [
        "junk.xlsx: error[form-unreadable] this is a text file (CSV?), not an .xlsx workbook",
        "    hint: open it in Excel or WPS and save it as 'Excel 工作簿 (*.xlsx)'",
        "back/copy.xlsx: error[form-foreign] a second form of 市商务局 in one import (the other "
        f"is back/{COMMERCE})",
        "    hint: import the unit's latest form alone: it replaces the earlier one",
        "planc: 2 errors in the forms; nothing was imported",
    ]
    assert tree(here) == before


def test_a_form_saved_again_by_libreoffice_imports_the_same(here: Path, tmp_path: Path) -> None:
    reply = commerce_reply()
    again = resave(reply, tmp_path / "office")
    twin = Path("twin")
    shutil.copytree(here, twin)
    assert run_import(here, reply)[0] == 0
    code, said = run_import(twin, again)
    assert code == 0, said
    assert tree(twin) == tree(here)


def test_a_correction_never_brings_back_a_task_the_office_removed(here: Path) -> None:
    run_import(here, commerce_reply(), ports_reply())
    edit(
        here,
        "2022-2023/tasks/market.yaml",
        MARKET[MARKET.index("  - id: commerce-3") : MARKET.index("  - id: ports-1")],
        "",
    )
    Path("back2").mkdir()
    before = tree(here)
    code, said = run_import(here, corrected())
    assert (code, said.splitlines()[0]) == (
        1,
        f"back2/{COMMERCE}:新增任务!C4: error[resubmission-conflict] task 'commerce-3', made "
        "from 市商务局's earlier form, was removed since; planc does not bring it back",
    )
    assert tree(here) == before


def test_an_import_while_another_writes_keeps_both_units(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another planc imports 山东港口青岛港集团's form after this import loaded the sources and
    before it took the lock: this one plans again from what the other wrote (nothing lost)."""
    import planc.commands.solicit as command
    import planc.solicit.records as records

    other = ports_reply()
    mine = commerce_reply()
    real = records.import_forms
    calls: list[int] = []

    def meanwhile(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:  # the other planc, between loading and the lock
            monkeypatch.setattr(records, "import_forms", real)
            assert run_import(here, other)[0] == 0
            monkeypatch.setattr(records, "import_forms", meanwhile)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(records, "import_forms", meanwhile)
    code, said = run_import(here, mine)
    assert code == 0, said
    assert len(calls) == 2  # planned twice: the first plan was made from older sources
    assert command.RETRIES > 2
    assert (here / "2022-2023/solicitation/ports.yaml").read_text("utf-8") == PORTS_RECORD
    assert (here / "2022-2023/solicitation/commerce.yaml").is_file()
    market = (here / "2022-2023/tasks/market.yaml").read_text(encoding="utf-8")
    assert "建设国际航运枢纽" in market and "建设跨境电商综合试验区" in market
