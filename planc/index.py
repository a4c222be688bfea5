"""One cross-reference index over a whole project: forward links resolved to objects, back-links,
lineage across rounds, and the figures computed from the sources beside the declared ones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from planc.figures import (
    DOCUMENT_FIGURES,
    EXTRA_FIGURES,
    FIGURES,
    PROGRAMME_FIGURES,
    SYSTEM_FIGURES,
    UNCOUNTED,
)
from planc.model import (
    FINAL,
    STATUSES,
    Case,
    Chapter,
    Comment,
    Figure,
    Indicator,
    IndicatorSystem,
    Part,
    Phase,
    Place,
    Programme,
    ProgressFile,
    Project,
    Report,
    Round,
    RoundsFigure,
    Source,
    Task,
)
from planc.periods import Period, due_date, round_years

COUNTRY_KINDS = ("country", "region-of-china")


@dataclass(slots=True)
class FigureRow:
    """A figure of a round: what was published beside what the sources hold."""

    name: str
    computed: int | None  # None: planc cannot count it from the sources
    declared: Figure | None

    @property
    def status(self) -> str:
        """ok, mismatch, incomplete (a public record holding less than published), undeclared,
        or uncounted. A figure published with 余 or 多 ("2500余篇") is at least its value."""
        if self.declared is None:
            return "undeclared"
        if self.computed is None:
            return "uncounted"
        if self.declared.value == self.computed:
            return "ok"
        if self.declared.at_least and self.computed > self.declared.value:
            return "ok"
        return "mismatch"


def _short_is_incomplete(row: FigureRow) -> str:
    """A figure's status where the sources are known to hold less than was published: fewer
    is `incomplete`, not a mismatch."""
    short = (
        row.declared is not None and row.computed is not None and row.computed < row.declared.value
    )
    return "incomplete" if row.status == "mismatch" and short else row.status


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


# --- supervision (督查): each task's state as of a period, from the progress files alone ---
#
# A task's state as of period P is one of STATES, decided in this order:
# 1. done or dropped in P, or in an earlier period with no report since: that;
# 2. past its `due` at P's last day and not done: overdue;
# 3. reported in P: the reported status (not-started, on-track, delayed);
# 4. otherwise: not reported.
# Every task has exactly one state, so the states of a table add up to its tasks.

# Column order of every table: what is settled, then what needs attention.
STATES: dict[str, str] = {
    "done": "已完成",
    "on-track": "正常推进",
    "not-started": "未启动",
    "delayed": "滞后",
    "overdue": "逾期",
    "not-reported": "未报送",
    "dropped": "已终止",
}
assert set(STATUSES) <= set(STATES)


@dataclass(frozen=True, slots=True)
class TaskState:
    state: str
    report: Report | None  # the report in the period asked about, if any
    last: tuple[Period, Report] | None  # the latest report at or before it


@dataclass(slots=True)
class ProgressIndex:
    periods: list[Period] = field(default_factory=list)  # oldest first; one file each
    files: dict[str, ProgressFile] = field(default_factory=dict)  # by period name
    # task id -> period name -> the first report on it in that period
    reports: dict[str, dict[str, Report]] = field(default_factory=dict)

    @property
    def latest(self) -> Period | None:
        return self.periods[-1] if self.periods else None

    def period(self, name: str) -> Period | None:
        return next((p for p in self.periods if p.name == name), None)

    def history(self, task_id: str, upto: Period) -> list[tuple[Period, Report]]:
        """The reports on a task up to and including `upto`, oldest first."""
        found = self.reports.get(task_id, {})
        return [(p, found[p.name]) for p in self.periods if p <= upto and p.name in found]

    def state(self, task: Task, as_of: Period) -> TaskState:
        history = self.history(task.id, as_of)
        last = history[-1] if history else None
        report = last[1] if last and last[0] == as_of else None
        if last is not None and last[1].status in FINAL:
            return TaskState(last[1].status, report, last)
        due = due_date(task.due) if task.due else None
        if due is not None and due < as_of.end:
            return TaskState("overdue", report, last)
        if report is not None:
            return TaskState(report.status, report, last)
        return TaskState("not-reported", None, last)


def progress_index(rnd: Round) -> ProgressIndex | None:
    """None for a round without progress files."""
    if not rnd.progress:
        return None
    pi = ProgressIndex()
    first, last = round_years(rnd.name)
    # A period outside the round's years is an error (period-outside-round); it does not move
    # the round's "as of", so it causes nothing else.
    inside = [
        f
        for f in rnd.progress
        if f.period is not None and first <= f.period.start.year and f.period.end.year <= last
    ]
    for pf in sorted(inside, key=lambda f: (f.period, f.file)):
        assert pf.period is not None
        if pf.period.name in pi.files:
            continue  # two files of one period cannot be: one file name each
        pi.files[pf.period.name] = pf
        pi.periods.append(pf.period)
        for report in pf.reports:
            pi.reports.setdefault(report.task.id, {}).setdefault(pf.period.name, report)
    return pi if pi.periods else None


def done_count(pi: ProgressIndex | None, tasks: list[Task], as_of: Period | None = None) -> int:
    """Tasks done as of a period (default: the latest): the figure `tasks_done`."""
    at = as_of or (pi.latest if pi else None)
    if pi is None or at is None:
        return 0
    return sum(1 for t in tasks if pi.state(t, at).state == "done")


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
    # The consultation (征求意见): its comments by the task and the unit they are about.
    comments_of_task: dict[str, list[Comment]] = field(default_factory=lambda: defaultdict(list))
    comments_of_unit: dict[str, list[Comment]] = field(default_factory=lambda: defaultdict(list))
    figures: list[FigureRow] = field(default_factory=list)
    chapter_figures: dict[str, FigureRow] = field(default_factory=dict)
    part_figures: dict[str, FigureRow] = field(default_factory=dict)
    system_figures: dict[str, list[FigureRow]] = field(default_factory=dict)
    progress: ProgressIndex | None = None  # None: the round has no progress files

    complete: bool = True  # every file of the round (and the registry) loaded without error

    def status(self, row: FigureRow) -> str:
        # A public record holds part of a plan: less than published is a gap, not an error.
        return _short_is_incomplete(row) if self.round.public_record else row.status


@dataclass(slots=True)
class RoundsFigureRow:
    """A programme figure over rounds beside what those rounds declare of the same figure."""

    figure: RoundsFigure
    terms: list[tuple[str, Figure | None]]  # each round and its declared figure
    computed: int  # what the rounds' sources hold

    @property
    def complete(self) -> bool:
        return all(f is not None for _, f in self.terms)

    @property
    def added(self) -> int:
        return sum(f.value for _, f in self.terms if f is not None)

    @property
    def approximate(self) -> bool:
        return any(f is not None and f.at_least for _, f in self.terms)

    @property
    def sum_text(self) -> str:
        return " + ".join(str(f) if f is not None else "?" for _, f in self.terms)

    @property
    def status(self) -> str:
        """ok, inconsistent (the rounds' figures cannot add up to the total), or partial (a
        round declares nothing, and what the others declare does not contradict the total)."""
        total = self.figure.declared
        if total.at_least:
            # "at least N" in all: only exact rounds adding up to less can contradict it
            short = self.complete and not self.approximate and self.added < total.value
            return "inconsistent" if short else "ok"
        if self.added > total.value:
            return "inconsistent"
        if not self.complete:
            return "partial"
        if self.approximate or self.added == total.value:
            return "ok"
        return "inconsistent"


@dataclass(slots=True)
class ProgrammeIndex:
    programme: Programme
    figures: list[FigureRow] = field(default_factory=list)  # its own: areas, tasks
    rounds_figures: list[RoundsFigureRow] = field(default_factory=list)
    phases_of: dict[str, list[Phase]] = field(default_factory=dict)  # round -> its phases

    def status(self, row: FigureRow) -> str:
        # The programme, like a public record, holds less than it publishes: a gap, not an
        # error.
        return _short_is_incomplete(row)


@dataclass(slots=True)
class Index:
    project: Project
    rounds: dict[str, RoundIndex]
    programme: ProgrammeIndex | None = None
    # The rounds whose diagnostics are wanted (None: all). The others are here to be named:
    # a round a checked one continues is read whole, and its own problems are not reported, so
    # the rules do not look for them (a fifth of a re-check after one edit).
    checked: tuple[str, ...] | None = None

    def checked_rounds(self) -> list[RoundIndex]:
        """The rounds the rules look at, oldest first."""
        if self.checked is None:
            return list(self.rounds.values())
        return [ri for name, ri in self.rounds.items() if name in self.checked]

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
    pair: dict[str, Any] = {
        "declared": row.declared.value if row.declared else None,
        "sources": row.computed,
    }
    if row.declared is not None and row.declared.qualifier:
        pair["qualifier"] = row.declared.qualifier  # 余 / 多: the figure is at least `declared`
    return pair


def round_stats(ri: RoundIndex, phases: list[str] | None = None) -> dict[str, Any]:
    """A round's figures as data: `planc stats --format json` and plan.json's "figures"."""
    data: dict[str, Any] = {row.name: _pair(row) for row in ri.figures}
    data["chapters"] = {cid: _pair(row) for cid, row in ri.chapter_figures.items()}
    data["parts"] = {pid: _pair(row) for pid, row in ri.part_figures.items()}
    data["systems"] = {
        sid: {row.name: _pair(row) for row in rows} for sid, rows in ri.system_figures.items()
    }
    # Another document's targets, shown beside the plan: never counted as its indicators.
    data["targets"] = {
        s.id: {
            "document": s.document,
            "groups": len(s.dimensions),
            "targets": len(s.indicators()),
            # what the record says of the document: 8大部分33条, 6个专班 (shown as published)
            **{name: f.value for name, f in s.declared.items() if name in DOCUMENT_FIGURES},
        }
        for s in ri.round.systems
        if s.is_targets
    }
    if phases is not None:
        data["phases"] = phases
    return data


def _declared_data(f: Figure) -> dict[str, Any]:
    return {"declared": f.value, **({"qualifier": f.qualifier} if f.qualifier else {})}


def programme_stats(pi: ProgrammeIndex) -> dict[str, Any]:
    """The programme's figures as data: `planc stats --format json`."""
    prog = pi.programme
    return {
        "title": prog.title,
        "phases": [{"title": p.title, "from": p.start, "to": p.end} for p in prog.phases],
        **{row.name: _pair(row) for row in pi.figures},
        "figures": {
            row.figure.id: {
                "title": row.figure.title,
                "figure": row.figure.figure,
                **_declared_data(row.figure.declared),
                "rounds": {
                    name: _declared_data(f) if f is not None else None for name, f in row.terms
                },
                "sources": row.computed,
                "status": row.status,
            }
            for row in pi.rounds_figures
        },
    }


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
    ri.progress = progress_index(rnd)
    _figures(ri, rnd, places)
    for record in rnd.consultations:
        for comment in record.comments:
            if comment.task is not None:
                ri.comments_of_task[comment.task.id].append(comment)
            if comment.unit is not None:
                ri.comments_of_unit[comment.unit.id].append(comment)
    return ri


