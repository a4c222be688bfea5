"""plan.json: a round, resolved and cross-linked, for other tools."""

from __future__ import annotations

import json

from planc import __version__, records
from planc.index import Index, round_stats
from planc.progress.export import round_progress


def plan_json(index: Index, name: str) -> str:
    ri = index.rounds[name]
    rnd = ri.round
    registry = index.project.registry
    used_places = sorted(
        {r.id for c in rnd.cases() for r in c.places}
        | {r.id for t in rnd.tasks() for r in t.benchmarks}
        | {r.id for s in rnd.systems for r in s.benchmark_places}
        | {r.id for r in rnd.benchmark_regions}
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
    pi = index.programme
    events = pi.programme.events if pi else []
    used_units = sorted(
        {r.id for t in rnd.tasks() for r in t.lead + t.partners}
        | {r.id for m in rnd.milestones + events for r in m.units}
        | {r.id for s in rnd.systems for r in s.units}
    )
    phases = [p.title for p in pi.phases_of.get(name, [])] if pi else None
    data = {
        "generator": f"planc {__version__}",
        "round": rnd.name,
        "title": rnd.title,
        "issuer": rnd.issuer,
        "issued": rnd.issued_on,
        "phase": rnd.phase,
        "goal": rnd.goal,
        "edition": rnd.edition,
        "previous": rnd.previous.id if rnd.previous else None,
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "author": s.author,
                "date": s.date,
                "url": s.url,
            }
            for s in rnd.sources
        ],
        "milestones": [records.milestone(m) for m in rnd.milestones],
        "benchmark_regions": records.ids(rnd.benchmark_regions),
        "programme": pi.programme.title if pi else None,
        "programme_events": [records.milestone(m) for m in events],
        "phases": phases,
        "provenance": records.provenance(rnd.provenance),
        "figures": round_stats(ri, phases),
        **round_progress(index, name),
        "chapters": [
            {
                **records.chapter(c),
                "tasks": [records.task(ri, t) for t in c.tasks],
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
                "benchmark_places": records.ids(s.benchmark_places),
                "units": records.ids(s.units),
                "dimensions": [
                    {
                        "id": d.id,
                        "title": d.title,
                        "indicators": [records.indicator(ri, i) for i in d.indicators],
                    }
                    for d in s.dimensions
                ],
                "unplaced_indicators": [records.indicator(ri, i) for i in s.unplaced],
            }
            for s in rnd.systems
        ],
        "handbook": {
            "title": rnd.handbook_title,
            "parts": [
                {"id": p.id, "title": p.title, "cases": [records.case(ri, c) for c in p.cases]}
                for p in rnd.parts
            ],
        },
        "places": places,
        "units": {
            uid: {
                "name": registry.units[uid].name,
                "en": registry.units[uid].en,
                "kind": registry.units[uid].kind,
            }
            for uid in used_units
            if uid in registry.units
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
