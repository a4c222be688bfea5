"""The typed model of a plans folder. Every item keeps where it was written (`loc`, the position
of its id) and where each of its fields was (`locs`), so checks can point at the offending value."""

from __future__ import annotations

from dataclasses import dataclass, field

from planc.diagnostics import Loc

Scalar = int | float | str


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference as written: the id it names and where it stands."""

    id: str
    loc: Loc


@dataclass(slots=True)
class Figure:
    """A published figure ("139条工作任务") and where it was declared."""

    value: int
    loc: Loc


@dataclass(slots=True)
class Place:
    id: str
    name: str
    kind: str  # city | region | country | region-of-china
    loc: Loc
    en: str | None = None
    country: Ref | None = None
    source: Ref | None = None


@dataclass(slots=True)
class Unit:
    id: str
    name: str
    loc: Loc
    en: str | None = None
    source: Ref | None = None


@dataclass(slots=True)
class Registry:
    places: dict[str, Place] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)


@dataclass(slots=True)
class Source:
    id: str
    title: str
    loc: Loc
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    seed: str | None = None


@dataclass(slots=True)
class Task:
    id: str
    title: str
    chapter: str
    round: str  # the round's name: a task is named across rounds as ROUND:ID
    loc: Loc
    locs: dict[str, Loc]
    number: int | None = None
    section: str | None = None
    text: str | None = None
    lead: list[Ref] = field(default_factory=list)
    partners: list[Ref] = field(default_factory=list)
    indicators: list[Ref] = field(default_factory=list)
    cases: list[Ref] = field(default_factory=list)
    benchmarks: list[Ref] = field(default_factory=list)
    continues: Ref | None = None  # id is "ROUND:TASK"
    due: str | None = None
    source: Ref | None = None

    @property
    def ref(self) -> str:
        """How other rounds name this task: "2018-2019:temasek-reform"."""
        return f"{self.round}:{self.id}"

    @property
    def benchmarked(self) -> bool:
        """涉及对标: the task names a case or a benchmark place."""
        return bool(self.cases or self.benchmarks)


@dataclass(slots=True)
class Section:
    title: str
    loc: Loc
    tasks: list[Task] = field(default_factory=list)
    source: Ref | None = None


@dataclass(slots=True)
class Chapter:
    id: str
    title: str
    loc: Loc
    subtitle: str | None = None
    declared_tasks: Figure | None = None
    source: Ref | None = None
    file: str | None = None  # the tasks file that fills it
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)  # every task, sections included, in order


@dataclass(slots=True)
class Indicator:
    id: str
    title: str
    system: str
    dimension: str
    loc: Loc
    unit: str | None = None
    baseline_year: int | None = None
    baseline: Scalar | None = None
    targets: dict[str, Scalar] = field(default_factory=dict)
    source: Ref | None = None


@dataclass(slots=True)
class Dimension:
    id: str
    title: str
    loc: Loc
    indicators: list[Indicator] = field(default_factory=list)
    source: Ref | None = None


@dataclass(slots=True)
class IndicatorSystem:
    id: str
    title: str
    file: str
    loc: Loc
    stages: list[str] = field(default_factory=list)
    benchmark_places: list[Ref] = field(default_factory=list)
    dimensions: list[Dimension] = field(default_factory=list)
    unplaced: list[Indicator] = field(default_factory=list)  # dimension not in the sources
    declared: dict[str, Figure] = field(default_factory=dict)
    source: Ref | None = None

    def indicators(self) -> list[Indicator]:
        return [i for d in self.dimensions for i in d.indicators] + self.unplaced


@dataclass(slots=True)
class Reference:
    title: str
    author: str | None = None
    publisher: str | None = None
    year: int | None = None
    url: str | None = None


@dataclass(slots=True)
class Case:
    id: str
    title: str
    part: str
    loc: Loc
    places: list[Ref] = field(default_factory=list)
    summary: str | None = None
    practices: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    source: Ref | None = None


@dataclass(slots=True)
class Part:
    id: str
    title: str
    loc: Loc
    declared_cases: Figure | None = None
    source: Ref | None = None
    file: str | None = None
    cases: list[Case] = field(default_factory=list)


@dataclass(slots=True)
class Round:
    name: str  # the folder name, e.g. 2020-2021
    plan_file: str
    loc: Loc
    locs: dict[str, Loc] = field(default_factory=dict)
    declared_round: str | None = None  # `round:` as written
    title: str = ""
    issuer: str | None = None
    issued: str | None = None
    phase: str | None = None
    goal: str | None = None
    previous: Ref | None = None
    edition: str = "draft"
    sources: list[Source] = field(default_factory=list)
    declared: dict[str, Figure] = field(default_factory=dict)
    chapters: list[Chapter] = field(default_factory=list)
    handbook_title: str | None = None
    parts: list[Part] = field(default_factory=list)
    systems: list[IndicatorSystem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # every file of the round, plan.yaml first
    # Files naming a chapter or part that plan.yaml lacks: still checked, never counted.
    loose_chapters: list[Chapter] = field(default_factory=list)
    loose_parts: list[Part] = field(default_factory=list)

    @property
    def public_record(self) -> bool:
        return self.edition == "public-record"

    def tasks(self) -> list[Task]:
        return [task for chapter in self.chapters for task in chapter.tasks]

    def cases(self) -> list[Case]:
        return [case for part in self.parts for case in part.cases]

    def all_tasks(self) -> list[Task]:
        return [t for chapter in self.chapters + self.loose_chapters for t in chapter.tasks]

    def all_cases(self) -> list[Case]:
        return [c for part in self.parts + self.loose_parts for c in part.cases]

    def indicators(self) -> list[Indicator]:
        return [i for system in self.systems for i in system.indicators()]


@dataclass(slots=True)
class Project:
    """A whole plans folder: the registry and every round, read before anything is linked."""

    registry: Registry
    rounds: dict[str, Round]
    registry_files: list[str] = field(default_factory=list)
    # Files that could not be read at all, and files with any error while loading. Checks that
    # need a whole round (figures, coverage, references into it) skip rounds with such files,
    # so one broken file gives one diagnostic rather than a cascade.
    unreadable: set[str] = field(default_factory=set)
    flawed: set[str] = field(default_factory=set)

    def readable(self, files: list[str]) -> bool:
        return not self.unreadable.intersection(files)

    def loaded_cleanly(self, files: list[str]) -> bool:
        return not self.flawed.intersection(files)
