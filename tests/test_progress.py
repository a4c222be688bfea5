"""planc progress as a user meets it (exact output), the 督查通报 in a build, and a property
test: over random progress histories, the tables count exactly what a direct count finds."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planc.cli import app
from planc.periods import parse_period
from planc.pipeline import analyze
from planc.render.charts import completion_chart, trend
from planc.render.progress import summarize
from tests.conftest import FIXTURES, edit

runner = CliRunner()
ZH = {"LANG": "zh_CN.UTF-8"}
PROGRESS = FIXTURES / "progress"
Q2 = "2020-2021/progress/2021-Q2.yaml"
ENT = "2020-2021/tasks/enterprise.yaml"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PROGRESS, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "plans"


TABLE = """\
2020-2021  青岛市推进“国际化+”行动计划（2020/2021年）
as of 2021-Q2 (2021年第二季度, 2021-06-30); 4 periods: 2020-Q3, 2020-Q4, 2021-Q1, 2021-Q2

by chapter (按部分)
chapter         count done on-track not-started delayed overdue not-reported dropped rate
推进企业国际化      3    1        0           1       1       0            0       0  33%
推进市场国际化      3    1        1           0       0       0            0       1  50%
total               6    2        1           1       1       0            0       1  40%

by lead unit (按牵头单位)
lead unit           count done on-track not-started delayed overdue not-reported dropped rate
市商务局                2    0        1           0       1       0            0       0   0%
山东港口青岛港集团      2    1        0           0       0       0            0       1 100%
市地方金融监管局        1    1        0           0       0       0            0       0 100%
市科技局                1    0        0           1       0       0            0       0   0%
total                   6    2        1           1       1       0            0       1  40%

delayed: 1
  3. 深化国有资本投资运营公司改革 (state-capital-reform) — 市商务局; 2021-Q2 delayed 55%; 方案待审议
"""
# The same table for a clerk: every word in Chinese, the columns still aligned.
TABLE_ZH = """\
2020-2021  青岛市推进“国际化+”行动计划（2020/2021年）
截至 2021-Q2（2021年第二季度，2021-06-30），共 4 期：2020-Q3、2020-Q4、2021-Q1、2021-Q2

按部分
部分            任务 已完成 正常推进 未启动 滞后 逾期 未报送 已终止 完成率
推进企业国际化     3      1        0      1    1    0      0      0    33%
推进市场国际化     3      1        1      0    0    0      0      1    50%
合计               6      2        1      1    1    0      0      1    40%

按牵头单位
牵头单位            任务 已完成 正常推进 未启动 滞后 逾期 未报送 已终止 完成率
市商务局               2      0        1      0    1    0      0      0     0%
山东港口青岛港集团     2      1        0      0    0    0      0      1   100%
市地方金融监管局       1      1        0      0    0    0      0      0   100%
市科技局               1      0        0      1    0    0      0      0     0%
合计                   6      2        1      1    1    0      0      1    40%

滞后：1
  3. 深化国有资本投资运营公司改革（state-capital-reform）— 市商务局；2021-Q2 滞后 55%；方案待审议
