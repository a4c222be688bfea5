"""Units named as clerks name them: a source may call a unit by its id (`commerce`), by its
Chinese name (青岛市商务局), by that name without the city (市商务局) or by an alias the
registry lists. Once the registry is read, every unit reference of the project is made the id
it names, so the index, the checks and every output see ids only. The files are not touched:
`lead: [市商务局]` stays as written. A name that names no unit, or two, is left as written
and reported by the checks (`unknown-reference`, with the closest names and ids)."""

from __future__ import annotations

from planc.model import Project, Ref, Registry


def _one(ref: Ref | None, registry: Registry) -> Ref | None:
    if ref is None or ref.id in registry.units:
        return ref
    uid = registry.unit_id(ref.id)
    return ref if uid is None else Ref(uid, ref.loc)


def _many(refs: list[Ref], registry: Registry) -> None:
    for at, ref in enumerate(refs):
        if ref.id not in registry.units:  # the common case, an id, costs one lookup
            uid = registry.unit_id(ref.id)
            if uid is not None:
                refs[at] = Ref(uid, ref.loc)


def resolve_units(project: Project) -> None:
    """Every unit reference of `project` made the id it names (in place)."""
    registry = project.registry
    if not registry.unit_names():
        return  # no registry read, or units without names: nothing to resolve
    if project.programme is not None:
        for event in project.programme.events:
            _many(event.units, registry)
    for rnd in project.rounds.values():
        for step in rnd.milestones:
            _many(step.units, registry)
        for system in rnd.systems:
            _many(system.units, registry)
        for task in rnd.all_tasks():
            _many(task.lead, registry)
            _many(task.partners, registry)
        for record in rnd.consultations:
            for response in record.responses:
                response.unit = _one(response.unit, registry)
            for comment in record.comments:
                comment.unit = _one(comment.unit, registry)
        if rnd.candidates is not None:
            for candidate in rnd.candidates.items:
                _many(candidate.units, registry)
        for submission in rnd.submissions:
            submission.unit = _one(submission.unit, registry)
            for row in submission.rows:
                _many(row.partners, registry)
        for progress in rnd.progress:
            for report in progress.reports:
                report.unit = _one(report.unit, registry)
            for form in progress.forms:
                form.unit = _one(form.unit, registry)
