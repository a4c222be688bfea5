"""The indicator sheet's 沿用自 column read back: the office's mark that an indicator system
planc new carried over (`carried_from:`) was reviewed for the new round. The column holds the
old round on every row of such a system; the system counts as reviewed when the cell is
emptied on all its rows (a clerk may clear them indicator by indicator while reviewing, and
half a review must not pass for a whole one: emptied on some rows only, the system stays as it
is, and the import says so). A round typed where the system has none, or another round, is
refused at its cell: planc never makes up a `carried_from:`."""

from __future__ import annotations

from planc.diagnostics import Diagnostic
from planc.i18n import _
from planc.model import IndicatorSystem
from planc.sheets import RowIn
from planc.sheets.form import Value
from planc.workbook.cells import SPECS, Cells
from planc.workbook.edits import Edit
from planc.workbook.sheets import CARRIED, INDICATORS

KEY = "carried"


def reviewed(cells: Cells, now: dict[str, dict[str, Value]]) -> None:
    """The systems whose 沿用自 was emptied on every row, as edits removing `carried_from:`;
    `now`: the indicator rows the sources give now (what an edited row was exported with)."""
    spec = SPECS[INDICATORS]
    column = next(c for c in spec.columns if c.key == KEY)
    sent = cells.form.sent.get(INDICATORS, {})
    systems = {s.id: s for s in cells.ri.round.systems}
    system_of = {i.id: s for s in systems.values() for i in s.indicators()}
    emptied: dict[str, list[RowIn]] = {}
    kept: dict[str, list[RowIn]] = {}
    for row in cells.rows[INDICATORS]:
        if all(row.values.get(c.key) is None for c in spec.columns if c.editable):
            continue  # a dropped row says nothing of the review
        cell = column.canonical(row.values.get(KEY))
        if not row.id:  # a new row: the value of a row copied from its system is no change
            found = cells.lk.systems.find(cells.text(row, "system"))
            system = systems.get(found) if found else None
            was = system.carried_from.id if system and system.carried_from else ""
            if cell and system is not None and cell != was:
                _refuse(cells, row, cell, system)
            continue
        if row.id not in system_of or row.id not in now:
            continue  # no longer in the sources: the sheet's reading says so if it was edited
        system = system_of[row.id]
        unchanged = sent.get(row.id) in (None, spec.digest_of(row.values))
        exported = column.canonical(now[row.id].get(KEY))
        if not unchanged and cell and cell != exported:
            _refuse(cells, row, cell, system)
        elif not unchanged and exported and not cell:
            emptied.setdefault(system.id, []).append(row)
        else:
            kept.setdefault(system.id, []).append(row)
    for sid, rows in emptied.items():
        system = systems[sid]
        if system.carried_from is None:
            continue
        if sid in kept:
            _partly(cells, rows[0], system, len(rows), len(rows) + len(kept[sid]))
            continue
        edit = Edit("systems", sid, {"carried_from": None})
        edit.title = system.title
        cells.out.edits.append(edit)


def _refuse(cells: Cells, row: RowIn, cell: str, system: IndicatorSystem) -> None:
    name = cells.lk.systems.label(system.id)
    if system.carried_from is None:
        message = _(
            "'{value}': {system} was not carried over from another round", value=cell, system=name
        )
        hint = _("leave {column} empty: only planc new marks a system carried over", column=CARRIED)
    else:
        message = _(
            "'{value}': {system} was carried over from {round}",
            value=cell,
            system=name,
            round=system.carried_from.id,
        )
        hint = _(
            "leave {column} as it was, or empty it on all the system's rows once its targets "
            "are reviewed",
            column=CARRIED,
        )
    cells.problem(cells.at(row, KEY), message, hint)


def _partly(cells: Cells, row: RowIn, system: IndicatorSystem, done: int, rows: int) -> None:
    assert system.carried_from is not None
    cells.out.diagnostics.append(
        Diagnostic(
            "carried-over",
            cells.at(row, KEY),
            _(
                "{column} was emptied on {done} of the {rows} rows of {system}: it stays "
                "carried over from {round} until {column} is emptied on all its rows",
                column=CARRIED,
                done=done,
                rows=rows,
                system=cells.lk.systems.label(system.id),
                round=system.carried_from.id,
            ),
            _(
                "empty {column} on its other rows too once all its targets are reviewed",
                column=CARRIED,
            ),
        )
    )
