"""The whole biennial cycle in the clerks' hands, in Chinese, with no YAML, id or git typed by
anyone: a round begun from the last (`planc new`), the solicitation's forms to the member units
and back (Chinese unit names, full-width digits, a blank row), the round edited in the office's
workbook (a title changed, a task added, one dropped, the indicator system carried over
marked reviewed), the draft, the consultation's forms and
comments, the dispositions recorded in the workbook, the 采纳情况说明, the official edition, the
progress forms to lead and partner units, their reports and the summary sent upward.

Every file a clerk handles is an .xlsx planc wrote, or one filled as a unit fills it; every
command is one a clerk types. Each step's output is pinned exactly in
tests/pinned/whole-cycle.txt (rewritten by `python -m tests.pins --write`), and the test also
checks what each step hands the next."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from ruamel.yaml import YAML

from tests.conftest import VALID
from tests.consult_forms import both, comment_on, general
from tests.consult_forms import fill as fill_consultation
from tests.consult_forms import sheet as data_sheet
from tests.solicit_forms import COMMERCE, PORTS, candidate, contact, fill, new_task
from tests.workbook import added, cell, deleted, edited

NEW = "2022-2023"
PINNED = Path(__file__).parent / "pinned" / "whole-cycle.txt"


class Office:
    """The office's folder, and the transcript of what was typed there and what planc said."""

    def __init__(self, here: Path) -> None:
        self.here = here
        self.transcript: list[str] = []

    def planc(self, *args: str) -> str:
        from typer.testing import CliRunner

        from planc import i18n
        from planc.cli import app

        i18n.reset()  # planc reads the language once per process; here once per command
        result = CliRunner().invoke(app, list(args))
        said = result.stdout + result.stderr
        self.transcript.append(f"$ planc {' '.join(args)}\n[{result.exit_code}]\n{said}")
        assert result.exit_code == 0, said
        return said

    def tasks(self) -> dict[str, dict[str, Any]]:
        found = {}
        for path in sorted((self.here / "plans" / NEW / "tasks").glob("*.yaml")):
            for task in _load(path)["tasks"]:
                found[task["id"]] = task
        return found


def _load(path: Path) -> dict[str, Any]:
    found: dict[str, Any] = YAML(typ="safe").load(path.read_text("utf-8"))
    return found


