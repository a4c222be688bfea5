"""Rules over the consultation records: every reference resolves, every comment has a
disposition, a disposition says what it did."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planc.diagnostics import Diagnostic, Loc, did_you_mean, kind_name
from planc.i18n import _
from planc.index import Index, RoundIndex
from planc.model import Comment, Consultation, Ref

NEEDS_REASON = ("not-adopted", "partly-adopted")


def _unknown(ref: Ref, what: str, known: dict[str, object], where: str) -> Diagnostic:
    return Diagnostic(
        "unknown-reference",
        ref.loc,
        _("{what} '{id}' is not in {file}", what=kind_name(what), id=ref.id, file=where),
        did_you_mean(ref.id, known),
    )


def _refs(ri: RoundIndex, units: dict[str, object], comment: Comment) -> Iterator[Diagnostic]:
    name = ri.round.name
    if comment.unit is not None and comment.unit.id not in units:
        yield _unknown(comment.unit, "unit", units, "registry/units.yaml")
    if comment.task is not None and comment.task.id not in ri.tasks:
        yield _unknown(comment.task, "task", dict(ri.tasks), name)
    if comment.chapter is not None and comment.chapter.id not in ri.chapters:
        yield _unknown(comment.chapter, "chapter", dict(ri.chapters), f"{name}/plan.yaml")
    for ref in comment.changed:
        if ref.id not in ri.tasks:
            yield _unknown(ref, "task", dict(ri.tasks), name)


def _disposition(comment: Comment) -> Iterator[Diagnostic]:
    if comment.disposition is None:
        yield Diagnostic(
            "comment-undisposed",
            comment.loc,
            _("comment '{id}' has no disposition", id=comment.id),
            _("add disposition: adopted, partly-adopted, not-adopted or noted"),
        )
        return
    if comment.disposition in NEEDS_REASON and not comment.reason:
        yield Diagnostic(
            "disposition-incomplete",
            comment.locs.get("disposition", comment.loc),
            _(
                "comment '{id}' is {disposition} without a reason",
                id=comment.id,
                disposition=comment.disposition,
            ),
            _("add reason: (the 采纳情况说明 gives it for every comment not adopted)"),
        )
    if comment.adopted and not comment.changed and comment.task is None:
        yield Diagnostic(
            "disposition-incomplete",
            comment.locs.get("disposition", comment.loc),
            _(
                "comment '{id}' is {disposition} but names no task it changed",
                id=comment.id,
                disposition=comment.disposition,
            ),
            _("list the tasks in changed: [...], or record it as noted"),
        )


CONSULTATION_NAME = re.compile(r"round-([1-9][0-9]*)\.yaml")


def _record(record: Consultation) -> Iterator[Diagnostic]:
    name = record.file.rsplit("/", 1)[-1]
    named = CONSULTATION_NAME.fullmatch(name)
    number = record.declared_number
    if named is None:
        yield Diagnostic(
            "schema",
            Loc(record.file),
            _(
                "a consultation file is named round-N.yaml (N: which consultation), not {name}",
                name=name,
            ),
            _("rename it to round-{number}.yaml", number=number or 1),
        )
    elif number is not None and int(named[1]) != number:
        yield Diagnostic(
            "round-mismatch",
            record.locs.get("consultation", record.loc),
            _("consultation: {number}, but the file is {name}", number=number, name=name),
            _(
                "make them agree (consultation: {named}, or round-{number}.yaml)",
                named=named[1],
                number=number,
            ),
        )


def consultation(index: Index) -> Iterator[Diagnostic]:
    units: dict[str, object] = dict(index.project.registry.units)
    for ri in index.checked_rounds():
        first: dict[str, Comment] = {}
        for record in ri.round.consultations:
            yield from _record(record)
            for response in record.responses:
                if response.unit is not None and response.unit.id not in units:
                    yield _unknown(response.unit, "unit", units, "registry/units.yaml")
            for comment in record.comments:
                if comment.id in first:
                    yield Diagnostic(
                        "duplicate-id",
                        comment.loc,
                        _(
                            "comment id '{id}' is already used at {where}",
                            id=comment.id,
                            where=first[comment.id].loc,
                        ),
                    )
                    continue
                first[comment.id] = comment
                yield from _refs(ri, units, comment)
                yield from _disposition(comment)
