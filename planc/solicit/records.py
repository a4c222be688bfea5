"""planc solicit import, writing: the units' answers into the round's sources, all or none.

- Tasks go into plans/ROUND/tasks/CHAPTER.yaml, one file per chapter (the format's: a tasks
  file is a chapter, and the office edits the round chapter by chapter), in the chapter each
  row chose; a new file is made for a chapter that has none. A task's id is made by planc from
  its unit and a number (commerce-3): readable, stable (a row keeps its task through a
  corrected form), never asked of a clerk. A continued candidate gets `continues:`.
- What each unit answered is kept in plans/ROUND/solicitation/UNIT.yaml (contact, the day it
  came back, every row with the task it became): the record behind the tasks.
- A unit's corrected form replaces its earlier answer: its rows update their tasks, a row now
  dropped or left blank removes its task, and the change is said task by task. A task the office
  changed since the earlier answer is not overwritten: the import is refused
  (`resubmission-conflict`), so nothing the office wrote is lost.
- The same form imported again changes nothing, byte for byte.

YAML is edited with ruamel's round trip: comments and layout the office wrote stay."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planc.diagnostics import Diagnostic, Severity
from planc.i18n import _
from planc.index import Index, RoundIndex
from planc.load.roundtrip import round_trip_yaml
from planc.model import EarlierForm, SubmittedRow, Task
from planc.sheets.read import whole
from planc.solicit.importer import Answer, RowAnswer, read_answers
from planc.solicit.store import write_plans

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The fields a row gives its task, in the order they are written.
FIELDS = ("title", "text", "lead", "partners", "indicators", "continues", "due")


@dataclass
class UnitChange:
    """What one unit's form did."""

    shown: str
    unit: str  # the unit's name
    counts: Counter[str] = field(default_factory=Counter)  # by decision
    replaced: EarlierForm | None = None  # the earlier answer a corrected form replaced
    changes: list[str] = field(default_factory=list)  # task by task, for a corrected form
    unchanged: bool = False  # the same answer again: nothing written


@dataclass
class Plan:
    """Everything an import will write, and what it says."""

    files: dict[str, str] = field(default_factory=dict)  # relative to plans -> text
    units: list[UnitChange] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tasks_added: Counter[str] = field(default_factory=Counter)  # by file


def _dump(doc: Any) -> str:
    stream = io.StringIO()
    round_trip_yaml().dump(doc, stream)
    return stream.getvalue()


