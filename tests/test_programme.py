"""The programme level, qualified and subset figures, targets systems and provenance notes, on
small edits of the valid fixture (which has no programme.yaml: that must keep working)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from planc.cli import app
from planc.pipeline import analyze
from tests.conftest import diagnostics, edit

P18 = "2018-2019/plan.yaml"
P20 = "2020-2021/plan.yaml"
I20 = "2020-2021/indicators/five-internationalizations.yaml"

PROGRAMME = """planc: 1
title: 实施纲要
sources:
  - {id: report, title: 报道}
phases:
  - {id: launch, title: 基准启动期, from: 2016, to: 2018, source: report}
  - {id: implementation, title: 实施开展期, from: 2019, to: 2021, source: report}
areas:
  - {id: planning, title: 规划建设, source: report}
declared:
  areas: 1
  tasks: 26
targets:
  - {year: 2049, text: 建成新型国际湾区都市, source: report}
figures:
  - {id: two-rounds, title: 两轮共N项, figure: tasks, value: TOTAL, rounds: [2018-2019, 2020-2021]}
"""


def with_programme(plans: Path, total: str) -> None:
    (plans / "programme.yaml").write_text(PROGRAMME.replace("TOTAL", total), encoding="utf-8")


def declared_tasks(plans: Path) -> tuple[int, int]:
    index = analyze(plans).index
    return tuple(  # type: ignore[return-value]
        index.project.rounds[r].declared["tasks"].value for r in ("2018-2019", "2020-2021")
    )


def test_a_plans_folder_without_a_programme_still_works(plans: Path) -> None:
    analysis = analyze(plans)
    assert analysis.index.programme is None
    assert analysis.diagnostics == []


def test_a_figure_over_rounds_that_adds_up_is_ok(plans: Path) -> None:
    added = sum(declared_tasks(plans))
    with_programme(plans, str(added))
    pi = analyze(plans).index.programme
    assert pi is not None
    assert [row.status for row in pi.rounds_figures] == ["ok"]
    codes = [d.code for d in diagnostics(plans)]
    assert codes == ["incomplete"]  # only: 26 tasks published, programme.yaml names none


def test_a_figure_over_rounds_that_does_not_add_up_is_flagged(plans: Path) -> None:
    a, b = declared_tasks(plans)
    with_programme(plans, str(a + b + 1))
    found = [d for d in diagnostics(plans) if d.code == "declared-inconsistent"]
    assert len(found) == 1
    assert found[0].loc.file == "programme.yaml"
    assert f"declare {a} + {b} = {a + b}" in found[0].message


def test_at_least_in_a_round_contradicting_the_total(plans: Path) -> None:
    # 336 published over three rounds against "100多 + 132 + 114": at least 346.
    a, b = declared_tasks(plans)
    edit(plans, P18, f"  tasks: {a}\n", f"  tasks: {{value: {a}, qualifier: 多}}\n")
    with_programme(plans, str(a + b - 1))
    found = [d for d in diagnostics(plans) if d.code == "declared-inconsistent"]
    assert len(found) == 1
    assert f"{a}多 + {b} = at least {a + b}" in found[0].message
    assert f"leaves {a - 1} for 2018-2019, which declares {a}多" in found[0].message
    # ... and an "at least" round that leaves room for the total is consistent
    with_programme(plans, str(a + b + 5))
    assert [d.code for d in diagnostics(plans) if d.code == "declared-inconsistent"] == []


def test_phases_come_from_the_programme(plans: Path) -> None:
    with_programme(plans, "0")
    pi = analyze(plans).index.programme
    assert pi is not None
    # 2018-2019 spans two phases and says so; 2020-2021 falls in one
    assert [p.title for p in pi.phases_of["2018-2019"]] == ["基准启动期", "实施开展期"]
    assert [p.title for p in pi.phases_of["2020-2021"]] == ["实施开展期"]


def test_qualified_figure_is_at_least_its_value(plans: Path) -> None:
    # the fixture's cases hold 1 reference: "0余" is fine, a plain 0 is a mismatch
    edit(plans, P20, "  references: 1\n", "  references: {value: 0, qualifier: 余}\n")
    assert diagnostics(plans) == []
    edit(plans, P20, "  references: {value: 0, qualifier: 余}\n", "  references: 0\n")
    assert [d.code for d in diagnostics(plans)] == ["declared-mismatch"]


def test_a_qualifier_must_be_yu_or_duo(plans: Path) -> None:
    edit(plans, P20, "  references: 1\n", "  references: {value: 1, qualifier: 左右}\n")
    found = diagnostics(plans)
    assert [d.code for d in found] == ["schema"]
    assert "one of 余, 多" in found[0].message


def test_chapters_may_cover_a_declared_subset(plans: Path) -> None:
    # chapters declare 1 + 2 = 3; the round publishes 5 tasks, "其中3项" in the chapters
    edit(plans, P20, "  tasks: 3\n", "  tasks: 5\n  tasks_in_chapters: 3\n")
    codes = [d.code for d in diagnostics(plans)]
    assert "declared-inconsistent" not in codes
    ri = analyze(plans).index.rounds["2020-2021"]
    rows = {row.name: row for row in ri.figures}
    assert rows["tasks_outside_chapters"].declared is not None
    assert rows["tasks_outside_chapters"].declared.value == 2
    # without the subset the same totals contradict each other
    edit(plans, P20, "  tasks_in_chapters: 3\n", "")
    assert "declared-inconsistent" in [d.code for d in diagnostics(plans)]


def test_uncounted_figures_are_shown_as_published(plans: Path) -> None:
    # (comments_adopted was one until the consultation records: tests/test_consult_report.py)
    edit(plans, P20, "  tasks: 3\n", "  tasks: 3\n  cities_studied: 12\n")
    assert diagnostics(plans) == []
    result = CliRunner().invoke(app, ["stats", "--plans", str(plans), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["rounds"]["2020-2021"]["cities_studied"] == {"declared": 12, "sources": None}


def test_a_targets_system_is_not_the_plans_indicators(plans: Path) -> None:
    edit(plans, I20, "\ntitle: 国际", "\nrole: targets\ndocument: 《实施意见》\ntitle: 国际")
    ri = analyze(plans).index.rounds["2020-2021"]
    rows = {row.name: row for row in ri.figures}
    assert rows["indicators"].computed == 0
    assert rows["dimensions"].computed == 0
    assert ri.system_figures == {}
    result = CliRunner().invoke(app, ["stats", "--plans", str(plans), "--format", "json"])
    targets = json.loads(result.stdout)["rounds"]["2020-2021"]["targets"]
    assert targets["five-internationalizations"]["document"] == "《实施意见》"


def test_an_inferred_note_needs_a_reason(plans: Path) -> None:
    edit(plans, P20, "edition: official\n", "edition: official\nprovenance: [{kind: inferred}]\n")
    found = diagnostics(plans)
    assert [d.code for d in found] == ["schema"]
    assert "needs `reason:`" in found[0].message
