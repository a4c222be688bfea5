"""The workbook's rows back as edits of the sources. A row is compared with what it held when
the workbook was written (a digest kept in the workbook) and with the sources as they are
now: a row that reads back as written is no change, whatever Excel or LibreOffice did to its
cells; a row edited in the workbook whose item also changed in the sources since is refused
(export again), so neither side's work is silently lost. Only the cells that changed become
edits; an added row becomes a new item with an id planc makes (planc/ids.py); a deleted or
emptied row is a drop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planc.diagnostics import Diagnostic
from planc.i18n import _
from planc.index import Index
from planc.sheets import FormIn, RowIn
from planc.sheets.form import Value
from planc.sheets.read import other_round, whole
from planc.workbook import export
from planc.workbook.carried import reviewed
from planc.workbook.cells import SPECS, Cells
from planc.workbook.edits import Edit, Edits
from planc.workbook.sheets import CASES, COMMENTS, INDICATORS, TASKS, UNITS

KIND_OF_SHEET = {TASKS: "tasks", CASES: "cases", INDICATORS: "indicators", UNITS: "units"}


class _Reader(Cells):
    def sheet(
        self,
        key: str,
        current: list[tuple[str, dict[str, Value]]],
        parse: Callable[[RowIn, list[str], Edit], None],
        grows: bool = True,
    ) -> None:
        """Compare the rows of sheet `key` with what was written and with `current` (the rows
        the sources give now); `parse` turns the changed columns of a row into its edit."""
        spec = SPECS[key]
        kind = KIND_OF_SHEET.get(key, key)
        sent = self.form.sent.get(key, {})
        now = dict(current)
        seen: set[str] = set()
        above: str | None = None
        editable = [c.key for c in spec.columns if c.editable]
        for row in self.rows[key]:
            if not row.id:
                if not grows:
                    self.problem(
                        self.at(row, editable[0]),
                        _("rows cannot be added to this sheet"),
                        _("the units' comments come in on their forms (planc consult import)"),
                    )
                    continue
                edit = Edit(kind, "", new=True)
                parse(row, editable, edit)
                if edit.id:
                    edit.after = above
                    self.out.edits.append(edit)
                    above = edit.id
                continue
            seen.add(row.id)
            above = row.id
            was = sent.get(row.id)
            if was is None or spec.digest_of(row.values) == was:
                continue  # not edited (or a form without digests: nothing to compare)
            if row.id not in now:
                self.problem(
                    self.at(row, editable[0]),
                    _(
                        "this row's item ({id}) is no longer in the sources: it was removed "
                        "after the workbook was exported",
                        id=row.id,
                    ),
                    _("export the workbook again (planc sheet export) and redo this row there"),
                    "form-tampered",
                )
                continue
            if spec.digest_of(now[row.id]) != was:
                self.problem(
                    self.at(row, editable[0]),
                    _(
                        "this row ({id}) was edited here and its item changed in the sources "
                        "too since the workbook was exported",
                        id=row.id,
                    ),
                    _("export the workbook again (planc sheet export) and redo this row there"),
                    "form-tampered",
                )
                continue
            if all(row.values.get(k) is None for k in editable):
                if grows:
                    self.out.edits.append(Edit(kind, row.id, drop=True))
                else:
                    self.problem(self.at(row, editable[0]), _("this row was emptied"))
                continue
            changed = [
                c.key
                for c in spec.columns
                if c.editable
                and c.canonical(row.values.get(c.key)) != c.canonical(now[row.id].get(c.key))
            ]
            edit = Edit(kind, row.id)
            parse(row, changed, edit)
            if edit.fields or edit.place is not None:
                self.out.edits.append(edit)
        missing = [rid for rid in sent if rid not in seen and rid in now]
        if not grows and missing:
            self.problem(
                whole(self.shown),
                _(
                    "{count} rows of sheet {sheet} were deleted ({ids}); the units' comments "
                    "are kept",
                    count=len(missing),
                    sheet=spec.title,
                    ids=", ".join(missing[:3]),
                ),
                _("export the workbook again (planc sheet export) and dispose of them there"),
                "form-tampered",
            )
            return
        self.out.edits += [Edit(kind, rid, drop=True) for rid in missing]


def read_edits(index: Index, name: str, form: FormIn, shown: str) -> Edits:
    """The edits a returned workbook asks for, and the problems found in it. Units first,
    then indicators and cases, then tasks: a row may name a unit, indicator or case added in
    the same workbook."""
    reader = _Reader(index, name, form, shown)
    rnd = reader.ri.round
    lk = reader.lk
    reader.sheet(UNITS, export.unit_rows(index, name), reader.unit)
    indicators = export.indicator_rows(rnd, lk)
    reader.sheet(INDICATORS, indicators, reader.indicator)
    reviewed(reader, dict(indicators))
    reader.sheet(CASES, export.case_rows(rnd, lk), reader.case)
    reader.sheet(TASKS, export.task_rows(rnd, lk), reader.task)
    if COMMENTS in form.sent:
        reader.sheet(COMMENTS, export.comment_rows(rnd, lk), reader.comment, grows=False)
    titles: dict[str, dict[str, Any]] = {
        "tasks": reader.ri.tasks,
        "cases": reader.ri.cases,
        "indicators": reader.ri.indicators,
        "units": index.project.registry.units,
    }
    for edit in reader.out.edits:
        if edit.drop:
            item = titles[edit.kind].get(edit.id)
            edit.title = str(getattr(item, "title", None) or getattr(item, "name", edit.id))
    return reader.out


def foreign(form: FormIn, name: str, shown: str) -> Diagnostic | None:
    """The workbook is of another round."""
    return other_round(form, name, shown, "sheet import")


__all__ = ["Edit", "Edits", "foreign", "read_edits"]
