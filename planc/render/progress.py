"""The supervision tables: every task's state as of a period, counted by chapter and by lead
unit, and over the periods up to it. Plain data for the 督查通报 (render/bulletin.py), plan.json
and `planc progress`."""

from __future__ import annotations

from dataclasses import dataclass, field

from planc import records
from planc.errors import UsageError
from planc.i18n import _
from planc.index import STATES, Index, ProgressIndex, RoundIndex, TaskState
from planc.model import Task, Unit
from planc.periods import Period

NO_LEAD = "（未列牵头单位）"


@dataclass(slots=True)
class Row:
    key: str  # chapter id, unit id, or "" for the whole round
    label: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    @property
    def tasks(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> int | None:
        """Percent done of the tasks not dropped, rounded; None when there are none."""
        live = self.tasks - self.counts["dropped"]
        return round(100 * self.counts["done"] / live) if live else None

    def add(self, state: str) -> None:
        self.counts[state] += 1

    def as_json(self) -> dict[str, object]:
        return {"title": self.label, "tasks": self.tasks, **self.counts, "rate": self.rate}


@dataclass(frozen=True, slots=True)
class TaskLine:
    task: Task
    chapter: str  # its title
    lead: list[str]  # unit names
    state: TaskState


@dataclass(slots=True)
class Summary:
    round: str
    title: str
    as_of: Period
    periods: list[Period]  # the round's periods up to and including as_of
    total: Row
    chapters: list[Row]
    units: list[Row]
    tasks: list[TaskLine]  # every task, in document order
    # Done per period up to as_of, for the whole round, per chapter and per lead unit.
    done_over: dict[str, list[int]]  # "" (the round), chapter id, "unit:ID" -> counts
    unit_names: dict[str, str]

    def attention(self, state: str) -> list[TaskLine]:
        return [line for line in self.tasks if line.state.state == state]


def progress_of(index: Index, name: str) -> tuple[RoundIndex, ProgressIndex]:
    ri = index.rounds.get(name)
    if ri is None:
        raise UsageError(_("round {round} does not load; run planc check {round}", round=name))
    if ri.progress is None:
        raise UsageError(
            _(
                "round {round} has no progress reports (plans/{round}/progress/PERIOD.yaml); "
                "`planc progress forms {round} --period PERIOD` makes the forms to collect them",
                round=name,
            )
        )
    return ri, ri.progress


def period_of(pi: ProgressIndex, name: str, as_of: str | None) -> Period:
    if as_of is None:
        assert pi.latest is not None
        return pi.latest
    found = pi.period(as_of)
    if found is None:
        have = ", ".join(p.name for p in pi.periods)
        raise UsageError(
            _(
                "round {round} has no progress for {period} (periods: {have})",
                round=name,
                period=as_of,
                have=have,
            )
        )
    return found


def summarize(index: Index, name: str, as_of: str | None = None) -> Summary:
    ri, pi = progress_of(index, name)
    at = period_of(pi, name, as_of)
    units = index.project.registry.units
    chapters = {c.id: Row(c.id, c.title) for c in ri.round.chapters}
    by_unit: dict[str, Row] = {}
    total = Row("", ri.round.title)
    lines = []
    periods = [p for p in pi.periods if p <= at]
    done_over: dict[str, list[int]] = {"": [0] * len(periods)}
    for cid in chapters:
        done_over[cid] = [0] * len(periods)
    for chapter in ri.round.chapters:
        for task in chapter.tasks:
            state = pi.state(task, at)
            lead = [r.id for r in task.lead] or [""]
            lines.append(TaskLine(task, chapter.title, [_unit(units, u) for u in lead if u], state))
            total.add(state.state)
            chapters[chapter.id].add(state.state)
            for uid in dict.fromkeys(lead):
                by_unit.setdefault(uid, Row(uid, _unit(units, uid))).add(state.state)
                done_over.setdefault(f"unit:{uid}", [0] * len(periods))
            for i, period in enumerate(periods):
                if pi.state(task, period).state == "done":
                    done_over[""][i] += 1
                    done_over[chapter.id][i] += 1
                    for uid in dict.fromkeys(lead):
                        done_over[f"unit:{uid}"][i] += 1
    order = list(units)
    unit_rows = sorted(
        by_unit.values(), key=lambda r: (r.key == "", order.index(r.key) if r.key in units else 0)
    )
    return Summary(
        round=name,
        title=ri.round.title,
        as_of=at,
        periods=periods,
        total=total,
        chapters=list(chapters.values()),
        units=unit_rows,
        tasks=lines,
        done_over=done_over,
        unit_names={uid: _unit(units, uid) for uid in by_unit},
    )


def _unit(units: dict[str, Unit], uid: str) -> str:
    if not uid:
        return NO_LEAD
    unit = units.get(uid)
    return unit.name if unit is not None else uid


def summary_json(s: Summary) -> dict[str, object]:
    return {
        "round": s.round,
        "as_of": s.as_of.name,
        "periods": [p.name for p in s.periods],
        "states": list(STATES),
        "total": s.total.as_json(),
        "chapters": {r.key: r.as_json() for r in s.chapters},
        "units": {r.key: r.as_json() for r in s.units},
        "done_over_periods": {
            "round": s.done_over[""],
            "chapters": {r.key: s.done_over[r.key] for r in s.chapters},
            "units": {r.key: s.done_over[f"unit:{r.key}"] for r in s.units},
        },
        "tasks": {
            line.task.id: {
                "state": line.state.state,
                "report": records.report(line.state.report),
                "last_period": line.state.last[0].name if line.state.last else None,
            }
            for line in s.tasks
        },
    }


def round_progress(index: Index, name: str) -> dict[str, object]:
    """plan.json's `"progress"`: the table as of the latest period (planc progress --format
    json, without the tasks, which carry their own)."""
    if index.rounds[name].progress is None:
        return {}
    data = summary_json(summarize(index, name))
    del data["tasks"]
    return {"progress": data}