def computed_figures(rnd: Round, places: dict[str, Place]) -> dict[str, int | None]:
    """What the sources of a round hold of each figure (None: not countable from them)."""
    cases = rnd.cases()
    named = {ref.id for case in cases for ref in case.places if ref.id in places}
    systems = rnd.plan_systems()  # another document's targets are not the plan's indicators
    indicators = sum(len(s.indicators()) for s in systems)
    dimensions = sum(len(s.dimensions) for s in systems)
    computed: dict[str, int | None] = {
        "tasks": len(rnd.tasks()),
        "benchmarked_tasks": sum(1 for t in rnd.tasks() if t.benchmarked),
        "cases": len(cases),
        "case_countries": len({c for p in named if (c := country_of(places[p], places))}),
        "case_cities": sum(1 for p in named if places[p].kind == "city"),
        "indicators": indicators,
        "dimensions": dimensions,
        "references": sum(len(c.references) for c in cases),
        "tasks_in_chapters": len(rnd.tasks()),
        "tasks_outside_chapters": 0,  # the format holds tasks in chapters only
        "indicators_total": indicators + dimensions,
        **consultation_figures(rnd),
        "tasks_done": 0,  # from the progress index: _figures sets it
    }
    return computed | dict.fromkeys(UNCOUNTED)


