"""Rules over the consultation records: every reference resolves, every comment has a
disposition, a disposition says what it did, and an adopted comment changed its task between
the draft the forms were made from and the revised plan (`adopted-unchanged`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from planc.diagnostics import Diagnostic, Loc, did_you_mean, kind_name
from planc.i18n import _, chinese
from planc.index import Index, RoundIndex
from planc.model import DISPOSITIONS, Comment, Consultation, Ref, Registry
from planc.units import unit_hint

NEEDS_REASON = ("not-adopted", "partly-adopted")


def _unknown(
    ref: Ref, what: str, known: dict[str, object], where: str, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(
        "unknown-reference",
        ref.loc,
        _("{what} '{id}' is not in {file}", what=kind_name(what), id=ref.id, file=where),
        hint or did_you_mean(ref.id, known),
    )


def _unit(ref: Ref, registry: Registry) -> Diagnostic:
    units: dict[str, object] = dict(registry.units)
    return _unknown(ref, "unit", units, "registry/units.yaml", unit_hint(registry, ref.id))


def _refs(ri: RoundIndex, registry: Registry, comment: Comment) -> Iterator[Diagnostic]:
    name = ri.round.name
    if comment.unit is not None and comment.unit.id not in registry.units:
        yield _unit(comment.unit, registry)
    if comment.task is not None and comment.task.id not in ri.tasks:
        yield _unknown(comment.task, "task", dict(ri.tasks), name)
    if comment.chapter is not None and comment.chapter.id not in ri.chapters:
        yield _unknown(comment.chapter, "chapter", dict(ri.chapters), f"{name}/plan.yaml")
    for ref in comment.changed:
        if ref.id not in ri.tasks:
            yield _unknown(ref, "task", dict(ri.tasks), name)


def _named(disposition: str | None) -> str:
    """A disposition as the messages' language names it: 采纳 in Chinese, adopted in English."""
    if disposition is None:
        return ""
    return DISPOSITIONS.get(disposition, disposition) if chinese() else disposition


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
                disposition=_named(comment.disposition),
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
                disposition=_named(comment.disposition),
            ),
            _(
                "write the tasks' numbers in 修改的任务（编号） (the workbook's 征求意见处理 "
                "sheet) or changed: [...], or record it as noted (知悉)"
            ),
        )


def _record(record: Consultation) -> Iterator[Diagnostic]:
    name = record.file.rsplit("/", 1)[-1]
    named = record.file_number
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
    elif number is not None and named != number:
        yield Diagnostic(
            "round-mismatch",
            record.locs.get("consultation", record.loc),
            _("consultation: {number}, but the file is {name}", number=number, name=name),
            _(
                "make them agree (consultation: {named}, or round-{number}.yaml)",
                named=named,
                number=number,
            ),
        )


def consultation(index: Index) -> Iterator[Diagnostic]:
    registry = index.project.registry
    for ri in index.checked_rounds():
        first: dict[str, Comment] = {}
        for record in ri.round.consultations:
            yield from _record(record)
            for response in record.responses:
                if response.unit is not None and response.unit.id not in registry.units:
                    yield _unit(response.unit, registry)
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
                yield from _refs(ri, registry, comment)
                yield from _disposition(comment)


# --- adopted-unchanged: the draft and the revised plan, compared task by task ---------------

Versions = Mapping[tuple[str, str], Index | str]  # (round, revision) -> its index, or why not


def revisions(index: Index, rounds: Sequence[str]) -> list[tuple[str, str]]:
    """The versions the check compares, as (round, git revision): the draft of every record
    with an adopted comment, and its revised version when one is named (default: the plans
    as they are). The pipeline loads them (planc/load/revision.py)."""
    wanted = []
    for name in rounds:
        ri = index.rounds.get(name)
        for record in ri.round.consultations if ri else []:
            if record.draft and any(c.adopted for c in record.comments):
                wanted += [(name, rev) for rev in (record.draft, record.revised) if rev]
    return list(dict.fromkeys(wanted))


def _unchanged(name: str, record: Consultation, index: Index, versions: Versions) -> set[str] | str:
    """Ids (in the revised version) of the tasks no different from the draft, or why the
    comparison could not be made."""
    assert record.draft is not None
    draft = versions[(name, record.draft)]
    revised = versions[(name, record.revised)] if record.revised else index
    for version in (draft, revised):
        if isinstance(version, str):
            return version
    assert isinstance(draft, Index) and isinstance(revised, Index)
    from planc.matching import items, match  # planc diff's matching, only when compared

    if name not in draft.rounds or name not in revised.rounds:
        return _("a version of the round does not load")
    tasks = match(items(draft, name)["tasks"], items(revised, name)["tasks"], name)
    return {m.to_id for m in tasks.continued}


def adopted_unchanged(index: Index, rounds: Sequence[str], versions: Versions) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for name in rounds:
        ri = index.rounds.get(name)
        if ri is None:
            continue
        for record in ri.round.consultations:
            adopted = [c for c in record.comments if c.adopted]
            if not record.draft or not adopted:
                continue
            unchanged = _unchanged(name, record, index, versions)
            if isinstance(unchanged, str):
                out.append(
                    Diagnostic(
                        "unknown-reference",
                        record.locs.get("draft", record.loc),
                        _(
                            "the draft '{draft}' cannot be compared: {reason}",
                            draft=record.draft,
                            reason=unchanged,
                        ),
                        _("draft: names the git commit the forms were made from"),
                    )
                )
                continue
            for comment in adopted:
                targets = [r.id for r in comment.changed]
                if not targets and comment.task is not None:
                    targets = [comment.task.id]
                for tid in targets:
                    if tid in unchanged:
                        out.append(
                            Diagnostic(
                                "adopted-unchanged",
                                comment.locs.get("disposition", comment.loc),
                                _(
                                    "comment '{id}' is {disposition}, but task '{task}' is as "
                                    "it was in the draft ({draft})",
                                    id=comment.id,
                                    disposition=_named(comment.disposition),
                                    task=tid,
                                    draft=record.draft[:12],
                                ),
                                _(
                                    "revise the task as adopted, or record the comment as "
                                    "noted or not-adopted"
                                ),
                            )
                        )
    return out
