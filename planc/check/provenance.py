"""Provenance: in a public-record round every item names its source (`missing-source`), and a
provenance note says why where it infers (`schema`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planc.diagnostics import Diagnostic, Loc, named
from planc.i18n import _
from planc.index import Index
from planc.model import Provenance, Ref


def _missing(kind: str, item_id: str, loc: Loc, *refs: Ref | None) -> Iterator[Diagnostic]:
    if all(ref is None for ref in refs):  # named only then: most items have a source
        yield Diagnostic(
            "missing-source",
            loc,
            _("{what} has no `source:` in a public-record round", what=named(kind, item_id)),
            _("name the source (an id under `sources:` in plan.yaml) it comes from"),
        )


def missing_sources(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        rnd = ri.round
        if not rnd.public_record or not index.project.readable(rnd.files):
            continue
        for chapter in rnd.chapters:
            yield from _missing("chapter", chapter.id, chapter.loc, chapter.source)
            in_section = {}
            for section in chapter.sections:
                for task in section.tasks:
                    in_section[id(task)] = section.source
            for task in chapter.tasks:
                # a task may take its section's source, as an indicator takes its system's
                yield from _missing(
                    "task", task.id, task.loc, task.source, in_section.get(id(task))
                )
        for part in rnd.parts:
            yield from _missing("handbook part", part.id, part.loc, part.source)
            for case in part.cases:
                yield from _missing("case", case.id, case.loc, case.source)
        for system in rnd.systems:
            if system.source is None:  # one diagnostic for the system, not one per indicator
                yield from _missing("indicator system", system.id, system.loc, None)
                continue
            for dim in system.dimensions:
                for ind in dim.indicators:
                    yield from _missing(
                        "indicator", ind.id, ind.loc, ind.source, dim.source, system.source
                    )
            for ind in system.unplaced:
                yield from _missing("indicator", ind.id, ind.loc, ind.source, system.source)


def _notes(index: Index) -> Iterable[Provenance]:
    project = index.project
    holders: list[object] = [*project.registry.places.values(), *project.registry.units.values()]
    for rnd in project.rounds.values():
        holders += [rnd, *rnd.sources, *rnd.chapters, *rnd.parts, *rnd.all_tasks()]
        holders += [*rnd.all_cases(), *rnd.systems]
        for chapter in rnd.chapters:
            holders += chapter.sections
        for system in rnd.systems:
            holders += [*system.dimensions, *system.indicators()]
    prog = project.programme
    if prog is not None:
        holders += [prog, *prog.sources, *prog.phases, *prog.areas, *prog.targets, *prog.figures]
    seen: set[int] = set()
    for holder in holders:
        for note in getattr(holder, "provenance", []):
            if id(note) not in seen:  # a file's notes are shared by its items
                seen.add(id(note))
                yield note


def inferences_give_reasons(index: Index) -> Iterator[Diagnostic]:
    for note in _notes(index):
        if note.kind == "inferred" and not note.reason:
            yield Diagnostic(
                "schema",
                note.loc,
                _("an inferred provenance note needs `reason:`"),
                _("say what in the record it is inferred from"),
            )
