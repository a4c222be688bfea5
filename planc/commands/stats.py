"""planc stats: the computed figures beside the declared ones, per round."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from rich.table import Table
from rich.text import Text

from planc import report
from planc.diagnostics import Severity, count
from planc.figures import ALL_FIGURES, PROGRAMME_FIGURES
from planc.i18n import _
from planc.index import (
    FigureRow,
    ProgrammeIndex,
    RoundIndex,
    programme_stats,
    round_stats,
)
from planc.pipeline import analyze

STATUS_STYLE = {
    "ok": "green",
    "mismatch": "yellow",
    "incomplete": "cyan",
    "undeclared": "dim",
    "uncounted": "dim",
    "inconsistent": "yellow",
    "partial": "cyan",
}


def _status(of: RoundIndex | ProgrammeIndex, row: FigureRow) -> Text:
    status = of.status(row)
    label = "—" if status == "undeclared" else _("not counted" if status == "uncounted" else status)
    return Text(label, STATUS_STYLE[status])


def _edition(edition: str) -> str:
    """The edition's name in the user's language (spelled out for the catalogue)."""
    names = {
        "official": _("official"),
        "draft": _("draft"),
        "public-record": _("public-record"),
    }
    return names.get(edition, edition)


def _declared(row: FigureRow) -> str:
    return str(row.declared) if row.declared else "—"


def _computed(row: FigureRow) -> str:
    return "—" if row.computed is None else str(row.computed)


def _programme_table(pi: ProgrammeIndex) -> Table:
    prog = pi.programme
    phases = " · ".join(f"{p.title} {p.span}" for p in prog.phases)
    title = Text(report.printable(_("programme  {title}", title=prog.title)), "bold")
    if phases:
        title.append(_("\nphases  {phases}", phases=phases), "not bold")
    table = _figure_table(title)
    for row in pi.figures:
        label = PROGRAMME_FIGURES[row.name].title
        table.add_row(label, _declared(row), _computed(row), _status(pi, row))
    for rf in pi.rounds_figures:
        # the computed column adds up what the rounds declare of the figure
        figure = ALL_FIGURES[rf.figure.figure].name_here
        table.add_row(
            _("{id} ({figure})", id=rf.figure.id, figure=figure),
            str(rf.figure.declared),
            rf.sum_text.replace(" ", ""),
            Text(_(rf.status), STATUS_STYLE[rf.status]),
        )
    return table


def _figure_table(title: Text) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(_("figure"))  # long titles wrap; the figures never do
    table.add_column(_("declared"), justify="right", no_wrap=True)
    table.add_column(_("computed"), justify="right", no_wrap=True)
    table.add_column(_("status"), no_wrap=True)
    return table


def _group(table: Table, heading: str) -> None:
    """A heading row over the rows that follow: the titles below it then need no prefix, and
    a narrow terminal wraps fewer labels."""
    table.add_section()
    table.add_row(Text(heading, "bold"), "", "", "")


def _table(ri: RoundIndex, phases: list[str]) -> Table:
    rnd = ri.round
    edition = _edition(rnd.edition)
    said = f"{rnd.name}  {rnd.title}  " + _("({edition})", edition=edition)
    title = Text(report.printable(said), "bold")
    if phases:  # from programme.yaml: a round spanning two phases names both
        title.append(f"  {'、'.join(phases)}", "not bold")
    table = _figure_table(title)
    for row in ri.figures:
        table.add_row(
            ALL_FIGURES[row.name].row_label, _declared(row), _computed(row), _status(ri, row)
        )
    # Titles, not ids: the rows read like the plan's own headings.
    groups = [
        (_("chapters (部分)"), [(ri.chapters[c].title, r) for c, r in ri.chapter_figures.items()]),
        (
            _("handbook parts (手册部分)"),
            [(ri.parts[p].title, r) for p, r in ri.part_figures.items()],
        ),
    ]
    groups += [
        (ri.systems[sid].title, [(ALL_FIGURES[r.name].name_here, r) for r in rows_])
        for sid, rows_ in ri.system_figures.items()
    ]
    for heading, rows in groups:
        if not rows:
            continue
        _group(table, heading)
        for label, row in rows:
            table.add_row(f"  {label}", _declared(row), _computed(row), _status(ri, row))
    for system in rnd.systems:
        if system.is_targets:
            document = system.document or _("another document")
            _group(table, f"{system.title}  {document}")
            table.add_row(
                _("  targets (目标)"),
                "",
                str(len(system.indicators())),
                Text(_("not the plan's"), "dim"),
            )
    return table


def stats(plans: Path, rounds: Sequence[str], fmt: str, stream: IO[str], cache: bool = True) -> int:
    analysis = analyze(plans, rounds, cache=cache)
    chosen = [
        analysis.index.rounds[name] for name in analysis.rounds if name in analysis.index.rounds
    ]
    pi = analysis.index.programme
    if fmt == "json":
        payload: dict[str, Any] = {
            "rounds": {
                ri.round.name: round_stats(
                    ri, [p.title for p in pi.phases_of[ri.round.name]] if pi else None
                )
                for ri in chosen
            }
        }
        if pi is not None:
            payload["programme"] = programme_stats(pi)
        stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    out = report.console(stream)
    if pi is not None:
        out.print(_programme_table(pi))
    for name in analysis.rounds:
        if name in analysis.index.rounds:
            phases = [p.title for p in pi.phases_of.get(name, [])] if pi else []
            out.print(_table(analysis.index.rounds[name], phases))
        else:
            message = _("{round}: plan.yaml does not load, no figures; run planc check", round=name)
            out.print(Text(message, "red"))
    errors = count(analysis.diagnostics, Severity.ERROR)
    if errors:
        out.print(
            Text(
                _(
                    "{errors} in the sources: figures may be off; run planc check",
                    errors=report.plural(errors, "error"),
                ),
                "bold red",
            )
        )
    return 0
