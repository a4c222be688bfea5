"""The typed model of a plans folder. Every item keeps where it was written (`loc`, the position
of its id) and where each of its fields was (`locs`), so checks can point at the offending value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from planc.diagnostics import Loc
from planc.periods import Period

Scalar = int | float | str


class Ref(NamedTuple):
    """A reference as written: the id it names and where it stands. A named tuple: large
    plans hold hundreds of thousands of them, and the parse cache makes them in C."""

    id: str
    loc: Loc


@dataclass(slots=True)
class Figure:
    """A published figure ("139条工作任务", "2500余篇") and where it was declared."""

    value: int
    loc: Loc
    qualifier: str | None = None  # 余 or 多: at least `value`

    @property
    def at_least(self) -> bool:
        return self.qualifier is not None

    def __str__(self) -> str:
        return f"{self.value}{self.qualifier or ''}"


@dataclass(frozen=True, slots=True)
class Provenance:
    """How an item or one of its values stands to the record: quoted, paraphrased, or inferred
    (with the reason). `of` names the field it is about; None means the item itself."""

    kind: str  # quoted | paraphrased | inferred
    loc: Loc
    reason: str | None = None
    of: str | None = None


@dataclass(slots=True)
class Place:
    id: str
    name: str
    kind: str  # city | region | country | region-of-china | world-region
    loc: Loc
    en: str | None = None
    country: Ref | None = None
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Unit:
    """A department of the city (`department`), a body of it (`body`: a committee, a leading
    group, the congress), or an organisation outside it (`organisation`: a firm, a university)."""

    id: str
    name: str
    loc: Loc
    kind: str = "department"
    en: str | None = None
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Registry:
    places: dict[str, Place] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)


MILESTONE_KINDS = (
    "preparation",
    "solicitation",
    "consultation",
    "expert-review",
    "review",
    "issued",
    "press-conference",
    "plenary",
    "symposium",
)


def _bounds(date: str) -> tuple[str, str]:
    """The first and last day a date as precise as the record can mean: 2019-H2 is
    2019-07-01 … 2019-12-31, 2019-12 is 2019-12-01 … 2019-12-31, 2020 the whole year."""
    year, _, rest = date.partition("-")
    if not rest:
        return f"{year}-01-01", f"{year}-12-31"
    if rest == "H1":
        return f"{year}-01-01", f"{year}-06-30"
    if rest == "H2":
        return f"{year}-07-01", f"{year}-12-31"
    if len(rest) == 2:  # a month: its last day is at most the 31st, which sorts the same
        return f"{date}-01", f"{date}-31"
    return date, date


def precision(date: str) -> str:
    """day, month, half-year or year: how precisely the record dates a step."""
    rest = date.partition("-")[2]
    if not rest:
        return "year"
    if rest.startswith("H"):
        return "half-year"
    return "month" if len(rest) == 2 else "day"


@dataclass(slots=True)
class Milestone:
    """A dated step of a round (筹备, 征集, 征求意见, 专家评估, 印发, 新闻发布会 …) or an event of
    the programme (a plenary of the committee), as precisely as the record dates it."""

    kind: str  # one of MILESTONE_KINDS
    date: str  # YYYY-MM-DD, YYYY-MM, YYYY-H1 / YYYY-H2, or YYYY
    loc: Loc
    until: str | None = None  # the last day of a step over several days (9月21日至23日)
    text: str | None = None  # what the record says of it
    units: list[Ref] = field(default_factory=list)  # who took part, ids from registry/units.yaml
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)

    @property
    def precision(self) -> str:
        return precision(self.date)

    @property
    def first(self) -> str:
        return _bounds(self.date)[0]

    @property
    def last(self) -> str:
        return _bounds(self.until or self.date)[1]

    @property
    def day(self) -> str | None:
        """The date when the record gives the day, else None."""
        return self.date if self.precision == "day" else None


def dated(milestones: list[Milestone], kind: str) -> str | None:
    """The day of the last step of a kind, where the record gives it to the day."""
    days = [m.day for m in milestones if m.kind == kind and m.day]
    return days[-1] if days else None


@dataclass(slots=True)
class Source:
    id: str
    title: str
    loc: Loc
    publisher: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    seed: str | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Task:
    id: str
    title: str
    chapter: str
    round: str  # the round's name: a task is named across rounds as ROUND:ID
    loc: Loc
    locs: Mapping[str, Loc]
    number: int | None = None
    section: str | None = None
    text: str | None = None
    lead: list[Ref] = field(default_factory=list)
    partners: list[Ref] = field(default_factory=list)
    indicators: list[Ref] = field(default_factory=list)
    cases: list[Ref] = field(default_factory=list)
    benchmarks: list[Ref] = field(default_factory=list)
    # the city's campaigns (攻势) the record ties the task to ("跟“双招双引”攻势相互促进")
    campaigns: list[str] = field(default_factory=list)
    continues: Ref | None = None  # id is "ROUND:TASK"
    due: str | None = None
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)

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
    # what the record says the section covers ("涉及社区养老、志愿服务、社区治理等内容")
    topics: list[str] = field(default_factory=list)
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Chapter:
    id: str
    title: str
    loc: Loc
    subtitle: str | None = None
    declared_tasks: Figure | None = None
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)
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
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Dimension:
    id: str
    title: str
    loc: Loc
    indicators: list[Indicator] = field(default_factory=list)
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class IndicatorSystem:
    id: str
    title: str
    file: str
    loc: Loc
    stages: list[str] = field(default_factory=list)
    benchmark_places: list[Ref] = field(default_factory=list)
    units: list[Ref] = field(default_factory=list)  # who drew it up, as the record names them
    dimensions: list[Dimension] = field(default_factory=list)
    unplaced: list[Indicator] = field(default_factory=list)  # dimension not in the sources
    declared: dict[str, Figure] = field(default_factory=dict)
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)
    # `indicators`: the plan's own system. `targets`: another document's targets the plan is
    # read beside (2022-2023: the 2026 targets of the 六个城市 实施意见); they are shown as such
    # and never counted or compared as indicators of the plan.
    role: str = "indicators"
    document: str | None = None

    @property
    def is_targets(self) -> bool:
        return self.role == "targets"

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
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Part:
    id: str
    title: str
    loc: Loc
    declared_cases: Figure | None = None
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)
    file: str | None = None
    cases: list[Case] = field(default_factory=list)


@dataclass(slots=True)
class Response:
    """A form that came back from a unit in a consultation, with or without comments."""

    unit: Ref | None
    form: str
    file: str
    received: str | None
    loc: Loc


@dataclass(slots=True)
class Comment:
    """One comment of a unit on the draft (征求意见), and the office's disposition of it."""

    id: str
    loc: Loc
    locs: Mapping[str, Loc]
    unit: Ref | None = None
    task: Ref | None = None  # on a task, or
    chapter: Ref | None = None  # on a chapter, or neither: on the plan as a whole
    text: str = ""
    proposal: str | None = None  # 修改建议: the wording the unit proposes
    contact: str | None = None
    received: str | None = None
    file: str | None = None  # the form it came in
    cell: str | None = None  # where in the form: 任务意见!H5
    disposition: str | None = None  # adopted | partly-adopted | not-adopted | noted
    reason: str | None = None
    changed: list[Ref] = field(default_factory=list)  # tasks changed because of it

    @property
    def adopted(self) -> bool:
        return self.disposition in ("adopted", "partly-adopted")


