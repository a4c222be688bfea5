"""planc sheet export: the round as the office's workbook. Each sheet's rows are made here
from the sources, and the import makes them again from the sources as they are then, to
tell what a clerk changed (a cell that reads back as it was written is no change)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planc.index import Index, RoundIndex
from planc.model import Comment, Round
from planc.numbering import task_numbers
from planc.sheets import Form, write_form
from planc.sheets.form import Value
from planc.sheets.write import fresh_path
from planc.workbook.names import Names
from planc.workbook.sheets import (
    DISPOSITIONS,
    KIND,
    UNIT_KINDS,
    YES,
    case_sheet,
    comment_sheet,
    indicator_sheet,
    task_sheet,
    unit_sheet,
)

Rows = list[tuple[str, dict[str, Value]]]
WHOLE_PLAN = "计划整体"


@dataclass
class Lookups:
    """Every name the workbook writes for an id, and back."""

    units: Names
    places: Names
    indicators: Names
    cases: Names
    chapters: Names
    parts: Names
    systems: Names
    sections: dict[str, list[str]]  # chapter id -> its sections' titles
    dimensions: dict[str, Names]  # system id -> its dimensions
    numbers: dict[str, int]  # task id -> the number readers see (numbering.task_numbers)
    tasks: Names  # by title, for `changed:` without a number


def lookups(index: Index, name: str) -> Lookups:
    ri = index.rounds[name]
    rnd = ri.round
    registry = index.project.registry
    return Lookups(
        units=Names.of((u.id, u.name) for u in registry.units.values()),
        places=Names.of((p.id, p.name) for p in registry.places.values()),
        indicators=Names.of((i.id, i.title) for i in rnd.indicators()),
        cases=Names.of((c.id, c.title) for c in rnd.cases()),
        chapters=Names.of((c.id, c.title) for c in rnd.chapters),
        parts=Names.of((p.id, p.title) for p in rnd.parts),
        systems=Names.of((s.id, s.title) for s in rnd.systems),
        sections={c.id: [s.title for s in c.sections] for c in rnd.chapters},
        dimensions={s.id: Names.of((d.id, d.title) for d in s.dimensions) for s in rnd.systems},
        numbers=task_numbers(rnd, every=True),  # comments cite the draft's numbers
        tasks=Names.of((t.id, t.title) for t in rnd.tasks()),
    )


def _value(value: object) -> str:
    return "" if value is None else str(value)


def task_rows(rnd: Round, lk: Lookups) -> Rows:
    rows: Rows = []
    for chapter in rnd.chapters:
        for t in chapter.tasks:
            values: dict[str, Value] = {
                "number": t.number,
                "chapter": lk.chapters.label(chapter.id),
                "section": t.section,
                "title": t.title,
                "text": t.text,
                "lead": lk.units.joined((r.id for r in t.lead), "、"),
                "partners": lk.units.joined((r.id for r in t.partners), "、"),
                "indicators": lk.indicators.joined((r.id for r in t.indicators), "\n"),
                "cases": lk.cases.joined((r.id for r in t.cases), "\n"),
                "due": t.due,
            }
            rows.append((t.id, values))
    return rows


def case_rows(rnd: Round, lk: Lookups) -> Rows:
    return [
        (
            c.id,
            {
                "part": lk.parts.label(part.id),
                "title": c.title,
                "places": lk.places.joined((r.id for r in c.places), "、"),
                "summary": c.summary,
                "practices": "\n".join(c.practices),
            },
        )
        for part in rnd.parts
        for c in part.cases
    ]


def targets_text(targets: dict[str, object]) -> str:
    return "\n".join(f"{key}：{_value(value)}" for key, value in targets.items())


def indicator_rows(rnd: Round, lk: Lookups) -> Rows:
    rows: Rows = []
    for system in rnd.systems:
        placed = [(d.id, i) for d in system.dimensions for i in d.indicators]
        for dim, ind in [*placed, *(("", i) for i in system.unplaced)]:
            values: dict[str, Value] = {
                "system": lk.systems.label(system.id),
                "dimension": lk.dimensions[system.id].label(dim) if dim else None,
                "title": ind.title,
                "unit": ind.unit,
                "baseline_year": ind.baseline_year,
                "baseline": _value(ind.baseline) or None,
                "targets": targets_text(dict(ind.targets)) or None,
                "carried": system.carried_from.id if system.carried_from else None,
            }
            rows.append((ind.id, values))
    return rows


def unit_rows(index: Index, name: str) -> Rows:
    asked = {r.id for r in index.rounds[name].round.consulted}
    return [
        (
            u.id,
            {
                "name": u.name,
                "kind": UNIT_KINDS.get(u.kind, u.kind),
                "en": u.en,
                "consulted": YES if u.id in asked else None,
            },
        )
        for u in index.project.registry.units.values()
    ]


def task_label(lk: Lookups, tid: str) -> str:
    """A task as the comments sheet names it: its number, else its title."""
    number = lk.numbers.get(tid)
    return str(number) if number is not None else lk.tasks.label(tid)


def _about(c: Comment, lk: Lookups) -> str:
    if c.task is not None:
        number = lk.numbers.get(c.task.id)
        title = lk.tasks.label(c.task.id)
        return f"第{number}项 {title}" if number is not None else title
    if c.chapter is not None:
        return lk.chapters.label(c.chapter.id)
    return WHOLE_PLAN


def comment_row_id(number: int, comment: str) -> str:
    return f"{number}:{comment}"


def comment_rows(rnd: Round, lk: Lookups) -> Rows:
    return [
        (
            comment_row_id(record.number, c.id),
            {
                "consultation": record.number,
                "unit": lk.units.label(c.unit.id) if c.unit else None,
                "about": _about(c, lk),
                "text": c.text or None,
                "proposal": c.proposal,
                "disposition": DISPOSITIONS.get(c.disposition or "", c.disposition),
                "reason": c.reason,
                "changed": "、".join(task_label(lk, r.id) for r in c.changed) or None,
            },
        )
        for record in rnd.consultations
        for c in record.comments
    ]


def sheets_of(index: Index, name: str, lk: Lookups) -> Form:
    ri: RoundIndex = index.rounds[name]
    rnd = ri.round
    sections = tuple(dict.fromkeys(t for titles in lk.sections.values() for t in titles))
    dimensions = tuple(
        dict.fromkeys(label for names in lk.dimensions.values() for label in names.choices())
    )
    tasks = task_sheet(
        rnd.title,
        lk.chapters.choices(),
        sections,
        lk.units.choices(),
        lk.indicators.choices(),
        lk.cases.choices(),
    )
    tasks.rows = task_rows(rnd, lk)
    cases = case_sheet(rnd.handbook_title or rnd.title, lk.parts.choices(), lk.places.choices())
    cases.rows = case_rows(rnd, lk)
    indicators = indicator_sheet(rnd.title, lk.systems.choices(), dimensions)
    indicators.rows = indicator_rows(rnd, lk)
    units = unit_sheet()
    units.rows = unit_rows(index, name)
    comments = comment_sheet(rnd.title)
    comments.rows = comment_rows(rnd, lk)
    sheets = [tasks, cases, indicators, units]
    if comments.rows:
        sheets.append(comments)
    return Form(KIND, {"round": name, "plan": rnd.title}, sheets)


@dataclass(frozen=True)
class Exported:
    path: Path
    counts: dict[str, int]  # sheet key -> rows


def export(index: Index, name: str, out: Path) -> Exported:
    """Write the round's workbook to `out`; refuses to write over a file (it may be one the
    office has edited)."""
    fresh_path(out)
    form = sheets_of(index, name, lookups(index, name))
    write_form(form, out)
    return Exported(out, {s.key: len(s.rows) for s in form.sheets})
