"""The cross-reference index: forward links, back-links, lineage and computed figures."""

from __future__ import annotations

from pathlib import Path

from planc.index import Index, build_index, country_of
from planc.load import load_project
from tests.conftest import VALID, edit


def index_of(plans: Path = VALID) -> Index:
    project, _ = load_project(plans)
    return build_index(project)


def test_back_links() -> None:
    ri = index_of().rounds["2020-2021"]
    assert [t.id for t in ri.tasks_of_case["hk-airport-city"]] == ["international-living-rooms"]
    assert [t.id for t in ri.tasks_of_indicator["foreign-investment"]] == [
        "international-living-rooms",
        "trade-facilitation",
    ]
    assert [t.id for t in ri.tasks_of_unit["commerce"]] == [
        "state-capital-reform",
        "international-living-rooms",
    ]
    assert [t.id for t in ri.tasks_of_unit["ports"]] == [
        "international-living-rooms",
        "trade-facilitation",
    ]
    assert [c.id for c in ri.cases_of_place["singapore"]] == ["temasek-2020"]
    assert [c.id for c in ri.cases_of_place["london"]] == ["hk-airport-city"]
    ri18 = index_of().rounds["2018-2019"]
    assert [t.id for t in ri18.tasks_of_place["london"]] == ["night-economy"]


def test_lineage_links_both_ways() -> None:
    index = index_of()
    later = index.rounds["2018-2019"].continued_by["temasek-reform"]
    assert [t.id for t in later] == ["state-capital-reform"]
    task = index.task("2018-2019:temasek-reform")
    assert task is not None and task.title == "借鉴淡马锡模式推进国资改革"
    assert index.task("2018-2019:nothing") is None
    assert index.task("1999-2000:temasek-reform") is None


def test_computed_figures() -> None:
    ri = index_of().rounds["2020-2021"]
    computed = {row.name: row.computed for row in ri.figures}
    assert computed == {
        "tasks": 3,
        "benchmarked_tasks": 2,
        "cases": 2,
        # singapore -> sg, sg itself, hk (a region of China counts as itself), london -> gb
        "case_countries": 3,
        "case_cities": 2,
        "indicators": 2,
        "dimensions": 2,
        "references": 1,
    }
    assert {k: r.computed for k, r in ri.chapter_figures.items()} == {"enterprise": 1, "market": 2}
    assert all(ri.status(row) == "ok" for row in ri.figures)


def test_country_of_follows_one_level() -> None:
    places = index_of().project.registry.places
    assert country_of(places["singapore"], places) == "sg"
    assert country_of(places["hk"], places) == "hk"
    assert country_of(places["bavaria"], places) == "de"


def test_benchmark_place_makes_a_task_benchmarked(plans: Path) -> None:
    edit(
        plans,
        "2020-2021/tasks/market.yaml",
        "        lead: [ports]\n",
        "        lead: [ports]\n        benchmarks: [shenzhen]\n",
    )
    ri = index_of(plans).rounds["2020-2021"]
    assert {row.name: row.computed for row in ri.figures}["benchmarked_tasks"] == 3
    assert [t.id for t in ri.tasks_of_place["shenzhen"]] == ["trade-facilitation"]


def test_incomplete_only_when_a_public_record_holds_less(plans: Path) -> None:
    edit(plans, "2020-2021/plan.yaml", "edition: official", "edition: public-record")
    edit(plans, "2020-2021/plan.yaml", "  tasks: 3\n", "  tasks: 139\n")
    edit(plans, "2020-2021/plan.yaml", "  cases: 2\n", "  cases: 1\n")
    ri = index_of(plans).rounds["2020-2021"]
    status = {row.name: ri.status(row) for row in ri.figures}
    assert status["tasks"] == "incomplete"
    assert status["cases"] == "mismatch"
    assert status["indicators"] == "ok"
