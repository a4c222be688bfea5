"""One cross-reference index over a whole project: forward links resolved to objects, back-links,
lineage across rounds, and the figures computed from the sources beside the declared ones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from planc.model import (
    Case,
    Chapter,
    Comment,
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

# Figures in the order the office publishes them; labels are for people.
FIGURE_LABELS: dict[str, str] = {
    "tasks": "tasks (工作任务)",
    "benchmarked_tasks": "benchmarked tasks (涉及对标)",
    "cases": "cases (对标案例)",
    "case_countries": "countries and regions (国家和地区)",
    "case_cities": "cities (城市)",
    "indicators": "indicators (指标)",
    "dimensions": "dimensions (维度)",
    "references": "references (参考文献)",
}
# The consultation's figures: shown and reconciled, but not among the plan's own figures.
CONSULT_LABELS: dict[str, str] = {
    "consultation_rounds": "consultation rounds (征求意见轮次)",
    "units_consulted": "units consulted (征求意见单位)",
    "comments_adopted": "comments adopted (吸纳意见)",
}
COUNTRY_KINDS = ("country", "region-of-china")


def within(figure: Figure, computed: int) -> bool:
    """Whether a computed count agrees with a published one: equal, or for "70多" (a qualifier)
    at least 70 and below the next step of its last place (70多: 70-79; 100多: 100-199)."""
    if figure.qualifier is None:
        return figure.value == computed
    text = str(figure.value)
    step = 10 ** (len(text) - len(text.rstrip("0"))) if figure.value else 10
    return figure.value <= computed < figure.value + step


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
        if within(self.declared, self.computed):
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
    # The consultation: comments by task and unit, and its figures (declared or recorded only).
    comments_of_task: dict[str, list[Comment]] = field(default_factory=lambda: defaultdict(list))
    comments_of_unit: dict[str, list[Comment]] = field(default_factory=lambda: defaultdict(list))
    consult_figures: list[FigureRow] = field(default_factory=list)

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

    def round_of(self, task: Task) -> str:
        """The round a task belongs to."""
        for name, rindex in self.rounds.items():
            if rindex.tasks.get(task.id) is task:
                return name
        raise KeyError(task.id)

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


def _round_index(rnd: Round, project: Project) -> RoundIndex:
    ri = RoundIndex(rnd, complete=project.loaded_cleanly(rnd.files + project.registry_files))
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
    _consultation(ri, rnd)
    return ri


def _consultation(ri: RoundIndex, rnd: Round) -> None:
    units: set[str] = set()
    adopted = 0
    for record in rnd.consultations:
        for response in record.responses:
            if response.unit is not None:
                units.add(response.unit.id)
        for comment in record.comments:
            if comment.task is not None:
                ri.comments_of_task[comment.task.id].append(comment)
            if comment.unit is not None:
                ri.comments_of_unit[comment.unit.id].append(comment)
                units.add(comment.unit.id)
            adopted += comment.adopted
    computed = {
        "consultation_rounds": len(rnd.consultations),
        "units_consulted": len(units),
        "comments_adopted": adopted,
    }
    ri.consult_figures = [
        FigureRow(name, computed[name], rnd.declared.get(name))
        for name in CONSULT_LABELS
        if name in rnd.declared or rnd.consultations
    ]


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
    ri.figures = [FigureRow(name, computed[name], rnd.declared.get(name)) for name in FIGURE_LABELS]
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
