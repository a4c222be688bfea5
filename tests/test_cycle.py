"""The office's half of the cycle, as a clerk runs it with no YAML typed by hand: the round edited
in the whole-round workbook (a title changed, a task added, one dropped), the draft, the
consultation's forms to every unit, the comments back, the dispositions recorded in the
workbook, the 采纳情况说明, the official build, progress forms to lead and partner units, their
reports back and the summary sent upward. Each step's output is pinned exactly.

The steps are functions over one folder, so the solicitation's steps (`planc new`, `solicit
forms`, `solicit import`) can be put in front of them for the whole cycle. It takes about 20 s:
two HTML builds and a dozen workbooks written and read, which is the cycle."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import VALID
from tests.consult_forms import both, comment_on, fill, general, sheet
from tests.workbook import added, cell, deleted, edited, snapshot

ROUND = "2020-2021"


def planc(*args: str) -> tuple[int, str]:
    """`planc ARGS` as typed in the office's folder: stdout, then stderr."""
    from typer.testing import CliRunner

    from planc.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


Step = Callable[[Path], None]


def edit_the_round(here: Path) -> None:
    assert planc("sheet", "export", ROUND, "--out", "round.xlsx") == (
        0,
        "wrote round.xlsx: 3 tasks, 2 cases, 2 indicators, 4 units, 0 comments\n",
    )
    edited(
        here / "round.xlsx",
        here / "round-edited.xlsx",
        cell("tasks", "state-capital-reform", "工作任务", "深化国资国企改革"),
        added(
            "tasks",
            {
                "工作任务": "建设国际贸易单一窗口",
                "部分": "推进市场国际化",
                "方面": "在优化环境方面",
                "牵头单位": "山东港口青岛港集团",
                "参与单位": "市海洋发展局",
                "服务指标": "实际使用外资",
                "完成时限": "2021年12月",
            },
        ),
        deleted("tasks", "international-living-rooms"),
        deleted("cases", "hk-airport-city"),
        cell("units", "culture", "另行征求意见", "是"),  # asked, though it has no task left
    )
    code, said = planc("sheet", "import", ROUND, "round-edited.xlsx", "--apply", "--confirm-drops")
    assert (code, said) == (
        0,
        "round-edited.xlsx against the sources of 2020-2021:\n"
        "tasks (任务): 1 revised, 1 new, 1 dropped\n"
        "  ~ state-capital-reform  深化国资国企改革\n"
        "      title: 深化国[-有-]资[-本投资运营公司-]{+国企+}改革\n"
        "  + ports-1  建设国际贸易单一窗口\n"
        "  - international-living-rooms  "
        "高标准建设日本、韩国、德国、上合组织国家和以色列五个“国际客厅”\n"
        "cases (对标案例): 0 revised, 0 new, 1 dropped\n"
        "  - hk-airport-city  香港“机场城市”\n"
        "units (责任单位): 1 revised, 0 new, 0 dropped\n"
        "  ~ culture  市文化和旅游局\n"
        "      consulted: — → 是\n"
        "wrote 4 files: plans/2020-2021/cases/market.yaml, plans/2020-2021/plan.yaml, "
        "plans/2020-2021/tasks/enterprise.yaml, plans/2020-2021/tasks/market.yaml\n",
    )


def draft(here: Path) -> None:
    code, said = planc(
        "build", ROUND, "--edition", "draft", "--date", "2020-05-06", "--html", "--out", "draft"
    )
    assert code == 0, said
    assert (here / "draft" / ROUND / "plan.html").is_file()


def consultation_forms(here: Path) -> None:
    code, said = planc("consult", "forms", ROUND, "--all", "--out", "forms")
    assert (code, said.splitlines()[:5]) == (
        0,
        [
            "  市商务局-2020-2021征求意见表（第1次）.xlsx  市商务局: 1 task",
            "  市文化和旅游局-2020-2021征求意见表（第1次）.xlsx  市文化和旅游局: 0 tasks",
            "  山东港口青岛港集团-2020-2021征求意见表（第1次）.xlsx  山东港口青岛港集团: 2 tasks",
            "  市海洋发展局-2020-2021征求意见表（第1次）.xlsx  市海洋发展局: 1 task",
            "wrote 4 forms for consultation 1 of 2020-2021 into forms/",
        ],
    )


def comments_back(here: Path) -> None:
    forms, back = here / "forms", here / "back"
    back.mkdir()
    fill(
        forms / "市商务局-2020-2021征求意见表（第1次）.xlsx",
        back / "商务局.xlsx",
        both(
            comment_on("state-capital-reform", "建议写明国资国企改革的时间表"),
            general(4, "建议细化"),
        ),
    )
    fill(
        forms / "山东港口青岛港集团-2020-2021征求意见表（第1次）.xlsx",
        back / "港口.xlsx",
        comment_on("ports-1", "建议改为“国际贸易单一窗口2.0”"),
    )
    code, said = planc(
        "consult", "import", ROUND, "back/商务局.xlsx", "back/港口.xlsx", "--received", "2020-05-20"
    )
    assert (code, said) == (
        0,
        "  back/商务局.xlsx  市商务局, consultation 1: 2 comments\n"
        "  back/港口.xlsx  山东港口青岛港集团, consultation 1: 1 comment\n"
        "plans/2020-2021/consultation/round-1.yaml: 3 new comments, 2 new responses\n",
    )


