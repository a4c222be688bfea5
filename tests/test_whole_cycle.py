"""The whole biennial cycle in the clerks' hands, in Chinese, with no YAML, id or git typed by
anyone: a round begun from the last (`planc new`), the solicitation's forms to the member units
and back, the round edited in the office's workbook, the draft, the consultation's forms and
comments, the dispositions recorded in the workbook, the 采纳情况说明, the official edition, the
progress forms to lead and partner units, their reports and the summary sent upward. Every file
a clerk handles is an .xlsx planc wrote or an .xlsx filled as a unit fills it; every command is
one a clerk types. (tests/test_cycle.py pins the office's half exactly; this test chains the
halves and checks what each step hands the next.)"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from ruamel.yaml import YAML

from tests.conftest import VALID, set_language
from tests.consult_forms import both, comment_on, general
from tests.consult_forms import fill as fill_consultation
from tests.consult_forms import sheet as data_sheet
from tests.solicit_forms import COMMERCE, PORTS, candidate, contact, fill, new_task
from tests.workbook import cell, edited

NEW = "2022-2023"


def planc(*args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from planc.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def _load(text: str) -> dict[str, Any]:
    found: dict[str, Any] = YAML(typ="safe").load(text)
    return found


def tasks_of(here: Path) -> dict[str, dict[str, object]]:
    found = {}
    for path in sorted((here / "plans" / NEW / "tasks").glob("*.yaml")):
        for task in _load(path.read_text("utf-8"))["tasks"]:
            found[task["id"]] = task
    return found


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(VALID, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    set_language(monkeypatch, "zh_CN.UTF-8")
    return tmp_path


def test_the_whole_cycle_from_solicitation_to_supervision(office: Path) -> None:
    # 1. The new round, begun from the last: no tasks yet, the last round's unfinished ones
    #    offered to their lead units.
    code, said = planc("new", NEW)
    assert code == 0, said
    assert said.startswith(f"已从 2020-2021 开始 {NEW}：")
    code, said = planc("solicit", "forms", NEW, "--out", "征集表")
    assert code == 0, said
    assert f"已为 {NEW} 的任务征集写出 3 份表格" in said

    # 2. Two units answer: keep, drop, and new tasks, units named in Chinese.
    back = office / "征集回执"
    back.mkdir()
    fill(
        office / "征集表" / COMMERCE,
        back / COMMERCE,
        contact("张三", "0532-88886666"),
        candidate("2020-2021:international-living-rooms", E="继续"),
        candidate("2020-2021:state-capital-reform", E="不再列入"),
        new_task(
            1,
            B="推进市场国际化",
            C="建设跨境电商综合试验区",
            E="2023年底",
            F="山东港口青岛港集团",
            G="实际使用外资",
        ),
    )
    fill(
        office / "征集表" / PORTS,
        back / PORTS,
        contact("李四", "0532-66668888"),
        candidate("2020-2021:trade-facilitation", E="继续"),
        new_task(1, B="推进市场国际化", C="建设国际航运枢纽", F="市商务局", E="2023-06-30"),
    )
    code, said = planc(
        "solicit",
        "import",
        NEW,
        f"征集回执/{COMMERCE}",
        f"征集回执/{PORTS}",
        "--date",
        "2022年1月10日",
    )
    assert code == 0, said
    tasks = tasks_of(office)
    titles = {t["title"] for t in tasks.values()}
    assert "建设跨境电商综合试验区" in titles and "建设国际航运枢纽" in titles
    assert "深化国有资本投资运营公司改革" not in titles  # dropped by its lead unit
    continued = {t["continues"] for t in tasks.values() if "continues" in t}
    assert continued == {"2020-2021:international-living-rooms", "2020-2021:trade-facilitation"}
    code, said = planc("solicit", "report", NEW)
    assert code == 0 and "市文化和旅游局" in said.split("尚未答复")[1]  # who has not answered

    # 3. The office edits the round in its workbook: a task's title.
    shipping = next(tid for tid, t in tasks.items() if t["title"] == "建设国际航运枢纽")
    assert planc("sheet", "export", NEW, "--out", "本轮.xlsx")[0] == 0
    edited(
        office / "本轮.xlsx",
        office / "本轮-改.xlsx",
        cell("tasks", shipping, "工作任务", "建设东北亚国际航运枢纽"),
    )
    code, said = planc("sheet", "import", NEW, "本轮-改.xlsx", "--apply")
    assert code == 0, said
    assert tasks_of(office)[shipping]["title"] == "建设东北亚国际航运枢纽"

    # 4. The draft (征求意见稿), dated on the command line, numbered task by task.
    code, said = planc("build", NEW, "--edition", "draft", "--date", "2022-03-01", "--html")
    assert code == 0, said
    page = (office / "dist" / NEW / "plan.html").read_text("utf-8")
    assert 'class="draft-banner"' in page and "建设东北亚国际航运枢纽" in page

    # 5. The consultation: forms to every unit, comments back from two.
    code, said = planc("consult", "forms", NEW, "--all", "--out", "意见表")
    assert code == 0, said
    forms = {p.name.split("-")[0]: p for p in (office / "意见表").iterdir()}
    assert set(forms) == {"市商务局", "市文化和旅游局", "山东港口青岛港集团"}
    replies = office / "意见回执"
    replies.mkdir()
    fill_consultation(
        forms["山东港口青岛港集团"],
        replies / "港口.xlsx",
        both(comment_on(shipping, "建议写明航运枢纽的建设目标"), general(4, "建议细化")),
    )
    code, said = planc("consult", "import", NEW, "意见回执/港口.xlsx", "--date", "2022-03-20")
    assert code == 0, said
    assert "2 条新意见" in said

    # 6. Dispositions in the workbook: the comment on the task adopted, naming the task by
    #    its number in the draft; the general one noted.
    assert planc("sheet", "export", NEW, "--out", "处理.xlsx")[0] == 0
    wb = openpyxl.load_workbook(office / "处理.xlsx")
    ws = data_sheet(wb, "comments")
    headings = [c.value for c in ws[3]]
    about, disposition, changed = (
        headings.index(h) + 1 for h in ("涉及", "处理意见", "修改的任务（编号）")
    )
    for r in range(4, ws.max_row + 1):
        if not ws.cell(r, 1).value:
            continue
        subject = str(ws.cell(r, about).value)
        if subject == "计划整体":
            ws.cell(r, disposition).value = "知悉"
        else:
            ws.cell(r, disposition).value = "采纳"
            ws.cell(r, changed).value = subject.split("项")[0].removeprefix("第")
    wb.save(office / "处理-填.xlsx")
    code, said = planc("sheet", "import", NEW, "处理-填.xlsx", "--apply")
    assert code == 0, said
    record = _load((office / "plans" / NEW / "consultation" / "round-1.yaml").read_text("utf-8"))
    assert sorted(c["disposition"] for c in record["comments"]) == ["adopted", "noted"]
    adopted = next(c for c in record["comments"] if c["disposition"] == "adopted")
    assert adopted["changed"] == [shipping]

    # 7. The 采纳情况说明, which names the units that never replied.
    code, said = planc("consult", "report", NEW)
    assert code == 0, said
    assert "采纳 1" in said and "未反馈的单位（2）" in said

    # 8. The official edition.
    code, said = planc("build", NEW, "--edition", "official", "--html", "--out", "正式")
    assert code == 0, said
    official = (office / "正式" / NEW / "plan.html").read_text("utf-8")
    assert 'class="draft-banner"' not in official and "建设东北亚国际航运枢纽" in official

    # 9. Supervision: forms to lead and partner units, two come back, the summary goes up.
    code, said = planc(
        "progress", "forms", NEW, "--period", "2022-Q3", "--partners", "--out", "督查表"
    )
    assert code == 0, said
    returned = []
    for name, status in (("市商务局", "正常推进"), ("山东港口青岛港集团", "已完成")):
        form = office / "督查表" / f"2022-Q3-{name}.xlsx"
        wb = openpyxl.load_workbook(form)
        ws = wb.worksheets[0]
        column = [c.value for c in ws[3]].index("本期状态") + 1
        for r in range(4, ws.max_row + 1):
            ws.cell(r, column).value = status
        wb.save(form)
        returned.append(f"督查表/2022-Q3-{name}.xlsx")
    code, said = planc("progress", "import", NEW, *returned)
    assert code == 0, said
    code, said = planc("progress", NEW, "--format", "xlsx", "--out", "汇总.xlsx")
    assert code == 0 and (office / "汇总.xlsx").is_file(), said

    # The round checks without errors, and nothing in it was written by hand.
    code, said = planc("check", NEW)
    assert code == 0 and "0 个错误" in said, said
