"""planc consult forms: one .xlsx per member unit, listing the tasks it leads or partners, with
the columns it fills in, and a sheet for comments on the plan as a whole."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planc.consult.sheets import (
    GENERAL_ROWS,
    KIND,
    ROLE,
    general_sheet,
    task_sheet,
)
from planc.errors import PlancError
from planc.i18n import _
from planc.index import Index
from planc.model import Round, Task, Unit
from planc.numbering import task_numbers
from planc.sheets import Form, unit_file, write_forms_into
from planc.sheets.form import Value
from planc.units import chosen_units


@dataclass
class UnitForm:
    unit: Unit
    tasks: int
    file: str
    form: Form


@dataclass(frozen=True)
class Draft:
    """The draft the forms are made from, as git knows it: its commit when the round's files
    are committed unchanged (the import records it, so `planc check` can compare the draft
    with the revised plan); `uncommitted` when they are in a repository with changes. Outside
    a repository there is neither, and nothing to warn about: the office need not use git."""

    revision: str | None = None
    uncommitted: bool = False


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, check=False
        )
    except OSError:  # no git installed: as outside a repository
        return None


def draft_revision(plans: Path, round_name: str) -> Draft:
    folder = plans / round_name
    inside = _git(folder, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.returncode != 0 or inside.stdout.strip() != "true":
        return Draft()
    status = _git(folder, "status", "--porcelain", "--", ".")
    if status is None or status.returncode != 0 or status.stdout.strip():
        return Draft(uncommitted=True)
    head = _git(folder, "rev-parse", "HEAD")
    if head is None or head.returncode != 0:
        return Draft(uncommitted=True)  # a repository without a commit yet
    return Draft(head.stdout.strip())


def _row(rnd: Round, task: Task, numbers: dict[str, int], role: str) -> dict[str, Value]:
    chapters = {c.id: c.title for c in rnd.chapters}
    return {
        "number": numbers.get(task.id),
        "chapter": chapters.get(task.chapter, ""),
        "title": task.title,
        "text": task.text or "",
        "due": task.due or "",
        "role": ROLE[role],
    }


def consulted(index: Index, round_name: str) -> list[str]:
    """The units a consultation of the round asks, in the order of the registry: those that
    lead or partner a task, and those plan.yaml's `consulted:` names."""
    ri = index.rounds[round_name]
    named = {r.id for r in ri.round.consulted}
    return [
        uid for uid in index.project.registry.units if ri.tasks_of_unit.get(uid) or uid in named
    ]


def unit_forms(
    index: Index, round_name: str, number: int, draft: str | None, everyone: bool = False
) -> list[UnitForm]:
    """The forms of one consultation: every unit consulted (`everyone`: every unit of the
    registry), in the order of the registry. A unit without tasks gets the sheet for comments
    on the plan as a whole."""
    ri = index.rounds[round_name]
    rnd = ri.round
    numbers = task_numbers(rnd, every=True)  # the draft consulted on numbers every task
    chapter_titles = tuple(c.title for c in rnd.chapters)
    forms: list[UnitForm] = []
    used: set[str] = set()
    asked = set(index.project.registry.units if everyone else consulted(index, round_name))
    for uid, unit in index.project.registry.units.items():
        tasks = ri.tasks_of_unit.get(uid, [])
        if uid not in asked:
            continue
        sheet = task_sheet(rnd.title, unit.name)
        for task in tasks:
            role = "lead" if any(r.id == uid for r in task.lead) else "partner"
            sheet.rows.append((task.id, _row(rnd, task, numbers, role)))
        general = general_sheet(rnd.title, unit.name, chapter_titles)
        general.rows = [(f"g{n:02d}", {}) for n in range(1, GENERAL_ROWS + 1)]
        meta = {
            "round": round_name,
            "consultation": str(number),
            "unit": uid,
            "unit_name": unit.name,
            "plan": rnd.title,
        }
        if draft:
            meta["draft"] = draft
        name = unit_file(unit.name, uid, f"{round_name}征求意见表（第{number}次）", used)
        forms.append(UnitForm(unit, len(tasks), name, Form(KIND, meta, [sheet, general])))
    return forms


def write_forms(
    index: Index,
    plans: Path,
    round_name: str,
    number: int,
    out: Path,
    units: Sequence[str],
    everyone: bool = False,
) -> tuple[list[UnitForm], Draft]:
    """Write the forms of one consultation into `out` (only those of `units`, ids or names,
    when named; `everyone`: to every unit of the registry), and say which draft they record
    (see Draft). Refuses before writing anything if a form is there already: a unit may have
    filled it."""
    units = chosen_units(index.project.registry, units)
    draft = draft_revision(plans, round_name)
    made = unit_forms(index, round_name, number, draft.revision, everyone or bool(units))
    if units:
        made = [f for f in made if f.unit.id in units]
    if not made:
        raise PlancError(
            _("no unit leads or partners a task of {round}; no forms", round=round_name)
        )
    write_forms_into(out, [(f.file, f.form) for f in made])
    return made, draft