def dispositions(here: Path) -> None:
    assert planc("sheet", "export", ROUND, "--out", "dispose.xlsx")[0] == 0
    wb = load_workbook(here / "dispose.xlsx")
    ws = sheet(wb, "comments")
    ids = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value]
    answers = {  # by what the comment is about
        "第1项 深化国资国企改革": ("采纳", None, "1"),
        "计划整体": ("知悉", None, None),
        "第3项 建设国际贸易单一窗口": ("不采纳", "名称以国家部署为准", None),
    }
    for r in range(4, 4 + len(ids)):
        disposition, reason, changed = answers[str(ws.cell(r, 4).value)]
        ws.cell(r, 7).value, ws.cell(r, 8).value, ws.cell(r, 9).value = disposition, reason, changed
    wb.save(here / "disposed.xlsx")
    code, said = planc("sheet", "import", ROUND, "disposed.xlsx", "--apply")
    assert code == 0, said
    assert said.splitlines()[1] == "comments (征求意见处理): 3 revised, 0 new, 0 dropped"
    assert said.endswith("wrote 1 file: plans/2020-2021/consultation/round-1.yaml\n")


def report(here: Path) -> None:
    code, said = planc("consult", "report", ROUND)
    assert code == 0
    assert "never replied to consultation 1 (2): 市文化和旅游局、市海洋发展局\n" in said
    assert said.endswith(
        "not adopted (1)\n"
        f"  {_comment_on(here, 'ports-1')}  山东港口青岛港集团  第3项 建设国际贸易单一窗口\n"
        "    意见：建议改为“国际贸易单一窗口2.0”\n"
        "    理由：名称以国家部署为准\n"
    )


def _comment_on(here: Path, task: str) -> str:
    text = (here / "plans" / ROUND / "consultation" / "round-1.yaml").read_text("utf-8")
    block = text.split(f"task: {task}")[0].rsplit("- id: ", 1)[1]
    return block.split("\n", 1)[0]


def official(here: Path) -> None:
    code, said = planc("build", ROUND, "--html", "--out", "official")
    assert code == 0, said
    assert (here / "official" / ROUND / "plan.html").is_file()


def progress(here: Path) -> None:
    code, said = planc(
        "progress", "forms", ROUND, "--period", "2020-Q3", "--partners", "--out", "progress"
    )
    assert (code, said) == (
        0,
        "wrote progress/2020-Q3-市商务局.xlsx  (市商务局, 1 task)\n"
        "wrote progress/2020-Q3-山东港口青岛港集团.xlsx  (山东港口青岛港集团, 2 tasks)\n"
        "wrote progress/2020-Q3-市海洋发展局.xlsx  (市海洋发展局, 1 task)\n"
        "3 forms for 2020-Q3, one per lead or partner unit\n",
    )
    for name, status in (("市商务局", "正常推进"), ("山东港口青岛港集团", "已完成")):
        form = here / "progress" / f"2020-Q3-{name}.xlsx"
        wb = load_workbook(form)
        ws = wb.worksheets[0]
        for r in range(4, ws.max_row + 1):
            ws.cell(r, 7).value = status
        wb.save(form)
    files = [f"progress/2020-Q3-{n}.xlsx" for n in ("市商务局", "山东港口青岛港集团")]
    code, said = planc("progress", "import", ROUND, *files)
    assert code == 0, said
    code, said = planc("progress", ROUND, "--format", "xlsx", "--out", "汇总.xlsx")
    assert (code, said) == (0, "wrote 汇总.xlsx: the summary of 2020-2021 as of 2020-Q3\n")


OFFICE: tuple[Step, ...] = (
    edit_the_round,
    draft,
    consultation_forms,
    comments_back,
    dispositions,
    report,
    official,
    progress,
)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(VALID, plans)
    units = plans / "registry" / "units.yaml"
    units.write_text(units.read_text("utf-8") + "  ocean: {name: 市海洋发展局}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_office_runs_its_half_of_the_cycle(office: Path) -> None:
    for step in OFFICE:
        step(office)
    code, said = planc("check", ROUND)
    assert code == 0 and "0 errors" in said
    # Nothing of it was typed as YAML: every source file planc changed says so by what it holds.
    assert (
        "disposition: not-adopted"
        in snapshot(office / "plans")[f"{ROUND}/consultation/round-1.yaml"].decode()
    )
