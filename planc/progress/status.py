"""Each task's state as of a period, from the progress files alone (the index's part).

A task's state as of period P is one of STATES, decided in this order:
1. done or dropped in P, or in an earlier period with no report since: that;
2. past its `due` at P's last day and not done: overdue;
3. reported in P: the reported status (not-started, on-track, delayed);
4. otherwise: not reported.
Every task has exactly one state, so the states of a table add up to its tasks."""

from __future__ import annotations

from dataclasses import dataclass, field

from planc.model import Round, Task
from planc.progress.model import FINAL, STATUSES, ProgressFile, Report
from planc.progress.periods import Period, due_date, round_years

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


def latest_progress(pi: ProgressIndex | None, task: Task) -> str:
    """A task's state as of the latest period, as the plan shows it: 滞后 55%（2021年第二季度）."""
    if pi is None or pi.latest is None:
        return ""
    state = pi.state(task, pi.latest)
    percent = ""
    if state.last is not None and state.last[1].percent is not None:
        percent = f" {state.last[1].percent}%"
    return f"{STATES[state.state]}{percent}（截至{pi.latest.label}）"
