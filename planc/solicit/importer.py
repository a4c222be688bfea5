"""planc solicit import, reading: each returned 任务征集表 into what its unit answered, row by
row, with every problem located at its cell (FILE:SHEET!CELL) in the clerk's language. Nothing
is written here (planc/solicit/records.py turns answers into files, all or none).

What people do, and what planc does:
- blank rows, trailing and ideographic spaces: ignored; full-width digits in a deadline
  (２０２５年６月): read; a deadline as 2025-06, 2025年6月, 2025年6月底 or 2025年 (its December);
- units by their Chinese name, with or without 青岛 (市商务局), or an alias, several in a
  cell with 、 between them; indicators by their title; a chapter by its title;
- a candidate's 是否继续 left as 继续, or 是/保留 (continue), 不再列入/否/删除 (drop);
- what cannot be taken (an unknown unit, a new task without a title, a chapter not in the
  plan, a deadline that is not one): refused at its cell, and the whole import writes nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from planc.dates import deadline
from planc.diagnostics import Diagnostic, Loc, column_letter, did_you_mean
from planc.i18n import _
from planc.index import Index, RoundIndex
from planc.model import Task
from planc.sheets import FormIn, RowIn, read_form
from planc.sheets.read import other_round, whole
from planc.solicit.sheets import (
    CANDIDATES,
    CONTACT,
    KEEP,
    KIND,
    NEW,
    READ_SHEETS,
    SEPARATORS,
)
from planc.units import unit_hint

SPECS = {sheet.key: sheet for sheet in READ_SHEETS}
KEEP_WORDS = {KEEP, "是", "保留", "修改后继续", "继续实施"}
DROP_WORDS = {"不再列入", "否", "删除", "不继续", "不列入"}
_SPLIT = re.compile("[" + re.escape(SEPARATORS) + "]")


@dataclass
class RowAnswer:
    """One row as the unit answered it (ids resolved), ready to become a task or a drop."""

    row: str  # the form's row id: the candidate's ROUND:ID, or n01…
    decision: str  # kept | revised | dropped | new
    cell: str  # SHEET!CELL of its title, where a message about the row points
    loc: Loc  # the same, for diagnostics
    continues: str | None = None
    chapter: str | None = None
    title: str | None = None
    text: str | None = None
    due: str | None = None
    partners: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)


@dataclass
class Answer:
    """One unit's returned form."""

    shown: str  # the file as the user named it
    unit: str
    form: str  # the form id
    file: str  # its name, as recorded
    contact: str | None
    rows: list[RowAnswer] = field(default_factory=list)
    received: str = ""  # the day it came back: --date, else today