@dataclass(slots=True)
class Consultation:
    """One round of consultation (第N次征求意见) of a plan round: plans/ROUND/consultation/
    round-N.yaml."""

    number: int  # N of round-N.yaml
    file: str
    loc: Loc
    declared_number: int | None = None  # `consultation:` as written
    file_number: int | None = None  # N of its name round-N.yaml; None: not named so
    locs: Mapping[str, Loc] = field(default_factory=dict)
    title: str | None = None
    draft: str | None = None  # git revision of the draft the forms were made from
    revised: str | None = None  # git revision of the version after it (default: the work tree)
    responses: list[Response] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)


# The statuses of a progress report, in the order the office reads them, with their Chinese
# labels.
STATUSES: dict[str, str] = {
    "not-started": "未启动",
    "on-track": "正常推进",
    "delayed": "滞后",
    "done": "已完成",
    "dropped": "已终止",
}
FINAL = ("done", "dropped")  # a task reported so stays so until a later report says otherwise


@dataclass(slots=True)
class Report:
    """One unit's report on one task for one period (督查: plans/ROUND/progress/PERIOD.yaml)."""

    task: Ref
    status: str
    loc: Loc  # of the task reference
    locs: Mapping[str, Loc]
    unit: Ref | None = None
    percent: int | None = None
    note: str | None = None
    evidence: list[str] = field(default_factory=list)
    date: str | None = None


@dataclass(slots=True)
class FormRecord:
    """A returned xlsx form a progress file was imported from (provenance)."""

    unit: Ref | None
    form: str
    file: str


@dataclass(slots=True)
class ProgressFile:
    """The progress reports of a round for one period, as read."""

    file: str
    loc: Loc
    period: Period | None  # None when the file name is not a period (a `schema` diagnostic)
    reports: list[Report] = field(default_factory=list)
    forms: list[FormRecord] = field(default_factory=list)