"""


def test_progress_table(here: Path) -> None:
    result = runner.invoke(app, ["progress", "2020-2021"])
    assert (result.exit_code, result.stdout) == (0, TABLE)
    # options before the round work as well
    again = runner.invoke(app, ["progress", "--plans", "plans", "2020-2021"])
    assert again.stdout == TABLE
    assert runner.invoke(app, ["progress", "2020-2021"], env=ZH).stdout == TABLE_ZH


def _overdue_and_unreported(plans: Path) -> None:
    edit(plans, ENT, "    due: 2021-12\n", "    due: 2021-03\n")
    edit(
        plans,
        Q2,
        "  - task: state-capital-reform\n    unit: commerce\n    status: delayed\n"
        "    percent: 55\n    note: 方案待审议\n    date: 2021-07-08\n",
        "",
    )


def test_progress_overdue_and_not_reported(here: Path) -> None:
    _overdue_and_unreported(here)
    result = runner.invoke(app, ["progress", "2020-2021"])
    assert result.exit_code == 0
    tail = result.stdout.split("\n\n")[-2:]
    assert tail == [
        "overdue: 1\n"
        "  8. 便利外籍人才来青工作 (talent-visa) — 市科技局; due 2021-03; 2021-Q2 not-started",
        "not-reported: 1\n"
        "  3. 深化国有资本投资运营公司改革 (state-capital-reform) — 市商务局; 2021-Q1 on-track "
        "50%\n",
    ]
    total = "total               6    2        1           0       0       1            1       1"
    assert total in result.stdout
    chinese = runner.invoke(app, ["progress", "2020-2021"], env=ZH)
    assert chinese.stdout.split("\n\n")[-2:] == [
        "逾期：1\n"
        "  8. 便利外籍人才来青工作（talent-visa）— 市科技局；完成时限 2021-03；2021-Q2 未启动",
        "未报送：1\n"
        "  3. 深化国有资本投资运营公司改革（state-capital-reform）— 市商务局；2021-Q1 正常推进 "
        "50%\n",
    ]


def test_progress_as_of_an_earlier_period(here: Path) -> None:
    result = runner.invoke(app, ["progress", "2020-2021", "--as-of", "2020-Q4", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["as_of"] == "2020-Q4" and data["periods"] == ["2020-Q3", "2020-Q4"]
    assert {
        k: data["total"][k] for k in ("tasks", "done", "on-track", "not-started", "delayed")
    } == {
        "tasks": 6,
        "done": 1,
        "on-track": 3,
        "not-started": 1,
        "delayed": 1,
    }
    assert data["done_over_periods"]["round"] == [0, 1]
    assert data["tasks"]["cruise-port"]["state"] == "done"
    assert data["units"]["ports"]["rate"] == 50


def test_progress_github(here: Path) -> None:
    _overdue_and_unreported(here)
    result = runner.invoke(app, ["progress", "2020-2021", "--format", "github"])
    lines = result.stdout.splitlines()
    where = "file=plans/2020-2021/tasks/enterprise.yaml"
    assert lines[0].startswith(f"::warning {where},line=16,col=9,title=progress overdue::")
    assert lines[1].startswith("::warning file=plans/2020-2021/tasks/enterprise.yaml,line=3,col=9,")
    assert lines[-1] == (
        "::notice title=progress 2020-2021 2021-Q2::6 tasks: done 2, on-track 1, not-started 0, "
        "delayed 0, overdue 1, not-reported 1, dropped 1"
    )
    chinese = runner.invoke(app, ["progress", "2020-2021", "--format", "github"], env=ZH)
    assert chinese.stdout.splitlines()[-1] == (
        "::notice title=progress 2020-2021 2021-Q2::任务 6：已完成 2，正常推进 1，未启动 0，"
        "滞后 0，逾期 1，未报送 1，已终止 1"
    )


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["progress", "2018-2019"], 2, "round 2018-2019 has no progress reports"),
        (["progress", "2020-2021", "--as-of", "2021-Q3"], 2, "no progress for 2021-Q3 (periods:"),
        (["progress", "2030-2031"], 2, "no round '2030-2031'"),
        (["progress", "diff", "2020-2021", "2021-Q2", "2021-Q1"], 2, "2021-Q2 is not before"),
    ],
)
def test_progress_usage_errors(here: Path, args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert result.stdout == "" and message in result.stderr


def test_progress_refuses_sources_with_errors(here: Path) -> None:
    edit(here, Q2, "  - task: talent-visa\n", "  - task: talent-visas\n")
    result = runner.invoke(app, ["progress", "2020-2021"])
    assert result.exit_code == 1
    assert "error[unknown-task]" in result.stderr
    assert "no progress report for 2020-2021" in result.stderr


DIFF = """\
planc progress diff 2020-2021 2021-Q1 → 2021-Q2

state changed: 3
  3. 深化国有资本投资运营公司改革 (state-capital-reform)  on-track 50% → delayed 55%  方案待审议
  5. 支持企业境外上市融资 (overseas-listing)  on-track 70% → done 100%  两家企业境外上市
  24. 高标准建设日本、韩国、德国、上合组织国家和以色列五个“国际客厅” (international-living-rooms)\
  done → on-track 90%  以色列客厅场馆整改，重新开放

