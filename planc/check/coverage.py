"""`unused-case` and `uncovered-indicator`: things no task refers to."""

from __future__ import annotations

from collections.abc import Iterator

from planc.diagnostics import Diagnostic
from planc.i18n import _
from planc.index import Index


def unused_cases(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        if not ri.complete:
            continue  # its figures wait until its files load cleanly
        for case in ri.round.cases():
            if case.id and case.id not in ri.tasks_of_case:
                yield Diagnostic(
                    "unused-case",
                    case.loc,
                    _(
                        "no task of {round} refers to case '{id}' ({title})",
                        round=ri.round.name,
                        id=case.id,
                        title=case.title,
                    ),
                    _("name it in a task's `cases:`, or remove it"),
                )


def uncovered_indicators(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        if not ri.complete:
            continue  # its figures wait until its files load cleanly
        # Another document's targets (`role: targets`) are not the plan's to cover.
        for indicator in (i for s in ri.round.plan_systems() for i in s.indicators()):
            if indicator.id and indicator.id not in ri.tasks_of_indicator:
                yield Diagnostic(
                    "uncovered-indicator",
                    indicator.loc,
                    _(
                        "no task of {round} serves indicator '{id}' ({title})",
                        round=ri.round.name,
                        id=indicator.id,
                        title=indicator.title,
                    ),
                    _("name it in a task's `indicators:`"),
                )
