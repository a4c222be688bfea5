"""Declared figures against the sources: `declared-mismatch`, `incomplete` and
`declared-inconsistent`."""

from __future__ import annotations

from collections.abc import Iterator

from planc.diagnostics import Diagnostic
from planc.figures import ALL_FIGURES
from planc.i18n import _
from planc.index import FigureRow, Index, RoundIndex
from planc.model import Figure


def _compare(ri: RoundIndex, row: FigureRow, what: str) -> Iterator[Diagnostic]:
    status = ri.status(row)
    if row.declared is None or status in ("ok", "uncounted"):
        return
    declared = str(row.declared)  # "2500余" where the record says so
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
    total: FigureRow, parts: list[FigureRow], what: str, holders: str, scope: str
) -> Iterator[Diagnostic]:
    """`what`, `holders` and `scope` come translated: "tasks", "chapters", "in all"."""
    declared = [row.declared for row in parts if row.declared is not None]
    if total.declared is None or not declared or total.declared.at_least:
        return
    added = sum(d.value for d in declared)
    complete = len(declared) == len(parts)
    if (complete and added != total.declared.value) or added > total.declared.value:
        terms = "+".join(str(d.value) for d in declared)
        some = ""
        if not complete:
            some = _(
                " ({count} of {total} {holders})",
                count=len(declared),
                total=len(parts),
                holders=holders,
            )
        yield Diagnostic(
            "declared-inconsistent",
            total.declared.loc,
            _(
                "the {holders} declare {terms} = {added} {what}{some}, "
                "but {published} {what} are published {scope}",
                holders=holders,
                terms=terms,
                added=added,
                what=what,
                some=some,
                published=total.declared.value,
                scope=scope,
            ),
        )


def _not_above(part: Figure | None, whole: Figure | None, message: str) -> Iterator[Diagnostic]:
    """A declared part ("其中122项", "其中包含75个海洋城市") is no more than its whole."""
    if part is None or whole is None or whole.at_least:
        return
    if part.value > whole.value:
        yield Diagnostic("declared-inconsistent", part.loc, message)


def _both_levels(declared: dict[str, Figure]) -> Iterator[Diagnostic]:
    """ "40个指标" against "5个一级指标35个二级指标"."""
    total = declared.get("indicators_total")
    dims, inds = declared.get("dimensions"), declared.get("indicators")
    if total is None or dims is None or inds is None or total.at_least:
        return
    if dims.at_least or inds.at_least:
        return
    if dims.value + inds.value != total.value:
        yield Diagnostic(
            "declared-inconsistent",
            total.loc,
            _(
                "{total} indicators published in all, but {dimensions} dimensions and "
                "{indicators} indicators are {added}",
                total=total.value,
                dimensions=dims.value,
                indicators=inds.value,
                added=dims.value + inds.value,
            ),
        )


def reconcile(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        if not ri.complete:
            continue  # its figures wait until its files load cleanly
        for row in ri.figures:
            yield from _compare(ri, row, ALL_FIGURES[row.name].title)
        for chapter_id, row in ri.chapter_figures.items():
            yield from _compare(ri, row, _("tasks of chapter '{id}'", id=chapter_id))
        for part_id, row in ri.part_figures.items():
            yield from _compare(ri, row, _("cases of handbook part '{id}'", id=part_id))
        for system_id, rows in ri.system_figures.items():
            for row in rows:
                what = _(
                    "{figure} of indicator system '{id}'",
                    figure=ALL_FIGURES[row.name].name_here,
                    id=system_id,
                )
                yield from _compare(ri, row, what)
        figures = {row.name: row for row in ri.figures}
        declared = ri.round.declared
        # "125项…其中122项任务聚焦'六个城市'": the chapters add up to the declared subset.
        subset = figures.get("tasks_in_chapters")
        yield from _sum_check(
            subset or figures["tasks"],
            list(ri.chapter_figures.values()),
            _("tasks"),
            _("chapters"),
            _("in the chapters (tasks_in_chapters)") if subset else _("in all"),
        )
        yield from _not_above(
            declared.get("tasks_in_chapters"),
            declared.get("tasks"),
            _("more tasks declared in the chapters than in all"),
        )
        yield from _not_above(
            declared.get("ocean_cities_studied"),
            declared.get("cities_studied"),
            _("more ocean cities studied declared than cities studied in all"),
        )
        yield from _both_levels(declared)
        parts = list(ri.part_figures.values())
        yield from _sum_check(figures["cases"], parts, _("cases"), _("parts"), _("in all"))
        benchmarked, tasks = figures["benchmarked_tasks"].declared, figures["tasks"].declared
        if benchmarked and tasks and benchmarked.value > tasks.value:
            yield Diagnostic(
                "declared-inconsistent",
                benchmarked.loc,
                _(
                    "{benchmarked} benchmarked tasks published, more than the {tasks} tasks in all",
                    benchmarked=benchmarked.value,
                    tasks=tasks.value,
                ),
            )
