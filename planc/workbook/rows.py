"""The workbook's rows back as edits of the sources. A row is compared with what it held when
the workbook was written (a digest kept in the workbook) and with the sources as they are
now: a row that reads back as written is no change, whatever Excel or LibreOffice did to its
cells; a row edited in the workbook whose item also changed in the sources since is refused
(export again), so neither side's work is silently lost. Only the cells that changed become
edits; an added row becomes a new item with an id planc makes (planc/ids.py); a deleted or
emptied row is a drop."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from planc.diagnostics import Diagnostic, Loc
from planc.i18n import _
from planc.ids import new_id, slug
from planc.index import Index
from planc.sheets import FormIn, RowIn, Sheet
from planc.sheets.form import Value
from planc.sheets.read import whole
from planc.workbook import export
from planc.workbook.export import Lookups
from planc.workbook.names import Names
from planc.workbook.sheets import (
    CASES,
    COMMENTS,
    DISPOSITION_WORDS,
    DISPOSITIONS,
    INDICATORS,
    READ_SHEETS,
    TASKS,
    UNIT_KINDS,
    UNITS,
    YES,
)

SPECS = {sheet.key: sheet for sheet in READ_SHEETS}
KIND_OF_SHEET = {TASKS: "tasks", CASES: "cases", INDICATORS: "indicators", UNITS: "units"}
UNIT_KIND_WORDS = {label: kind for kind, label in UNIT_KINDS.items()} | {k: k for k in UNIT_KINDS}
DUE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:月)?\s*(?:[-./]?\s*(\d{1,2})\s*日?)?")
TARGET = re.compile(r"\s*([^:：]+?)\s*[:：]\s*(.+?)\s*")


@dataclass
class Edit:
    """One item of the sources to change, add or drop."""

    kind: str  # tasks, cases, indicators, units, comments
    id: str
    fields: dict[str, Any] = field(default_factory=dict)  # field -> new value (None: removed)
    # Where the item goes when it is new or moved: tasks (chapter, section or ""), cases
    # (part,), indicators (system, dimension or "").
    place: tuple[str, ...] | None = None
    after: str | None = None  # a new item follows the item of the row above it, if a sibling
    new: bool = False
    drop: bool = False
    title: str = ""  # for the report


@dataclass
class Edits:
    edits: list[Edit] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def of(self, kind: str) -> list[Edit]:
        return [e for e in self.edits if e.kind == kind]


def _number(text: str) -> int | None:
    digits = unicodedata.normalize("NFKC", text).strip()
    return int(digits) if digits.isdigit() else None


def due_date(text: str) -> str | None:
    """2021-12, 2021-12-31, 2021年12月, 2021.12.31, full-width digits: as the sources write a
    due date (YYYY-MM or YYYY-MM-DD); None if it is not one."""
    found = DUE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if found is None:
        return None
    year, month, day = found.group(1), int(found.group(2)), found.group(3)
    if not 1 <= month <= 12 or (day is not None and not 1 <= int(day) <= 31):
        return None
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def scalar(text: str) -> int | float | str:
    """A baseline or target as the sources hold it: a number where it is one."""
    plain = unicodedata.normalize("NFKC", text).strip()
    try:
        return int(plain)
    except ValueError:
        pass
    try:
        return float(plain)
    except ValueError:
        return text


class _Reader:
    def __init__(self, index: Index, name: str, form: FormIn, shown: str) -> None:
        self.index = index
        self.name = name
        self.ri = index.rounds[name]
        self.lk: Lookups = export.lookups(index, name)
        self.form = form
        self.shown = shown
        self.out = Edits()
        self.rows = {key: [r for r in form.rows if r.sheet == key] for key in SPECS}
        self.taken: dict[str, set[str]] = {
            "tasks": set(self.ri.tasks),
            "cases": set(self.ri.cases),
            "indicators": set(self.ri.indicators),
            "units": set(index.project.registry.units),
        }

    # -- reporting ------------------------------------------------------------------------

    def at(self, row: RowIn, key: str) -> Loc:
        return Loc(self.shown, row.row, SPECS[row.sheet].column_of(key), row.title)

    def problem(
        self, loc: Loc, message: str, hint: str | None = None, code: str = "form-cell"
    ) -> None:
        self.out.diagnostics.append(Diagnostic(code, loc, message, hint))

    def text(self, row: RowIn, key: str) -> str:
        value = row.values.get(key)
        return "" if value is None else str(value)

    def names(self, row: RowIn, key: str, names: Names, what: str) -> list[str] | None:
        ids, unknown = names.parse(self.text(row, key))
        for word in unknown:
            self.problem(
                self.at(row, key),
                _("'{value}' is not {what}", value=word, what=what),
                names.hint(word) or _("choose from the cell's list"),
            )
        return None if unknown else ids

    # -- the rows of one sheet -------------------------------------------------------------

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

    def required(self, row: RowIn, key: str, heading: str) -> str | None:
        text = self.text(row, key)
        if not text:
            self.problem(self.at(row, key), _("{column} is empty", column=heading))
            return None
        return text

    # -- units ------------------------------------------------------------------------------

    def unit(self, row: RowIn, changed: list[str], edit: Edit) -> None:
        name = self.required(row, "name", "单位名称") if "name" in changed else None
        if "name" in changed and name is None:
            return
        for key in changed:
            text = self.text(row, key)
            if key == "consulted":
                if text not in ("", YES, "否"):
                    self.problem(
                        self.at(row, key),
                        _("'{value}' is not one of {choices}", value=text, choices=f"{YES}、否"),
                        _("choose from the cell's list"),
                    )
                    continue
                edit.fields["consulted"] = text == YES
            elif key == "kind":
                kind = UNIT_KIND_WORDS.get(text) if text else None
                if text and kind is None:
                    self.problem(
                        self.at(row, key),
                        _(
                            "'{value}' is not one of {choices}",
                            value=text,
                            choices="、".join(UNIT_KINDS.values()),
                        ),
                    )
                    continue
                edit.fields["kind"] = kind
            else:
                edit.fields[key] = text or None
        edit.title = str(edit.fields.get("name") or self.text(row, "name"))
        if edit.new and name is not None:
            en = self.text(row, "en")
            edit.id = new_id(slug(en) or "unit", self.taken["units"])
            self.taken["units"].add(edit.id)
        if name is not None:
            self.lk.units.add(edit.id, name)

    # -- indicators -------------------------------------------------------------------------

    def indicator(self, row: RowIn, changed: list[str], edit: Edit) -> None:
        if {"system", "dimension"} & set(changed):
            place = self._dimension(row)
            if place is None:
                return
            edit.place = place
        for key in changed:
            text = self.text(row, key)
            if key in ("system", "dimension"):
                continue
            if key == "title":
                if self.required(row, key, "指标") is None:
                    return
                edit.fields["title"] = text
            elif key == "unit":
                edit.fields["unit"] = text or None
            elif key in ("baseline", "baseline_year"):
                year, value = row.values.get("baseline_year"), self.text(row, "baseline")
                if value and not isinstance(year, int):
                    self.problem(self.at(row, "baseline_year"), _("a baseline needs its year"))
                    return
                edit.fields["baseline"] = {"year": year, "value": scalar(value)} if value else None
            elif key == "targets":
                targets = {}
                for line in text.split("\n"):
                    if not line.strip():
                        continue
                    found = TARGET.fullmatch(line)
                    if found is None:
                        self.problem(
                            self.at(row, key),
                            _("'{value}': write a target as 2021：100", value=line),
                        )
                        return
                    targets[found.group(1)] = scalar(found.group(2))
                edit.fields["targets"] = targets or None
        edit.title = self.text(row, "title")
        if edit.new:
            assert edit.place is not None
            system, dim = edit.place
            edit.id = new_id(dim or system, self.taken["indicators"])
            self.taken["indicators"].add(edit.id)
        self.lk.indicators.add(edit.id, edit.title)

    def _dimension(self, row: RowIn) -> tuple[str, ...] | None:
        system = self.lk.systems.find(self.text(row, "system"))
        if system is None:
            word = self.text(row, "system")
            self.problem(
                self.at(row, "system"),
                _(
                    "'{value}' is not {what}",
                    value=word,
                    what=_("an indicator system of the round"),
                ),
                self.lk.systems.hint(word) or _("choose from the cell's list"),
            )
            return None
        text = self.text(row, "dimension")
        dims = self.lk.dimensions[system]
        dim = dims.find(text) if text else ""
        if dim is None:
            self.problem(
                self.at(row, "dimension"),
                _(
                    "'{value}' is not a dimension of {system}",
                    value=text,
                    system=self.lk.systems.label(system),
                ),
                dims.hint(text) or _("dimensions there: {names}", names="、".join(dims.choices())),
            )
            return None
        return (system, dim)

    # -- cases ------------------------------------------------------------------------------

    def case(self, row: RowIn, changed: list[str], edit: Edit) -> None:
        if "part" in changed:
            part = self.lk.parts.find(self.text(row, "part"))
            if part is None:
                word = self.text(row, "part")
                self.problem(
                    self.at(row, "part"),
                    _("'{value}' is not {what}", value=word, what=_("a part of the handbook")),
                    self.lk.parts.hint(word) or _("choose from the cell's list"),
                )
                return
            edit.place = (part,)
        for key in changed:
            text = self.text(row, key)
            if key == "title":
                if self.required(row, key, "案例") is None:
                    return
                edit.fields["title"] = text
            elif key == "places":
                places = self.names(row, key, self.lk.places, _("a place in registry/places.yaml"))
                if places is None:
                    return
                edit.fields["places"] = places or None
            elif key == "summary":
                edit.fields["summary"] = text or None
            elif key == "practices":
                edit.fields["practices"] = [p for p in text.split("\n") if p] or None
        edit.title = self.text(row, "title")
        if edit.new:
            assert edit.place is not None
            first = edit.fields.get("places") or [edit.place[0]]
            edit.id = new_id(first[0], self.taken["cases"])
            self.taken["cases"].add(edit.id)
        self.lk.cases.add(edit.id, edit.title)

    # -- tasks ------------------------------------------------------------------------------

    def task(self, row: RowIn, changed: list[str], edit: Edit) -> None:
        if {"chapter", "section"} & set(changed):
            place = self._section(row)
            if place is None:
                return
            edit.place = place
        for key in changed:
            text = self.text(row, key)
            if key in ("chapter", "section"):
                continue
            if key == "number":
                value = row.values.get(key)
                edit.fields["number"] = value if isinstance(value, int) else None
            elif key == "title":
                if self.required(row, key, "工作任务") is None:
                    return
                edit.fields["title"] = text
            elif key == "text":
                edit.fields["text"] = text or None
            elif key in ("lead", "partners"):
                units = self.names(row, key, self.lk.units, _("a unit in registry/units.yaml"))
                if units is None:
                    return
                edit.fields[key] = units or None
            elif key == "indicators":
                found = self.names(row, key, self.lk.indicators, _("an indicator of the round"))
                if found is None:
                    return
                edit.fields[key] = found or None
            elif key == "cases":
                found = self.names(row, key, self.lk.cases, _("a case of the handbook"))
                if found is None:
                    return
                edit.fields[key] = found or None
            elif key == "due":
                due = due_date(text) if text else None
                if text and due is None:
                    self.problem(
                        self.at(row, key),
                        _("'{value}' is not a date like 2021-12 or 2021-12-31", value=text),
                    )
                    return
                edit.fields["due"] = due
        edit.title = self.text(row, "title")
        if edit.new:
            assert edit.place is not None
            lead = edit.fields.get("lead") or [edit.place[0]]
            edit.id = new_id(lead[0], self.taken["tasks"])
            self.taken["tasks"].add(edit.id)

    def _section(self, row: RowIn) -> tuple[str, ...] | None:
        word = self.text(row, "chapter")
        chapter = self.lk.chapters.find(word)
        if chapter is None:
            self.problem(
                self.at(row, "chapter"),
                _("'{value}' is not {what}", value=word, what=_("a part of the plan")),
                self.lk.chapters.hint(word) or _("choose from the cell's list"),
            )
            return None
        section = self.text(row, "section")
        titles = self.lk.sections[chapter]
        if (section and section not in titles) or (titles and not section):
            hint = (
                _("sections there: {names}", names="、".join(titles))
                if titles
                else _("this part has no sections: leave it empty")
            )
            self.problem(
                self.at(row, "section"),
                _(
                    "'{value}' is not a section of {chapter}",
                    value=section,
                    chapter=self.lk.chapters.label(chapter),
                ),
                hint,
            )
            return None
        return (chapter, section)

    # -- comments ---------------------------------------------------------------------------

    def comment(self, row: RowIn, changed: list[str], edit: Edit) -> None:
        for key in changed:
            text = self.text(row, key)
            if key == "disposition":
                value = DISPOSITION_WORDS.get(text) if text else None
                if text and value is None:
                    self.problem(
                        self.at(row, key),
                        _(
                            "'{value}' is not one of {choices}",
                            value=text,
                            choices="、".join(DISPOSITIONS.values()),
                        ),
                        _("choose from the cell's list"),
                    )
                    return
                edit.fields["disposition"] = value
            elif key == "reason":
                edit.fields["reason"] = text or None
            elif key == "changed":
                tasks = self._tasks(row, text)
                if tasks is None:
                    return
                edit.fields["changed"] = tasks or None
        edit.title = self.text(row, "about")

    def _tasks(self, row: RowIn, text: str) -> list[str] | None:
        by_number = {str(n): tid for tid, n in self.lk.numbers.items()}
        found: list[str] = []
        for word in re.split(r"[、，,；;\s]+", unicodedata.normalize("NFKC", text)):
            plain = word.removeprefix("第").removesuffix("项").removesuffix("条")
            tid = by_number.get(plain) if plain.isdigit() else self.lk.tasks.find(word)
            if not word:
                continue
            if tid is None:
                self.problem(
                    self.at(row, "changed"),
                    _("'{value}' is not the number of a task of the round", value=word),
                    _("write the numbers of the tasks the comment changed, e.g. 3、12"),
                )
                return None
            found.append(tid)
        return list(dict.fromkeys(found))


def read_edits(index: Index, name: str, form: FormIn, shown: str) -> Edits:
    """The edits a returned workbook asks for, and the problems found in it. Units first,
    then indicators and cases, then tasks: a row may name a unit, indicator or case added in
    the same workbook."""
    reader = _Reader(index, name, form, shown)
    rnd = reader.ri.round
    lk = reader.lk
    reader.sheet(UNITS, export.unit_rows(index, name), reader.unit)
    reader.sheet(INDICATORS, export.indicator_rows(rnd, lk), reader.indicator)
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
    found = form.meta.get("round")
    if found == name:
        return None
    return Diagnostic(
        "form-foreign",
        whole(shown),
        _(
            "this workbook is of round {form_round}, not {round}",
            form_round=found or "?",
            round=name,
        ),
        _("import it with: planc sheet import {round} {file}", round=found, file=shown),
    )


__all__ = ["Edit", "Edits", "Sheet", "due_date", "foreign", "read_edits"]
