"""Rules over what begins a round: the candidates planc new listed (each a task of the earlier
round, its units in the registry), the submissions the solicitation brought back (one per
unit, each row its own task), and the indicator systems carried over unreviewed.

A submission is a record of what a unit answered: its rows keep the unit's words, chapter and
indicators as they were on the day, so they are not checked against the plan as it is now
(the office may since have renamed a chapter or dropped the task)."""

from __future__ import annotations

from collections.abc import Iterator

from planc.diagnostics import Diagnostic, did_you_mean
from planc.i18n import _
from planc.index import Index, RoundIndex
from planc.model import Ref
from planc.units import unit_hint


def _unit(index: Index, ref: Ref | None, owner: str) -> Iterator[Diagnostic]:
    registry = index.project.registry
    if ref is None or ref.id in registry.units:
        return
    if not index.project.readable(["registry/units.yaml"]):
        return  # the registry's own error says why
    yield Diagnostic(
        "unknown-reference",
        ref.loc,
        _(
            "{owner} names unit '{id}', which is not in registry/units.yaml",
            owner=owner,
            id=ref.id,
        ),
        unit_hint(registry, ref.id),
    )


def _candidates(index: Index, ri: RoundIndex) -> Iterator[Diagnostic]:
    found = ri.round.candidates
    if found is None or found.source_round is None:
        return
    name = found.source_round.id
    earlier = index.rounds.get(name)
    if earlier is None or name >= ri.round.name:
        yield Diagnostic(
            "unknown-reference",
            found.source_round.loc,
            _(
                "{file} offers the tasks of round '{round}', which is not a round before {this}",
                file=found.file,
                round=name,
                this=ri.round.name,
            ),
            did_you_mean(name, [r for r in index.rounds if r < ri.round.name]),
        )
        return
    if not index.project.readable(earlier.round.files):
        return
    for item in found.items:
        of, _sep, tid = item.task.id.partition(":")
        if of != name or tid not in earlier.tasks:
            yield Diagnostic(
                "unknown-reference",
                item.loc,
                _(
                    "candidate '{ref}' is not a task of {round}",
                    ref=item.task.id,
                    round=name,
                ),
                did_you_mean(f"{name}:{tid}", [t.ref for t in earlier.tasks.values()]),
            )
        for unit in item.units:
            yield from _unit(index, unit, _("candidate '{ref}'", ref=item.task.id))


def _submissions(index: Index, ri: RoundIndex) -> Iterator[Diagnostic]:
    first: dict[str, str] = {}  # unit -> its submission's file
    made: dict[str, str] = {}  # task -> the file whose row made it
    for submission in ri.round.submissions:
        unit = submission.unit
        yield from _unit(index, unit, _("submission {file}", file=submission.file))
        if unit is not None and unit.id in first:
            yield Diagnostic(
                "duplicate-id",
                unit.loc,
                _(
                    "a second submission of unit '{unit}' (the first is {file})",
                    unit=unit.id,
                    file=first[unit.id],
                ),
                _("a unit's corrected form replaces its submission: keep one file per unit"),
            )
        elif unit is not None:
            first[unit.id] = submission.file
        for row in submission.rows:
            if row.task is None:
                continue
            if row.task.id in made:
                yield Diagnostic(
                    "duplicate-id",
                    row.task.loc,
                    _(
                        "task '{id}' is made from two rows (the other in {file})",
                        id=row.task.id,
                        file=made[row.task.id],
                    ),
                    _("each row of a submission becomes a task of its own"),
                )
            else:
                made[row.task.id] = submission.file


def _carried(ri: RoundIndex) -> Iterator[Diagnostic]:
    for system in ri.round.systems:
        if system.carried_from is not None:
            yield Diagnostic(
                "carried-over",
                system.carried_from.loc,
                _(
                    "indicator system '{id}' is carried over from {round} as it was; its "
                    "targets and baselines are not reviewed for {this} yet",
                    id=system.id,
                    round=system.carried_from.id,
                    this=ri.round.name,
                ),
                _(
                    "review them, then empty 沿用自 on the 指标体系 sheet of the round's workbook "
                    "(planc sheet export), or remove the line carried_from:"
                ),
            )


def solicitation(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        yield from _candidates(index, ri)
        yield from _submissions(index, ri)
        yield from _carried(ri)
