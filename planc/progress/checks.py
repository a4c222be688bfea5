"""The progress checks (planc check): reports against the round's tasks, units and periods.

Everything is judged "as of" the latest period's last day, never the clock, so the same
sources give the same diagnostics on any day."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from planc.diagnostics import Diagnostic, Loc, did_you_mean
from planc.index import Index, RoundIndex
from planc.progress.model import FINAL, STATUSES
from planc.progress.periods import round_years


def progress_checks(index: Index) -> Iterator[Diagnostic]:
    for ri in index.rounds.values():
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
                f"period {period.name} is outside round {ri.round.name} ({first}-{last})",
                "progress belongs to the round whose years hold the period",
            )
    for i, (period, file) in enumerate(dated):
        for other, other_file in dated[:i]:
            if period.overlaps(other):
                yield Diagnostic(
                    "periods-overlap",
                    Loc(file),
                    f"period {period.name} overlaps {other.name} ({other_file}); a task "
                    "would have two statuses for the same days",
                    "report every period of a round in one kind: quarters, half-years or months",
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
                    f"a report on task '{tid}', which round {ri.round.name} does not have",
                    did_you_mean(tid, ri.tasks) or "progress names the ids in tasks/*.yaml",
                )
                continue
            if tid in seen:
                yield Diagnostic(
                    "duplicate-id",
                    report.task.loc,
                    f"task '{tid}' is reported twice in {pf.file} (first at {seen[tid]})",
                    "one report per task and period: merge the two",
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
                    f"report on task '{tid}' names unit '{unit.id}', which is not in "
                    "registry/units.yaml",
                    did_you_mean(unit.id, units),
                )
                continue
            responsible = [r.id for r in task.lead + task.partners]
            if unit.id not in responsible:
                names = "、".join(units[u].name if u in units else u for u in responsible)
                yield Diagnostic(
                    "unit-not-responsible",
                    unit.loc,
                    f"{units[unit.id].name} ({unit.id}) reports on task '{tid}', which it "
                    "neither leads nor partners",
                    f"the task's units: {names}" if names else "the task names no units",
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
                    f"task '{task.id}' was done in {before.name} and is "
                    f"{new.status} ({STATUSES[new.status]}) in {period.name}, with no note why",
                    "add a `note:` saying what reopened it",
                )
            if old.percent is not None and new.percent is not None and new.percent < old.percent:
                yield Diagnostic(
                    "percent-fell",
                    new.locs.get("percent", new.loc),
                    f"task '{task.id}' is at {new.percent}% in {period.name}, down from "
                    f"{old.percent}% in {before.name}",
                    "a correction? say so in `note:`" if not new.note else None,
                )
        state = pi.state(task, latest)
        if state.state == "overdue":
            last = "never reported"
            if state.last:
                last = f"last reported {state.last[1].status} in {state.last[0].name}"
            yield Diagnostic(
                "task-overdue",
                task.locs.get("due", task.loc),
                f"task '{task.id}' was due {task.due} and is not done as of {latest.name} ({last})",
            )
        if state.report is None and state.state not in FINAL:
            yield Diagnostic(
                "report-missing",
                task.loc,
                f"task '{task.id}' has no report in {latest.name}, the latest period",
                f"add it to {pi.files[latest.name].file}",
            )
