"""planc consult forms: one .xlsx per member unit, listing the tasks it leads or partners, with
the columns it fills in, and a sheet for comments on the plan as a whole."""

from __future__ import annotations

import re
import subprocess
import unicodedata
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
from planc.errors import PlancError, UsageError
from planc.i18n import _
from planc.index import Index
from planc.model import Round, Task, Unit
from planc.numbering import task_numbers
from planc.sheets import Form, write_form
from planc.sheets.form import Value

# Characters Windows refuses in file names, and its reserved device names.
WINDOWS_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)
}
MAX_NAME = 120  # characters; Windows paths stop at 260, and the folder takes its share


@dataclass
class UnitForm:
    unit: Unit
    tasks: int
    file: str
    form: Form


def safe_name(name: str) -> str:
    """A file name any Windows, macOS or Linux accepts, keeping the Chinese."""
    name = unicodedata.normalize("NFC", WINDOWS_BAD.sub("_", name)).strip().rstrip(". ")
    stem = name.split(".", 1)[0]
    if stem.upper() in WINDOWS_RESERVED:
        name = "_" + name
    return name[:MAX_NAME] or "_"


def draft_revision(plans: Path, round_name: str) -> str | None:
    """The git commit the round's files are at, when they are committed unchanged; the import
    records it so `planc check` can compare the draft with the revised plan."""
    folder = plans / round_name
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        if status.returncode != 0 or status.stdout.strip():
            return None
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return head.stdout.strip() if head.returncode == 0 else None


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


def unit_forms(index: Index, round_name: str, number: int, draft: str | None) -> list[UnitForm]:
    """The forms of one consultation: every unit that leads or partners a task of the round,
    in the order of the registry."""
    ri = index.rounds[round_name]
    rnd = ri.round
    numbers = task_numbers(rnd)
    chapter_titles = tuple(c.title for c in rnd.chapters)
    forms: list[UnitForm] = []
    used: set[str] = set()
    for uid, unit in index.project.registry.units.items():
        tasks = ri.tasks_of_unit.get(uid, [])
        if not tasks:
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
        name = safe_name(f"{unit.name}-{round_name}征求意见表（第{number}次）") + ".xlsx"
        if name.casefold() in used:
            name = safe_name(f"{unit.name}-{uid}-{round_name}征求意见表（第{number}次）") + ".xlsx"
        used.add(name.casefold())
        forms.append(UnitForm(unit, len(tasks), name, Form(KIND, meta, [sheet, general])))
    return forms


def write_forms(
    index: Index, plans: Path, round_name: str, number: int, out: Path, units: Sequence[str]
) -> tuple[list[UnitForm], str | None]:
    """Write the forms of one consultation into `out` (only those of `units`, when named),
    and say which draft they record (None: the round is not committed unchanged in git).
    Refuses before writing anything if a form is there already: a unit may have filled it."""
    registry = index.project.registry.units
    for uid in units:
        if uid not in registry:
            raise UsageError(_("no unit '{unit}' in registry/units.yaml", unit=uid))
    draft = draft_revision(plans, round_name)
    made = unit_forms(index, round_name, number, draft)
    if units:
        made = [f for f in made if f.unit.id in units]
    if not made:
        raise PlancError(
            _("no unit leads or partners a task of {round}; no forms", round=round_name)
        )
    if out.exists() and not out.is_dir():
        raise UsageError(_("--out {out} is a file, not a folder", out=out))
    there = [f.file for f in made if (out / f.file).exists()]
    if there:
        more = _(" and {count} more forms", count=len(there) - 1) if len(there) > 1 else ""
        raise UsageError(
            _(
                "{out} already holds {file}{more}; planc does not write over forms (a filled one "
                "would be lost): use another --out folder",
                out=out.as_posix(),
                file=there[0],
                more=more,
            )
        )
    out.mkdir(parents=True, exist_ok=True)
    for form in made:
        write_form(form.form, out / form.file)
    return made, draft
