"""planc solicit forms: one .xlsx per member unit (任务征集表) — its candidate tasks prefilled to
keep, revise or drop, blank rows for new tasks, drop-downs of the round's chapters, the
registry's units and the round's indicators, by their Chinese names.

Who is a member unit (成员单位): every unit of kind `department`, a department of the city —
the committee's members, who lead its tasks. Bodies (the committee, its office, leading
groups, the congress) set the work rather than take it on, and organisations (firms,
universities, international bodies) are outside the city government: neither is asked, unless
a candidate names it, since then it has a task to answer for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planc.errors import UsageError
from planc.i18n import _
from planc.index import STATES, Index, RoundIndex
from planc.model import Round, Task, Unit
from planc.numbering import task_numbers
from planc.sheets import Form, unit_file, write_forms_into
from planc.sheets.form import Value
from planc.solicit.sheets import (
    CONTACT_ROWS,
    KEEP,
    KIND,
    NEW_ROWS,
    candidate_sheet,
    contact_sheet,
    new_sheet,
)
from planc.units import chosen_units

MEMBER_KIND = "department"


@dataclass
class UnitForm:
    unit: Unit
    candidates: int
    file: str
    form: Form


@dataclass
class Forms:
    forms: list[UnitForm]
    unassigned: int  # candidates no unit is asked about (their task names no lead)


def asked(index: Index, ri: RoundIndex) -> tuple[dict[str, list[Task]], int]:
    """Each unit's candidate tasks, in the candidates' order: the units a candidate names, else
    its task's first lead unit (牵头: the one answerable for it); and how many candidates go
    to no unit."""
    found = ri.round.candidates
    units = index.project.registry.units
    by_unit: dict[str, list[Task]] = {}
    unassigned = 0
    if found is None:
        return by_unit, 0
    for item in found.items:
        task = index.task(item.task.id)
        if task is None:
            continue  # an unknown-reference of planc check
        who = [r.id for r in item.units] or [r.id for r in task.lead[:1]]
        who = [uid for uid in dict.fromkeys(who) if uid in units]
        if not who:
            unassigned += 1
        for uid in who:
            by_unit.setdefault(uid, []).append(task)
    return by_unit, unassigned


def _progress(index: Index, task: Task) -> str:
    """How far the task got by its round's latest progress period (上轮进展)."""
    pi = index.rounds[task.round].progress
    if pi is None or pi.latest is None:
        return "（无督查记录）"
    state = pi.state(task, pi.latest)
    percent = state.last[1].percent if state.last else None
    shown = f"{pi.latest.name} {STATES[state.state]}"
    return f"{shown} {percent}%" if percent is not None else shown


def _candidate_row(
    index: Index, rnd: Round, task: Task, numbers: dict[str, int]
) -> dict[str, Value]:
    units = index.project.registry.units
    indicators = {i.id: i.title for i in rnd.indicators()}
    chapters = {c.id: c.title for c in rnd.chapters}
    return {
        "number": numbers.get(task.id),
        "last_due": task.due or "",
        "progress": _progress(index, task),
        "decision": KEEP,
        "chapter": chapters.get(task.chapter),
        "title": task.title,
        "text": task.text,
        "partners": "、".join(units[r.id].name for r in task.partners if r.id in units) or None,
        "indicators": "、".join(indicators[r.id] for r in task.indicators if r.id in indicators)
        or None,
    }


def unit_forms(index: Index, round_name: str) -> Forms:
    """The forms of the round's solicitation: every member unit's, and any other unit's that
    is asked about a candidate, in the order of the registry."""
    ri = index.rounds[round_name]
    rnd = ri.round
    registry = index.project.registry
    by_unit, unassigned = asked(index, ri)
    source = (
        rnd.candidates.source_round.id if rnd.candidates and rnd.candidates.source_round else ""
    )
    numbers = task_numbers(index.rounds[source].round) if source in index.rounds else {}
    lists = (
        tuple(c.title for c in rnd.chapters),
        tuple(u.name for u in registry.units.values()),
        tuple(dict.fromkeys(i.title for i in rnd.indicators())),
    )
    made: list[UnitForm] = []
    used: set[str] = set()
    for uid, unit in registry.units.items():
        if unit.kind != MEMBER_KIND and uid not in by_unit:
            continue
        tasks = by_unit.get(uid, [])
        contact = contact_sheet(rnd.title, unit.name, source)
        contact.rows = [(key, {"item": item}) for key, item in CONTACT_ROWS]
        candidates = candidate_sheet(rnd.title, unit.name, source, lists)
        candidates.rows = [(t.ref, _candidate_row(index, rnd, t, numbers)) for t in tasks]
        new = new_sheet(rnd.title, unit.name, lists)
        new.rows = [(f"n{n:02d}", {}) for n in range(1, NEW_ROWS + 1)]
        meta = {"round": round_name, "unit": uid, "unit_name": unit.name, "plan": rnd.title}
        if source:
            meta["from"] = source
        name = unit_file(unit.name, uid, f"{round_name}任务征集表", used)
        form = Form(KIND, meta, [contact, candidates, new])
        made.append(UnitForm(unit, len(tasks), name, form))
    return Forms(made, unassigned)


def write_forms(index: Index, round_name: str, out: Path, units: Sequence[str]) -> Forms:
    """Write the forms into `out` (only those of `units`, by id or name, when named). Refuses
    before writing anything if a form is there already: a unit may have filled it."""
    chosen = chosen_units(index.project.registry, units)
    rnd = index.rounds[round_name].round
    if not rnd.chapters:
        raise UsageError(
            _(
                "{file} lists no chapters; the forms' 部分 list would be empty: add the "
                "chapters first",
                file=rnd.plan_file,
            )
        )
    found = unit_forms(index, round_name)
    if chosen:
        found.forms = [f for f in found.forms if f.unit.id in chosen]
        missing = [uid for uid in chosen if uid not in {f.unit.id for f in found.forms}]
        if missing:
            unit = index.project.registry.units[missing[0]]
            kinds = {"body": _("a body of the city"), "organisation": _("an organisation")}
            raise UsageError(
                _(
                    "{unit} is {kind}, not a member unit (a department), and no candidate names "
                    "it: it has no form",
                    unit=unit.name,
                    kind=kinds.get(unit.kind, unit.kind),
                )
            )
    write_forms_into(out, [(f.file, f.form) for f in found.forms])
    return found
