"""Declared figures against the sources: `declared-mismatch`, `incomplete` and
`declared-inconsistent`."""

from __future__ import annotations

from collections.abc import Iterator

from planc.diagnostics import Diagnostic
from planc.figures import FIGURES
from planc.i18n import _
from planc.index import FigureRow, Index, RoundIndex


def _compare(ri: RoundIndex, row: FigureRow, what: str) -> Iterator[Diagnostic]:
    status = ri.status(row)
    if row.declared is None or status == "ok":
        return
    declared = row.declared.value
    if status == "incomplete":
        yield Diagnostic(
            "incomplete",
            row.declared.loc,
            _(
                "{what}: {declared} published, the sources hold {computed} "
                "(收录 {computed} / {declared}); the public record is partial here",
                what=what,
                declared=declared,
                computed=row.computed,
            ),
        )
    else:
        yield Diagnostic(
            "declared-mismatch",
            row.declared.loc,
            _(
                "{what}: {declared} published, but the sources hold {computed}",
                what=what,
                declared=declared,
                computed=row.computed,
            ),
        )


def _sum_check(
    total: FigureRow, parts: list[FigureRow], what: str, holder: str
) -> Iterator[Diagnostic]:
    declared = [row.declared for row in parts if row.declared is not None]
    if total.declared is None or not declared:
        return
    added = sum(d.value for d in declared)
    complete = len(declared) == len(parts)
    if (complete and added != total.declared.value) or added > total.declared.value:
        terms = "+".join(str(d.value) for d in declared)
        some = "" if complete else f" ({len(declared)} of {len(parts)} {holder}s)"
        yield Diagnostic(
            "declared-inconsistent",
            total.declared.loc,
            f"the {holder}s declare {terms} = {added} {what}{some}, "
            f"but {total.declared.value} {what} are published in all",
        )


def reconcile(index: Index) -> Iterator[Diagnostic]:
    for ri in index.rounds.values():
        if not ri.complete:
            continue  # its figures wait until its files load cleanly
        for row in ri.figures:
            yield from _compare(ri, row, FIGURES[row.name].title)
        for chapter_id, row in ri.chapter_figures.items():
            yield from _compare(ri, row, _("tasks of chapter '{id}'", id=chapter_id))
        for part_id, row in ri.part_figures.items():
            yield from _compare(ri, row, _("cases of handbook part '{id}'", id=part_id))
        for system_id, rows in ri.system_figures.items():
            for row in rows:
                yield from _compare(
                    ri,
                    row,
                    _(
                        "{figure} of indicator system '{id}'",
                        figure=FIGURES[row.name].name_here,
                        id=system_id,
                    ),
                )
        figures = {row.name: row for row in ri.figures}
        yield from _sum_check(
            figures["tasks"], list(ri.chapter_figures.values()), "tasks", "chapter"
        )
        yield from _sum_check(figures["cases"], list(ri.part_figures.values()), "cases", "part")
        benchmarked, tasks = figures["benchmarked_tasks"].declared, figures["tasks"].declared
        if benchmarked and tasks and benchmarked.value > tasks.value:
            yield Diagnostic(
                "declared-inconsistent",
                benchmarked.loc,
                f"{benchmarked.value} benchmarked tasks published, more than the "
                f"{tasks.value} tasks in all",
            )