def _flow(items: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _scalar(text: str) -> Any:
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(text) if "\n" in text else text


def _date(text: str) -> Any:
    """A date as YAML writes one: 2023-06-30 plain (a string would be quoted to stay one)."""
    return dt.date.fromisoformat(text) if DAY.fullmatch(text) else text


def _values(row: RowAnswer, unit: str) -> dict[str, Any]:
    """The task's fields as the row gives them (None: absent)."""
    return {
        "title": row.title,
        "text": row.text,
        "lead": [unit],
        "partners": row.partners or None,
        "indicators": row.indicators or None,
        "continues": row.continues,
        "due": row.due,
    }


def _as_task(task: Task) -> dict[str, Any]:
    """A task's fields as the sources hold them now, in the terms of `_values`."""
    return {
        "title": task.title,
        "text": task.text,
        "lead": [r.id for r in task.lead],
        "partners": [r.id for r in task.partners] or None,
        "indicators": [r.id for r in task.indicators] or None,
        "continues": task.continues.id if task.continues else None,
        "due": task.due,
    }


def _recorded(row: SubmittedRow, unit: str) -> dict[str, Any]:
    """What an earlier answer's row gave its task."""
    return {
        "title": row.title,
        "text": row.text,
        "lead": [unit],
        "partners": [r.id for r in row.partners] or None,
        "indicators": [r.id for r in row.indicators] or None,
        "continues": row.continues.id if row.continues else None,
        "due": row.due,
    }


def _answer_key(rows: list[tuple[Any, ...]], contact: str | None) -> tuple[Any, ...]:
    return (contact, tuple(rows))


def _row_key(row: RowAnswer) -> tuple[Any, ...]:
    return (
        row.row,
        row.decision,
        row.continues,
        row.chapter,
        row.title,
        row.text,
        row.due,
        tuple(row.partners),
        tuple(row.indicators),
    )


def _old_key(row: SubmittedRow) -> tuple[Any, ...]:
    return (
        row.row,
        row.decision,
        row.continues.id if row.continues else None,
        row.chapter.id if row.chapter else None,
        row.title,
        row.text,
        row.due,
        tuple(r.id for r in row.partners),
        tuple(r.id for r in row.indicators),
    )


class _Files:
    """The round's tasks files as ruamel documents, loaded when first touched."""

    def __init__(self, plans: Path, ri: RoundIndex) -> None:
        self.plans = plans
        self.ri = ri
        self.docs: dict[str, Any] = {}
        self.changed: set[str] = set()
        self.of_chapter = {c.id: c.file for c in ri.round.chapters if c.file}

    def path(self, chapter: str) -> str:
        return self.of_chapter.get(chapter) or f"{self.ri.round.name}/tasks/{chapter}.yaml"

    def doc(self, rel: str, chapter: str) -> Any:
        if rel not in self.docs:
            target = self.plans / rel
            if target.is_file():
                self.docs[rel] = round_trip_yaml().load(target.read_text(encoding="utf-8"))
            else:
                from ruamel.yaml.comments import CommentedMap, CommentedSeq

                doc = CommentedMap()
                doc["chapter"] = chapter
                doc["tasks"] = CommentedSeq()
                doc.yaml_set_start_comment(
                    _(
                        "Tasks of chapter {chapter}; planc solicit import adds those the units "
                        "send.",
                        chapter=chapter,
                    )
                )
                self.docs[rel] = doc
        return self.docs[rel]

    def lists(self, doc: Any) -> list[Any]:
        found = [doc["tasks"]] if isinstance(doc.get("tasks"), list) else []
        for section in doc.get("sections") or []:
            if isinstance(section, dict) and isinstance(section.get("tasks"), list):
                found.append(section["tasks"])
        return found

    def find(self, task: Task) -> tuple[str, Any, int]:
        """Where a task of the round is written: its file, list and place."""
        rnd = self.ri.round
        rel = next(c.file for c in [*rnd.chapters, *rnd.loose_chapters] if task in c.tasks)
        assert rel is not None
        doc = self.doc(rel, task.chapter)
        for items in self.lists(doc):
            for at, item in enumerate(items):
                if isinstance(item, dict) and str(item.get("id")) == task.id:
                    return rel, items, at
        raise LookupError(task.id)  # the model was read from this very file

    def add(self, chapter: str, tid: str, values: dict[str, Any]) -> str:
        from ruamel.yaml.comments import CommentedMap

        rel = self.path(chapter)
        doc = self.doc(rel, chapter)
        lists = self.lists(doc)
        if not lists:  # a file of sections with none yet
            from ruamel.yaml.comments import CommentedSeq

            doc["tasks"] = CommentedSeq()
            lists = [doc["tasks"]]
        item = CommentedMap()
        item["id"] = tid
        _fill(item, values)
        lists[-1].append(item)  # a chapter in sections: into its last section
        self.changed.add(rel)
        return rel

    def update(self, task: Task, chapter: str, values: dict[str, Any]) -> None:
        rel, items, at = self.find(task)
        if chapter != task.chapter:  # moved: out of its file, into its chapter's
            item = items.pop(at)
            self.changed.add(rel)
            _fill(item, values)
            target = self.path(chapter)
            lists = self.lists(self.doc(target, chapter))
            lists[-1].append(item)
            self.changed.add(target)
            return
        _fill(items[at], values)
        self.changed.add(rel)

    def remove(self, task: Task) -> None:
        rel, items, at = self.find(task)
        del items[at]
        self.changed.add(rel)

    def texts(self) -> dict[str, str]:
        return {rel: _dump(self.docs[rel]) for rel in sorted(self.changed)}


def _fill(item: Any, values: dict[str, Any]) -> None:
    """Set a task's fields from a row, in place (its other fields and comments stay)."""
    for key in FIELDS:
        value = values[key]
        if value is None:
            item.pop(key, None)
        elif isinstance(value, list):
            item[key] = _flow(value)
        else:
            item[key] = _date(value) if key == "due" else _scalar(value)


def _changed_fields(before: dict[str, Any], after: dict[str, Any], chapter: bool) -> list[str]:
    names = [k for k in FIELDS if before[k] != after[k]]
    return (["chapter"] if chapter else []) + names


def _record(
    answer: Answer, name: str, rows: list[tuple[RowAnswer, str | None]], earlier: list[Any]
) -> str:
    """solicitation/UNIT.yaml: what the unit answered, and the task each row became."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    doc = CommentedMap()
    doc["unit"] = answer.unit
    doc["form"] = answer.form
    doc["file"] = answer.file
    doc["received"] = _date(answer.received)
    if answer.contact:
        doc["contact"] = answer.contact
    doc["rows"] = CommentedSeq()
    for row, tid in rows:
        item = CommentedMap()
        item["row"] = row.row
        item["decision"] = row.decision
        if tid:
            item["task"] = tid
        for key in ("continues", "chapter", "title", "text"):
            value = getattr(row, key)
            if value:
                item[key] = _scalar(value)
        if row.due:
            item["due"] = _date(row.due)
        for key in ("partners", "indicators"):
            if getattr(row, key):
                item[key] = _flow(getattr(row, key))
        item["cell"] = row.cell
        doc["rows"].append(item)
    if earlier:
        doc["earlier"] = CommentedSeq()
        for form in earlier:
            entry = CommentedMap()
            entry["form"], entry["file"] = form.form, form.file
            if form.received:
                entry["received"] = _date(form.received)
            entry.fa.set_flow_style()
            doc["earlier"].append(entry)
    doc.yaml_set_start_comment(
        _(
            "What {unit} answered to the solicitation (planc solicit import):\nevery row of "
            "its form, and the task each became. A corrected form replaces it\n(earlier: the "
            "forms it replaced).",
            unit=name,
        )
    )
    return _dump(doc)


class _Planner:
    def __init__(self, index: Index, plans: Path, round_name: str) -> None:
        self.index = index
        self.ri = index.rounds[round_name]
        self.files = _Files(plans, self.ri)
        self.taken = set(self.ri.tasks)
        self.plan = Plan()

    def new_id(self, unit: str) -> str:
        """The unit's next task id: commerce-1, commerce-2 … never one the round has."""
        pattern = re.compile(re.escape(unit) + r"-([0-9]+)")
        used = [int(m[1]) for t in self.taken if (m := pattern.fullmatch(t))]
        tid = f"{unit}-{max(used, default=0) + 1}"
        self.taken.add(tid)
        return tid

    def conflict(self, answer: Answer, row: RowAnswer | None, task: Task) -> None:
        loc = row.loc if row is not None else whole(answer.shown)
        self.plan.diagnostics.append(
            Diagnostic(
                "resubmission-conflict",
                loc,
                _(
                    "task '{id}', made from {unit}'s earlier form, was changed since in {file}; "
                    "planc does not write over the office's edit",
                    id=task.id,
                    unit=self.index.project.registry.units[answer.unit].name,
                    file=task.loc.file,
                ),
                _(
                    "make the unit's correction to the task by hand, or undo the edit and "
                    "import the form again"
                ),
            )
        )

    def unit(self, answer: Answer) -> None:
        registry = self.index.project.registry
        old = self.ri.submissions.get(answer.unit)
        change = UnitChange(answer.shown, registry.units[answer.unit].name)
        change.counts.update(row.decision for row in answer.rows)
        self.plan.units.append(change)
        if old is not None:
            same = _answer_key([_old_key(r) for r in old.rows], old.contact)
            if same == _answer_key([_row_key(r) for r in answer.rows], answer.contact):
                change.unchanged = True
                return
            change.replaced = EarlierForm(old.form, old.form_file, old.received)
        before = {r.row: r for r in old.rows} if old is not None else {}
        made: list[tuple[RowAnswer, str | None]] = []
        for row in answer.rows:
            made.append((row, self.row(answer, row, before.get(row.row), change)))
        answered = {row.row for row in answer.rows}
        for gone in before.values():  # rows answered before, blank now: their tasks go
            task = self._task_of(gone)
            if gone.row not in answered and task is not None:
                if _as_task(task) != _recorded(gone, answer.unit) or task.chapter != _chapter(gone):
                    self.conflict(answer, None, task)
                    continue
                self.files.remove(task)
                change.changes.append(_("{id} removed (its row is empty now)", id=task.id))
        earlier = [*old.earlier, change.replaced] if old and change.replaced else []
        rel = f"{self.ri.round.name}/solicitation/{answer.unit}.yaml"
        self.plan.files[rel] = _record(answer, change.unit, made, earlier)

    def _task_of(self, row: SubmittedRow) -> Task | None:
        if row.task is None or row.decision == "dropped":
            return None
        return self.ri.tasks.get(row.task.id)

    def removed(self, answer: Answer, row: RowAnswer, before: SubmittedRow | None) -> bool:
        """The office removed the task an earlier answer's row made: a correction of the row
        would bring it back, so it is refused like any edit of the office's."""
        if before is None or before.task is None or before.decision == "dropped":
            return False
        if before.task.id in self.ri.tasks or row.decision == "dropped":
            return False
        self.plan.diagnostics.append(
            Diagnostic(
                "resubmission-conflict",
                row.loc,
                _(
                    "task '{id}', made from {unit}'s earlier form, was removed since; planc "
                    "does not bring it back",
                    id=before.task.id,
                    unit=self.index.project.registry.units[answer.unit].name,
                ),
                _("add the task again by hand if the office wants it, or empty this row"),
            )
        )
        return True

    def row(
        self, answer: Answer, row: RowAnswer, before: SubmittedRow | None, change: UnitChange
    ) -> str | None:
        """Make, update or remove the row's task; its id (None: dropped)."""
        if self.removed(answer, row, before):
            return None
        task = self._task_of(before) if before is not None else None
        if task is not None and before is not None:
            recorded = _recorded(before, answer.unit)
            if _as_task(task) != recorded or task.chapter != _chapter(before):
                self.conflict(answer, row, task)
                return task.id
        if row.decision == "dropped":
            if task is not None:
                self.files.remove(task)
                change.changes.append(_("{id} removed (不再列入)", id=task.id))
            return None
        values = _values(row, answer.unit)
        assert row.chapter is not None  # the reader refuses a task row without one
        if task is None:
            tid = self.new_id(answer.unit)
            rel = self.files.add(row.chapter, tid, values)
            self.plan.tasks_added[rel] += 1
            if before is not None or change.replaced is not None:
                change.changes.append(_("{id} added", id=tid))
            return tid
        moved = row.chapter != task.chapter
        fields = _changed_fields(_as_task(task), values, moved)
        if fields:
            self.files.update(task, row.chapter, values)
            change.changes.append(_("{id} revised: {fields}", id=task.id, fields=", ".join(fields)))
        return task.id


def _chapter(row: SubmittedRow) -> str | None:
    return row.chapter.id if row.chapter else None


def plan_import(
    index: Index, plans: Path, round_name: str, answers: list[Answer], received: str
) -> Plan:
    """What importing `answers` writes (nothing yet), unit by unit in the registry's order."""
    planner = _Planner(index, plans, round_name)
    order = list(index.project.registry.units)
    for answer in sorted(answers, key=lambda a: order.index(a.unit)):
        answer.received = received
        planner.unit(answer)
    planner.plan.files.update(planner.files.texts())
    return planner.plan


@dataclass
class Imported:
    diagnostics: list[Diagnostic]
    plan: Plan | None  # None: the forms have errors, nothing was written

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def import_forms(
    index: Index,
    plans: Path,
    round_name: str,
    files: list[tuple[Path, str]],
    received: str,
    before: Mapping[str, bytes],
) -> Imported:
    """Read `files` (path, as the user named it) into the round: every form read and every row
    placed before anything is written; then every file at once, or none. `index` was loaded
    from the sources as `before` (store.snapshot) holds them; SourcesChanged when they differ
    now."""
    answers, diagnostics = read_answers(index, round_name, files)
    result = Imported(diagnostics, None)
    if result.failed:
        return result
    plan = plan_import(index, plans, round_name, answers, received)
    result.diagnostics += plan.diagnostics
    if result.failed:
        return result
    write_plans(plans, round_name, plan.files, before)
    result.plan = plan
    return result
