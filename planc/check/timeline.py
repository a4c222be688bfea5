"""Each round's timeline (`milestones:`) and the programme's events: steps in the order they
happened, none after the round's years, and an issue date that agrees with its step."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from planc.diagnostics import Diagnostic, Loc
from planc.i18n import _
from planc.index import Index
from planc.model import Milestone, dated


def _order(steps: list[Milestone]) -> Iterator[Diagnostic]:
    """A step that must have happened before the one listed ahead of it (dates as precise as
    the record: 2019-H2 and 2019-12 may be in either order, 2020-06 and 2019-12 may not)."""
    for step in steps:
        if step.until is not None and step.last < step.first:
            yield Diagnostic(
                "milestone-order",
                step.loc,
                _(
                    "milestone {kind} ends ({until}) before it starts ({date})",
                    kind=step.kind,
                    until=step.until,
                    date=step.date,
                ),
                _("`until:` is the last day of the step"),
            )
    for before, after in itertools.pairwise(steps):
        if after.last < before.first:
            yield Diagnostic(
                "milestone-order",
                after.loc,
                _(
                    "milestone {kind} ({date}) is listed after {other} ({other_date}), "
                    "which comes later",
                    kind=after.kind,
                    date=after.date,
                    other=before.kind,
                    other_date=before.date,
                ),
                _("list the steps in the order they happened, or correct a date"),
            )


def _issued(declared: str | None, at: Loc, steps: list[Milestone]) -> Iterator[Diagnostic]:
    step = dated(steps, "issued")
    if declared is not None and step is not None and declared != step:
        yield Diagnostic(
            "issued-mismatch",
            at,
            _(
                "`issued: {issued}`, but the issued milestone says {step}",
                issued=declared,
                step=step,
            ),
            _("leave `issued:` out: the milestone gives it, or correct one of them"),
        )


def timeline(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        rnd = ri.round
        name = rnd.name
        yield from _order(rnd.milestones)
        last_year = rnd.years[1]
        for step in rnd.milestones:
            if int(step.first[:4]) > last_year:
                yield Diagnostic(
                    "milestone-outside-round",
                    step.loc,
                    _(
                        "milestone {kind} ({date}) is after round {round}",
                        kind=step.kind,
                        date=step.date,
                        round=name,
                    ),
                    _("a round's steps fall in its years or before them (preparation)"),
                )
        yield from _issued(rnd.issued, rnd.locs.get("issued", rnd.loc), rnd.milestones)
    if index.programme is not None:
        prog = index.programme.programme
        yield from _order(prog.events)
        issued_at = prog.loc  # the programme keeps no field locations: its top
        yield from _issued(prog.issued, issued_at, prog.events)
