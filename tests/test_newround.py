"""planc new: a round begun from the last one — its files exactly, what it says of each, what it
refuses (located, in Chinese too), and that an interrupted run leaves nothing behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.pipeline import analyze
from tests.conftest import FIXTURES, SHIPPED, edit
from tests.solicit_forms import begin, tree

runner = CliRunner()
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}

PLAN = """\
# Begun by planc new from 2020-2021: the title with the new years, the issuer and goal of 2020-2021,
# the phase from programme.yaml where it names one, 2020-2021's chapters as the framework to
# revise. Edit them; the tasks come from the solicitation (planc solicit).
planc: 1
round: 2022-2023
title: 青岛市推进“国际化+”行动计划（2022/2023年）
issuer: 青岛市国际城市战略推进委员会
goal: 建设“开放、现代、活力、时尚”的国际大都市
previous: 2020-2021
edition: draft
sources:
  - {id: press-2020-07, title: 行动计划新闻发布会, publisher: 青岛市政府新闻办, date: 2020-07-10}
chapters:
  - {id: enterprise, title: 推进企业国际化, subtitle: 激发城市发展核心活力}
  - {id: market, title: 推进市场国际化}
"""
CANDIDATES = """\
# The tasks of 2020-2021 not done, offered to their lead units for continuation by planc
# solicit forms. Remove a task the office does not offer; name the units to ask with
# units: [市商务局, …].
from: 2020-2021
candidates:
  - task: 2020-2021:state-capital-reform
  - task: 2020-2021:international-living-rooms
  - task: 2020-2021:trade-facilitation
