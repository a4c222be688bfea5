"""The progress checks (planc check): reports against the round's tasks, units and periods.

Everything is judged "as of" the latest period's last day, never the clock, so the same
sources give the same diagnostics on any day."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from planc.diagnostics import Diagnostic, Loc, did_you_mean
from planc.i18n import _
from planc.index import Index, RoundIndex
from planc.model import FINAL, STATUSES
from planc.periods import round_years


def progress_checks(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        if ri.round.progress and ri.complete:
            # A round with a file that did not load waits, as its figures do: no cascade.
            yield from _periods(ri)
            yield from _reports(ri, index)
            yield from _histories(ri)


def _periods(ri: RoundIndex) -> Iterator[Diagnostic]:
    first, last = round_years(ri.round.name)
    dated = sorted((pf.period, pf.file) for pf in ri.round.progress if pf.period is not None)
    for period, file in dated:
        if period.start.year < first or period.end.year > last:
            yield Diagnostic(
                "period-outside-round",
                Loc(file),
                _(
                    "period {period} is outside round {round} ({first}-{last})",
                    period=period.name,
                    round=ri.round.name,
                    first=first,
                    last=last,
                ),
                _("progress belongs to the round whose years hold the period"),
            )
    for i, (period, file) in enumerate(dated):
        for other, other_file in dated[:i]:
            if period.overlaps(other):
                yield Diagnostic(
                    "periods-overlap",
                    Loc(file),
                    _(
                        "period {period} overlaps {other} ({file}); a task would have two "
                        "statuses for the same days",
                        period=period.name,
                        other=other.name,
                        file=other_file,
                    ),
                    _("report every period of a round in one kind: quarters, half-years or months"),
                )


def _reports(ri: RoundIndex, index: Index) -> Iterator[Diagnostic]:
    units = index.project.registry.units
    for pf in ri.round.progress:
        seen: dict[str, Loc] = {}
        for report in pf.reports:
            tid = report.task.id
            task = ri.tasks.get(tid)
            if task is None:
                yield Diagnostic(
                    "unknown-task",
                    report.task.loc,
                    _(
                        "a report on task '{id}', which round {round} does not have",
                        id=tid,
                        round=ri.round.name,
                    ),
                    did_you_mean(tid, ri.tasks) or _("progress names the ids in tasks/*.yaml"),
                )
                continue
            if tid in seen:
                yield Diagnostic(
                    "duplicate-id",
                    report.task.loc,
                    _(
                        "task '{id}' is reported twice in {file} (first at {where})",
                        id=tid,
                        file=pf.file,
                        where=seen[tid],
                    ),
                    _("one report per task and period: merge the two"),
                )
                continue
            seen[tid] = report.task.loc
            unit = report.unit
            if unit is None:
                continue
            if unit.id not in units:
                yield Diagnostic(
                    "unknown-reference",
                    unit.loc,
                    _(
                        "report on task '{id}' names unit '{unit}', which is not in "
                        "registry/units.yaml",
                        id=tid,
                        unit=unit.id,
                    ),
                    did_you_mean(unit.id, units),
                )
                continue
            responsible = [r.id for r in task.lead + task.partners]
            if unit.id not in responsible:
                names = "、".join(units[u].name if u in units else u for u in responsible)
                yield Diagnostic(
                    "unit-not-responsible",
                    unit.loc,
                    _(
                        "{name} ({unit}) reports on task '{id}', which it neither leads nor "
                        "partners",
                        name=units[unit.id].name,
                        unit=unit.id,
                        id=tid,
                    ),
                    _("the task's units: {names}", names=names)
                    if names
                    else _("the task names no units"),
                )


def _histories(ri: RoundIndex) -> Iterator[Diagnostic]:
    pi = ri.progress
    if pi is None or pi.latest is None:
        return
    latest = pi.latest
    for task in ri.round.tasks():
        history = pi.history(task.id, latest)
        for (before, old), (period, new) in pairwise(history):
            if old.status == "done" and new.status not in FINAL and not new.note:
                yield Diagnostic(
                    "reopened-without-note",
                    new.locs.get("status", new.loc),
                    _(
                        "task '{id}' was done in {before} and is {status} ({label}) in "
                        "{period}, with no note why",
                        id=task.id,
                        before=before.name,
                        status=new.status,
                        label=STATUSES[new.status],
                        period=period.name,
                    ),
                    _("add a `note:` saying what reopened it"),
                )
            if old.percent is not None and new.percent is not None and new.percent < old.percent:
                yield Diagnostic(
                    "percent-fell",
                    new.locs.get("percent", new.loc),
                    _(
                        "task '{id}' is at {percent}% in {period}, down from {before_percent}% "
                        "in {before}",
                        id=task.id,
                        percent=new.percent,
                        period=period.name,
                        before_percent=old.percent,
                        before=before.name,
                    ),
                    _("a correction? say so in `note:`") if not new.note else None,
                )
        state = pi.state(task, latest)
        if state.state == "overdue":
            last = _("never reported")
            if state.last:
                last = _(
                    "last reported {status} in {period}",
                    status=state.last[1].status,
                    period=state.last[0].name,
                )
            yield Diagnostic(
                "task-overdue",
                task.locs.get("due", task.loc),
                _(
                    "task '{id}' was due {due} and is not done as of {period} ({last})",
                    id=task.id,
                    due=task.due,
                    period=latest.name,
                    last=last,
                ),
            )
        if state.report is None and state.state not in FINAL:
            yield Diagnostic(
                "report-missing",
                task.loc,
                _(
                    "task '{id}' has no report in {period}, the latest period",
                    id=task.id,
                    period=latest.name,
                ),
                _("add it to {file}", file=pi.files[latest.name].file),
            )
