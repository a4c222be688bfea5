"""plan.json: a round, resolved and cross-linked, for other tools."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from planc import __version__
from planc.index import Index, round_stats
from planc.model import Case, Indicator, Provenance, Task
from planc.progress.export import round_progress, task_progress


def _ids(refs: list[Any]) -> list[str]:
    return [ref.id for ref in refs]


def _provenance(notes: list[Provenance]) -> list[dict[str, Any]]:
    return [{"kind": n.kind, "of": n.of, "reason": n.reason} for n in notes]


def _task(index: Index, name: str, task: Task) -> dict[str, Any]:
    ri = index.rounds[name]
    return {
        "id": task.id,
        "number": task.number,
        "title": task.title,
        "text": task.text,
        "section": task.section,
        "lead": _ids(task.lead),
        "partners": _ids(task.partners),
        "indicators": _ids(task.indicators),
        "cases": _ids(task.cases),
        "benchmarks": _ids(task.benchmarks),
        "continues": task.continues.id if task.continues else None,
        "continued_by": [f"{index.round_of(t)}:{t.id}" for t in ri.continued_by.get(task.id, [])],
        "due": task.due,
        "source": task.source.id if task.source else None,
        "provenance": _provenance(task.provenance),
        **task_progress(ri.progress, task),
    }


def _indicator(index: Index, name: str, ind: Indicator) -> dict[str, Any]:
    return {
        "id": ind.id,
        "title": ind.title,
        "unit": ind.unit,
        "baseline": {"year": ind.baseline_year, "value": ind.baseline}
        if ind.baseline is not None
        else None,
        "targets": ind.targets,
        "tasks": [t.id for t in index.rounds[name].tasks_of_indicator.get(ind.id, [])],
        "source": ind.source.id if ind.source else None,
    }


def _case(index: Index, name: str, case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.title,
        "places": _ids(case.places),
        "summary": case.summary,
        "practices": case.practices,
        "references": [asdict(r) for r in case.references],
        "tasks": [t.id for t in index.rounds[name].tasks_of_case.get(case.id, [])],
        "source": case.source.id if case.source else None,
        "provenance": _provenance(case.provenance),
    }


def plan_json(index: Index, name: str) -> str:
    ri = index.rounds[name]
    rnd = ri.round
    registry = index.project.registry
    used_places = sorted(
        {r.id for c in rnd.cases() for r in c.places}
        | {r.id for t in rnd.tasks() for r in t.benchmarks}
        | {r.id for s in rnd.systems for r in s.benchmark_places}
    )
    places = {}
    for pid in used_places:
        place = registry.places.get(pid)
        if place is not None:
            country = place.country.id if place.country else None
            places[pid] = {
                "name": place.name,
                "en": place.en,
                "kind": place.kind,
                "country": country,
            }
    used_units = sorted({r.id for t in rnd.tasks() for r in t.lead + t.partners})
    pi = index.programme
    phases = [p.title for p in pi.phases_of.get(name, [])] if pi else None
    data = {
        "generator": f"planc {__version__}",
        "round": rnd.name,
        "title": rnd.title,
        "issuer": rnd.issuer,
        "issued": rnd.issued,
        "phase": rnd.phase,
        "goal": rnd.goal,
        "edition": rnd.edition,
        "previous": rnd.previous.id if rnd.previous else None,
        "sources": [
            {"id": s.id, "title": s.title, "publisher": s.publisher, "date": s.date, "url": s.url}
            for s in rnd.sources
        ],
        "programme": pi.programme.title if pi else None,
        "phases": phases,
        "provenance": _provenance(rnd.provenance),
        "figures": round_stats(ri, phases),
        **round_progress(index, name),
        "chapters": [
            {
                "id": c.id,
                "title": c.title,
                "subtitle": c.subtitle,
                "declared_tasks": c.declared_tasks.value if c.declared_tasks else None,
                "tasks": [_task(index, name, t) for t in c.tasks],
            }
            for c in rnd.chapters
        ],
        "indicator_systems": [
            {
                "id": s.id,
                "title": s.title,
                "role": s.role,
                "document": s.document,
                "stages": s.stages,
                "benchmark_places": _ids(s.benchmark_places),
                "dimensions": [
                    {
                        "id": d.id,
                        "title": d.title,
                        "indicators": [_indicator(index, name, i) for i in d.indicators],
                    }
                    for d in s.dimensions
                ],
                "unplaced_indicators": [_indicator(index, name, i) for i in s.unplaced],
            }
            for s in rnd.systems
        ],
        "handbook": {
            "title": rnd.handbook_title,
            "parts": [
                {"id": p.id, "title": p.title, "cases": [_case(index, name, c) for c in p.cases]}
                for p in rnd.parts
            ],
        },
        "places": places,
        "units": {
            uid: {"name": registry.units[uid].name, "en": registry.units[uid].en}
            for uid in used_units
            if uid in registry.units
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
