"""planc stats: the computed figures beside the declared ones, per round."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from rich.table import Table
from rich.text import Text

from planc import report
from planc.diagnostics import Severity, count
from planc.figures import FIGURES
from planc.i18n import _
from planc.index import FigureRow, RoundIndex, round_stats
from planc.pipeline import analyze

STATUS_STYLE = {"ok": "green", "mismatch": "yellow", "incomplete": "cyan", "undeclared": "dim"}


def _status(ri: RoundIndex, row: FigureRow) -> Text:
    status = ri.status(row)
    return Text("—" if status == "undeclared" else _(status), STATUS_STYLE[status])


def _table(ri: RoundIndex) -> Table:
    rnd = ri.round
    title = Text(f"{rnd.name}  {rnd.title}  ({rnd.edition})", "bold")
    table = Table(title=title, title_justify="left")
    table.add_column(_("figure"), no_wrap=True)
    table.add_column(_("declared"), justify="right", no_wrap=True)
    table.add_column(_("computed"), justify="right", no_wrap=True)
    table.add_column(_("status"), no_wrap=True)
    rows = [(FIGURES[row.name].title, row) for row in ri.figures]
    # Titles, not ids: the rows read like the plan's own headings.
    chapter, part = _("chapter"), _("part")
    rows += [
        (f"  {chapter} {ri.chapters[cid].title}", row) for cid, row in ri.chapter_figures.items()
    ]
    rows += [(f"  {part} {ri.parts[pid].title}", row) for pid, row in ri.part_figures.items()]
    rows += [
        (f"  {ri.systems[sid].title}: {FIGURES[row.name].name_here}", row)
        for sid, rows_ in ri.system_figures.items()
        for row in rows_
    ]
    for label, row in rows:
        declared = str(row.declared.value) if row.declared else "—"
        table.add_row(label, declared, str(row.computed), _status(ri, row))
    return table


def stats(plans: Path, rounds: Sequence[str], fmt: str, stream: IO[str]) -> int:
    analysis = analyze(plans, rounds)
    chosen = [
        analysis.index.rounds[name] for name in analysis.rounds if name in analysis.index.rounds
    ]
    if fmt == "json":
        payload = {"rounds": {ri.round.name: round_stats(ri) for ri in chosen}}
        stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    out = report.console(stream)
    for name in analysis.rounds:
        if name in analysis.index.rounds:
            out.print(_table(analysis.index.rounds[name]))
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