"""


@pytest.fixture
def here(plans: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(plans.parent)
    return Path("plans")


def test_new_round_exact(here: Path) -> None:
    said = begin(here)
    assert said == (
        "began 2022-2023 from 2020-2021:\n"
        "  plans/2022-2023/plan.yaml: the round's plan: "
        "青岛市推进“国际化+”行动计划（2022/2023年）; phase none (the programme names no single "
        "phase for 2022-2023); previous round "
        "2020-2021; edition draft; 2 chapters of 2020-2021 as the framework to revise; no "
        "tasks yet\n"
        "  plans/2022-2023/indicators/five-internationalizations.yaml: indicator system "
        "'five-internationalizations' (国际城市战略指标体系) carried over from 2020-2021 as it "
        "was, marked carried_from: 2020-2021: review its targets and baselines, then empty "
        "沿用自 on the workbook's 指标体系 sheet (or remove that line)\n"
        "  plans/2022-2023/candidates.yaml: 3 tasks of 2020-2021 (all of them: 2020-2021 has no "
        "progress records), candidates for continuation: planc solicit forms offers each to "
        "its lead units\n"
        "next: planc solicit forms 2022-2023 --out forms\n"
    )
    new = here / "2022-2023"
    assert sorted(tree(new)) == [
        "candidates.yaml",
        "indicators/five-internationalizations.yaml",
        "plan.yaml",
    ]
    assert (new / "plan.yaml").read_text(encoding="utf-8") == PLAN
    assert (new / "candidates.yaml").read_text(encoding="utf-8") == CANDIDATES
    # The system as it was, its comments and layout included, with one line added.
    old = (here / "2020-2021/indicators/five-internationalizations.yaml").read_text("utf-8")
    carried = (new / "indicators/five-internationalizations.yaml").read_text("utf-8")
    lines = old.splitlines(keepends=True)
    lines.insert(2, "carried_from: 2020-2021\n")
    assert carried == "".join(lines)


def test_the_new_round_checks_clean_but_for_its_review(here: Path) -> None:
    begin(here)
    found = analyze(here, ["2022-2023"]).diagnostics
    assert [(d.code, str(d.loc)) for d in found] == [
        ("carried-over", "2022-2023/indicators/five-internationalizations.yaml:3:15")
    ]  # and no uncovered-indicator: a round being begun has no task to serve them yet


def test_candidates_leave_out_what_progress_reports_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES / "progress", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    said = begin(Path("plans"))
    assert "(not done as of 2021-Q2)" in said
    text = Path("plans/2022-2023/candidates.yaml").read_text(encoding="utf-8")
    assert "as_of: 2021-Q2\n" in text
    # state-capital-reform was reported done in 2021-Q2: not a candidate
    assert text.splitlines()[-2:] == [
        "  - task: 2020-2021:international-living-rooms",
        "  - task: 2020-2021:trade-facilitation",
    ]


def test_the_shipped_plans_begin_2024_2025(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SHIPPED, tmp_path / "plans", ignore=shutil.ignore_patterns(".planc-cache"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "2024-2025"])
    assert result.exit_code == 0, result.stderr
    assert "phase 中远规划期;" in result.stdout  # programme.yaml: 2022-2049
    # the record assigns no unit to any task: the clerk is told where to name them
    assert result.stdout.splitlines()[-2] == (
        "note: 41 of the candidates name no lead unit and are on no unit's form; name the "
        "units to ask in plans/2024-2025/candidates.yaml (units: [...])"
    )
    plan = Path("plans/2024-2025/plan.yaml").read_text(encoding="utf-8")
    assert "phase: 中远规划期\n" in plan and "edition: draft\n" in plan
    assert "  - id: qingdao-daily-2022\n" in plan  # the source the carried systems cite
    found = analyze(Path("plans"), ["2024-2025"]).diagnostics
    errors = [d for d in found if d.severity.value == "error"]
    assert errors == []
    assert sorted({d.code for d in found if d.loc.file.startswith("2024-2025")}) == ["carried-over"]


def test_refusals(here: Path) -> None:
    def refused(*args: str) -> str:
        result = runner.invoke(app, ["new", *args])
        assert result.exit_code == 2, result.stdout
        return result.stderr

    assert refused("2020-2021") == (
        "planc: error: plans/2020-2021 is already there; planc new writes over nothing (a round "
        "begun is the office's work)\n"
    )
    assert refused("2022") == (
        "planc: error: '2022' is not a round's name: write its years, like 2024-2025\n"
    )
    assert refused("2023-2022") == (
        "planc: error: '2023-2022' is not a round's name: write its years, like 2024-2025\n"
    )
    assert refused("2022-2023", "--from", "2020-2022") == (
        "planc: error: --from 2020-2022: there is no such round; did you mean '2020-2021'?\n"
    )
    assert refused("2016-2017") == (
        "planc: error: there is no round before 2016-2017 to begin it from\n"
    )
    assert refused("2017-2017", "--from", "2018-2019") == (
        "planc: error: --from 2018-2019 is not a round before 2017-2017\n"
    )
    chinese = runner.invoke(app, ["new", "2020-2021"], env=ZH)
    assert chinese.stderr == (
        "planc：错误：plans/2020-2021 已存在；planc new 不覆盖任何内容（已开始的一轮是市推进办的"
        "工作成果）\n"
    )
    assert not Path("plans/2022-2023").exists()


def test_a_source_round_with_errors_is_refused(here: Path) -> None:
    edit(here, "2020-2021/tasks/market.yaml", "[culture, ports]", "[culture, port]")
    result = runner.invoke(app, ["new", "2022-2023"])
    assert result.exit_code == 1
    assert "error[unknown-reference]" in result.stderr
    assert result.stderr.endswith(
        "planc: 2020-2021 has errors; fix them first (planc check 2020-2021)\n"
    )
    assert not (here / "2022-2023").exists()


def test_an_interrupted_new_leaves_nothing(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import planc.load.write as write
    from planc.atomic import create

    before = tree(here)
    staged: list[Path] = []

    def second_interrupted(path: Path, data: bytes | str | None, mode: int) -> None:
        if staged:  # Ctrl-C once the first of the round's files is written beside its target
            raise KeyboardInterrupt
        staged.append(path)
        create(path, data, mode)

    monkeypatch.setattr(write, "create", second_interrupted)
    result = runner.invoke(app, ["new", "2022-2023"])
    assert result.exit_code == 130
    assert staged and tree(here) == before
    assert not (here / "2022-2023").exists()
