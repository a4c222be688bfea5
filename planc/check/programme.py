"""The programme (plans/programme.yaml) against the rounds: figures published over several
rounds, the phases a round says it belongs to, and the programme's own references."""

from __future__ import annotations

from collections.abc import Iterator

from planc.diagnostics import Diagnostic, did_you_mean
from planc.figures import ALL_FIGURES, PROGRAMME_FIGURES
from planc.i18n import _
from planc.index import Index, RoundsFigureRow
from planc.model import Programme, Ref


def _references(index: Index, prog: Programme) -> Iterator[Diagnostic]:
    sources = {s.id for s in prog.sources}
    items: list[tuple[str, Ref | None]] = [
        (_("phase '{id}'", id=p.id), p.source) for p in prog.phases
    ]
    items += [(_("area '{id}'", id=a.id), a.source) for a in prog.areas]
    items += [(_("target {year}", year=t.year), t.source) for t in prog.targets]
    items += [(_("figure '{id}'", id=f.id), f.source) for f in prog.figures]
    items += [(_("milestone {kind}", kind=e.kind), e.source) for e in prog.events]
    units = index.project.registry.units
    if index.project.readable(["registry/units.yaml"]):
        for event in prog.events:
            for unit in event.units:
                if unit.id not in units:
                    yield Diagnostic(
                        "unknown-reference",
                        unit.loc,
                        _(
                            "{owner} names unit '{id}', which is not in registry/units.yaml",
                            owner=_("milestone {kind}", kind=event.kind),
                            id=unit.id,
                        ),
                        did_you_mean(unit.id, units),
                    )
    for owner, ref in items:
        if ref is not None and ref.id not in sources:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                _(
                    "{owner} names source '{id}', which is not in {file}",
                    owner=owner,
                    id=ref.id,
                    file=prog.file,
                ),
                did_you_mean(ref.id, sources),
            )
    for fig in prog.figures:
        for ref in fig.rounds:
            if ref.id not in index.rounds:
                yield Diagnostic(
                    "unknown-reference",
                    ref.loc,
                    _(
                        "figure '{id}' names round '{round}', which is not in the plans",
                        id=fig.id,
                        round=ref.id,
                    ),
                    did_you_mean(ref.id, index.rounds),
                )


def _inferred(index: Index, name: str, figure: str) -> str:
    """Why a round's declared figure is a reading of the record, where it is one: a note
    `{kind: inferred, of: declared.FIGURE}` of its plan.yaml."""
    ri = index.rounds.get(name)
    notes = ri.round.provenance if ri else []
    return "；".join(
        n.reason or "" for n in notes if n.kind == "inferred" and n.of == f"declared.{figure}"
    )


def _over_rounds(index: Index, row: RoundsFigureRow) -> Iterator[Diagnostic]:
    if row.status != "inconsistent":
        return
    fig = row.figure
    names = ", ".join(name for name, _figure in row.terms)
    what = ALL_FIGURES[fig.figure].title if fig.figure in ALL_FIGURES else fig.figure
    added = _("at least {count}", count=row.added) if row.approximate else str(row.added)
    message = _(
        "figure '{id}': {declared} {what} published over {rounds}, but those rounds declare "
        "{terms} = {added}",
        id=fig.id,
        declared=fig.declared,
        what=what,
        rounds=names,
        terms=row.sum_text,
        added=added,
    )
    # One approximate or missing term: say what the total leaves for it.
    loose = [(n, f) for n, f in row.terms if f is None or f.at_least]
    if len(loose) == 1 and not fig.declared.at_least:
        name, figure = loose[0]
        exact = sum(f.value for n, f in row.terms if n != name and f is not None)
        declared = _(", which declares {figure}", figure=figure) if figure is not None else ""
        message += _(
            "; the total leaves {left} for {round}{declared}",
            left=fig.declared.value - exact,
            round=name,
            declared=declared,
        )
    # A term read from the record rather than published as the figure: the total contradicts
    # that reading, which the message says.
    for name, _figure in row.terms:
        if why := _inferred(index, name, fig.figure):
            message += _(" ({round}'s {what} is inferred: {why})", round=name, what=what, why=why)
    yield Diagnostic("declared-inconsistent", fig.declared.loc, message)


def _phases(index: Index, prog: Programme) -> Iterator[Diagnostic]:
    if not prog.phases:
        return
    for name, ri in index.rounds.items():
        rnd = ri.round
        own = index.programme.phases_of.get(name, []) if index.programme else []
        titles = [p.title for p in own]
        if not own:
            yield Diagnostic(
                "phase-mismatch",
                rnd.loc,
                _("round {round} falls in no phase of {file}", round=name, file=prog.file),
                _("add the phase its years belong to"),
            )
        elif rnd.phase is not None and rnd.phase not in titles:
            yield Diagnostic(
                "phase-mismatch",
                rnd.locs.get("phase", rnd.loc),
                _(
                    "round {round} says phase '{phase}', but by {file} its years fall in {phases}",
                    round=name,
                    phase=rnd.phase,
                    file=prog.file,
                    phases="、".join(f"{p.title}({p.span})" for p in own),
                ),
                did_you_mean(rnd.phase, titles)
                or _("leave `phase:` out: it comes from the programme"),
            )


def reconcile_programme(index: Index) -> Iterator[Diagnostic]:
    pi = index.programme
    if pi is None:
        return
    prog = pi.programme
    yield from _references(index, prog)
    for row in pi.figures:
        if row.declared is None or row.status in ("ok", "uncounted"):
            continue
        # Like a public-record round: holding less than published is a gap in the record.
        more = row.computed is not None and row.computed > row.declared.value
        yield Diagnostic(
            "declared-mismatch" if more else "incomplete",
            row.declared.loc,
            _(
                "programme {what}: {declared} published, {file} holds {computed} "
                "(收录 {computed} / {declared})",
                what=PROGRAMME_FIGURES[row.name].title,
                declared=row.declared,
                file=prog.file,
                computed=row.computed,
            ),
        )
    complete = {name for name, ri in index.rounds.items() if ri.complete}
    for rf in pi.rounds_figures:
        if all(name in complete for name, _figure in rf.terms):
            yield from _over_rounds(index, rf)
    yield from _phases(index, prog)