def consultation_figures(rnd: Round) -> dict[str, int | None]:
    """The consultation's figures from its records: rounds of consultation, units that sent a
    form back (with comments or 无意见), comments adopted in full or in part. A round without
    records holds none: 0, so a published figure is `incomplete` in a public record."""
    units = {r.unit.id for c in rnd.consultations for r in c.responses if r.unit is not None}
    units |= {m.unit.id for c in rnd.consultations for m in c.comments if m.unit is not None}
    return {
        "consultation_rounds": len(rnd.consultations),
        "units_consulted": len(units),
        "comments_adopted": sum(m.adopted for c in rnd.consultations for m in c.comments),
    }


def _outside_chapters(rnd: Round) -> Figure | None:
    """ "125项…其中122项任务聚焦…": the tasks the record puts outside the chapters."""
    total, inside = rnd.declared.get("tasks"), rnd.declared.get("tasks_in_chapters")
    if total is None or inside is None or total.at_least or inside.at_least:
        return None
    if inside.value > total.value:
        return None  # declared-inconsistent says so
    return Figure(total.value - inside.value, inside.loc)


def _figures(ri: RoundIndex, rnd: Round, places: dict[str, Place]) -> None:
    computed = computed_figures(rnd, places)
    computed["tasks_done"] = done_count(ri.progress, rnd.tasks())
    ri.figures = [FigureRow(name, computed[name], rnd.declared.get(name)) for name in FIGURES]
    outside = _outside_chapters(rnd)
    for name in EXTRA_FIGURES:
        declared = outside if name == "tasks_outside_chapters" else rnd.declared.get(name)
        if declared is not None or (name == "tasks_done" and ri.progress is not None):
            ri.figures.append(FigureRow(name, computed[name], declared))
    ri.chapter_figures = {
        c.id: FigureRow(c.id, len(c.tasks), c.declared_tasks) for c in rnd.chapters if c.id
    }
    ri.part_figures = {
        p.id: FigureRow(p.id, len(p.cases), p.declared_cases) for p in rnd.parts if p.id
    }
    # A round can hold several systems (2022-2023: the six dimensions and the 2026 targets);
    # figures published for one of them are declared on that system.
    ri.system_figures = {s.id: _system_figures(s) for s in rnd.plan_systems() if s.id}


