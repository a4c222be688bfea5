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
from planc.index import FIGURE_LABELS, FigureRow, RoundIndex
from planc.pipeline import analyze

STATUS_STYLE = {"ok": "green", "mismatch": "yellow", "incomplete": "cyan", "undeclared": "dim"}


def _pair(row: FigureRow) -> dict[str, Any]:
    return {"declared": row.declared.value if row.declared else None, "sources": row.computed}


def round_stats(ri: RoundIndex) -> dict[str, Any]:
    data: dict[str, Any] = {row.name: _pair(row) for row in ri.figures}
    data["chapters"] = {cid: _pair(row) for cid, row in ri.chapter_figures.items()}
    data["parts"] = {pid: _pair(row) for pid, row in ri.part_figures.items()}
    data["systems"] = {
        sid: {row.name: _pair(row) for row in rows} for sid, rows in ri.system_figures.items()
    }
    return data


def _status(ri: RoundIndex, row: FigureRow) -> Text:
    status = ri.status(row)
    return Text("—" if status == "undeclared" else status, STATUS_STYLE[status])


def _table(ri: RoundIndex) -> Table:
    rnd = ri.round
    title = Text(report.printable(f"{rnd.name}  {rnd.title}  ({rnd.edition})"), "bold")
    table = Table(title=title, title_justify="left")
    table.add_column("figure", no_wrap=True)
    table.add_column("declared", justify="right", no_wrap=True)
    table.add_column("computed", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    rows = [(FIGURE_LABELS[row.name], row) for row in ri.figures]
    rows += [(f"  chapter {cid}", row) for cid, row in ri.chapter_figures.items()]
    rows += [(f"  part {pid}", row) for pid, row in ri.part_figures.items()]
    rows += [
        (f"  {sid}: {row.name}", row) for sid, rows_ in ri.system_figures.items() for row in rows_
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