@dataclass(slots=True)
class Notice:
    """The issuing notice (印发通知) of an official edition, and its 版记: what the sources
    give of them, nothing more."""

    issuer: str | None = None
    number: str | None = None  # 发文字号
    to: str | None = None  # 主送机关
    text: str | None = None
    date: str | None = None
    cc: list[str] = field(default_factory=list)  # 抄送
    printer: str | None = None  # 印发机关
    printed: str | None = None  # 印发日期
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Round:
    name: str  # the folder name, e.g. 2020-2021
    plan_file: str
    loc: Loc
    locs: Mapping[str, Loc] = field(default_factory=dict)
    declared_round: str | None = None  # `round:` as written
    title: str = ""
    issuer: str | None = None
    issued: str | None = None
    phase: str | None = None
    goal: str | None = None
    previous: Ref | None = None
    edition: str = "draft"
    drafted: str | None = None  # a draft's date
    notice: Notice | None = None
    preface: tuple[str, str] | None = None  # (前言 or 编制说明, its text)
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
    consultations: list[Consultation] = field(default_factory=list)  # by number
    provenance: list[Provenance] = field(default_factory=list)
    progress: list[ProgressFile] = field(default_factory=list)  # progress/PERIOD.yaml, as read
    # `benchmark_regions`: the countries and regions the record says the cases come from
    # ("涉及欧美、日韩、东南亚等20个国家和地区"), where it names groups rather than places
    benchmark_regions: list[Ref] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)  # the round's steps, in order

    @property
    def issued_on(self) -> str | None:
        """The issue date: `issued:`, else the day of the `issued` milestone."""
        return self.issued or dated(self.milestones, "issued")

    @property
    def drafted_on(self) -> str | None:
        """The draft's date: the day of the last consultation step (the draft sent out for
        comments), where the record gives it. A `drafted:` of the plan, where there is one,
        comes first (the print's date of a draft)."""
        return dated(self.milestones, "consultation")

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

    def plan_systems(self) -> list[IndicatorSystem]:
        """The plan's own indicator systems (not another document's targets)."""
        return [s for s in self.systems if not s.is_targets]

    @property
    def years(self) -> tuple[int, int]:
        first, _, last = self.name.partition("-")
        return int(first), int(last)


@dataclass(slots=True)
class Phase:
    """A phase (阶段) of the programme, e.g. 实施开展期 2017-2021."""

    id: str
    title: str
    start: int
    end: int
    loc: Loc
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)

    @property
    def span(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}—{self.end}"


@dataclass(slots=True)
class Area:
    """An area (领域) of the programme's tasks."""

    id: str
    title: str
    loc: Loc
    tasks: list[str] = field(default_factory=list)  # task titles, where the record names them
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Target:
    """A goal of the programme for a year ("到2049年建成…")."""

    year: int
    text: str
    loc: Loc
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class RoundsFigure:
    """A figure published over several rounds ("三轮…推进完成了439项重点工作任务"): reconciled
    against what those rounds declare of the same figure."""

    id: str
    title: str
    figure: str  # the round figure it adds up, e.g. tasks
    declared: Figure
    rounds: list[Ref]
    loc: Loc
    source: Ref | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Programme:
    """The strategy the rounds serve (plans/programme.yaml): its phases, areas, targets and the
    figures published over rounds."""

    file: str
    loc: Loc
    title: str = ""
    short_title: str | None = None
    issuer: str | None = None
    issued: str | None = None
    sources: list[Source] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    declared: dict[str, Figure] = field(default_factory=dict)
    figures: list[RoundsFigure] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)
    events: list[Milestone] = field(default_factory=list)  # the 纲要's issue, the plenaries …

    @property
    def issued_on(self) -> str | None:
        return self.issued or dated(self.events, "issued")

    def phases_of(self, rnd: Round) -> list[Phase]:
        """The phases a round's years fall in (2016-2017: 基准启动期 and 实施开展期)."""
        first, last = rnd.years
        return [p for p in self.phases if p.start <= last and first <= p.end]


@dataclass(slots=True)
class Project:
    """A whole plans folder: the registry and every round, read before anything is linked."""

    registry: Registry
    rounds: dict[str, Round]
    registry_files: list[str] = field(default_factory=list)
    programme: Programme | None = None  # plans/programme.yaml is optional
    # Files that could not be read at all, and files with any error while loading. Checks that
    # need a whole round (figures, coverage, references into it) skip rounds with such files,
    # so one broken file gives one diagnostic rather than a cascade.
    unreadable: set[str] = field(default_factory=set)
    flawed: set[str] = field(default_factory=set)

    def readable(self, files: list[str]) -> bool:
        return not self.unreadable.intersection(files)

    def loaded_cleanly(self, files: list[str]) -> bool:
        return not self.flawed.intersection(files)
