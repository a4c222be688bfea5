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
from planc.index import (
    ALL_FIGURE_LABELS,
    PROGRAMME_FIGURE_LABELS,
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


def _short(row: FigureRow) -> bool:
    return (
        row.computed is not None and row.declared is not None and row.computed < row.declared.value
    )


def _status(ri: RoundIndex | None, row: FigureRow) -> Text:
    status = ri.status(row) if ri is not None else row.status
    # the programme, like a public record, holds less than it publishes: a gap, not an error
    if ri is None and status == "mismatch" and _short(row):
        status = "incomplete"
    label = {"undeclared": "—", "uncounted": "not counted"}.get(status, status)
    return Text(label, STATUS_STYLE[status])


def _declared(row: FigureRow) -> str:
    return str(row.declared) if row.declared else "—"


def _computed(row: FigureRow) -> str:
    return "—" if row.computed is None else str(row.computed)


def _programme_table(pi: ProgrammeIndex) -> Table:
    prog = pi.programme
    phases = " · ".join(f"{p.title} {p.span}" for p in prog.phases)
    title = Text(report.printable(f"programme  {prog.title}"), "bold")
    if phases:
        title.append(f"\nphases  {phases}", "not bold")
    table = Table(title=title, title_justify="left")
    table.add_column("figure", no_wrap=True)
    table.add_column("declared", justify="right", no_wrap=True)
    table.add_column("computed", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    for row in pi.figures:
        table.add_row(
            PROGRAMME_FIGURE_LABELS[row.name], _declared(row), _computed(row), _status(None, row)
        )
    for rf in pi.rounds_figures:
        # the computed column adds up what the rounds declare of the figure
        table.add_row(
            f"{rf.figure.id} ({rf.figure.figure})",
            str(rf.figure.declared),
            rf.sum_text.replace(" ", ""),
            Text(rf.status, STATUS_STYLE[rf.status]),
        )
    return table


def _table(ri: RoundIndex, phases: list[str]) -> Table:
    rnd = ri.round
    title = Text(report.printable(f"{rnd.name}  {rnd.title}  ({rnd.edition})"), "bold")
    if phases:  # from programme.yaml: a round spanning two phases names both
        title.append(f"  {'、'.join(phases)}", "not bold")
    table = Table(title=title, title_justify="left")
    table.add_column("figure", no_wrap=True)
    table.add_column("declared", justify="right", no_wrap=True)
    table.add_column("computed", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    rows = [(ALL_FIGURE_LABELS[row.name], row) for row in ri.figures]
    rows += [(f"  chapter {cid}", row) for cid, row in ri.chapter_figures.items()]
    rows += [(f"  part {pid}", row) for pid, row in ri.part_figures.items()]
    rows += [
        (f"  {sid}: {row.name}", row) for sid, rows_ in ri.system_figures.items() for row in rows_
    ]
    for label, row in rows:
        table.add_row(label, _declared(row), _computed(row), _status(ri, row))
    for system in rnd.systems:
        if system.is_targets:
            table.add_row(
                f"  {system.id}: targets of {system.document or 'another document'}",
                "",
                str(len(system.indicators())),
                Text("not the plan's indicators", "dim"),
            )
    return table


def stats(plans: Path, rounds: Sequence[str], fmt: str, stream: IO[str]) -> int:
    analysis = analyze(plans, rounds)
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
            out.print(Text(f"{name}: plan.yaml does not load, no figures; run planc check", "red"))
    errors = count(analysis.diagnostics, Severity.ERROR)
    if errors:
        out.print(
            Text(
                f"{report.plural(errors, 'error')} in the sources: figures may be off; "
                "run planc check",
                "bold red",
            )
        )
    return 0
