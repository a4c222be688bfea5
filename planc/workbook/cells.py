"""The cells of the workbook's rows as the sources hold them: a unit, place, indicator or case
by its name, a part or section by its title, a due date as a clerk writes it, a target as
`2021：100`, a disposition in the office's words. A value planc cannot take is refused at its
cell (`form-cell`), with the closest name where there is one."""

from __future__ import annotations

import re
import unicodedata

from planc.diagnostics import Diagnostic, Loc
from planc.i18n import _
from planc.ids import new_id, slug
from planc.index import Index
from planc.sheets import FormIn, RowIn
from planc.workbook import export
from planc.workbook.edits import Edit, Edits
from planc.workbook.export import Lookups
from planc.workbook.names import Names
from planc.workbook.sheets import (
    DISPOSITION_WORDS,
    DISPOSITIONS,
    READ_SHEETS,
    UNIT_KINDS,
    YES,
)

SPECS = {sheet.key: sheet for sheet in READ_SHEETS}
UNIT_KIND_WORDS = {label: kind for kind, label in UNIT_KINDS.items()} | {k: k for k in UNIT_KINDS}
DUE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:月)?\s*(?:[-./]?\s*(\d{1,2})\s*日?)?")
TARGET = re.compile(r"\s*([^:：]+?)\s*[:：]\s*(.+?)\s*")


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


class Cells:
    """A workbook's rows read against one round: each kind's cells into its edit."""

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
