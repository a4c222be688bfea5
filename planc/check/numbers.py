"""`number-conflict`: published task numbers repeat or run backwards within a round."""

from __future__ import annotations

from collections.abc import Iterator

from planc.diagnostics import Diagnostic
from planc.i18n import _
from planc.index import Index
from planc.model import Task


def number_conflicts(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        seen: dict[int, Task] = {}
        last: Task | None = None
        # Document order: chapters as plan.yaml lists them, tasks as their files list them.
        for task in ri.round.tasks():
            if task.number is None:
                continue
            loc = task.locs.get("number", task.loc)
            if task.number in seen:
                other = seen[task.number]
                yield Diagnostic(
                    "number-conflict",
                    loc,
                    _(
                        "task '{id}' repeats number {number} of task '{other}' ({where})",
                        id=task.id,
                        number=task.number,
                        other=other.id,
                        where=other.locs.get("number", other.loc),
                    ),
                )
            elif last is not None and last.number is not None and task.number < last.number:
                yield Diagnostic(
                    "number-conflict",
                    loc,
                    _(
                        "task '{id}' is numbered {number} but follows task '{last}' numbered "
                        "{last_number}",
                        id=task.id,
                        number=task.number,
                        last=last.id,
                        last_number=last.number,
                    ),
                    _("numbers run upwards in chapter order (plan.yaml) and file order"),
                )
            seen.setdefault(task.number, task)
            last = task
