"""Each entity of a round as plain data, written once: plan.json prints these records and
planc diff compares fields of them. References are ids; back-links come from the index."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from planc.index import RoundIndex
from planc.model import Case, Chapter, Indicator, Milestone, Provenance, Ref, Task
from planc.progress.export import task_progress


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