unchanged: 3
"""
DIFF_ZH = """\
planc progress diff 2020-2021 2021-Q1 → 2021-Q2

状态变化：3
  3. 深化国有资本投资运营公司改革（state-capital-reform）  正常推进 50% → 滞后 55%  方案待审议
  5. 支持企业境外上市融资（overseas-listing）  正常推进 70% → 已完成 100%  两家企业境外上市
  24. 高标准建设日本、韩国、德国、上合组织国家和以色列五个“国际客厅”（international-living-rooms）\
  已完成 → 正常推进 90%  以色列客厅场馆整改，重新开放

未变：3
"""


def test_progress_diff(here: Path) -> None:
    args = ["progress", "diff", "2020-2021", "2021-Q1", "2021-Q2"]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (0, DIFF)
    assert runner.invoke(app, args, env=ZH).stdout == DIFF_ZH
    data = json.loads(
        runner.invoke(
            app, ["progress", "diff", "2020-2021", "2020-Q3", "2020-Q4", "--format", "json"]
        ).stdout
    )
    moved = ["state-capital-reform", "trade-facilitation", "cruise-port"]
    assert [m["task"] for m in data["moved"]] == moved
    assert [(m["task"], m["from"]["percent"], m["to"]["percent"]) for m in data["advanced"]] == [
        ("overseas-listing", 20, 40),
        ("international-living-rooms", 20, 40),
    ]
    assert data["fell"] == [] and data["same"] == ["talent-visa"]


def test_periods_order_and_labels() -> None:
    names = ["2021-H1", "2021-Q2", "2021-06", "2021-05", "2020-Q4"]
    periods = sorted(p for n in names if (p := parse_period(n)))
    assert [p.name for p in periods] == ["2020-Q4", "2021-05", "2021-06", "2021-Q2", "2021-H1"]
    assert [p.label for p in periods[-3:]] == ["2021年6月", "2021年第二季度", "2021年上半年"]
    assert parse_period("2021-Q5") is None and parse_period("2021-13") is None
    assert periods[1].overlaps(periods[3]) and not periods[0].overlaps(periods[1])


def test_no_chart_of_zeros() -> None:
    assert completion_chart("t", ["2021-Q1", "2021-Q2"], [("a", [0.0, 0.0])]) == ""
    assert trend([0.0, 0.0], "t") == ""
    chart = completion_chart("t", ["2021-Q1", "2021-Q2"], [("部分一", [0.0, 50.0])])
    assert "<polyline" in chart and "部分一（50%）" in chart  # the legend names the line


# --------------------------------------------------------------------------------------------
# Property: over random histories, the tables count what a direct count finds
# --------------------------------------------------------------------------------------------

PERIODS = ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"]
TASKS = {  # task -> its lead unit, as in the fixture
    "state-capital-reform": "commerce",
    "overseas-listing": "finance",
    "talent-visa": "science",
    "international-living-rooms": "commerce",
    "trade-facilitation": "ports",
    "cruise-port": "ports",
}
STATUSES = ["not-started", "on-track", "delayed", "done", "dropped"]
report = st.one_of(st.none(), st.tuples(st.sampled_from(STATUSES), st.integers(0, 100)))
history = st.fixed_dictionaries(
    {
        "periods": st.lists(st.sampled_from(PERIODS), min_size=1, max_size=8, unique=True),
        "reports": st.dictionaries(
            st.sampled_from(list(TASKS)), st.lists(report, min_size=8, max_size=8)
        ),
        "due": st.dictionaries(
            st.sampled_from(list(TASKS)), st.sampled_from(["2020-06", "2021-03", "2021-12"])
        ),
    }
)


def _direct(data: dict[str, Any], task: str, upto: str, periods: list[str]) -> str:
    """The state of one task as of `upto`, counted the plain way."""
    last = None
    reported_now = None
    for i, name in enumerate(PERIODS):
        if name not in periods or name > upto:
            continue
        got = data["reports"].get(task, [None] * 8)[i]
        if got is not None:
            last = got[0]
            if name == upto:
                reported_now = got[0]
    if last in ("done", "dropped"):
        return str(last)
    due = data["due"].get(task)
    ends = {"2020-06": "2020-Q2", "2021-03": "2021-Q1", "2021-12": "2021-Q4"}
    if due is not None and ends[due] < upto:
        return "overdue"
    return reported_now or "not-reported"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history)
def test_tables_equal_a_direct_count(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        plans = Path(scratch) / "plans"
        shutil.copytree(PROGRESS, plans)
        shutil.rmtree(plans / "2020-2021/progress")
        (plans / "2020-2021/progress").mkdir()
        for file in ("tasks/enterprise.yaml", "tasks/market.yaml"):
            path = plans / "2020-2021" / file
            lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if "due:" not in ln]
            for line in list(lines):
                task = line.split("id: ")[-1]
                if "- id: " in line and task in data["due"]:
                    indent = " " * line.index("id: ")
                    lines.insert(lines.index(line) + 1, f"{indent}due: {data['due'][task]}")
            path.write_text("\n".join(lines), encoding="utf-8")
        for i, name in enumerate(PERIODS):
            if name not in data["periods"]:
                continue
            rows = []
            for task, reports in data["reports"].items():
                if reports[i] is not None:
                    status, percent = reports[i]
                    rows.append(
                        f"  - {{task: {task}, unit: {TASKS[task]}, status: {status}, "
                        f"percent: {percent}, note: x}}"
                    )
            text = "reports:\n" + "\n".join(rows) + "\n" if rows else "reports: []\n"
            (plans / f"2020-2021/progress/{name}.yaml").write_text(text, encoding="utf-8")
        analysis = analyze(plans, ["2020-2021"])
        assert not [d for d in analysis.diagnostics if d.code in ("schema", "yaml-syntax")]
        periods = sorted(data["periods"])
        for upto in periods:
            s = summarize(analysis.index, "2020-2021", upto)
            direct = {t: _direct(data, t, upto, periods) for t in TASKS}
            for state in s.total.counts:
                assert s.total.counts[state] == sum(1 for v in direct.values() if v == state)
            assert sum(r.tasks for r in s.chapters) == sum(r.tasks for r in s.units) == 6
            for row in s.units:
                mine = [t for t, unit in TASKS.items() if unit == row.key]
                for state, n in row.counts.items():
                    assert n == sum(1 for t in mine if direct[t] == state)
        figures = {f.name: f.computed for f in analysis.index.rounds["2020-2021"].figures}
        latest = periods[-1]
        assert figures["tasks_done"] == sum(
            1 for t in TASKS if _direct(data, t, latest, periods) == "done"
        )


# --------------------------------------------------------------------------------------------
# The 督查通报 in a build
# --------------------------------------------------------------------------------------------


def test_build_writes_the_bulletin_only_where_progress_is(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from planc.publish import publish

    out = tmp_path / "dist"
    publish(PROGRESS, [], out)
    assert (out / "2020-2021/progress-2020-2021.pdf").is_file()
    assert not (out / "2018-2019/progress.html").exists()
    html = (out / "2020-2021/progress.html").read_text(encoding="utf-8")
    assert "落实情况的督查通报" in html and "截至2021年第二季度末，6项工作任务中，已完成2项" in html
    # a trend per row that ever had a task done: 2 chapters, 3 of 4 units, the total twice
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="trend"') == 7
    text = "".join(
        p.extract_text() for p in PdfReader(out / "2020-2021/progress-2020-2021.pdf").pages
    )
    assert "落实情况的督查通报" in text and "深化国有资本投资运营公司改革" in text
    plan = (out / "2020-2021/plan.html").read_text(encoding="utf-8")
    assert "滞后 55%（截至2021年第二季度）" in plan and 'href="progress.html">督查通报' in plan
    assert "督查通报" not in (out / "2018-2019/plan.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("progress.html") == 1
    data = json.loads((out / "2020-2021/plan.json").read_text(encoding="utf-8"))
    assert data["figures"]["tasks_done"] == {"declared": 2, "sources": 2}
    assert data["progress"]["as_of"] == "2021-Q2"
    assert "progress" not in json.loads((out / "2018-2019/plan.json").read_text(encoding="utf-8"))
