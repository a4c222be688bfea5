"""The programme (plans/programme.yaml) against the rounds: figures published over several
rounds, the phases a round says it belongs to, and the programme's own references."""

from __future__ import annotations

from collections.abc import Iterator

from planc.diagnostics import Diagnostic, did_you_mean
from planc.figures import ALL_FIGURES, PROGRAMME_FIGURES
from planc.index import Index, RoundsFigureRow
from planc.model import Programme, Ref


def _references(index: Index, prog: Programme) -> Iterator[Diagnostic]:
    sources = {s.id for s in prog.sources}
    items: list[tuple[str, Ref | None]] = [(f"phase '{p.id}'", p.source) for p in prog.phases]
    items += [(f"area '{a.id}'", a.source) for a in prog.areas]
    items += [(f"target {t.year}", t.source) for t in prog.targets]
    items += [(f"figure '{f.id}'", f.source) for f in prog.figures]
    for owner, ref in items:
        if ref is not None and ref.id not in sources:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                f"{owner} names source '{ref.id}', which is not in {prog.file}",
                did_you_mean(ref.id, sources),
            )
    for fig in prog.figures:
        for ref in fig.rounds:
            if ref.id not in index.rounds:
                yield Diagnostic(
                    "unknown-reference",
                    ref.loc,
                    f"figure '{fig.id}' names round '{ref.id}', which is not in the plans",
                    did_you_mean(ref.id, index.rounds),
                )


def _over_rounds(row: RoundsFigureRow) -> Iterator[Diagnostic]:
    if row.status != "inconsistent":
        return
    fig = row.figure
    names = ", ".join(name for name, _ in row.terms)
    what = ALL_FIGURES[fig.figure].title if fig.figure in ALL_FIGURES else fig.figure
    added = f"at least {row.added}" if row.approximate else str(row.added)
    message = (
        f"figure '{fig.id}': {fig.declared} {what} published over {names}, but those "
        f"rounds declare {row.sum_text} = {added}"
    )
    # One approximate or missing term: say what the total leaves for it.
    loose = [(n, f) for n, f in row.terms if f is None or f.at_least]
    if len(loose) == 1 and not fig.declared.at_least:
        name, figure = loose[0]
        exact = sum(f.value for n, f in row.terms if n != name and f is not None)
        declared = f", which declares {figure}" if figure is not None else ""
        message += f"; the total leaves {fig.declared.value - exact} for {name}{declared}"
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
                f"round {name} falls in no phase of {prog.file}",
                "add the phase its years belong to",
            )
        elif rnd.phase is not None and rnd.phase not in titles:
            yield Diagnostic(
                "phase-mismatch",
                rnd.locs.get("phase", rnd.loc),
                f"round {name} says phase '{rnd.phase}', but by {prog.file} its years fall in "
                + "、".join(f"{p.title}({p.span})" for p in own),
                did_you_mean(rnd.phase, titles)
                or "leave `phase:` out: it comes from the programme",
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
            f"programme {PROGRAMME_FIGURES[row.name].title}: {row.declared} published, "
            f"{prog.file} holds {row.computed} (收录 {row.computed} / {row.declared})",
        )
    complete = {name for name, ri in index.rounds.items() if ri.complete}
    for rf in pi.rounds_figures:
        if all(name in complete for name, _ in rf.terms):
            yield from _over_rounds(rf)
    yield from _phases(index, prog)