def run_cycle(here: Path) -> str:
    """The cycle in the folder `here` (which holds plans/ as the valid fixture); the
    transcript. LANG must be zh_CN.UTF-8."""
    office = Office(here)
    planc = office.planc
    # 1. The new round, begun from the last: no tasks yet, the last round's unfinished tasks
    #    offered to their lead units.
    assert planc("new", NEW).startswith(f"已从 2020-2021 开始 {NEW}：")
    planc("solicit", "forms", NEW, "--out", "征集表")

    # 2. Two units answer: keep, revise, drop, new tasks with units by Chinese name, full-width
    #    digits, a blank row between two new tasks.
    back = here / "征集回执"
    back.mkdir()
    fill(
        here / "征集表" / COMMERCE,
        back / COMMERCE,
        contact("张三", "０５３２-８８８８６６６６"),
        candidate("2020-2021:international-living-rooms", G="建设日本、韩国国际客厅"),
        candidate("2020-2021:state-capital-reform", E="不再列入"),
        new_task(
            1,
            B="推进市场国际化",
            C="建设跨境电商综合试验区",
            E="２０２３年底",
            F="山东港口青岛港集团",
            G="实际使用外资",
        ),
        new_task(3, B="推进企业国际化", C="培育本土跨国公司", E="2023年6月"),
    )
    fill(
        here / "征集表" / PORTS,
        back / PORTS,
        contact("李四", "0532-66668888"),
        candidate("2020-2021:trade-facilitation", E="继续"),
        new_task(1, B="推进市场国际化", C="建设国际航运枢纽", F="市商务局", E="2023-06-30"),
    )
    planc(
        "solicit",
        "import",
        NEW,
        f"征集回执/{COMMERCE}",
        f"征集回执/{PORTS}",
        "--date",
        "2022年1月10日",
    )
    tasks = office.tasks()
    titles = {t["title"] for t in tasks.values()}
    assert {"建设跨境电商综合试验区", "建设国际航运枢纽", "培育本土跨国公司"} <= titles
    assert "建设日本、韩国国际客厅" in titles  # revised by its lead unit
    assert "深化国有资本投资运营公司改革" not in titles  # dropped by its lead unit
    continued = {t["continues"] for t in tasks.values() if "continues" in t}
    assert continued == {"2020-2021:international-living-rooms", "2020-2021:trade-facilitation"}
    assert "市文化和旅游局" in planc("solicit", "report", NEW).split("尚未答复")[1]

    # 3. The office edits the round in its workbook: a title changed, a task added, one dropped;
    #    the indicator system planc new carried over reviewed (沿用自 emptied on its rows).
    shipping = next(tid for tid, t in tasks.items() if t["title"] == "建设国际航运枢纽")
    dropped = next(tid for tid, t in tasks.items() if t["title"] == "培育本土跨国公司")
    planc("sheet", "export", NEW, "--out", "本轮.xlsx")
    edited(
        here / "本轮.xlsx",
        here / "本轮-改.xlsx",
        cell("tasks", shipping, "工作任务", "建设东北亚国际航运枢纽"),
        added(
            "tasks",
            {
                "工作任务": "建设国际贸易单一窗口",
                "部分": "推进市场国际化",
                "牵头单位": "山东港口青岛港集团",
                "参与单位": "市商务局",
                "完成时限": "2023年12月",
            },
        ),
        deleted("tasks", dropped),
        cell("indicators", "listed-companies", "沿用自", None),
        cell("indicators", "foreign-investment", "沿用自", None),
    )
    planc("sheet", "import", NEW, "本轮-改.xlsx", "--apply", "--confirm-drops")
    system = (here / "plans" / NEW / "indicators" / "five-internationalizations.yaml").read_text(
        "utf-8"
    )
    assert "carried_from" not in system
    tasks = office.tasks()
    assert tasks[shipping]["title"] == "建设东北亚国际航运枢纽" and dropped not in tasks
    assert "建设国际贸易单一窗口" in {t["title"] for t in tasks.values()}

    # 4. The draft (征求意见稿), dated on the command line.
    planc(
        "build", NEW, "--edition", "draft", "--date", "2022-03-01", "--html", "--out", "征求意见稿"
    )
    page = (here / "征求意见稿" / NEW / "plan.html").read_text("utf-8")
    assert 'class="draft-banner"' in page and "建设东北亚国际航运枢纽" in page

    # 5. The consultation: forms to every unit, comments back from one.
    planc("consult", "forms", NEW, "--all", "--out", "意见表")
    forms = {p.name.split("-")[0]: p for p in (here / "意见表").iterdir()}
    assert set(forms) == {"市商务局", "市文化和旅游局", "山东港口青岛港集团"}
    replies = here / "意见回执"
    replies.mkdir()
    fill_consultation(
        forms["山东港口青岛港集团"],
        replies / "港口.xlsx",
        both(comment_on(shipping, "建议写明航运枢纽的建设目标"), general(4, "建议细化")),
    )
    planc("consult", "import", NEW, "意见回执/港口.xlsx", "--date", "2022-03-20")

    # 6. Dispositions in the workbook: the comment on the task adopted, naming the task by its
    #    number in the draft; the general one noted.
    planc("sheet", "export", NEW, "--out", "处理.xlsx")
    wb = openpyxl.load_workbook(here / "处理.xlsx")
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
    wb.save(here / "处理-填.xlsx")
    planc("sheet", "import", NEW, "处理-填.xlsx", "--apply")
    record = _load(here / "plans" / NEW / "consultation" / "round-1.yaml")
    assert sorted(c["disposition"] for c in record["comments"]) == ["adopted", "noted"]
    adopted = next(c for c in record["comments"] if c["disposition"] == "adopted")
    assert adopted["changed"] == [shipping]

    # 7. The 采纳情况说明, which names the units that never replied.
    said = planc("consult", "report", NEW)
    assert "采纳 1" in said and "未反馈的单位（2）" in said

    # 8. The official edition.
    planc("build", NEW, "--edition", "official", "--html", "--out", "正式")
    official = (here / "正式" / NEW / "plan.html").read_text("utf-8")
    assert 'class="draft-banner"' not in official and "建设东北亚国际航运枢纽" in official

    # 9. Supervision: forms to lead and partner units, two come back, the summary goes up.
    planc("progress", "forms", NEW, "--period", "2022-Q3", "--partners", "--out", "督查表")
    returned = []
    for name, status in (("市商务局", "正常推进"), ("山东港口青岛港集团", "已完成")):
        form = here / "督查表" / f"2022-Q3-{name}.xlsx"
        wb = openpyxl.load_workbook(form)
        ws = wb.worksheets[0]
        headings = [c.value for c in ws[3]]
        for r in range(4, ws.max_row + 1):
            ws.cell(r, headings.index("本期状态") + 1).value = status
            ws.cell(r, headings.index("填报日期") + 1).value = "2022年10月8日"
        wb.save(form)
        returned.append(f"督查表/2022-Q3-{name}.xlsx")
    planc("progress", "import", NEW, *returned)
    planc("progress", NEW, "--format", "xlsx", "--out", "汇总.xlsx")
    assert (here / "汇总.xlsx").is_file()

    # The round checks without errors.
    said = planc("check", NEW)
    assert "0 个错误" in said and "carried-over" not in said
    return "\n".join(office.transcript)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(VALID, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    return tmp_path


def test_the_whole_cycle_from_solicitation_to_supervision(office: Path) -> None:
    assert run_cycle(office) == PINNED.read_text("utf-8")


def write_pinned(base: Path) -> None:
    """Run the cycle in a folder under `base` and pin its transcript (tests/pins.py --write)."""
    here = base / "whole-cycle"
    shutil.copytree(VALID, here / "plans")
    saved = {k: os.environ.get(k) for k in ("LANG", "LC_ALL", "LC_MESSAGES", "COLUMNS")}
    cwd = Path.cwd()
    try:
        os.environ.update(LANG="zh_CN.UTF-8", COLUMNS="100")
        os.environ.pop("LC_ALL", None)
        os.environ.pop("LC_MESSAGES", None)
        os.chdir(here)
        PINNED.write_text(run_cycle(here), encoding="utf-8")
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
