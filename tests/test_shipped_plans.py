"""Pins the shipped plans (rebuilt from shared/seeds): the figures the office published and key
items of the record. A careless edit of plans/ fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from planc.diagnostics import Severity
from planc.pipeline import Analysis, analyze

PLANS = Path(__file__).resolve().parent.parent / "plans"


@pytest.fixture(scope="module")
def shipped() -> Analysis:
    return analyze(PLANS)


def declared(shipped: Analysis, round_name: str) -> dict[str, int]:
    return {k: f.value for k, f in shipped.index.project.rounds[round_name].declared.items()}


def test_no_errors_and_only_known_gaps(shipped: Analysis) -> None:
    assert [d for d in shipped.diagnostics if d.severity is Severity.ERROR] == []
    codes = {d.code for d in shipped.diagnostics}
    assert codes <= {"incomplete", "uncovered-indicator", "declared-inconsistent"}
    inconsistent = sorted(
        d.loc.file for d in shipped.diagnostics if d.code == "declared-inconsistent"
    )
    # 2020-2021: 19+21+31+17+49 = 137 of 139; 2022-2023: 122 of 125 serve the six cities.
    assert inconsistent == ["2020-2021/plan.yaml", "2022-2023/plan.yaml"]


def test_every_round_is_a_public_record(shipped: Analysis) -> None:
    rounds = shipped.index.project.rounds
    assert sorted(rounds) == ["2016-2017", "2018-2019", "2020-2021", "2022-2023"]
    assert {r.edition for r in rounds.values()} == {"public-record"}
    assert [r.previous.id if r.previous else None for r in rounds.values()] == [
        None,
        "2016-2017",
        "2018-2019",
        "2020-2021",
    ]


def test_declared_figures(shipped: Analysis) -> None:
    assert declared(shipped, "2018-2019") == {
        "tasks": 200,
        "cases": 132,
        "case_countries": 20,
        "case_cities": 41,
    }
    d20 = declared(shipped, "2020-2021")
    assert {
        k: d20[k]
        for k in (
            "tasks",
            "benchmarked_tasks",
            "cases",
            "case_countries",
            "case_cities",
            "indicators",
            "references",
        )
    } == {
        "tasks": 139,
        "benchmarked_tasks": 84,
        "cases": 114,
        "case_countries": 14,
        "case_cities": 44,
        "indicators": 30,
        "references": 2500,
    }
    d22 = declared(shipped, "2022-2023")
    assert {k: d22[k] for k in ("tasks", "cases", "case_countries", "case_cities")} == {
        "tasks": 125,
        "cases": 88,
        "case_countries": 17,
        "case_cities": 35,
    }
    chapters = shipped.index.project.rounds["2020-2021"].chapters
    assert [c.declared_tasks.value if c.declared_tasks else None for c in chapters] == [
        19,
        21,
        31,
        17,
        49,
    ]


def test_key_items_of_the_record(shipped: Analysis) -> None:
    r20 = shipped.index.rounds["2020-2021"]
    numbered = {t.number: t for t in r20.tasks.values() if t.number is not None}
    assert "国际客厅" in numbered[24].title
    assert "500" in numbered[43].title
    r22 = shipped.index.project.rounds["2022-2023"]
    assert r22.chapters[0].title == "现代产业先行城市"
    dims = {s.id: [d.title for d in s.dimensions] for s in r22.systems}
    assert dims["six-dimensions-2022"][0] == "航运枢纽"
    r20_dims = [
        d.title for s in shipped.index.project.rounds["2020-2021"].systems for d in s.dimensions
    ]
    assert r20_dims[0] == "航贸枢纽"
    system16 = shipped.index.project.rounds["2016-2017"].systems[0]
    assert system16.stages == ["低阶", "中阶", "高阶"]
    assert [p.id for p in system16.benchmark_places] == [
        "singapore",
        "san-francisco",
        "hamburg",
        "rotterdam",
        "osaka",
    ]
    places = shipped.index.project.registry.places
    assert places["hk"].kind == "region-of-china"
    cases18 = [c.title for c in shipped.index.project.rounds["2018-2019"].cases()]
    assert len(cases18) >= 60
    assert any("纽约湾区" in t for t in cases18)


def test_everything_carries_a_source(shipped: Analysis) -> None:
    for rnd in shipped.index.project.rounds.values():
        assert rnd.sources, rnd.name
        items = [(t.id, t.source) for t in rnd.tasks()] + [(c.id, c.source) for c in rnd.cases()]
        # An indicator without its own `source:` has its system's.
        items += [(i.id, i.source or s.source) for s in rnd.systems for i in s.indicators()]
        assert [item_id for item_id, source in items if source is None] == [], rnd.name
        assert all(s.seed for s in rnd.sources)