class _Reader:
    def __init__(self, index: Index, round_name: str, out: list[Diagnostic]) -> None:
        self.index = index
        self.round_name = round_name
        self.ri: RoundIndex = index.rounds[round_name]
        self.out = out
        rnd = self.ri.round
        self.chapters = {c.title: c.id for c in rnd.chapters} | {c.id: c.id for c in rnd.chapters}
        titles: dict[str, list[str]] = {}
        for ind in rnd.indicators():
            titles.setdefault(ind.title, []).append(ind.id)
        self.indicators = titles
        self.indicator_ids = {i.id for i in rnd.indicators()}

    def problem(self, code: str, loc: Loc, message: str, hint: str | None = None) -> None:
        self.out.append(Diagnostic(code, loc, message, hint))

    def form(self, form: FormIn, shown: str) -> Answer | None:
        meta = form.meta
        foreign = other_round(form, self.round_name, shown, "solicit import")
        if foreign is not None:
            self.out.append(foreign)
            return None
        uid = meta.get("unit", "")
        registry = self.index.project.registry
        if uid not in registry.units:
            self.problem(
                "form-foreign",
                whole(shown),
                _("the form's unit '{unit}' is not in registry/units.yaml", unit=uid),
                unit_hint(registry, uid),
            )
            return None
        contact = " ".join(
            str(r.values["value"]) for r in form.rows if r.sheet == CONTACT and r.values["value"]
        )
        answer = Answer(shown, uid, form.form, Path(shown).name, contact or None)
        for row in form.rows:
            if row.sheet == CANDIDATES:
                self.candidate(row, shown, answer)
            elif row.sheet == NEW:
                self.new(row, shown, answer)
        return answer

    def loc(self, row: RowIn, shown: str, key: str) -> Loc:
        return Loc(shown, row.row, SPECS[row.sheet].column_of(key), row.title)

    def cell(self, row: RowIn, key: str) -> str:
        return f"{row.title}!{column_letter(SPECS[row.sheet].column_of(key))}{row.row}"

    def candidate(self, row: RowIn, shown: str, answer: Answer) -> None:
        task = self.index.task(row.id)
        if task is None or row.id.partition(":")[0] >= self.round_name:
            self.problem(
                "unknown-reference",
                self.loc(row, shown, "title"),
                _("the form's candidate '{id}' is not a task of an earlier round", id=row.id),
                _("the plans changed after the forms went out; make fresh forms"),
            )
            return
        said = str(row.values.get("decision") or "")
        if said in DROP_WORDS:
            answer.rows.append(
                RowAnswer(
                    row.id,
                    "dropped",
                    self.cell(row, "title"),
                    self.loc(row, shown, "title"),
                    continues=row.id,
                )
            )
            return
        if said not in KEEP_WORDS:
            self.problem(
                "form-cell",
                self.loc(row, shown, "decision"),
                _(
                    "是否继续 is '{value}': choose 继续 or 不再列入 for this task",
                    value=said,
                )
                if said
                else _("是否继续 is empty: choose 继续 or 不再列入 for this task"),
                _("choose it from the cell's list"),
            )
            return
        found = self.task_row(row, shown, task.ref)
        if found is not None:
            found.decision = "kept" if _same_words(found, task) else "revised"
            answer.rows.append(found)

    def new(self, row: RowIn, shown: str, answer: Answer) -> None:
        if not any(v is not None for v in row.values.values()):
            return  # a row left blank
        found = self.task_row(row, shown, None)
        if found is not None:
            answer.rows.append(found)

    def task_row(self, row: RowIn, shown: str, continues: str | None) -> RowAnswer | None:
        """The task a row holds (a continued candidate, or new), or None with its problems
        said: every cell is looked at, so one pass names them all."""
        values = row.values
        ok = True
        chapter = None
        chosen = _text(values.get("chapter"))
        if chosen is None:
            ok = False
            self.problem(
                "form-cell",
                self.loc(row, shown, "chapter"),
                _("部分 is empty: choose the chapter the task belongs to"),
                _("choose it from the cell's list"),
            )
        elif chosen not in self.chapters:
            ok = False
            titles = [c.title for c in self.ri.round.chapters]
            self.problem(
                "form-cell",
                self.loc(row, shown, "chapter"),
                _("'{part}' is not a chapter of the plan", part=chosen),
                did_you_mean(chosen, titles)
                or _("choose one from the cell's list: {parts}", parts="、".join(titles)),
            )
        else:
            chapter = self.chapters[chosen]
        title = _text(values.get("title"))
        if title is None:
            ok = False
            self.problem(
                "form-cell",
                self.loc(row, shown, "title"),
                _("工作任务 is empty: write the task's title"),
                _("leave the whole row empty if it holds no task"),
            )
        due = None
        typed = _text(values.get("due"))
        if typed is not None:
            due = deadline(typed)
            if due is None:
                ok = False
                self.problem(
                    "form-cell",
                    self.loc(row, shown, "due"),
                    _(
                        "完成时限 '{value}' is not a date: write a month like 2025-06 or "
                        "2025年6月 (a day or a year will do)",
                        value=typed,
                    ),
                    _("leave it empty if the task has no deadline"),
                )
        partners = self.units(row, shown)
        indicators = self.indicator_ids_of(row, shown)
        if not ok or partners is None or indicators is None:
            return None
        return RowAnswer(
            row.id,
            "new",
            self.cell(row, "title"),
            self.loc(row, shown, "title"),
            continues=continues,
            chapter=chapter,
            title=title,
            text=_text(values.get("text")),
            due=due,
            partners=partners,
            indicators=indicators,
        )

    def units(self, row: RowIn, shown: str) -> list[str] | None:
        registry = self.index.project.registry
        found: list[str] = []
        bad = False
        for name in _names(row.values.get("partners")):
            uid = registry.unit_id(name)
            if uid is None:
                bad = True
                self.problem(
                    "unknown-reference",
                    self.loc(row, shown, "partners"),
                    _("参与单位 '{name}' is not a unit of registry/units.yaml", name=name),
                    unit_hint(registry, name),
                )
            else:
                found.append(uid)
        return None if bad else list(dict.fromkeys(found))

    def indicator_ids_of(self, row: RowIn, shown: str) -> list[str] | None:
        found: list[str] = []
        bad = False
        for name in _names(row.values.get("indicators")):
            ids = self.indicators.get(name) or ([name] if name in self.indicator_ids else [])
            if len(ids) == 1:
                found.append(ids[0])
                continue
            bad = True
            hint: str | None
            if ids:
                hint = _("the titles of {ids} are the same: write the id", ids=", ".join(ids))
            else:
                hint = did_you_mean(name, self.indicators)
            self.problem(
                "unknown-reference",
                self.loc(row, shown, "indicators"),
                _(
                    "服务指标 '{name}' is not an indicator of {round}",
                    name=name,
                    round=self.round_name,
                ),
                hint,
            )
        return None if bad else list(dict.fromkeys(found))


def _text(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _names(value: object) -> list[str]:
    text = _text(value) or ""
    return [n.strip(" \u3000\t") for n in _SPLIT.split(text) if n.strip(" \u3000\t")]


def _same_words(row: RowAnswer, task: Task) -> bool:
    """A continued task kept as it was worded (a new deadline is no revision)."""
    return row.title == task.title.strip() and (row.text or None) == (
        task.text.strip() if task.text else None
    )


def read_answers(
    index: Index, round_name: str, files: list[tuple[Path, str]]
) -> tuple[list[Answer], list[Diagnostic]]:
    """Every form read and checked (path, as the user named it); nothing is written."""
    out: list[Diagnostic] = []
    reader = _Reader(index, round_name, out)
    answers: list[Answer] = []
    for path, shown in files:
        form, problems = read_form(path, shown, KIND, READ_SHEETS)
        out += problems
        if form is None:
            continue
        answer = reader.form(form, shown)
        if answer is None:
            continue
        for row in answer.rows:  # the unit that answers leads the task: not its own partner
            row.partners = [p for p in row.partners if p != answer.unit]
        other = next((a for a in answers if a.unit == answer.unit), None)
        if other is not None:
            out.append(
                Diagnostic(
                    "form-foreign",
                    whole(shown),
                    _(
                        "a second form of {unit} in one import (the other is {file})",
                        unit=index.project.registry.units[answer.unit].name,
                        file=other.shown,
                    ),
                    _("import the unit's latest form alone: it replaces the earlier one"),
                )
            )
            continue
        answers.append(answer)
    return answers, out