def _system_figures(system: IndicatorSystem) -> list[FigureRow]:
    held = {"dimensions": len(system.dimensions), "indicators": len(system.indicators())}
    return [FigureRow(name, held[name], system.declared.get(name)) for name in SYSTEM_FIGURES]


def _programme_index(prog: Programme, rounds: dict[str, RoundIndex]) -> ProgrammeIndex:
    pi = ProgrammeIndex(prog)
    computed = {"areas": len(prog.areas), "tasks": sum(len(a.tasks) for a in prog.areas)}
    pi.figures = [
        FigureRow(name, computed.get(name), prog.declared[name])
        for name in PROGRAMME_FIGURES
        if name in prog.declared
    ]
    for fig in prog.figures:
        terms: list[tuple[str, Figure | None]] = []
        held = 0
        for ref in fig.rounds:
            ri = rounds.get(ref.id)
            terms.append((ref.id, ri.round.declared.get(fig.figure) if ri else None))
            row = next((r for r in ri.figures if r.name == fig.figure), None) if ri else None
            if row is not None and row.computed is not None:
                held += row.computed
        pi.rounds_figures.append(RoundsFigureRow(fig, terms, held))
    pi.phases_of = {name: prog.phases_of(ri.round) for name, ri in rounds.items()}
    return pi


def build_index(project: Project) -> Index:
    index = Index(project, {name: _round_index(r, project) for name, r in project.rounds.items()})
    if project.programme is not None:
        index.programme = _programme_index(project.programme, index.rounds)
    for rindex in index.rounds.values():
        for task in rindex.tasks.values():
            if task.continues is not None:
                name, _, tid = task.continues.id.partition(":")
                earlier = index.rounds.get(name)
                if earlier is not None and tid in earlier.tasks and name != rindex.round.name:
                    earlier.continued_by[tid].append(task)
    return index
