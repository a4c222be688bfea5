"""One cross-reference index over a whole project: forward links resolved to objects, back-links,
lineage across rounds, and the figures computed from the sources beside the declared ones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from planc.figures import FIGURES
from planc.model import (
    Case,
    Chapter,
    Figure,
    Indicator,
    IndicatorSystem,
    Part,
    Place,
    Project,
    Round,
    Source,
    Task,
)

COUNTRY_KINDS = ("country", "region-of-china")


@dataclass(slots=True)
class FigureRow:
    """A figure of a round: what was published beside what the sources hold."""

    name: str
    computed: int
    declared: Figure | None

    @property
    def status(self) -> str:
        """ok, mismatch, incomplete (a public record holding less than published), or
        undeclared."""
        if self.declared is None:
            return "undeclared"
        if self.declared.value == self.computed:
            return "ok"
        return "mismatch"


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def by_id(items: Iterable[T]) -> dict[str, T]:
    """Items by id; the first of a repeated id wins (the repeat is a `duplicate-id` error)."""
    found: dict[str, T] = {}
    for item in items:
        if item.id and item.id not in found:
            found[item.id] = item
    return found


@dataclass(slots=True)
class RoundIndex:
    round: Round
    tasks: dict[str, Task] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    chapters: dict[str, Chapter] = field(default_factory=dict)
    parts: dict[str, Part] = field(default_factory=dict)
    systems: dict[str, IndicatorSystem] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    # Back-links, in document order.
    tasks_of_case: dict[str, list[Task]] = field(default_factory=lambda: defaultdict(list))
    tasks_of_indicator: dict[str, list[Task]] = field(default_factory=lambda: defaultdict(list))
    tasks_of_unit: dict[str, list[Task]] = field(default_factory=lambda: defaultdict(list))
    tasks_of_place: dict[str, list[Task]] = field(default_factory=lambda: defaultdict(list))
    cases_of_place: dict[str, list[Case]] = field(default_factory=lambda: defaultdict(list))
    continued_by: dict[str, list[Task]] = field(default_factory=lambda: defaultdict(list))
    figures: list[FigureRow] = field(default_factory=list)
    chapter_figures: dict[str, FigureRow] = field(default_factory=dict)
    part_figures: dict[str, FigureRow] = field(default_factory=dict)
    system_figures: dict[str, list[FigureRow]] = field(default_factory=dict)

    complete: bool = True  # every file of the round (and the registry) loaded without error

    def status(self, row: FigureRow) -> str:
        status = row.status
        # A public record holds part of a plan: less than published is a gap, not an error.
        if (
            status == "mismatch"
            and self.round.public_record
            and row.declared is not None
            and row.computed < row.declared.value
        ):
            return "incomplete"
        return status


@dataclass(slots=True)
class Index:
    project: Project
    rounds: dict[str, RoundIndex]

    def task(self, ref: str) -> Task | None:
        """The task a `ROUND:ID` reference names, if any."""
        name, _, tid = ref.partition(":")
        rindex = self.rounds.get(name)
        return rindex.tasks.get(tid) if rindex else None


def country_of(place: Place, places: dict[str, Place]) -> str | None:
    """The country or region a place counts under ("国家和地区")."""
    if place.kind in COUNTRY_KINDS:
        return place.id
    if place.country is not None:
        parent = places.get(place.country.id)
        if parent is not None and parent.kind in COUNTRY_KINDS:
            return parent.id
    return None


def _pair(row: FigureRow) -> dict[str, Any]:
    return {"declared": row.declared.value if row.declared else None, "sources": row.computed}


def round_stats(ri: RoundIndex) -> dict[str, Any]:
    """A round's figures as data: `planc stats --format json` and plan.json's "figures"."""
    data: dict[str, Any] = {row.name: _pair(row) for row in ri.figures}
    data["chapters"] = {cid: _pair(row) for cid, row in ri.chapter_figures.items()}
    data["parts"] = {pid: _pair(row) for pid, row in ri.part_figures.items()}
    data["systems"] = {
        sid: {row.name: _pair(row) for row in rows} for sid, rows in ri.system_figures.items()
    }
    return data


def _round_index(rnd: Round, project: Project) -> RoundIndex:
    # A file naming a chapter or part that plan.yaml lacks (or that another file fills) makes
    # the round's counts meaningless until it is fixed, like a file that did not load.
    placed = not any(g.id for g in rnd.loose_chapters + rnd.loose_parts)
    complete = placed and project.loaded_cleanly(rnd.files + project.registry_files)
    ri = RoundIndex(rnd, complete=complete)
    tasks = rnd.all_tasks()
    cases = rnd.all_cases()
    ri.tasks = by_id(tasks)
    ri.cases = by_id(cases)
    ri.indicators = by_id(rnd.indicators())
    ri.chapters = by_id(rnd.chapters)
    ri.parts = by_id(rnd.parts)
    ri.systems = by_id(rnd.systems)
    ri.sources = by_id(rnd.sources)
    places = project.registry.places
    for task in tasks:
        for ref in task.cases:
            if ref.id in ri.cases:
                ri.tasks_of_case[ref.id].append(task)
        for ref in task.indicators:
            if ref.id in ri.indicators:
                ri.tasks_of_indicator[ref.id].append(task)
        for unit in dict.fromkeys(ref.id for ref in task.lead + task.partners):
            if unit in project.registry.units:
                ri.tasks_of_unit[unit].append(task)
        for ref in task.benchmarks:
            if ref.id in places:
                ri.tasks_of_place[ref.id].append(task)
    for case in cases:
        for ref in case.places:
            if ref.id in places:
                ri.cases_of_place[ref.id].append(case)
    _figures(ri, rnd, places)
    return ri


def _figures(ri: RoundIndex, rnd: Round, places: dict[str, Place]) -> None:
    cases = rnd.cases()
    named = {ref.id for case in cases for ref in case.places if ref.id in places}
    computed = {
        "tasks": len(rnd.tasks()),
        "benchmarked_tasks": sum(1 for t in rnd.tasks() if t.benchmarked),
        "cases": len(cases),
        "case_countries": len({c for p in named if (c := country_of(places[p], places))}),
        "case_cities": sum(1 for p in named if places[p].kind == "city"),
        "indicators": len(rnd.indicators()),
        "dimensions": sum(len(s.dimensions) for s in rnd.systems),
        "references": sum(len(c.references) for c in cases),
    }
    ri.figures = [FigureRow(name, computed[name], rnd.declared.get(name)) for name in FIGURES]
    ri.chapter_figures = {
        c.id: FigureRow(c.id, len(c.tasks), c.declared_tasks) for c in rnd.chapters if c.id
    }
    ri.part_figures = {
        p.id: FigureRow(p.id, len(p.cases), p.declared_cases) for p in rnd.parts if p.id
    }
    # A round can hold several systems (2022-2023: the six dimensions and the 2026 targets);
    # figures published for one of them are declared on that system.
    ri.system_figures = {
        s.id: [
            FigureRow("dimensions", len(s.dimensions), s.declared.get("dimensions")),
            FigureRow("indicators", len(s.indicators()), s.declared.get("indicators")),
        ]
        for s in rnd.systems
        if s.id
    }


def build_index(project: Project) -> Index:
    index = Index(project, {name: _round_index(r, project) for name, r in project.rounds.items()})
    for rindex in index.rounds.values():
        for task in rindex.tasks.values():
            if task.continues is not None:
                name, _, tid = task.continues.id.partition(":")
                earlier = index.rounds.get(name)
                if earlier is not None and tid in earlier.tasks and name != rindex.round.name:
                    earlier.continued_by[tid].append(task)
    return index
