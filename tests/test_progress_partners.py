"""Progress forms to partner units too (`planc progress forms --partners`), and the summary
the office sends upward (`planc progress ROUND --format xlsx`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from planc.cli import app
from planc.pipeline import analyze
from tests.conftest import FIXTURES
from tests.office import sheets_as_csv
from tests.test_progress_forms import fill

runner = CliRunner()
CULTURE = "f/2021-Q3-市文化和旅游局.xlsx"
COMMERCE = "f/2021-Q3-市商务局.xlsx"
PORTS = "f/2021-Q3-山东港口青岛港集团.xlsx"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "progress", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_forms_go_to_partners_with_their_own_previous_report(here: Path) -> None:
    args = ["progress", "forms", "2020-2021", "--period", "2021-Q3", "--out", "f", "--partners"]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (
        0,
        f"wrote {COMMERCE}  (市商务局, 3 tasks)\n"
        f"wrote {CULTURE}  (市文化和旅游局, 2 tasks)\n"
        f"wrote {PORTS}  (山东港口青岛港集团, 3 tasks)\n"
        "wrote f/2021-Q3-市地方金融监管局.xlsx  (市地方金融监管局, 1 task)\n"
        "wrote f/2021-Q3-市科技局.xlsx  (市科技局, 1 task)\n"
        "5 forms for 2021-Q3, one per lead or partner unit\n",
    )
    ws = load_workbook(CULTURE).worksheets[0]
    rows = [(ws.cell(r, 1).value, ws.cell(r, 6).value, ws.cell(r, 7).value) for r in (4, 5)]
    # A partner's form is prefilled with its own last report (2021-Q1 has one by 市文化和旅游局),
    # never with the lead's.
    assert rows == [
        ("international-living-rooms", "2021-Q1 已完成", "已完成"),
        ("cruise-port", "（首次报送）", None),
    ]
    lead = load_workbook(COMMERCE).worksheets[0]
    previous = {lead.cell(r, 1).value: lead.cell(r, 6).value for r in range(4, 7)}
    # 市商务局 leads two tasks (the task's last report) and partners talent-visa (its own).
    assert previous == {
        "state-capital-reform": "2021-Q2 滞后 55%",
        "talent-visa": "2021-Q1 未启动",
        "international-living-rooms": "2021-Q2 正常推进 90%",
    }


def test_a_partner_reports_beside_the_lead(here: Path) -> None:
    args = ["progress", "forms", "2020-2021", "--period", "2021-Q3", "--out", "f", "--partners"]
    assert runner.invoke(app, args).exit_code == 0
    fill(COMMERCE, "international-living-rooms", status="正常推进", percent=80)
    fill(CULTURE, "international-living-rooms", status="滞后", note="场馆布展推迟")
    fill(CULTURE, "cruise-port", status="已完成")
    result = runner.invoke(app, ["progress", "import", "2020-2021", COMMERCE, CULTURE])
    assert result.exit_code == 0, result.output
    text = (here / "plans/2020-2021/progress/2021-Q3.yaml").read_text("utf-8")
    assert text.count("task: international-living-rooms") == 2
    analysis = analyze(here / "plans", ["2020-2021"])
    assert not {d.code for d in analysis.diagnostics} & {"duplicate-id", "unit-not-responsible"}
    pi = analysis.index.rounds["2020-2021"].progress
    assert pi is not None
    # The lead's report gives the task's state, whichever form came first.
    living = pi.reports["international-living-rooms"]["2021-Q3"]
    assert (living.unit and living.unit.id, living.status) == ("commerce", "on-track")
    # Where only a partner reported, its report stands for the task.
    cruise = pi.reports["cruise-port"]["2021-Q3"]
    assert (cruise.unit and cruise.unit.id, cruise.status) == ("culture", "done")


def test_the_summary_sent_upward(here: Path) -> None:
    result = runner.invoke(app, ["progress", "2020-2021", "--format", "xlsx", "--out", "汇总.xlsx"])
    assert (result.exit_code, result.stdout) == (
        0,
        "wrote 汇总.xlsx: the summary of 2020-2021 as of 2021-Q2\n",
    )
    sheets = sheets_as_csv(here / "汇总.xlsx", here)
    counts, attention = sheets["推进情况汇总"], sheets["需关注的任务"]
    title = "青岛市推进“国际化+”行动计划（2020/2021年）任务推进情况汇总"
    assert counts[:6] == [
        [title, *[""] * 9],
        ["截至2021年第二季度（2021年6月30日），共6项任务", *[""] * 9],
        [""] * 10,
        ["一、按部分", *[""] * 9],
        [
            "部分",
            "任务数",
            "已完成",
            "正常推进",
            "未启动",
            "滞后",
            "逾期",
            "未报送",
            "已终止",
            "完成率",
        ],
        ["推进企业国际化", "3", "1", "0", "1", "1", "0", "0", "0", "33%"],
    ]
    assert ["合计", "6", "2", "1", "1", "1", "0", "0", "1", "40%"] in counts
    assert attention[4:] == [
        ["编号", "工作任务", "牵头单位", "完成时限", "状态", "最近报送"],
        [
            "3",
            "深化国有资本投资运营公司改革",
            "市商务局",
            "",
            "滞后",
            "2021年第二季度 滞后 55%：方案待审议",
        ],
    ]
    again = runner.invoke(app, ["progress", "2020-2021", "--format", "xlsx", "--out", "汇总.xlsx"])
    assert again.exit_code == 2 and "汇总.xlsx is already there" in again.stderr
    bare = runner.invoke(app, ["progress", "2020-2021", "--format", "xlsx"])
    assert (bare.exit_code, bare.stderr) == (
        2,
        "planc: error: --format xlsx writes a file: give both, as --format xlsx --out FILE.xlsx\n",
    )
