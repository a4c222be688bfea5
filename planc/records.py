"""Each entity of a round as plain data, written once: plan.json prints these records, planc
diff compares fields of them, planc progress --format json prints the reports. References
are ids; back-links come from the index."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from planc.index import ProgressIndex, RoundIndex
from planc.model import (
    Case,
    Chapter,
    Dimension,
    Indicator,
    IndicatorSystem,
    Milestone,
    Part,
    Place,
    Provenance,
    Ref,
    Report,
    Source,
    Task,
    Unit,
)


def ids(refs: list[Ref]) -> list[str]:
    return [ref.id for ref in refs]


def _id(ref: Ref | None) -> str | None:
    return ref.id if ref else None


def provenance(notes: list[Provenance]) -> list[dict[str, Any]]:
    return [{"kind": n.kind, "of": n.of, "reason": n.reason} for n in notes]


def task(ri: RoundIndex, task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "number": task.number,
        "title": task.title,
        "text": task.text,
        "chapter": task.chapter,
        "section": task.section,
        "lead": ids(task.lead),
        "partners": ids(task.partners),
        "indicators": ids(task.indicators),
        "cases": ids(task.cases),
        "benchmarks": ids(task.benchmarks),
        "campaigns": task.campaigns,
        "continues": _id(task.continues),
        "continued_by": [t.ref for t in ri.continued_by.get(task.id, [])],
        "due": task.due,
        "source": _id(task.source),
        "provenance": provenance(task.provenance),
        **task_progress(ri.progress, task),
    }


def indicator(ri: RoundIndex, ind: Indicator) -> dict[str, Any]:
    baseline = None
    if ind.baseline is not None:
        baseline = {"year": ind.baseline_year, "value": ind.baseline}
    return {
        "id": ind.id,
        "title": ind.title,
        "unit": ind.unit,
        "baseline": baseline,
        "targets": ind.targets,
        "tasks": [t.id for t in ri.tasks_of_indicator.get(ind.id, [])],
        "source": _id(ind.source),
    }


def case(ri: RoundIndex, case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.title,
        "part": case.part,
        "places": ids(case.places),
        "summary": case.summary,
        "practices": case.practices,
        "references": [asdict(r) for r in case.references],
        "tasks": [t.id for t in ri.tasks_of_case.get(case.id, [])],
        "source": _id(case.source),
        "provenance": provenance(case.provenance),
    }


def chapter(chapter: Chapter) -> dict[str, Any]:
    return {
        "id": chapter.id,
        "title": chapter.title,
        "subtitle": chapter.subtitle,
        "declared_tasks": chapter.declared_tasks.value if chapter.declared_tasks else None,
        "sections": [{"title": s.title, "topics": s.topics} for s in chapter.sections],
    }


def milestone(step: Milestone) -> dict[str, Any]:
    """A step of a round's timeline, or an event of the programme; `precision` says how much
    of `date` the record gives (day, month, half-year, year)."""
    return {
        "kind": step.kind,
        "date": step.date,
        "precision": step.precision,
        "until": step.until,
        "text": step.text,
        "units": ids(step.units),
        "source": _id(step.source),
        "provenance": provenance(step.provenance),
    }


def part(ri: RoundIndex, part: Part) -> dict[str, Any]:
    """A part of the handbook with its cases."""
    return {"id": part.id, "title": part.title, "cases": [case(ri, c) for c in part.cases]}


def source(src: Source) -> dict[str, Any]:
    return {
        "id": src.id,
        "title": src.title,
        "publisher": src.publisher,
        "author": src.author,
        "date": src.date,
        "url": src.url,
    }


def place(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "en": place.en,
        "kind": place.kind,
        "country": _id(place.country),
    }


def unit(unit: Unit) -> dict[str, Any]:
    return {"name": unit.name, "en": unit.en, "kind": unit.kind}


def dimension(ri: RoundIndex, dim: Dimension) -> dict[str, Any]:
    return {
        "id": dim.id,
        "title": dim.title,
        "indicators": [indicator(ri, i) for i in dim.indicators],
    }


def system(ri: RoundIndex, system: IndicatorSystem) -> dict[str, Any]:
    return {
        "id": system.id,
        "title": system.title,
        "role": system.role,
        "document": system.document,
        "stages": system.stages,
        "benchmark_places": ids(system.benchmark_places),
        "units": ids(system.units),
        "dimensions": [dimension(ri, d) for d in system.dimensions],
        "unplaced_indicators": [indicator(ri, i) for i in system.unplaced],
    }


def report(report: Report | None) -> dict[str, Any] | None:
    """One unit's report on a task for a period."""
    if report is None:
        return None
    return {
        "status": report.status,
        "percent": report.percent,
        "note": report.note,
        "evidence": report.evidence,
        "unit": _id(report.unit),
        "date": report.date,
    }


def task_progress(pi: ProgressIndex | None, task: Task) -> dict[str, Any]:
    """`"progress": {"as_of", "state", "period", "report"}` where the round has progress."""
    if pi is None or pi.latest is None:
        return {}
    state = pi.state(task, pi.latest)
    return {
        "progress": {
            "as_of": pi.latest.name,
            "state": state.state,
            "period": state.last[0].name if state.last else None,
            "report": report(state.last[1] if state.last else None),
        }
    }
