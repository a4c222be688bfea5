"""The progress reports of a round, as the loader makes them (plans/ROUND/progress/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planc.diagnostics import Loc
from planc.model import Ref
from planc.progress.periods import Period

# The statuses, in the order the office reads them, with their Chinese labels.
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
    """One unit's report on one task for one period."""

    task: Ref
    status: str
    loc: Loc  # of the task reference
    locs: dict[str, Loc]
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
    file: str
    loc: Loc
    period: Period | None  # None when the file name is not a period (a `schema` diagnostic)
    reports: list[Report] = field(default_factory=list)
    forms: list[FormRecord] = field(default_factory=list)
