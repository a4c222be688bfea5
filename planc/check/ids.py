"""`duplicate-id`: two things of one kind share an id."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planc.diagnostics import Diagnostic, Loc, kind_name
from planc.i18n import _
from planc.index import Index


def _repeats(kind: str, items: Iterable[tuple[str, Loc]]) -> Iterator[Diagnostic]:
    first: dict[str, Loc] = {}
    for item_id, loc in items:
        if not item_id:
            continue
        if item_id in first:
            yield Diagnostic(
                "duplicate-id",
                loc,
                _(
                    "{kind} id '{id}' is already used at {where}",
                    kind=kind_name(kind),
                    id=item_id,
                    where=first[item_id],
                ),
                _("ids are unique per kind within a round: rename one"),
            )
        else:
            first[item_id] = loc


def duplicate_ids(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        rnd = ri.round
        yield from _repeats("source", ((s.id, s.loc) for s in rnd.sources))
        yield from _repeats("chapter", ((c.id, c.loc) for c in rnd.chapters))
        yield from _repeats("part", ((p.id, p.loc) for p in rnd.parts))
        yield from _repeats("task", ((t.id, t.loc) for t in rnd.all_tasks()))
        yield from _repeats("case", ((c.id, c.loc) for c in rnd.all_cases()))
        yield from _repeats("indicator system", ((s.id, s.loc) for s in rnd.systems))
        yield from _repeats("indicator", ((i.id, i.loc) for i in rnd.indicators()))
        for system in rnd.systems:
            yield from _repeats("dimension", ((d.id, d.loc) for d in system.dimensions))
